/* rs-pdf-layout.c */
#include "rs-pdf-layout.h"
#include "rs-i18n.h"

#include <string.h>

#define LEADING        1.4    /* line height, in font sizes: CJK text needs air */
#define CELL_PAD       3.0
#define PHOTO_GAP      10.0
#define MIN_TEXT_WIDTH 4.0    /* in body sizes: the least a text column gives up to figures */
#define PHOTO_ASPECT   0.75   /* photo boxes are 4:3 */
#define BLOCK_GAP      0.7    /* space after a block, in body sizes */
#define COLOR_TEXT     0x000000
#define COLOR_LABEL    0x444444
#define COLOR_GRID     0x555555
#define COLOR_RULE     0x333333
#define COLOR_HEAD     0xE6E6E6
#define COLOR_FOOT     0xF3F3F3
#define COLOR_MARK     0xC00000
#define COLOR_NOTE     0xA04000

/* ---- measuring and line breaking ---- */

double
rs_pdf_layout_text_width (RsPdfFont *font, const char *text, gssize length, double size)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);
  gint64 units = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    units += rs_pdf_font_char_width (font, g_utf8_get_char (p));
  return units * size / 1000.0;
}

/* Closing punctuation never starts a line, opening punctuation never ends one (禁则). */
static const char no_line_start[] = "!%),.:;?]}¢°·’”…‥、。〉》」』】〕〗〙〛﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞！％），．：；？］｝～";
static const char no_line_end[] = "([{£¥‘“〈《「『【〔〖〘〚（［｛￡￥";

static gboolean
in_set (const char *set, gunichar c)
{
  return c > 0 && g_utf8_strchr (set, -1, c) != NULL;
}

static gboolean
is_cjk (gunichar c)
{
  return g_unichar_iswide (c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

static gboolean
has_wide (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iswide (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

typedef enum {
  BREAK_NEVER,
  BREAK_WEAK,     /* only inside a word too long for the line: after - or / */
  BREAK_GOOD,     /* after a space, around CJK characters */
} Break;

/* May a line end between prev and c? */
static Break
can_break (gunichar prev, gunichar c)
{
  if (c == ' ' || in_set (no_line_start, c) || in_set (no_line_end, prev))
    return BREAK_NEVER;
  if (prev == ' ' || is_cjk (prev) || is_cjk (c))
    return BREAK_GOOD;
  /* Long codes and paths ("SN-2026-000123/SN-2026-000124"), not phone numbers that fit. */
  return (prev == '-' || prev == '/') && g_unichar_isalnum (c) ? BREAK_WEAK : BREAK_NEVER;
}

static void
add_line (GPtrArray *lines, const char *start, const char *end)
{
  while (end > start && end[-1] == ' ')
    end--;
  g_ptr_array_add (lines, g_strndup (start, end - start));
}

static void
wrap_paragraph (RsPdfFont *font, const char *start, const char *end, double size, double width,
                GPtrArray *lines)
{
  const char *line = start;

  while (line < end)
    {
      const char *brk = NULL;   /* the latest good place for the line to end */
      const char *weak = NULL;  /* the latest place inside a word */
      const char *p = line;
      gunichar prev = 0;
      double used = 0;

      for (; p < end; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          double advance = rs_pdf_font_char_width (font, c) * size / 1000.0;
          Break kind = p > line ? can_break (prev, c) : BREAK_NEVER;

          if (kind == BREAK_GOOD)
            brk = p;
          else if (kind == BREAK_WEAK)
            weak = p;
          /* Spaces may hang over the edge: the line ends after them. */
          if (p > line && c != ' ' && used + advance > width)
            break;
          used += advance;
          prev = c;
        }
      if (p >= end)
        {
          add_line (lines, line, end);
          return;
        }
      if (brk == NULL)
        brk = weak;
      if (brk == NULL)
        {
          /* No place to break: cut between characters, keeping closing punctuation
           * with the character before it. */
          brk = p;
          if (in_set (no_line_start, g_utf8_get_char (brk)) && g_utf8_prev_char (brk) > line)
            brk = g_utf8_prev_char (brk);
        }
      add_line (lines, line, brk);
      line = brk;
      while (line < end && *line == ' ')
        line++;
    }
}

GPtrArray *
rs_pdf_layout_wrap (RsPdfFont *font, const char *text, double size, double width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  for (;;)
    {
      const char *end = strchr (p, '\n');

      if (end == NULL)
        end = p + strlen (p);
      if (p == end)
        g_ptr_array_add (lines, g_strdup (""));
      else
        wrap_paragraph (font, p, end, size, width, lines);
      if (*end == '\0')
        return lines;
      p = end + 1;
    }
}

/* ---- the flow of blocks over pages ---- */

typedef struct {
  const RsPdfPage   *page;
  RsPdfFont         *font;
  const RsPdfHeader *header;
  RsPdfCanvas       *canvas;      /* NULL while counting pages */
  RsPdfCanvasImage  *logo;
  GHashTable        *images;      /* RsPdfImage → RsPdfCanvasImage */
  GError            *error;
  guint              n_pages;     /* the total, when drawing */
  guint              page_no;
  double             left, right, width;
  double             body_top, bottom;
  double             header_height;
  double             y;
  double             body, small;
  gboolean           fresh;       /* nothing on the current page yet */
} Flow;

static double
baseline (double top, double size)
{
  return top + size * (LEADING - 1) / 2 + size * 0.88;
}

static double
width_of (Flow *flow, const char *text, double size)
{
  return rs_pdf_layout_text_width (flow->font, text, -1, size);
}

static void
text_at (Flow *flow, double x, double top, double size, const char *text, guint32 color, gboolean bold)
{
  if (flow->canvas != NULL)
    rs_pdf_canvas_text (flow->canvas, x, baseline (top, size), size, text, color, bold);
}

static void
text_aligned (Flow *flow, double x, double width, double top, double size, const char *text,
              RsPdfAlign align, guint32 color, gboolean bold)
{
  double used;

  if (flow->canvas == NULL)
    return;
  used = width_of (flow, text, size);
  if (align == RS_PDF_ALIGN_CENTER)
    x += (width - used) / 2;
  else if (align == RS_PDF_ALIGN_RIGHT)
    x += width - used;
  text_at (flow, x, top, size, text, color, bold);
}

/* The company block, title, number, QR code and reprint mark; returns its height. The
 * title is centred, the company to its left (above it when the title leaves too little
 * room), the QR code of the number on the right. */
static double
draw_header (Flow *flow, gboolean draw)
{
  const RsPdfPage *page = flow->page;
  const RsPdfHeader *h = flow->header;
  double top = page->margin_top;
  double qr = h->number != NULL && *h->number != '\0' ? page->qr_size : 0;
  double text_right = flow->right - (qr > 0 ? qr + 8 : 0);
  double name_size = flow->body + 3;
  gboolean has_title = h->title != NULL && *h->title != '\0';
  double title_w = has_title ? width_of (flow, h->title, page->title_size) : 0;
  double number_w = h->number_label != NULL ? width_of (flow, h->number_label, flow->small) : 0;
  double block_w = MAX (title_w, number_w);
  double title_h = (has_title ? page->title_size * 1.3 : 0) + (h->number_label != NULL ? flow->small * LEADING : 0);
  double logo_h = 0, logo_w = 0, x, y, cx, company_right, company_h, title_top, height;
  g_autoptr(GPtrArray) name_lines = NULL;
  g_autoptr(GPtrArray) address_lines = NULL;

  if (h->reprint != NULL)
    {
      double mark_w = width_of (flow, h->reprint, flow->small) + 8;

      if (draw)
        {
          rs_pdf_canvas_stroke_rect (flow->canvas, text_right - mark_w, top, mark_w, flow->small * 1.8, 0.8, COLOR_MARK);
          text_at (flow, text_right - mark_w + 4, top + flow->small * 0.2, flow->small, h->reprint, COLOR_MARK, FALSE);
        }
      text_right -= mark_w + 8;
    }
  cx = MIN ((flow->left + flow->right) / 2, text_right - block_w / 2);

  if (h->logo != NULL)
    {
      logo_h = page->qr_size * 0.62;
      logo_w = MIN (logo_h * h->logo->width / h->logo->height, logo_h * 3);
      logo_h = logo_w * h->logo->height / h->logo->width;
      if (draw && flow->logo != NULL)
        rs_pdf_canvas_image (flow->canvas, flow->logo, flow->left, top, logo_w, logo_h);
    }
  x = flow->left + (logo_w > 0 ? logo_w + 6 : 0);
  company_right = block_w > 0 ? cx - block_w / 2 - 12 : text_right;
  if (company_right - x < flow->width * 0.22)
    company_right = text_right;
  name_lines = h->company != NULL && *h->company != '\0' ?
    rs_pdf_layout_wrap (flow->font, h->company, name_size, company_right - x) : g_ptr_array_new ();
  address_lines = h->address != NULL && *h->address != '\0' ?
    rs_pdf_layout_wrap (flow->font, h->address, flow->small, company_right - x) : g_ptr_array_new ();
  y = top;
  for (guint i = 0; i < name_lines->len; i++, y += name_size * 1.25)
    if (draw)
      text_at (flow, x, y, name_size, name_lines->pdata[i], COLOR_TEXT, TRUE);
  for (guint i = 0; i < address_lines->len; i++, y += flow->small * 1.3)
    if (draw)
      text_at (flow, x, y, flow->small, address_lines->pdata[i], COLOR_LABEL, FALSE);
  company_h = MAX (logo_h, y - top);

  title_top = company_right < text_right || company_h == 0 ? top : top + company_h + 4;
  if (draw && has_title)
    text_at (flow, cx - title_w / 2, title_top, page->title_size, h->title, COLOR_TEXT, TRUE);
  if (draw && h->number_label != NULL)
    text_at (flow, cx - number_w / 2, title_top + (has_title ? page->title_size * 1.3 : 0), flow->small,
             h->number_label, COLOR_TEXT, FALSE);
  if (draw && qr > 0)
    rs_pdf_canvas_qr (flow->canvas, h->number, flow->right - qr, top, qr);

  height = MAX (MAX (company_h, title_top + title_h - top), qr);
  if (height == 0 && h->reprint == NULL)
    return 0;   /* no header at all: no rule either */
  if (draw)
    rs_pdf_canvas_line (flow->canvas, flow->left, top + height + 3, flow->right, top + height + 3, 0.8, COLOR_RULE);
  return height;
}

char *
rs_pdf_layout_page_label (guint page, guint n_pages)
{
  /* TRANSLATORS: the page number at the foot of every page of a printed document. */
  return g_strdup_printf (_("Page %u of %u"), page, n_pages);
}

/* Page number at the foot; the copies of multi-part paper along the right edge. */
static void
page_furniture (Flow *flow)
{
  const RsPdfPage *page = flow->page;
  g_autofree char *number = rs_pdf_layout_page_label (flow->page_no, flow->n_pages);
  char **labels = flow->header->copy_labels;

  text_aligned (flow, flow->left, flow->width, page->height - page->margin_bottom - flow->small * LEADING,
                flow->small, number, RS_PDF_ALIGN_CENTER, COLOR_LABEL, FALSE);
  if (labels != NULL && labels[0] != NULL)
    {
      guint n = g_strv_length (labels);
      double top = page->margin_top, span = (page->height - page->margin_bottom - top) / n;
      double x = page->width - page->margin_right + RS_PDF_MM (4);

      for (guint i = 0; i < n; i++)
        {
          const char *label = labels[i];
          double length = width_of (flow, label, flow->small);

          if (!has_wide (label))
            {
              rs_pdf_canvas_text_down (flow->canvas, x, top + span * i + (span - length) / 2, flow->small,
                                       label, COLOR_TEXT);
              continue;
            }
          /* Chinese stands upright, one character under the other, as on printed forms. */
          length = g_utf8_strlen (label, -1) * flow->small;
          for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
            {
              char one[8] = { 0 };
              double y = top + span * i + (span - length) / 2 + g_utf8_pointer_to_offset (label, p) * flow->small;

              g_unichar_to_utf8 (g_utf8_get_char (p), one);
              rs_pdf_canvas_text (flow->canvas, x + (flow->small - width_of (flow, one, flow->small)) / 2,
                                  y + flow->small * 0.88, flow->small, one, COLOR_TEXT, FALSE);
            }
        }
    }
}

static void
new_page (Flow *flow)
{
  flow->page_no++;
  if (flow->canvas != NULL)
    {
      rs_pdf_canvas_add_page (flow->canvas, flow->page->width, flow->page->height);
      draw_header (flow, TRUE);
      page_furniture (flow);
    }
  flow->y = flow->body_top;
  flow->fresh = TRUE;
}

/* Starts a new page unless `height` fits below the cursor (or the page is still empty:
 * then what does not fit on a page is continued by its block). */
static void
need (Flow *flow, double height)
{
  if (flow->y + height > flow->bottom && !flow->fresh)
    new_page (flow);
  flow->fresh = FALSE;
}

static double
line_height (double size)
{
  return size * LEADING;
}

/* The least of a block worth starting a page with: what a heading is kept with. */
static double
min_height (Flow *flow, const RsPdfBlock *block)
{
  double lh = line_height (flow->body);

  if (block == NULL)
    return 0;
  switch (block->kind)
    {
    case RS_PDF_BLOCK_PHOTOS:
      {
        double cell = (flow->width - PHOTO_GAP * (flow->page->photo_columns - 1)) / flow->page->photo_columns;

        return cell * PHOTO_ASPECT + line_height (flow->small) + 4;
      }
    case RS_PDF_BLOCK_TABLE:
      return 3 * lh + 4 * CELL_PAD;
    case RS_PDF_BLOCK_SIGNATURES:
      return 2.2 * lh;
    case RS_PDF_BLOCK_PAGE_BREAK:
      return 0;
    case RS_PDF_BLOCK_HEADING:
    case RS_PDF_BLOCK_TEXT:
    case RS_PDF_BLOCK_FIELDS:
      break;
    }
  return 2 * lh;
}

static void
block_heading (Flow *flow, const char *text, const RsPdfBlock *next)
{
  double size = flow->body + 2;
  g_autoptr(GPtrArray) lines = rs_pdf_layout_wrap (flow->font, text, size, flow->width);

  /* Never alone at the foot of a page. */
  need (flow, lines->len * line_height (size) + 3 + flow->body * BLOCK_GAP + min_height (flow, next));
  for (guint i = 0; i < lines->len; i++)
    {
      text_at (flow, flow->left, flow->y, size, lines->pdata[i], COLOR_TEXT, TRUE);
      flow->y += line_height (size);
    }
  if (flow->canvas != NULL)
    rs_pdf_canvas_line (flow->canvas, flow->left, flow->y, flow->right, flow->y, 0.4, COLOR_GRID);
  flow->y += 3;
}

static void
block_text (Flow *flow, const char *text)
{
  g_autoptr(GPtrArray) lines = rs_pdf_layout_wrap (flow->font, text, flow->body, flow->width);

  for (guint i = 0; i < lines->len; i++)
    {
      need (flow, line_height (flow->body));
      text_at (flow, flow->left, flow->y, flow->body, lines->pdata[i], COLOR_TEXT, FALSE);
      flow->y += line_height (flow->body);
    }
}

static void
block_fields (Flow *flow, guint columns, GPtrArray *strings)
{
  guint n = strings->len / 2;
  double cell = flow->width / columns;
  double label_w[4] = { 0 };
  double lh = line_height (flow->body);

  /* Labels of a column line up, up to 45 % of the cell. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf (_("%s:"), (char *) strings->pdata[2 * i]);
      double w = width_of (flow, label, flow->body) + 4;

      label_w[i % columns] = MIN (MAX (label_w[i % columns], w), cell * 0.45);
    }
  for (guint row = 0; row * columns < n; row++)
    {
      GPtrArray *values[4] = { NULL };
      guint most = 1;

      for (guint c = 0; c < columns && row * columns + c < n; c++)
        {
          values[c] = rs_pdf_layout_wrap (flow->font, strings->pdata[2 * (row * columns + c) + 1], flow->body,
                                          cell - label_w[c] - 6);
          most = MAX (most, values[c]->len);
        }
      need (flow, most * lh);
      for (guint c = 0; c < columns && values[c] != NULL; c++)
        {
          double x = flow->left + c * cell;
          g_autofree char *label = g_strdup_printf (_("%s:"), (char *) strings->pdata[2 * (row * columns + c)]);
          g_autoptr(GPtrArray) label_lines = rs_pdf_layout_wrap (flow->font, label, flow->body, label_w[c] - 4);

          text_at (flow, x, flow->y, flow->body, label_lines->pdata[0], COLOR_LABEL, FALSE);
          for (guint i = 0; i < values[c]->len; i++)
            text_at (flow, x + label_w[c], flow->y + i * lh, flow->body, values[c]->pdata[i], COLOR_TEXT, FALSE);
          g_ptr_array_unref (values[c]);
        }
      flow->y += most * lh;
    }
}

typedef struct {
  GPtrArray *cells;   /* GPtrArray of lines, per column */
  guint      lines;   /* the most lines of a cell */
} Row;

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->cells, g_ptr_array_unref);
}

static Row
row_wrap (Flow *flow, RsPdfTable *table, const double *widths, char **cells)
{
  Row row = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref), 1 };

  for (guint c = 0; c < table->columns->len; c++)
    {
      GPtrArray *lines = rs_pdf_layout_wrap (flow->font, cells[c], flow->body, widths[c] - 2 * CELL_PAD);

      row.lines = MAX (row.lines, lines->len);
      g_ptr_array_add (row.cells, lines);
    }
  return row;
}

/* Draws lines [first, first + count) of a row as one band of cells. */
static void
row_draw (Flow *flow, RsPdfTable *table, const double *widths, const Row *row, guint first, guint count,
          guint32 fill, gboolean header_row)
{
  double lh = line_height (flow->body);
  double height = count * lh + 2 * CELL_PAD;
  double x = flow->left;

  if (flow->canvas != NULL)
    {
      if (fill != 0xFFFFFF)
        rs_pdf_canvas_fill_rect (flow->canvas, flow->left, flow->y, flow->width, height, fill);
      for (guint c = 0; c < table->columns->len; c++)
        {
          const RsPdfColumn *column = &g_array_index (table->columns, RsPdfColumn, c);
          GPtrArray *lines = row->cells->pdata[c];

          for (guint i = first; i < first + count && i < lines->len; i++)
            text_aligned (flow, x + CELL_PAD, widths[c] - 2 * CELL_PAD, flow->y + CELL_PAD + (i - first) * lh,
                          flow->body, lines->pdata[i], header_row ? RS_PDF_ALIGN_CENTER : column->align,
                          COLOR_TEXT, header_row);
          rs_pdf_canvas_stroke_rect (flow->canvas, x, flow->y, widths[c], height, 0.5, COLOR_GRID);
          x += widths[c];
        }
    }
  flow->y += height;
}

/* A row (or what is left of it) on as many pages as it takes, the header row first on
 * each new page. A row moves to the next page whole, unless it is taller than a page. */
static void
row_flow (Flow *flow, RsPdfTable *table, const double *widths, const Row *head, const Row *row,
          guint32 fill)
{
  double lh = line_height (flow->body);
  double head_h = head->lines * lh + 2 * CELL_PAD;
  gboolean page_top = FALSE;
  guint first = 0;

  while (first < row->lines)
    {
      double height = (row->lines - first) * lh + 2 * CELL_PAD;

      if (flow->y + height <= flow->bottom)
        {
          row_draw (flow, table, widths, row, first, row->lines - first, fill, FALSE);
          return;
        }
      if (height > flow->bottom - flow->body_top - head_h)
        {
          guint fits = (guint) MAX (0.0, (flow->bottom - flow->y - 2 * CELL_PAD) / lh);

          /* Even a page too small for one line makes progress. */
          if (fits == 0 && page_top)
            fits = 1;
          if (fits > 0)
            {
              row_draw (flow, table, widths, row, first, fits, fill, FALSE);
              first += fits;
              if (first >= row->lines)
                return;
            }
        }
      new_page (flow);
      flow->fresh = FALSE;
      row_draw (flow, table, widths, head, 0, head->lines, COLOR_HEAD, TRUE);
      page_top = TRUE;
    }
}

/* The widest line of a cell. */
static double
cell_width (Flow *flow, const char *text)
{
  double widest = 0;

  for (const char *p = text; ; )
    {
      const char *end = strchr (p, '\n');

      widest = MAX (widest, rs_pdf_layout_text_width (flow->font, p, end != NULL ? end - p : -1, flow->body));
      if (end == NULL)
        return widest;
      p = end + 1;
    }
}

/* Figures (right-aligned cells) are never broken over two lines: a column too narrow for
 * its widest figure takes what it lacks from the others, each giving in proportion to what
 * it can spare: a figure column down to its own widest figure, any other column down to
 * MIN_TEXT_WIDTH body sizes (text wraps). Tables whose figures fit keep their weights. */
static void
fit_figures (Flow *flow, RsPdfTable *table, double *widths)
{
  guint n = table->columns->len;
  g_autofree double *least = g_new0 (double, n);
  double lacking = 0, spare = 0, moved;

  for (guint c = 0; c < n; c++)
    {
      if (g_array_index (table->columns, RsPdfColumn, c).align != RS_PDF_ALIGN_RIGHT)
        least[c] = MIN (widths[c], MIN_TEXT_WIDTH * flow->body + 2 * CELL_PAD);
      else
        {
          for (guint r = 0; r <= table->rows->len; r++)
            {
              char **cells = r < table->rows->len ? table->rows->pdata[r] : table->footer;

              if (cells != NULL)
                least[c] = MAX (least[c], cell_width (flow, cells[c]));
            }
          /* Half a point for the rounding of the widths summed while wrapping. */
          least[c] += 2 * CELL_PAD + 0.5;
        }
      if (least[c] > widths[c])
        lacking += least[c] - widths[c];
      else
        spare += widths[c] - least[c];
    }
  if (lacking == 0 || spare == 0)
    return;
  moved = MIN (lacking, spare);
  for (guint c = 0; c < n; c++)
    if (least[c] > widths[c])
      widths[c] += (least[c] - widths[c]) * moved / lacking;
    else
      widths[c] -= (widths[c] - least[c]) * moved / spare;
}

static void
block_table (Flow *flow, RsPdfTable *table)
{
  guint n = table->columns->len;
  g_autofree double *widths = g_new0 (double, MAX (n, 1));
  g_autofree char **titles = g_new0 (char *, n + 1);
  double total = 0, lh = line_height (flow->body);
  Row head, first;

  if (n == 0)
    return;
  for (guint c = 0; c < n; c++)
    total += g_array_index (table->columns, RsPdfColumn, c).weight;
  for (guint c = 0; c < n; c++)
    {
      widths[c] = flow->width * g_array_index (table->columns, RsPdfColumn, c).weight / total;
      titles[c] = g_array_index (table->columns, RsPdfColumn, c).title;
    }
  fit_figures (flow, table, widths);
  head = row_wrap (flow, table, widths, titles);

  /* The header row never stands alone at the foot of a page. */
  first = table->rows->len > 0 ? row_wrap (flow, table, widths, table->rows->pdata[0]) : (Row) { NULL, 0 };
  need (flow, (head.lines + MIN (first.lines, 3)) * lh + 4 * CELL_PAD);
  row_clear (&first);
  row_draw (flow, table, widths, &head, 0, head.lines, COLOR_HEAD, TRUE);

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row row = row_wrap (flow, table, widths, table->rows->pdata[r]);

      row_flow (flow, table, widths, &head, &row, 0xFFFFFF);
      row_clear (&row);
    }
  if (table->footer != NULL)
    {
      Row row = row_wrap (flow, table, widths, table->footer);

      row_flow (flow, table, widths, &head, &row, COLOR_FOOT);
      row_clear (&row);
    }
  row_clear (&head);
}

static void
block_signatures (Flow *flow, GPtrArray *strings)
{
  guint n = strings->len / 2;
  double cell = flow->width / MAX (n, 1);
  double lh = line_height (flow->body);

  need (flow, 2.2 * lh);
  flow->y += lh;   /* room to sign above the line */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf (_("%s:"), (char *) strings->pdata[2 * i]);
      const char *name = strings->pdata[2 * i + 1];
      double x = flow->left + i * cell;
      double label_w = MIN (width_of (flow, label, flow->body) + 4, cell * 0.5);

      text_at (flow, x, flow->y, flow->body, label, COLOR_LABEL, FALSE);
      text_at (flow, x + label_w, flow->y, flow->body, name, COLOR_TEXT, FALSE);
      if (flow->canvas != NULL)
        rs_pdf_canvas_line (flow->canvas, x + label_w, flow->y + lh - 1, x + cell - 12, flow->y + lh - 1,
                            0.5, COLOR_GRID);
    }
  flow->y += lh;
}

static RsPdfCanvasImage *
canvas_image (Flow *flow, const RsPdfImage *image)
{
  RsPdfCanvasImage *loaded = g_hash_table_lookup (flow->images, image);

  if (loaded == NULL && flow->error == NULL)
    {
      loaded = rs_pdf_canvas_add_image (flow->canvas, image, &flow->error);
      if (loaded != NULL)
        g_hash_table_insert (flow->images, (gpointer) image, loaded);
    }
  return loaded;
}

static void
block_photos (Flow *flow, GPtrArray *photos)
{
  guint columns = MIN (flow->page->photo_columns, 8);   /* the captions of a row, below */
  double gap = PHOTO_GAP;
  double cell = (flow->width - gap * (columns - 1)) / columns;
  double box = cell * PHOTO_ASPECT;
  double caption_lh = line_height (flow->small);

  for (guint start = 0; start < photos->len; start += columns)
    {
      GPtrArray *captions[8] = { NULL };
      guint most = 0;

      for (guint c = 0; c < columns && start + c < photos->len; c++)
        {
          RsPdfPhoto *photo = photos->pdata[start + c];

          captions[c] = rs_pdf_layout_wrap (flow->font, photo->caption, flow->small, cell);
          most = MAX (most, *photo->caption != '\0' ? captions[c]->len : 0);
        }
      need (flow, box + most * caption_lh + 4);
      for (guint c = 0; c < columns && start + c < photos->len; c++)
        {
          RsPdfPhoto *photo = photos->pdata[start + c];
          double x = flow->left + c * (cell + gap);

          if (photo->image != NULL && flow->canvas != NULL)
            {
              RsPdfCanvasImage *image = canvas_image (flow, photo->image);
              double scale = MIN (cell / photo->image->width, box / photo->image->height);
              double w = photo->image->width * scale, h = photo->image->height * scale;

              if (image != NULL)
                rs_pdf_canvas_image (flow->canvas, image, x + (cell - w) / 2, flow->y + (box - h) / 2, w, h);
            }
          else if (photo->image == NULL)
            {
              /* The note takes the photo's place, framed like one. */
              g_autoptr(GPtrArray) note = rs_pdf_layout_wrap (flow->font, photo->note, flow->body, cell - 12);
              double top = flow->y + (box - note->len * line_height (flow->body)) / 2;

              if (flow->canvas != NULL)
                rs_pdf_canvas_stroke_rect (flow->canvas, x, flow->y, cell, box, 0.6, COLOR_NOTE);
              for (guint i = 0; i < note->len; i++)
                text_aligned (flow, x + 6, cell - 12, top + i * line_height (flow->body), flow->body,
                              note->pdata[i], RS_PDF_ALIGN_CENTER, COLOR_NOTE, FALSE);
            }
          if (*photo->caption != '\0')
            for (guint i = 0; i < captions[c]->len; i++)
              text_aligned (flow, x, cell, flow->y + box + 2 + i * caption_lh, flow->small,
                            captions[c]->pdata[i], RS_PDF_ALIGN_CENTER, COLOR_LABEL, FALSE);
          g_ptr_array_unref (captions[c]);
        }
      flow->y += box + most * caption_lh + 4 + (start + columns < photos->len ? gap : 0);
    }
}

guint
rs_pdf_layout_run (const RsPdfPage *page, RsPdfFont *font, const RsPdfHeader *header,
                   GPtrArray *blocks, RsPdfCanvas *canvas, guint n_pages, GError **error)
{
  g_autoptr(GHashTable) images = g_hash_table_new (NULL, NULL);
  Flow flow = {
    .page = page, .font = font, .header = header, .canvas = canvas, .images = images,
    .n_pages = n_pages,
    .left = page->margin_left, .right = page->width - page->margin_right,
    .width = page->width - page->margin_left - page->margin_right,
    .body = page->body_size, .small = page->body_size - 1.5,
  };

  if (canvas != NULL && header->logo != NULL)
    flow.logo = canvas_image (&flow, header->logo);
  flow.header_height = draw_header (&flow, FALSE);
  flow.body_top = page->margin_top + flow.header_height + 10;
  flow.bottom = page->height - page->margin_bottom - flow.small * LEADING - 4;
  new_page (&flow);

  for (guint i = 0; i < blocks->len && flow.error == NULL; i++)
    {
      RsPdfBlock *block = blocks->pdata[i];

      switch (block->kind)
        {
        case RS_PDF_BLOCK_HEADING:
          block_heading (&flow, block->strings->pdata[0],
                         i + 1 < blocks->len ? blocks->pdata[i + 1] : NULL);
          break;
        case RS_PDF_BLOCK_TEXT:
          block_text (&flow, block->strings->pdata[0]);
          break;
        case RS_PDF_BLOCK_FIELDS:
          block_fields (&flow, block->columns, block->strings);
          break;
        case RS_PDF_BLOCK_TABLE:
          block_table (&flow, block->table);
          break;
        case RS_PDF_BLOCK_SIGNATURES:
          block_signatures (&flow, block->strings);
          break;
        case RS_PDF_BLOCK_PHOTOS:
          block_photos (&flow, block->photos);
          break;
        case RS_PDF_BLOCK_PAGE_BREAK:
          if (!flow.fresh)
            new_page (&flow);
          continue;
        }
      flow.y += flow.body * BLOCK_GAP;
    }
  if (flow.error != NULL)
    {
      g_propagate_error (error, flow.error);
      return 0;
    }
  return flow.page_no;
}
