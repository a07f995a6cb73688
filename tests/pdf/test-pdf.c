/* test-pdf.c — the document engine, checked from the outside with poppler and qpdf:
 * fonts embedded as subsets, Chinese text that comes back out and is visibly drawn,
 * tables across pages, paper sizes, photos, refusals that leave no file; a report's header. */
#include "rs-test-util.h"
#include "rs-pdf.h"
#include "rs-pdf-canvas.h"
#include "rs-pdf-document-private.h"
#include "rs-pdf-layout.h"
#include "rs-pdf-report.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <hpdf.h>

#define COMPANY   "华东贸易有限公司"
#define ADDRESS   "上海市浦东新区张江路 88 号"
#define CUSTOMER  "北京京东世纪贸易有限公司"
#define PRODUCT_1 "蓝牙耳机 X2 降噪版"
#define PRODUCT_2 "无线鼠标 M330 静音"
#define NUMBER    "RK20261126-0001"

/* ---- helpers ---- */

/* Runs a tool; returns its standard output, and its error output in *err when asked. */
static char *
run (gboolean must_succeed, char **err, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL, *errors = NULL;
  int status = 0;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &errors, &status, &error);
  g_assert_no_error (error);
  if (must_succeed && !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s%s", first, error->message, out, errors);
  if (err != NULL)
    *err = errors;
  else
    g_free (errors);
  return out;
}

static char *
temp_path (const char *name)
{
  g_autofree char *dir = rs_test_make_dir ();
  return g_build_filename (dir, name, NULL);
}

static char *
save_bytes (GBytes *bytes, const char *name)
{
  char *path = temp_path (name);

  rs_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return path;
}

static char *
render_to_file (RsPdfDocument *doc, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rs_pdf_document_render (doc, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return save_bytes (bytes, name);
}

/* A picture made here: the left half `left`, the right half `right` (0xRRGGBBAA). */
static char *
make_picture (const char *name, const char *type, int width, int height, guint32 left, guint32 right,
              gboolean alpha)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  g_autoptr(GdkPixbuf) half = gdk_pixbuf_new_subpixbuf (pixbuf, width / 2, 0, width - width / 2, height);
  g_autoptr(GError) error = NULL;
  char *path = temp_path (name);

  gdk_pixbuf_fill (pixbuf, left);
  gdk_pixbuf_fill (half, right);
  gdk_pixbuf_save (pixbuf, path, type, &error, NULL);
  g_assert_no_error (error);
  return path;
}

/* Tags a JPEG with an EXIF orientation, as phones do instead of turning the pixels. */
static void
set_exif_orientation (const char *path, guint16 orientation)
{
  static const guint8 exif[] = {
    0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
    'I', 'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,        /* TIFF header, IFD0 at 8 */
    0x01, 0x00,                                           /* one entry */
    0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,       /* Orientation, SHORT, 1 */
    0x00, 0x00, 0x00, 0x00,                               /* value, patched below */
    0x00, 0x00, 0x00, 0x00,                               /* no next IFD */
  };
  g_autoptr(GBytes) jpeg = rs_test_read_file (path);
  const guint8 *data = g_bytes_get_data (jpeg, NULL);
  g_autoptr(GByteArray) tagged = g_byte_array_new ();
  guint8 segment[sizeof exif];

  memcpy (segment, exif, sizeof exif);
  segment[28] = orientation & 0xff;
  g_assert_cmpint (data[0], ==, 0xFF);
  g_assert_cmpint (data[1], ==, 0xD8);
  g_byte_array_append (tagged, data, 2);
  g_byte_array_append (tagged, segment, sizeof segment);
  g_byte_array_append (tagged, data + 2, g_bytes_get_size (jpeg) - 2);
  rs_test_write_file (path, (const char *) tagged->data, tagged->len);
}

/* A stock slip as the slip writer will make it. */
static RsPdfDocument *
sample_slip (RsPdfTemplate paper, guint rows)
{
  RsPdfDocument *doc = rs_pdf_document_new (paper);
  g_autofree char *words = rs_money_to_words (640800);
  RsPdfTable *table;

  rs_pdf_document_set_company (doc, COMPANY, ADDRESS, NULL);
  rs_pdf_document_set_title (doc, "入库单", NUMBER);
  rs_pdf_document_set_time (doc, G_GINT64_CONSTANT (1795680000000000));
  rs_pdf_document_add_fields (doc, 2, "仓库", "上海一号仓", "日期", "2026-11-26",
                              "客户", CUSTOMER, "类型", "退货入库", NULL);
  table = rs_pdf_document_add_table (doc);
  rs_pdf_table_add_column (table, "序号", 0.7, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, "商品编码", 2, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, "品名规格", 4, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, "数量", 1.2, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, "金额", 1.6, RS_PDF_ALIGN_RIGHT);
  for (guint i = 1; i <= rows; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", i);
      g_autofree char *code = g_strdup_printf ("SKU-%04u", i);

      rs_pdf_table_add_row (table, n, code, i % 2 ? PRODUCT_1 : PRODUCT_2, "2", "178.00", NULL);
    }
  rs_pdf_table_set_footer (table, "", "合计", "", "12", "6,408.00", NULL);
  rs_pdf_document_add_fields (doc, 1, "合计金额（大写）", words, NULL);
  rs_pdf_document_add_signatures (doc, "制单人", "张三", "审核人", NULL, NULL);
  return doc;
}

static int
count (const char *haystack, const char *needle)
{
  int n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Whether text holds needle, spaces aside: pdftotext drops those between Chinese characters. */
static gboolean
has (const char *text, const char *needle)
{
  g_autoptr(GString) a = g_string_new (text);
  g_autoptr(GString) b = g_string_new (needle);

  g_string_replace (a, " ", "", 0);
  g_string_replace (b, " ", "", 0);
  return strstr (a->str, b->str) != NULL;
}

static char *
page_text (const char *path, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return run (TRUE, NULL, "pdftotext", "-f", number, "-l", number, path, "-", NULL);
}

/* ---- the font pipeline ---- */

static void
test_font_subset_embedded (void)
{
  g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A4, 6);
  g_autofree char *path = render_to_file (doc, "slip.pdf");
  g_autofree char *check = run (TRUE, NULL, "qpdf", "--check", path, NULL);
  g_autofree char *fonts = run (TRUE, NULL, "pdffonts", path, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
  /* Heading, rule, one font, and the final empty string. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_regex_match_simple ("^[A-Z]{6}\\+WenQuanYiMicroHei +CID TrueType +Identity-H +yes +yes +yes ",
                                       lines[2], 0, 0));
}

static void
test_font_text_comes_back (void)
{
  g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A4, 6);
  g_autofree char *path = render_to_file (doc, "slip.pdf");
  g_autofree char *errors = NULL;
  g_autofree char *text = run (TRUE, &errors, "pdftotext", path, "-", NULL);
  g_autofree char *words = rs_money_to_words (640800);

  g_assert_nonnull (strstr (text, COMPANY));
  g_assert_nonnull (strstr (text, ADDRESS));
  g_assert_nonnull (strstr (text, CUSTOMER));
  g_assert_nonnull (strstr (text, PRODUCT_1));
  g_assert_nonnull (strstr (text, PRODUCT_2));
  g_assert_nonnull (strstr (text, words));
  g_assert_nonnull (strstr (text, "陆仟肆佰零捌元整"));
  g_assert_nonnull (strstr (text, "单号：" NUMBER));
  g_assert_true (has (text, "第 1 页 / 共 1 页"));
  /* libharu 2.3.0's own ToUnicode map makes poppler complain; ours is clean. */
  g_assert_cmpstr (errors, ==, "");
}

/* Characters that are drawn, counted from a rendering: the text is set with wide gaps,
 * so every character is one island of ink in its line. */
static guint
count_drawn_characters (const char *pdf)
{
  g_autofree char *base = g_strndup (pdf, strlen (pdf) - 4);
  g_autofree char *png = g_strconcat (base, ".png", NULL);
  g_autofree char *out = run (TRUE, NULL, "pdftoppm", "-r", "150", "-gray", "-png", "-f", "1", "-l", "1",
                              "-singlefile", pdf, base, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) page = gdk_pixbuf_new_from_file (png, &error);
  int width, height, stride, channels, top = -1, bottom = -1, gap = 0;
  const guint8 *pixels;
  guint islands = 0;
  gboolean in_island = FALSE;

  g_assert_no_error (error);
  width = gdk_pixbuf_get_width (page);
  height = gdk_pixbuf_get_height (page);
  stride = gdk_pixbuf_get_rowstride (page);
  channels = gdk_pixbuf_get_n_channels (page);
  pixels = gdk_pixbuf_read_pixels (page);

  /* The line: the first band of ink rows in the upper half (the page number is below). */
  for (int y = 0; y < height / 2 && (top < 0 || bottom < 0); y++)
    {
      gboolean ink = FALSE;

      for (int x = 0; x < width && !ink; x++)
        ink = pixels[y * stride + x * channels] < 128;
      if (ink && top < 0)
        top = y;
      else if (!ink && top >= 0)
        bottom = y;
    }
  g_assert_cmpint (top, >=, 0);
  g_assert_cmpint (bottom, >, top);

  /* Islands of ink columns; gaps inside a glyph are far narrower than the spaces set. */
  for (int x = 0; x < width; x++)
    {
      gboolean ink = FALSE;

      for (int y = top; y < bottom && !ink; y++)
        ink = pixels[y * stride + x * channels] < 128;
      if (ink)
        {
          if (!in_island)
            islands++;
          in_island = TRUE;
          gap = 0;
        }
      else if (in_island && ++gap > 9)
        in_island = FALSE;
    }
  return islands;
}

static RsPdfDocument *
spaced_characters (const char *characters, guint *n)
{
  RsPdfDocument *doc = rs_pdf_document_new (RS_PDF_TEMPLATE_A4);
  g_autoptr(GString) text = g_string_new (NULL);

  *n = 0;
  for (const char *p = characters; *p != '\0'; p = g_utf8_next_char (p), (*n)++)
    {
      g_string_append_unichar (text, g_utf8_get_char (p));
      g_string_append (text, "   ");
    }
  rs_pdf_document_add_text (doc, text->str);
  return doc;
}

static void
test_font_chinese_visible (void)
{
  /* WenQuanYi Micro Hei builds most Chinese characters from components (composite
   * glyphs): libharu < 2.4.4 embedding the whole font leaves them blank. */
  const char *characters = "退货入库出库单检验报告华东贸易有限公司";
  guint n = 0;
  g_autoptr(RsPdfDocument) doc = spaced_characters (characters, &n);
  g_autofree char *path = render_to_file (doc, "visible.pdf");

  g_assert_cmpuint (n, ==, 19);
  g_assert_cmpuint (count_drawn_characters (path), ==, n);

  /* The same check sees the blanks of the path we avoid, so it can fail. */
  if (HPDF_VERSION_ID < 20404)
    {
      g_autoptr(RsPdfDocument) whole = spaced_characters (characters, &n);
      g_autofree char *whole_path = NULL;

      rs_pdf_document_set_whole_font (whole, TRUE);
      whole_path = render_to_file (whole, "whole.pdf");
      g_assert_cmpuint (count_drawn_characters (whole_path), <, n);
    }
}

static void
test_font_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = temp_path ("no-such-font.ttf");
  g_autofree char *cff = temp_path ("outline.otf");
  g_autofree char *pdf = temp_path ("never.pdf");
  /* An OpenType file with PostScript outlines: a 'CFF ' table and no 'glyf'. */
  static const guint8 otf[] = {
    'O', 'T', 'T', 'O', 0x00, 0x01, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00,
    'C', 'F', 'F', ' ', 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1C, 0x00, 0x00, 0x00, 0x04,
    0x01, 0x00, 0x04, 0x02,
  };
  g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A4, 2);
  g_autoptr(RsPdfFont) font = NULL;
  int index = -1;
  char *file;

  g_assert_null (rs_pdf_font_find_cjk (missing, &index, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "fonts-wqy-microhei"));
  g_clear_error (&error);

  rs_test_write_file (cff, (const char *) otf, sizeof otf);
  g_assert_null (rs_pdf_font_find_cjk (cff, &index, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "CFF"));
  g_assert_nonnull (strstr (error->message, "fonts-wqy-microhei"));
  g_clear_error (&error);

  /* A TrueType font without Chinese, when the system has one. */
  file = rs_pdf_font_find_cjk (NULL, &index, NULL);
  g_assert_nonnull (file);
  g_free (file);
  if (g_file_test ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", G_FILE_TEST_EXISTS))
    {
      g_assert_null (rs_pdf_font_find_cjk ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", &index, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
      g_assert_nonnull (strstr (error->message, "不含中文字符"));
      g_clear_error (&error);
    }

  /* A document with such a font is refused, and no file appears. */
  rs_pdf_document_set_font_file (doc, cff);
  g_assert_false (rs_pdf_document_save (doc, pdf, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  font = rs_pdf_font_get (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rs_pdf_font_has_char (font, 0x9000));
  g_assert_false (rs_pdf_font_has_char (font, 0x1F600));
}

static void
test_font_none_installed (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *config = temp_path ("fonts.conf");
      g_autofree char *pdf = temp_path ("never.pdf");
      g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A4, 1);
      g_autoptr(GError) error = NULL;
      int index;

      /* fontconfig with no font directories: as if no Chinese font were installed. */
      rs_test_write_file (config, "<?xml version=\"1.0\"?><fontconfig></fontconfig>", -1);
      g_setenv ("FONTCONFIG_FILE", config, TRUE);
      g_assert_null (rs_pdf_font_find_cjk (NULL, &index, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "fonts-wqy-microhei"));
      g_clear_error (&error);
      g_assert_false (rs_pdf_document_save (doc, pdf, NULL, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ---- refusals leave no file ---- */

static void
test_invalid_utf8 (void)
{
  g_autofree char *pdf = temp_path ("slip.pdf");
  g_autofree char *kept = temp_path ("old.pdf");
  g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A4, 3);
  g_autoptr(RsPdfDocument) again = sample_slip (RS_PDF_TEMPLATE_A4, 3);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  RsPdfTable *table;

  /* 退 cut after two of its three bytes. */
  rs_pdf_document_add_text (doc, "客户备注：\xe9\x80 货");
  g_assert_false (rs_pdf_document_save (doc, pdf, &warnings, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_null (warnings);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An earlier file of that name stays as it was. */
  rs_test_write_file (kept, "%PDF-1.3 earlier", -1);
  before = rs_test_read_file (kept);
  table = rs_pdf_document_add_table (again);
  rs_pdf_table_add_column (table, "品名", 1, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_row (table, "\xff", NULL);
  g_assert_false (rs_pdf_document_save (again, kept, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  after = rs_test_read_file (kept);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_missing_character (void)
{
  g_autofree char *pdf = temp_path ("slip.pdf");
  const char *texts[] = {
    "客户说：很好用 \xf0\x9f\x98\x80",   /* 😀, beyond the BMP and the font */
    "泰文 \xe0\xb8\x81",                  /* ก, a Thai letter the font lacks */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A4, 1);
      g_autoptr(GError) error = NULL;

      rs_pdf_document_add_text (doc, texts[i]);
      g_assert_false (rs_pdf_document_save (doc, pdf, NULL, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
      g_assert_nonnull (strstr (error->message, i == 0 ? "U+1F600" : "U+0E01"));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
}

static void
test_libharu_error (void)
{
  g_autoptr(RsPdfCanvas) canvas = rs_pdf_canvas_new ();
  g_autoptr(RsPdfFont) font = rs_pdf_font_get (NULL, NULL);
  g_autoptr(GError) error = NULL;
  hb_set_t *chars = hb_set_create ();
  RsPdfImage broken = { RS_PDF_IMAGE_JPEG, g_bytes_new_static ("not a jpeg", 10), 10, 10 };

  hb_set_add (chars, 0x9000);
  g_assert_true (rs_pdf_canvas_set_font (canvas, font, chars, FALSE, &error));
  g_assert_no_error (error);
  rs_pdf_canvas_add_page (canvas, 100, 100);
  g_assert_null (rs_pdf_canvas_add_image (canvas, &broken, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "libharu 错误 0x"));
  g_clear_error (&error);
  /* The failed document gives no bytes. */
  g_assert_null (rs_pdf_canvas_finish (canvas, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_FAILED);
  g_bytes_unref (broken.data);
  hb_set_destroy (chars);
}

/* ---- layout ---- */

static void
test_table_spans_pages (void)
{
  g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A4, 60);
  g_autofree char *path = render_to_file (doc, "long.pdf");
  g_autofree char *info = run (TRUE, NULL, "pdfinfo", path, NULL);
  g_autofree char *all = run (TRUE, NULL, "pdftotext", path, "-", NULL);
  guint pages = rs_pdf_document_get_n_pages (doc);
  g_autofree char *pages_line = g_strdup_printf ("Pages:           %u\n", pages);

  g_assert_cmpuint (pages, >=, 2);
  g_assert_nonnull (strstr (info, pages_line));
  for (guint p = 1; p <= pages; p++)
    {
      g_autofree char *text = page_text (path, p);
      g_autofree char *number = g_strdup_printf ("第 %u 页 / 共 %u 页", p, pages);

      /* Every page: the header with the number, the table's header row, its page number. */
      g_assert_nonnull (strstr (text, COMPANY));
      g_assert_nonnull (strstr (text, NUMBER));
      g_assert_nonnull (strstr (text, "品名规格"));
      g_assert_nonnull (strstr (text, "商品编码"));
      g_assert_true (has (text, number));
    }
  /* Each row exactly once, the total at the end. */
  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *code = g_strdup_printf ("SKU-%04u", i);

      g_assert_cmpint (count (all, code), ==, 1);
    }
  {
    g_autofree char *last = page_text (path, pages);

    g_assert_nonnull (strstr (last, "6,408.00"));
    g_assert_nonnull (strstr (last, "陆仟肆佰零捌元整"));
  }
}

static void
test_paper_sizes (void)
{
  const struct { RsPdfTemplate paper; const char *size; } papers[] = {
    { RS_PDF_TEMPLATE_A4, "Page size:       595.276 x 841.89 pts (A4)" },
    { RS_PDF_TEMPLATE_A5, "Page size:       595.276 x 419.528 pts" },
    { RS_PDF_TEMPLATE_FORM241, "Page size:       683.15 x 396.85 pts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autoptr(RsPdfDocument) doc = sample_slip (papers[i].paper, 8);
      g_autofree char *path = render_to_file (doc, "paper.pdf");
      g_autofree char *info = run (TRUE, NULL, "pdfinfo", path, NULL);
      /* In drawing order: the labels stand one character under the other. */
      g_autofree char *raw = run (TRUE, NULL, "pdftotext", "-raw", path, "-", NULL);
      g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);
      g_autofree char *text = g_strjoinv ("", lines);

      g_assert_nonnull (strstr (info, papers[i].size));
      /* The continuous form lists its plies, in the program's language. */
      if (papers[i].paper == RS_PDF_TEMPLATE_FORM241)
        {
          g_assert_true (has (text, "第1联 存根联"));
          g_assert_true (has (text, "第2联 客户联"));
          g_assert_true (has (text, "第3联 仓库联"));
        }
      else
        g_assert_null (strstr (text, "存根联"));
    }
}

static void
test_template_nicks (void)
{
  RsPdfTemplate paper = RS_PDF_TEMPLATE_A4;
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_pdf_template_from_nick ("form241", &paper, &error));
  g_assert_cmpint (paper, ==, RS_PDF_TEMPLATE_FORM241);
  g_assert_false (rs_pdf_template_from_nick ("letter", &paper, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_cmpint (paper, ==, RS_PDF_TEMPLATE_FORM241);
}

/* A report of eleven columns, nine of them figures: every figure comes back whole on all
 * three papers, the room taken from the text columns (at their weights the widest amounts
 * were broken after the decimal point). */
static void
test_figures_whole (void)
{
  static const char *const rows[][12] = {   /* NULL-terminated */
    { "DT-1003", "电锤", "5", "25", "15,975.00", "144.50", "13", "10", "76.9", "43", "58.1" },
    { "JJ-4002", "不锈钢汤锅", "4", "8", "1,112.00", "-261.60", "6", "2", "33.3", "10", "80.0" },
    { "XC-5001", "超五类网线", "2", "35.0", "87.50", "60.00", "35.0", "35.0", "100.0", "100.0", "35.0" },
  };
  static const char *const footer[12] = {
    "合计", "", "46", "158.0", "27,973.50", "1,306.40", "118.0", "89.0", "75.4", "298.0", "53.0"
  };
  static const char *const titles[11] = {
    "商品编码", "商品名称", "退货单数", "数量", "退款金额", "处理费用", "检验数量", "合格数量", "合格率（%）", "销售数量", "退货率（%）"
  };

  for (RsPdfTemplate paper = RS_PDF_TEMPLATE_A4; paper <= RS_PDF_TEMPLATE_FORM241; paper++)
    {
      g_autoptr(RsPdfDocument) doc = rs_pdf_document_new (paper);
      RsPdfTable *table = rs_pdf_document_add_table (doc);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      /* The weights of the report writer: code, name, then figures. */
      for (guint c = 0; c < 11; c++)
        rs_pdf_table_add_column (table, titles[c], c == 0 ? 2.2 : c == 1 ? 1.6 : 1.2,
                                 c < 2 ? RS_PDF_ALIGN_LEFT : RS_PDF_ALIGN_RIGHT);
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        rs_pdf_table_add_rowv (table, rows[r]);
      rs_pdf_table_set_footerv (table, footer);
      path = render_to_file (doc, "figures.pdf");
      text = run (TRUE, NULL, "pdftotext", path, "-", NULL);
      for (guint r = 0; r <= G_N_ELEMENTS (rows); r++)
        for (guint c = 2; c < 11; c++)
          {
            const char *figure = r < G_N_ELEMENTS (rows) ? rows[r][c] : footer[c];

            if (strstr (text, figure) == NULL)
              g_error ("paper %d: “%s” is not whole in:\n%s", paper, figure, text);
          }
    }
}

static void
test_wrap (void)
{
  g_autoptr(RsPdfFont) font = rs_pdf_font_get (NULL, NULL);
  const char *text = "到货时外箱有轻微破损，已拍照留存；请质检部门在收货后24小时内完成检验，"
                     "并将结论（合格／不合格）录入系统。Serial numbers: SN-2026-000123/SN-2026-000124 "
                     "confirmed by the carrier.";
  g_autoptr(GPtrArray) lines = rs_pdf_layout_wrap (font, text, 10, 120);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GPtrArray) narrow = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GPtrArray) phone = NULL;
  gboolean whole_word = FALSE;

  g_assert_cmpuint (lines->len, >, 3);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];

      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_cmpfloat (rs_pdf_layout_text_width (font, line, -1, 10), <=, 120);
      /* Closing punctuation does not start a line, opening punctuation does not end one. */
      g_assert_false (g_str_has_prefix (line, "，") || g_str_has_prefix (line, "；") ||
                      g_str_has_prefix (line, "）") || g_str_has_prefix (line, "。"));
      g_assert_false (g_str_has_suffix (line, "（"));
      g_assert_false (g_str_has_prefix (line, " ") || g_str_has_suffix (line, " "));
      /* A word that fits is not broken. */
      whole_word |= strstr (line, "confirmed") != NULL;
      for (const char *p = line; *p != '\0'; p++)
        if (*p != ' ')
          g_string_append_c (joined, *p);
    }
  g_assert_true (whole_word);
  /* Nothing lost or cut: the lines are the text, less the spaces at the breaks. */
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (expected, *p);
  g_assert_cmpstr (joined->str, ==, expected->str);

  /* Narrower than one character: one character a line, none cut. */
  narrow = rs_pdf_layout_wrap (font, "退货单", 10, 2);
  g_assert_cmpuint (narrow->len, ==, 3);
  g_assert_cmpstr (narrow->pdata[0], ==, "退");
  g_assert_cmpstr (narrow->pdata[2], ==, "单");

  /* A phone number that fits on the next line is not split at its hyphen. */
  phone = rs_pdf_layout_wrap (font, "上海市浦东新区 电话 021-5080", 10, rs_pdf_layout_text_width (font, "上海市浦东新区 电话 021-", -1, 10));
  g_assert_cmpuint (phone->len, ==, 2);
  g_assert_cmpstr (phone->pdata[1], ==, "021-5080");

  paragraphs = rs_pdf_layout_wrap (font, "第一行\n\n第三行", 10, 500);
  g_assert_cmpuint (paragraphs->len, ==, 3);
  g_assert_cmpstr (paragraphs->pdata[1], ==, "");
}

/* ---- pictures ---- */

static void
test_photo_not_an_image (void)
{
  g_autofree char *notes = temp_path ("客户说明.txt");
  g_autofree char *photo = make_picture ("ok.jpg", "jpeg", 640, 480, 0x2060A0FF, 0xE0E0E0FF, FALSE);
  g_autofree char *pdf = temp_path ("report.pdf");
  g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A4, 2);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *images = NULL;

  rs_test_write_file (notes, "这不是图片", -1);
  rs_pdf_document_add_heading (doc, "照片");
  rs_pdf_document_add_photo (doc, photo, "外箱");
  rs_pdf_document_add_photo (doc, notes, "说明");
  g_assert_true (rs_pdf_document_save (doc, pdf, &warnings, &error));
  g_assert_no_error (error);

  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "客户说明.txt"));
  /* The note stands on the page where the picture would be; the good photo is there. */
  text = run (TRUE, NULL, "pdftotext", pdf, "-", NULL);
  g_assert_nonnull (strstr (text, "照片未打印"));
  g_assert_nonnull (strstr (text, "客户说明.txt"));
  images = run (TRUE, NULL, "pdfimages", "-list", pdf, NULL);
  g_assert_cmpint (count (images, " image "), ==, 1);
}

static void
test_photo_upright_and_small (void)
{
  /* Stored sideways as a phone does: what should be the top (red) is on the left, and
   * EXIF orientation 6 says to turn it a quarter clockwise. */
  g_autofree char *photo = make_picture ("phone.jpg", "jpeg", 3400, 2550, 0xFF0000FF, 0x0000FFFF, FALSE);
  g_autoptr(RsPdfDocument) doc = rs_pdf_document_new (RS_PDF_TEMPLATE_A4);
  g_autofree char *pdf = NULL;
  g_autofree char *list = NULL;
  g_autofree char *prefix = temp_path ("img");
  g_autofree char *extracted = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GdkPixbuf) image = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *pixels;
  int stride;

  set_exif_orientation (photo, 6);
  rs_pdf_document_add_photo (doc, photo, "破损处");
  pdf = render_to_file (doc, "photo.pdf");

  /* Upright (portrait) and at most 1600 pixels on its longest side. */
  list = run (TRUE, NULL, "pdfimages", "-list", pdf, NULL);
  g_assert_true (g_regex_match_simple ("image +1200 +1600 +rgb +3 +8 +jpeg", list, 0, 0));
  extracted = run (TRUE, NULL, "pdfimages", "-png", pdf, prefix, NULL);
  first = g_strconcat (prefix, "-000.png", NULL);
  image = gdk_pixbuf_new_from_file (first, &error);
  g_assert_no_error (error);
  pixels = gdk_pixbuf_read_pixels (image);
  stride = gdk_pixbuf_get_rowstride (image);
  /* Red at the top, blue at the bottom. */
  g_assert_cmpint (pixels[100 * stride + 600 * 3], >, 200);
  g_assert_cmpint (pixels[100 * stride + 600 * 3 + 2], <, 60);
  g_assert_cmpint (pixels[1500 * stride + 600 * 3], <, 60);
  g_assert_cmpint (pixels[1500 * stride + 600 * 3 + 2], >, 200);
}

static void
test_logo (void)
{
  g_autofree char *logo = make_picture ("logo.png", "png", 300, 100, 0xC00000FF, 0x00000000, TRUE);
  g_autofree char *missing = temp_path ("gone.png");
  g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A5, 2);
  g_autoptr(RsPdfDocument) without = sample_slip (RS_PDF_TEMPLATE_A5, 2);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *list = NULL;
  g_autofree char *prefix = temp_path ("logo");
  g_autofree char *extracted = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GdkPixbuf) image = NULL;
  const guint8 *pixels;

  /* A PNG logo: its transparent half printed white, no soft mask (libharu would store
   * it uncompressed), the picture itself compressed without loss. */
  rs_pdf_document_set_company (doc, COMPANY, ADDRESS, logo);
  pdf = render_to_file (doc, "logo.pdf");
  list = run (TRUE, NULL, "pdfimages", "-list", pdf, NULL);
  g_assert_true (g_regex_match_simple ("image +300 +100 +rgb +3 +8 +image", list, 0, 0));
  g_assert_null (strstr (list, "smask"));
  extracted = run (TRUE, NULL, "pdfimages", "-png", pdf, prefix, NULL);
  first = g_strconcat (prefix, "-000.png", NULL);
  image = gdk_pixbuf_new_from_file (first, &error);
  g_assert_no_error (error);
  pixels = gdk_pixbuf_read_pixels (image);
  g_assert_cmpint (pixels[50 * gdk_pixbuf_get_rowstride (image) + 50 * 3], ==, 0xC0);
  g_assert_cmpint (pixels[50 * gdk_pixbuf_get_rowstride (image) + 250 * 3 + 1], ==, 0xFF);

  /* A logo that is gone: a warning, and the document all the same. */
  rs_pdf_document_set_company (without, COMPANY, ADDRESS, missing);
  bytes = rs_pdf_document_render (without, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "gone.png"));
}

/* ---- output ---- */

static void
test_deterministic_and_reprint (void)
{
  g_autofree char *photo = make_picture ("p.jpg", "jpeg", 800, 600, 0x808000FF, 0x008080FF, FALSE);
  g_autofree char *logo = make_picture ("logo.png", "png", 120, 60, 0x0000FFFF, 0xFFFFFF00, TRUE);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) reprint = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *reprint_text = NULL;
  g_autofree char *info = NULL;
  RsPdfDocument *docs[3];

  for (guint i = 0; i < 3; i++)
    {
      docs[i] = sample_slip (RS_PDF_TEMPLATE_A4, 4);
      rs_pdf_document_set_company (docs[i], COMPANY, ADDRESS, logo);
      rs_pdf_document_add_photo (docs[i], photo, "外观");
    }
  rs_pdf_document_set_print_count (docs[2], 2);
  first = rs_pdf_document_render (docs[0], NULL, &error);
  g_assert_no_error (error);
  second = rs_pdf_document_render (docs[1], NULL, &error);
  g_assert_no_error (error);
  reprint = rs_pdf_document_render (docs[2], NULL, &error);
  g_assert_no_error (error);

  /* Made twice, the same bytes; a reprint differs, by its mark. */
  g_assert_true (g_bytes_equal (first, second));
  g_assert_false (g_bytes_equal (first, reprint));
  {
    g_autofree char *a = save_bytes (first, "first.pdf");
    g_autofree char *b = save_bytes (reprint, "reprint.pdf");

    first_text = run (TRUE, NULL, "pdftotext", a, "-", NULL);
    reprint_text = run (TRUE, NULL, "pdftotext", b, "-", NULL);
    info = run (TRUE, NULL, "pdfinfo", a, NULL);
  }
  g_assert_null (strstr (first_text, "次打印"));
  g_assert_true (has (reprint_text, "第 2 次打印"));
  g_assert_true (g_regex_match_simple ("CreationDate: +\\w+ Nov 2[67] \\d\\d:\\d\\d:\\d\\d 2026", info, 0, 0));
  g_assert_nonnull (strstr (info, "Title:           入库单 " NUMBER));
  for (guint i = 0; i < 3; i++)
    g_object_unref (docs[i]);
}

static void
test_qr_is_vector (void)
{
  g_autoptr(RsPdfDocument) doc = sample_slip (RS_PDF_TEMPLATE_A4, 1);
  g_autofree char *path = render_to_file (doc, "qr.pdf");
  g_autofree char *images = run (TRUE, NULL, "pdfimages", "-list", path, NULL);
  g_autofree char *qdf = temp_path ("qr-plain.pdf");
  g_autofree char *out = run (TRUE, NULL, "qpdf", "--qdf", "--object-streams=disable", path, qdf, NULL);
  g_autoptr(GBytes) plain = rs_test_read_file (qdf);
  g_autofree char *content = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));

  /* No picture in the document: the code is squares of ink (one rectangle per run). */
  g_assert_cmpint (count (images, " image "), ==, 0);
  g_assert_cmpint (count (content, " re\n"), >, 100);
}

/* ---- reports ---- */

/* The text of a report's PDF, as pdftotext gives it back. */
static char *
report_text (RsSession *session, RsReport *report, RsPdfTemplate paper)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsPdfDocument) doc = rs_pdf_report_build (session, report, paper, &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = render_to_file (doc, "report.pdf");
  return run (TRUE, NULL, "pdftotext", path, "-", NULL);
}

/* The report's header says each thing once: company, title, period, who printed it and
 * when. A report of an empty range still has its whole header; on the multi-part form it
 * has no copy labels. */
static void
test_report_header_once (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 27, 10, 0, 0);
  g_autoptr(RsDatabase) db = NULL;
  g_autoptr(RsSession) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) returns = NULL;
  g_autoptr(RsReport) stock = NULL;
  g_autofree char *text = NULL;

  rs_clock_set_fixed (g_date_time_to_unix (now) * G_USEC_PER_SEC);
  db = rs_test_open_initialized ();
  admin = rs_test_login (db, "admin");
  returns = rs_reports_returns (admin, RS_REPORT_BY_REASON, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  stock = rs_reports_stock (admin, &error);
  g_assert_no_error (error);

  text = report_text (admin, returns, RS_PDF_TEMPLATE_A4);
  g_assert_cmpint (count (text, "测试贸易有限公司"), ==, 1);
  g_assert_cmpint (count (text, "退货统计（按原因）"), ==, 1);
  /* 统计期间, the report's: 报账期间 is a settlement's. */
  g_assert_cmpint (count (text, "统计期间："), ==, 1);
  g_assert_cmpint (count (text, "期间："), ==, 1);
  g_assert_cmpint (count (text, "报账"), ==, 0);
  g_assert_cmpint (count (text, "2026-11-01 — 2026-11-30"), ==, 1);
  g_assert_cmpint (count (text, "打印人"), ==, 1);
  g_assert_cmpint (count (text, "打印时间"), ==, 1);
  g_assert_cmpint (count (text, "2026-11-27 10:00"), ==, 1);
  /* Who and when, and nothing else said about printing. */
  g_assert_cmpint (count (text, "打印"), ==, 2);
  g_clear_pointer (&text, g_free);

  /* Stock is a report of now: no period, the rest once. */
  text = report_text (admin, stock, RS_PDF_TEMPLATE_A4);
  g_assert_cmpint (count (text, "期间："), ==, 0);
  g_assert_cmpint (count (text, "打印人"), ==, 1);
  g_assert_cmpint (count (text, "打印时间"), ==, 1);
  g_assert_cmpint (count (text, "2026-11-27 10:00"), ==, 1);
  g_assert_cmpint (count (text, "打印"), ==, 2);
  g_clear_pointer (&text, g_free);

  /* On the multi-part form: no copy labels (存根联, 客户联 …), which a slip has there. */
  text = report_text (admin, stock, RS_PDF_TEMPLATE_FORM241);
  g_assert_cmpint (count (text, "打印人"), ==, 1);
  g_assert_null (strstr (text, "联"));
  rs_clock_use_system ();
}

int
main (int argc, char **argv)
{
  /* Documents in Chinese, as the people who print them read them. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  rs_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/font/subset-embedded", test_font_subset_embedded);
  g_test_add_func ("/pdf/font/text-comes-back", test_font_text_comes_back);
  g_test_add_func ("/pdf/font/chinese-visible", test_font_chinese_visible);
  g_test_add_func ("/pdf/font/errors", test_font_errors);
  g_test_add_func ("/pdf/font/none-installed", test_font_none_installed);
  g_test_add_func ("/pdf/refuse/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/pdf/refuse/missing-character", test_missing_character);
  g_test_add_func ("/pdf/refuse/libharu-error", test_libharu_error);
  g_test_add_func ("/pdf/layout/table-spans-pages", test_table_spans_pages);
  g_test_add_func ("/pdf/layout/paper-sizes", test_paper_sizes);
  g_test_add_func ("/pdf/layout/template-nicks", test_template_nicks);
  g_test_add_func ("/pdf/layout/wrap", test_wrap);
  g_test_add_func ("/pdf/layout/figures-whole", test_figures_whole);
  g_test_add_func ("/pdf/picture/not-an-image", test_photo_not_an_image);
  g_test_add_func ("/pdf/picture/upright-and-small", test_photo_upright_and_small);
  g_test_add_func ("/pdf/picture/logo", test_logo);
  g_test_add_func ("/pdf/output/deterministic-and-reprint", test_deterministic_and_reprint);
  g_test_add_func ("/pdf/output/qr-is-vector", test_qr_is_vector);
  g_test_add_func ("/pdf/report/header-once", test_report_header_once);
  return g_test_run ();
}
