/* rs-pdf-document.c — the model, and rendering: pictures, then the font for exactly the
 * characters used, then two layout passes (count the pages, then draw with the total). */
#include "rs-pdf-document-private.h"
#include "rs-pdf-canvas.h"
#include "rs-pdf-layout.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <stdarg.h>

struct _RsPdfDocument
{
  GObject        parent_instance;
  RsPdfTemplate  paper;
  char          *company;
  char          *address;
  char          *logo_path;
  char          *title;
  char          *number;
  char          *font_file;
  char         **copy_labels;
  gboolean       copy_labels_set;
  guint          print_count;
  gint64         time_us;
  gboolean       whole_font;
  GPtrArray     *blocks;      /* RsPdfBlock */
  guint          n_pages;
};

G_DEFINE_FINAL_TYPE (RsPdfDocument, rs_pdf_document, G_TYPE_OBJECT)

static void
table_free (RsPdfTable *table)
{
  for (guint i = 0; i < table->columns->len; i++)
    g_free (g_array_index (table->columns, RsPdfColumn, i).title);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_strfreev (table->footer);
  g_free (table);
}

static void
photo_free (RsPdfPhoto *photo)
{
  g_free (photo->path);
  g_free (photo->caption);
  rs_pdf_image_free (photo->image);
  g_free (photo->note);
  g_free (photo);
}

static void
block_free (RsPdfBlock *block)
{
  g_clear_pointer (&block->strings, g_ptr_array_unref);
  g_clear_pointer (&block->table, table_free);
  g_clear_pointer (&block->photos, g_ptr_array_unref);
  g_free (block);
}

static void
rs_pdf_document_finalize (GObject *object)
{
  RsPdfDocument *self = RS_PDF_DOCUMENT (object);

  g_free (self->company);
  g_free (self->address);
  g_free (self->logo_path);
  g_free (self->title);
  g_free (self->number);
  g_free (self->font_file);
  g_strfreev (self->copy_labels);
  g_ptr_array_unref (self->blocks);
  G_OBJECT_CLASS (rs_pdf_document_parent_class)->finalize (object);
}

static void
rs_pdf_document_class_init (RsPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_pdf_document_finalize;
}

static void
rs_pdf_document_init (RsPdfDocument *self)
{
  self->print_count = 1;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

RsPdfDocument *
rs_pdf_document_new (RsPdfTemplate paper)
{
  RsPdfDocument *self = g_object_new (RS_TYPE_PDF_DOCUMENT, NULL);

  self->paper = rs_pdf_template_get (paper)->id;
  return self;
}

RsPdfTemplate
rs_pdf_document_get_template (RsPdfDocument *self)
{
  g_return_val_if_fail (RS_IS_PDF_DOCUMENT (self), RS_PDF_TEMPLATE_A4);
  return self->paper;
}

/* A copy of caller text: NULL is "", tabs are spaces, carriage returns go. Validity is
 * checked when rendering, where the error can be reported. */
static char *
text_copy (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");
  char *out = copy;

  for (const char *in = copy; *in != '\0'; in++)
    if (*in != '\r')
      *out++ = *in == '\t' ? ' ' : *in;
  *out = '\0';
  return copy;
}

static void
replace (char **field, const char *text)
{
  g_free (*field);
  *field = text != NULL ? text_copy (text) : NULL;
}

void
rs_pdf_document_set_company (RsPdfDocument *self, const char *name, const char *address, const char *logo_path)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  replace (&self->company, name);
  replace (&self->address, address);
  g_free (self->logo_path);
  self->logo_path = g_strdup (logo_path);
}

void
rs_pdf_document_set_title (RsPdfDocument *self, const char *title, const char *number)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  replace (&self->title, title);
  replace (&self->number, number);
}

void
rs_pdf_document_set_print_count (RsPdfDocument *self, guint count)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  self->print_count = count;
}

void
rs_pdf_document_set_time (RsPdfDocument *self, gint64 time_us)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  self->time_us = time_us;
}

void
rs_pdf_document_set_copy_labels (RsPdfDocument *self, const char * const *labels)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  g_strfreev (self->copy_labels);
  self->copy_labels = NULL;
  if (labels != NULL)
    {
      self->copy_labels = g_new0 (char *, g_strv_length ((char **) labels) + 1);
      for (guint i = 0; labels[i] != NULL; i++)
        self->copy_labels[i] = text_copy (labels[i]);
    }
  self->copy_labels_set = TRUE;
}

void
rs_pdf_document_set_font_file (RsPdfDocument *self, const char *path)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  g_free (self->font_file);
  self->font_file = g_strdup (path);
}

void
rs_pdf_document_set_whole_font (RsPdfDocument *self, gboolean whole_font)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  self->whole_font = whole_font;
}

static RsPdfBlock *
add_block (RsPdfDocument *self, RsPdfBlockKind kind)
{
  RsPdfBlock *block = g_new0 (RsPdfBlock, 1);

  block->kind = kind;
  block->strings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
rs_pdf_document_add_heading (RsPdfDocument *self, const char *text)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  g_ptr_array_add (add_block (self, RS_PDF_BLOCK_HEADING)->strings, text_copy (text));
}

void
rs_pdf_document_add_text (RsPdfDocument *self, const char *text)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  g_ptr_array_add (add_block (self, RS_PDF_BLOCK_TEXT)->strings, text_copy (text));
}

/* label, value, label, value …, NULL: a NULL value is "", only a NULL label ends the list. */
static void
add_pairs (RsPdfBlock *block, const char *first_label, va_list args)
{
  for (const char *label = first_label; label != NULL; label = va_arg (args, const char *))
    {
      g_ptr_array_add (block->strings, text_copy (label));
      g_ptr_array_add (block->strings, text_copy (va_arg (args, const char *)));
    }
}

static void
add_pairsv (RsPdfBlock *block, const char * const *pairs)
{
  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      g_ptr_array_add (block->strings, text_copy (pairs[i]));
      g_ptr_array_add (block->strings, text_copy (pairs[i + 1]));
    }
}

void
rs_pdf_document_add_fields (RsPdfDocument *self, guint columns, const char *first_label, ...)
{
  RsPdfBlock *block;
  va_list args;

  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  g_return_if_fail (columns >= 1 && columns <= 4);
  block = add_block (self, RS_PDF_BLOCK_FIELDS);
  block->columns = columns;
  va_start (args, first_label);
  add_pairs (block, first_label, args);
  va_end (args);
}

void
rs_pdf_document_add_fieldsv (RsPdfDocument *self, guint columns, const char * const *pairs)
{
  RsPdfBlock *block;

  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  g_return_if_fail (columns >= 1 && columns <= 4);
  g_return_if_fail (pairs != NULL);
  block = add_block (self, RS_PDF_BLOCK_FIELDS);
  block->columns = columns;
  add_pairsv (block, pairs);
}

void
rs_pdf_document_add_signaturesv (RsPdfDocument *self, const char * const *pairs)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  g_return_if_fail (pairs != NULL);
  add_pairsv (add_block (self, RS_PDF_BLOCK_SIGNATURES), pairs);
}

void
rs_pdf_document_add_signatures (RsPdfDocument *self, const char *first_label, ...)
{
  va_list args;

  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  va_start (args, first_label);
  add_pairs (add_block (self, RS_PDF_BLOCK_SIGNATURES), first_label, args);
  va_end (args);
}

RsPdfTable *
rs_pdf_document_add_table (RsPdfDocument *self)
{
  RsPdfBlock *block;

  g_return_val_if_fail (RS_IS_PDF_DOCUMENT (self), NULL);
  block = add_block (self, RS_PDF_BLOCK_TABLE);
  block->table = g_new0 (RsPdfTable, 1);
  block->table->columns = g_array_new (FALSE, TRUE, sizeof (RsPdfColumn));
  block->table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return block->table;
}

void
rs_pdf_document_add_photo (RsPdfDocument *self, const char *path, const char *caption)
{
  RsPdfBlock *last;
  RsPdfPhoto *photo;

  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  g_return_if_fail (path != NULL);
  last = self->blocks->len > 0 ? self->blocks->pdata[self->blocks->len - 1] : NULL;
  if (last == NULL || last->kind != RS_PDF_BLOCK_PHOTOS)
    {
      last = add_block (self, RS_PDF_BLOCK_PHOTOS);
      last->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) photo_free);
    }
  photo = g_new0 (RsPdfPhoto, 1);
  photo->path = g_strdup (path);
  photo->caption = text_copy (caption);
  g_ptr_array_add (last->photos, photo);
}

void
rs_pdf_document_add_page_break (RsPdfDocument *self)
{
  g_return_if_fail (RS_IS_PDF_DOCUMENT (self));
  add_block (self, RS_PDF_BLOCK_PAGE_BREAK);
}

void
rs_pdf_table_add_column (RsPdfTable *table, const char *title, double weight, RsPdfAlign align)
{
  RsPdfColumn column = { text_copy (title), weight > 0 ? weight : 1, align };

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->rows->len == 0 && table->footer == NULL);
  g_array_append_val (table->columns, column);
}

/* Exactly one cell per column: missing cells are empty, extra ones a programming error. */
static char **
cells_copy (RsPdfTable *table, const char *first_cell, va_list *args, const char * const *cells)
{
  char **row = g_new0 (char *, table->columns->len + 1);
  const char *cell = args != NULL ? first_cell : cells[0];
  guint n = 0;

  for (; cell != NULL; n++)
    {
      if (n < table->columns->len)
        row[n] = text_copy (cell);
      cell = args != NULL ? va_arg (*args, const char *) : cells[n + 1];
    }
  if (n > table->columns->len)
    g_critical ("A table row has %u cells for %u columns", n, table->columns->len);
  for (; n < table->columns->len; n++)
    row[n] = g_strdup ("");
  return row;
}

void
rs_pdf_table_add_row (RsPdfTable *table, const char *first_cell, ...)
{
  va_list args;

  g_return_if_fail (table != NULL);
  va_start (args, first_cell);
  g_ptr_array_add (table->rows, cells_copy (table, first_cell, &args, NULL));
  va_end (args);
}

void
rs_pdf_table_add_rowv (RsPdfTable *table, const char * const *cells)
{
  g_return_if_fail (table != NULL && cells != NULL);
  g_ptr_array_add (table->rows, cells_copy (table, NULL, NULL, cells));
}

void
rs_pdf_table_set_footer (RsPdfTable *table, const char *first_cell, ...)
{
  va_list args;

  g_return_if_fail (table != NULL);
  g_strfreev (table->footer);
  va_start (args, first_cell);
  table->footer = cells_copy (table, first_cell, &args, NULL);
  va_end (args);
}

void
rs_pdf_table_set_footerv (RsPdfTable *table, const char * const *cells)
{
  g_return_if_fail (table != NULL && cells != NULL);
  g_strfreev (table->footer);
  table->footer = cells_copy (table, NULL, NULL, cells);
}

/* ---- rendering ---- */

/* Adds the characters of text to chars, refusing text that cannot be printed as it is. */
static gboolean
collect (RsPdfFont *font, hb_set_t *chars, const char *text, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The text “%s” is not valid UTF-8, so it cannot be printed. Correct it and print again."), shown);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        continue;
      if (c < 0x20 || !rs_pdf_font_has_char (font, c))
        {
          char shown_char[8] = { 0 };
          g_autofree char *start = g_utf8_substring (text, 0, 40);
          g_autofree char *shown = g_strconcat (start, g_utf8_strlen (text, -1) > 40 ? "…" : "", NULL);

          g_unichar_to_utf8 (c, shown_char);
          g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                       _("The document font has no character “%s” (U+%04X), used in “%s”. "
                         "Change the text, or choose a font that has it in the settings."),
                       shown_char, c, shown);
          return FALSE;
        }
      hb_set_add (chars, c);
    }
  return TRUE;
}

static gboolean
collect_strv (RsPdfFont *font, hb_set_t *chars, char **strings, GError **error)
{
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    if (!collect (font, chars, strings[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
collect_blocks (RsPdfDocument *self, RsPdfFont *font, hb_set_t *chars, GError **error)
{
  for (guint b = 0; b < self->blocks->len; b++)
    {
      RsPdfBlock *block = self->blocks->pdata[b];

      for (guint i = 0; i < block->strings->len; i++)
        if (!collect (font, chars, block->strings->pdata[i], error))
          return FALSE;
      if (block->table != NULL)
        {
          for (guint i = 0; i < block->table->columns->len; i++)
            if (!collect (font, chars, g_array_index (block->table->columns, RsPdfColumn, i).title, error))
              return FALSE;
          for (guint i = 0; i < block->table->rows->len; i++)
            if (!collect_strv (font, chars, block->table->rows->pdata[i], error))
              return FALSE;
          if (!collect_strv (font, chars, block->table->footer, error))
            return FALSE;
        }
      for (guint i = 0; block->photos != NULL && i < block->photos->len; i++)
        {
          RsPdfPhoto *photo = block->photos->pdata[i];

          if (!collect (font, chars, photo->caption, error) || !collect (font, chars, photo->note, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
prepare_photo (gpointer data, gpointer user_data)
{
  RsPdfPhoto *photo = data;
  g_autoptr(GError) local_error = NULL;

  photo->image = rs_pdf_image_load_photo (photo->path, &local_error);
  if (photo->image == NULL)
    photo->note = g_strdup_printf (_("Photo left out: %s"), local_error->message);
}

/* Decodes the photos once per document, several at a time (decoding a phone photo is
 * most of what a report costs); a file that is no picture becomes a note. */
static void
prepare_photos (RsPdfDocument *self, GPtrArray *warnings)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  for (guint b = 0; b < self->blocks->len; b++)
    {
      RsPdfBlock *block = self->blocks->pdata[b];

      for (guint i = 0; block->photos != NULL && i < block->photos->len; i++)
        {
          RsPdfPhoto *photo = block->photos->pdata[i];

          g_ptr_array_add (all, photo);
          if (photo->image == NULL && photo->note == NULL)
            g_ptr_array_add (pending, photo);
        }
    }
  if (pending->len > 1)
    {
      GThreadPool *pool = g_thread_pool_new (prepare_photo, NULL, MIN (pending->len, g_get_num_processors ()),
                                             FALSE, NULL);

      for (guint i = 0; i < pending->len; i++)
        g_thread_pool_push (pool, pending->pdata[i], NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }
  else if (pending->len == 1)
    prepare_photo (pending->pdata[0], NULL);

  for (guint i = 0; i < all->len; i++)
    {
      RsPdfPhoto *photo = all->pdata[i];

      if (photo->note != NULL)
        g_ptr_array_add (warnings, g_strdup (photo->note));
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_set_t, hb_set_destroy)

GBytes *
rs_pdf_document_render (RsPdfDocument *self, char ***warnings, GError **error)
{
  const RsPdfPage *page;
  g_autoptr(GPtrArray) warned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RsPdfFont) font = NULL;
  g_autoptr(RsPdfImage) logo = NULL;
  g_autoptr(RsPdfCanvas) canvas = NULL;
  g_autoptr(hb_set_t) chars = hb_set_create ();
  g_autofree char *number_label = NULL;
  g_autofree char *reprint = NULL;
  g_autofree char *info_title = NULL;
  g_autofree char *colon = NULL;
  g_autofree char *page_sample = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) copy_labels = NULL;
  RsPdfHeader header = { 0 };
  GBytes *bytes;
  guint n_pages;

  g_return_val_if_fail (RS_IS_PDF_DOCUMENT (self), NULL);
  if (warnings != NULL)
    *warnings = NULL;
  page = rs_pdf_template_get (self->paper);

  font = rs_pdf_font_get (self->font_file, error);
  if (font == NULL)
    return NULL;

  if (self->logo_path != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      logo = rs_pdf_image_load_logo (self->logo_path, &local_error);
      if (logo == NULL)
        g_ptr_array_add (warned, g_strdup_printf (_("The logo was left out: %s"), local_error->message));
    }
  prepare_photos (self, warned);

  header.company = self->company;
  header.address = self->address;
  header.logo = logo;
  header.title = self->title;
  header.number = self->number;
  if (self->number != NULL && *self->number != '\0')
    number_label = g_strdup_printf (_("No. %s"), self->number);
  header.number_label = number_label;
  if (self->print_count >= 2)
    /* TRANSLATORS: marks a reprint: the count includes the first print. */
    reprint = g_strdup_printf (_("Printing no. %u"), self->print_count);
  header.reprint = reprint;
  labels = self->copy_labels_set ? g_strdupv (self->copy_labels) :
           page->copy_labels ? rs_pdf_template_copy_labels () : NULL;
  if (labels != NULL && labels[0] != NULL)
    {
      copy_labels = g_new0 (char *, g_strv_length (labels) + 1);
      for (guint i = 0; labels[i] != NULL; i++)
        /* TRANSLATORS: a ply of multi-part paper: "Copy 1: Stub copy". */
        copy_labels[i] = g_strdup_printf (_("Copy %u: %s"), i + 1, labels[i]);
    }
  header.copy_labels = copy_labels;

  /* The font gets exactly the characters that will be drawn. */
  colon = g_strdup_printf (_("%s:"), "");
  page_sample = rs_pdf_layout_page_label (0, 0);
  if (!collect (font, chars, "0123456789", error) ||
      !collect (font, chars, colon, error) ||
      !collect (font, chars, page_sample, error) ||
      !collect (font, chars, header.company, error) ||
      !collect (font, chars, header.address, error) ||
      !collect (font, chars, header.title, error) ||
      !collect (font, chars, header.number_label, error) ||
      !collect (font, chars, header.reprint, error) ||
      !collect_strv (font, chars, copy_labels, error) ||
      !collect_blocks (self, font, chars, error))
    return NULL;

  canvas = rs_pdf_canvas_new ();
  if (!rs_pdf_canvas_set_font (canvas, font, chars, self->whole_font, error))
    return NULL;
  info_title = g_strjoin (" ", self->title != NULL ? self->title : "", self->number != NULL ? self->number : "", NULL);
  rs_pdf_canvas_set_info (canvas, g_strstrip (info_title), self->time_us);

  n_pages = rs_pdf_layout_run (page, font, &header, self->blocks, NULL, 0, error);
  if (n_pages == 0 || rs_pdf_layout_run (page, font, &header, self->blocks, canvas, n_pages, error) == 0)
    return NULL;
  bytes = rs_pdf_canvas_finish (canvas, error);
  if (bytes == NULL)
    return NULL;

  self->n_pages = n_pages;
  if (warnings != NULL && warned->len > 0)
    {
      g_ptr_array_add (warned, NULL);
      *warnings = (char **) g_ptr_array_steal (warned, NULL);
    }
  return bytes;
}

gboolean
rs_pdf_document_save (RsPdfDocument *self, const char *path, char ***warnings, GError **error)
{
  g_autoptr(GBytes) bytes = rs_pdf_document_render (self, warnings, error);
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  /* Written beside the target and renamed over it: never a half-written file. */
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("The PDF could not be saved as “%s”: %s"),
                   path, local_error->message);
      if (warnings != NULL)
        g_clear_pointer (warnings, g_strfreev);
      return FALSE;
    }
  return TRUE;
}

guint
rs_pdf_document_get_n_pages (RsPdfDocument *self)
{
  g_return_val_if_fail (RS_IS_PDF_DOCUMENT (self), 0);
  return self->n_pages;
}
