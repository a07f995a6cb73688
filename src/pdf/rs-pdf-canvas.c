/* rs-pdf-canvas.c — every call into libharu lives here, with the workarounds libharu 2.3.0
 * (Debian 12) needs; newer libharu (the Flatpak builds 2.4.4) takes the plain path. */
#define _GNU_SOURCE
#include "rs-pdf-canvas.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <hpdf.h>
#include <qrencode.h>
#include <sys/mman.h>
#include <unistd.h>

#if HPDF_VERSION_ID < 20400
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <zlib.h>
#define RS_PDF_HARU_2_3 1
#endif

struct _RsPdfCanvas
{
  HPDF_Doc    doc;
  HPDF_Font   font;
  HPDF_Page   page;
  double      page_height;
  HPDF_STATUS error_no;      /* the first error libharu reported */
  HPDF_STATUS error_detail;
};

static void
on_haru_error (HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
  RsPdfCanvas *self = user_data;

  if (self->error_no == HPDF_OK)
    {
      self->error_no = error_no;
      self->error_detail = detail_no;
    }
}

typedef enum {
  STAGE_FONT,
  STAGE_IMAGE,
  STAGE_SAVE,
} Stage;

/* Turns a recorded libharu error into a GError that says what was being done. */
static gboolean
check (RsPdfCanvas *self, Stage stage, GError **error)
{
  unsigned code = self->error_no, detail = self->error_detail;

  /* Some failures only mark the document without calling the handler. */
  if (code == HPDF_OK)
    code = HPDF_GetError (self->doc);
  if (code == HPDF_OK)
    return TRUE;
  switch (stage)
    {
    case STAGE_FONT:
      g_set_error (error, RS_ERROR, RS_ERROR_FAILED,
                   _("The font could not be embedded in the PDF (libharu error 0x%04X, detail %u). "
                     "Choose another TrueType font in the settings."), code, detail);
      break;
    case STAGE_IMAGE:
      g_set_error (error, RS_ERROR, RS_ERROR_FAILED,
                   _("A picture could not be added to the PDF (libharu error 0x%04X, detail %u)."), code, detail);
      break;
    case STAGE_SAVE:
      g_set_error (error, RS_ERROR, RS_ERROR_FAILED,
                   _("The PDF could not be made (libharu error 0x%04X, detail %u)."), code, detail);
      break;
    }
  return FALSE;
}

RsPdfCanvas *
rs_pdf_canvas_new (void)
{
  RsPdfCanvas *self = g_new0 (RsPdfCanvas, 1);

  self->doc = HPDF_New (on_haru_error, self);
  /* HPDF_New fails only without memory, which GLib treats as fatal too. */
  g_assert (self->doc != NULL);
  HPDF_SetCompressionMode (self->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (self->doc);
  HPDF_SetCurrentEncoder (self->doc, "UTF-8");
  return self;
}

void
rs_pdf_canvas_free (RsPdfCanvas *self)
{
  if (self == NULL)
    return;
  HPDF_Free (self->doc);
  g_free (self);
}

/* libharu reads a TrueType font from a file only (2.3.0), and again when it saves: hand it
 * a memory file, so nothing is left on disk whatever happens. Returns an open fd. */
static int
open_memory_file (GBytes *bytes, GError **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int fd = memfd_create ("restock-font", MFD_CLOEXEC);

  if (fd < 0)
    {
      g_autofree char *path = NULL;

      /* No memfd (old kernel, strict sandbox): a temporary file, unlinked once open. */
      fd = g_file_open_tmp ("restock-font-XXXXXX.ttf", &path, error);
      if (fd < 0)
        return -1;
      g_unlink (path);
    }
  while (size > 0)
    {
      gssize written = write (fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("The document font could not be prepared: %s"),
                       g_strerror (saved));
          return -1;
        }
      data += written;
      size -= written;
    }
  return fd;
}

#ifdef RS_PDF_HARU_2_3
/* libharu 2.3.0 builds the /W array and the CIDToGIDMap of a UTF-8 font by looking up all
 * 65 536 code points in the font's cmap, one linear scan each: 5–10 ms per document. Given
 * a CMap-style encoder holding the document's characters only, it looks up just those.
 * Its loops also stop one short of the highest code, so one code above the last is added. */
static HPDF_Font
get_font_for_chars (HPDF_Doc doc, const char *name, const hb_set_t *chars)
{
  HPDF_Encoder encoder = HPDF_GetEncoder (doc, "UTF-8");
  HPDF_CMapEncoderAttr attr = encoder->attr;
  HPDF_Encoder_ToUnicode_Func to_unicode = encoder->to_unicode_fn;
  hb_codepoint_t c = HB_SET_VALUE_INVALID;
  hb_codepoint_t last = 0;
  HPDF_Font font;

  memset (attr->cid_map, 0, sizeof attr->cid_map);
  while (hb_set_next (chars, &c))
    {
      attr->cid_map[c >> 8][c & 0xff] = c;
      attr->unicode_map[c >> 8][c & 0xff] = c;
      last = c;
    }
  /* Characters are at most U+FFFD (rs_pdf_font_has_char stops at U+FFFF, a non-character). */
  last++;
  attr->cid_map[last >> 8][last & 0xff] = last;
  attr->unicode_map[last >> 8][last & 0xff] = last;

  encoder->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
  font = HPDF_GetFont (doc, name, "UTF-8");
  encoder->to_unicode_fn = to_unicode;
  return font;
}

/* libharu 2.3.0 writes a ToUnicode CMap with `begincidrange`, which readers reject
 * ("Invalid 'begincidrange' operator in ToUnicode CMap"): copy and paste then depend on
 * luck. Content codes are the characters themselves, so the right map is the identity
 * over the document's characters. */
static void
fix_to_unicode (HPDF_Font font, const hb_set_t *chars)
{
  static const struct { const char *key; HPDF_UINT16 type; } stale[] = {
    { "Type", HPDF_OCLASS_NAME }, { "CMapName", HPDF_OCLASS_NAME },
    { "CIDSystemInfo", HPDF_OCLASS_DICT }, { "WMode", HPDF_OCLASS_NUMBER },
  };
  HPDF_Dict cmap = HPDF_Dict_GetItem (font, "ToUnicode", HPDF_OCLASS_DICT);
  g_autoptr(GString) text = NULL;
  hb_codepoint_t c = HB_SET_VALUE_INVALID;
  guint in_block = 0;
  guint left = hb_set_get_population (chars);

  if (cmap == NULL || cmap->stream == NULL)
    return;
  text = g_string_new ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  while (hb_set_next (chars, &c))
    {
      /* At most 100 entries per bfchar block. */
      if (in_block == 0)
        g_string_append_printf (text, "%u beginbfchar\n", MIN (left, 100));
      g_string_append_printf (text, "<%04X> <%04X>\n", c, c);
      left--;
      if (++in_block == 100 || left == 0)
        {
          g_string_append (text, "endbfchar\n");
          in_block = 0;
        }
    }
  g_string_append (text, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");

  HPDF_MemStream_FreeData (cmap->stream);
  HPDF_Stream_Write (cmap->stream, (const HPDF_BYTE *) text->str, text->len);
  /* The keys of the encoding CMap libharu copied in; a lookup of the wrong class would
   * set the document's error, so each is asked for as what it is. */
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    if (HPDF_Dict_GetItem (cmap, stale[i].key, stale[i].type) != NULL)
      HPDF_Dict_RemoveElement (cmap, stale[i].key);
}

/* The CIDToGIDMap holds two bytes for every code up to the highest one in the document:
 * 128 KB as soon as the text has fullwidth punctuation (U+FFxx), nearly all zeros.
 * libharu deflates it at zlib's default level, a tenth of the cost of a one-page slip;
 * level 1 makes it as small in a quarter of the time. The map goes in compressed, with
 * a filter entry of our own, and out of libharu's sight, which would compress it again. */
static HPDF_STATUS
write_flate_filter (HPDF_Dict dict, HPDF_Stream stream)
{
  return HPDF_Stream_WriteStr (stream, "/Filter /FlateDecode\012");
}

static void
precompress_map (HPDF_Font font)
{
  HPDF_FontAttr attr = font->attr;
  HPDF_Dict map = attr->map_stream;
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  g_autofree Bytef *packed = NULL;
  uLongf packed_size;

  if (map == NULL || map->stream == NULL || map->stream->type != HPDF_STREAM_MEMORY)
    return;
  for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount (map->stream); i++)
    {
      HPDF_UINT length = 0;
      HPDF_BYTE *part = HPDF_MemStream_GetBufPtr (map->stream, i, &length);

      g_byte_array_append (raw, part, length);
    }
  packed_size = compressBound (raw->len);
  packed = g_malloc (packed_size);
  if (compress2 (packed, &packed_size, raw->data, raw->len, 1) != Z_OK)
    return;
  HPDF_MemStream_FreeData (map->stream);
  HPDF_Stream_Write (map->stream, packed, packed_size);
  map->filter = HPDF_STREAM_FILTER_NONE;
  map->write_fn = write_flate_filter;
  attr->map_stream = NULL;
}
#endif

static gboolean
is_collection (const char *path)
{
  FILE *file = g_fopen (path, "rb");
  char magic[4] = { 0 };
  gboolean collection;

  if (file == NULL)
    return FALSE;
  collection = fread (magic, 1, sizeof magic, file) == sizeof magic && memcmp (magic, "ttcf", 4) == 0;
  fclose (file);
  return collection;
}

gboolean
rs_pdf_canvas_set_font (RsPdfCanvas *self, RsPdfFont *font, const hb_set_t *chars,
                        gboolean whole_font, GError **error)
{
  const char *path = rs_pdf_font_get_path (font);
  const char *name;

  g_return_val_if_fail (self->font == NULL, FALSE);

  if (whole_font)
    {
      if (is_collection (path))
        name = HPDF_LoadTTFontFromFile2 (self->doc, path, rs_pdf_font_get_index (font), HPDF_TRUE);
      else
        name = HPDF_LoadTTFontFromFile (self->doc, path, HPDF_TRUE);
    }
  else
    {
      g_autoptr(GBytes) subset = rs_pdf_font_subset (font, chars, error);
      g_autofree char *fd_path = NULL;
      int fd;

      if (subset == NULL)
        return FALSE;
      fd = open_memory_file (subset, error);
      if (fd < 0)
        return FALSE;
      /* libharu opens its own descriptor and keeps it until HPDF_Free. */
      fd_path = g_strdup_printf ("/proc/self/fd/%d", fd);
      name = HPDF_LoadTTFontFromFile (self->doc, fd_path, HPDF_TRUE);
      close (fd);
    }

  if (name != NULL)
    {
#ifdef RS_PDF_HARU_2_3
      self->font = get_font_for_chars (self->doc, name, chars);
      if (self->font != NULL)
        {
          fix_to_unicode (self->font, chars);
          precompress_map (self->font);
        }
#else
      self->font = HPDF_GetFont (self->doc, name, "UTF-8");
#endif
    }
  if (self->font == NULL && self->error_no == HPDF_OK)
    self->error_no = HPDF_INVALID_FONT_NAME;
  return check (self, STAGE_FONT, error);
}

void
rs_pdf_canvas_set_info (RsPdfCanvas *self, const char *title, gint64 created_us)
{
  if (title != NULL)
    HPDF_SetInfoAttr (self->doc, HPDF_INFO_TITLE, title);
  HPDF_SetInfoAttr (self->doc, HPDF_INFO_CREATOR, "Restock");
  if (created_us != 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (created_us / G_USEC_PER_SEC);
      HPDF_Date date = {
        .year = g_date_time_get_year (time), .month = g_date_time_get_month (time),
        .day = g_date_time_get_day_of_month (time), .hour = g_date_time_get_hour (time),
        .minutes = g_date_time_get_minute (time), .seconds = g_date_time_get_second (time),
        .ind = 'Z',
      };

      HPDF_SetInfoDateAttr (self->doc, HPDF_INFO_CREATION_DATE, date);
    }
}

void
rs_pdf_canvas_add_page (RsPdfCanvas *self, double width, double height)
{
  self->page = HPDF_AddPage (self->doc);
  HPDF_Page_SetWidth (self->page, width);
  HPDF_Page_SetHeight (self->page, height);
  self->page_height = height;
}

static void
set_fill (HPDF_Page page, guint32 color)
{
  HPDF_Page_SetRGBFill (page, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0, (color & 0xff) / 255.0);
}

static void
set_stroke (HPDF_Page page, guint32 color)
{
  HPDF_Page_SetRGBStroke (page, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0, (color & 0xff) / 255.0);
}

static void
show_text (RsPdfCanvas *self, double size, const char *text, guint32 color, gboolean bold,
           double a, double b, double c, double d, double x, double y)
{
  HPDF_Page page = self->page;

  set_fill (page, color);
  if (bold)
    {
      set_stroke (page, color);
      HPDF_Page_SetLineWidth (page, size * 0.035);
    }
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, self->font, size);
  HPDF_Page_SetTextRenderingMode (page, bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
  /* An absolute text matrix for every run: libharu's own idea of where text ends is
   * based on its wrong UTF-8 widths. */
  HPDF_Page_SetTextMatrix (page, a, b, c, d, x, y);
  HPDF_Page_ShowText (page, text);
  HPDF_Page_EndText (page);
}

void
rs_pdf_canvas_text (RsPdfCanvas *self, double x, double baseline, double size,
                    const char *text, guint32 color, gboolean bold)
{
  if (*text == '\0')
    return;
  show_text (self, size, text, color, bold, 1, 0, 0, 1, x, self->page_height - baseline);
}

void
rs_pdf_canvas_text_down (RsPdfCanvas *self, double x, double y, double size,
                         const char *text, guint32 color)
{
  if (*text == '\0')
    return;
  show_text (self, size, text, color, FALSE, 0, -1, 1, 0, x, self->page_height - y);
}

void
rs_pdf_canvas_fill_rect (RsPdfCanvas *self, double x, double y, double width, double height, guint32 color)
{
  set_fill (self->page, color);
  HPDF_Page_Rectangle (self->page, x, self->page_height - y - height, width, height);
  HPDF_Page_Fill (self->page);
}

void
rs_pdf_canvas_stroke_rect (RsPdfCanvas *self, double x, double y, double width, double height,
                           double line_width, guint32 color)
{
  set_stroke (self->page, color);
  HPDF_Page_SetLineWidth (self->page, line_width);
  HPDF_Page_Rectangle (self->page, x, self->page_height - y - height, width, height);
  HPDF_Page_Stroke (self->page);
}

void
rs_pdf_canvas_line (RsPdfCanvas *self, double x1, double y1, double x2, double y2,
                    double line_width, guint32 color)
{
  set_stroke (self->page, color);
  HPDF_Page_SetLineWidth (self->page, line_width);
  HPDF_Page_MoveTo (self->page, x1, self->page_height - y1);
  HPDF_Page_LineTo (self->page, x2, self->page_height - y2);
  HPDF_Page_Stroke (self->page);
}

RsPdfCanvasImage *
rs_pdf_canvas_add_image (RsPdfCanvas *self, const RsPdfImage *image, GError **error)
{
  gsize size = 0;
  const HPDF_BYTE *data = g_bytes_get_data (image->data, &size);
  HPDF_Image loaded;

  if (image->format == RS_PDF_IMAGE_JPEG)
    loaded = HPDF_LoadJpegImageFromMem (self->doc, data, size);
  else
    loaded = HPDF_LoadRawImageFromMem (self->doc, data, image->width, image->height, HPDF_CS_DEVICE_RGB, 8);
  if (loaded == NULL && self->error_no == HPDF_OK)
    self->error_no = HPDF_INVALID_IMAGE;
  if (!check (self, STAGE_IMAGE, error))
    return NULL;
  return (RsPdfCanvasImage *) loaded;
}

void
rs_pdf_canvas_image (RsPdfCanvas *self, RsPdfCanvasImage *image, double x, double y,
                     double width, double height)
{
  HPDF_Page_DrawImage (self->page, (HPDF_Image) image, x, self->page_height - y - height, width, height);
}

gboolean
rs_pdf_canvas_qr (RsPdfCanvas *self, const char *text, double x, double y, double size)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;

  if (code == NULL)
    return FALSE;
  module = size / code->width;
  set_fill (self->page, 0x000000);
  /* One path of horizontal runs, filled once: no seams between modules. */
  for (int row = 0; row < code->width; row++)
    {
      const unsigned char *line = code->data + row * code->width;

      for (int col = 0; col < code->width;)
        {
          int end = col;

          if (!(line[col] & 1))
            {
              col++;
              continue;
            }
          while (end < code->width && (line[end] & 1))
            end++;
          HPDF_Page_Rectangle (self->page, x + col * module, self->page_height - y - (row + 1) * module,
                               (end - col) * module, module);
          col = end;
        }
    }
  HPDF_Page_Fill (self->page);
  QRcode_free (code);
  return TRUE;
}

GBytes *
rs_pdf_canvas_finish (RsPdfCanvas *self, GError **error)
{
  g_autofree guint8 *data = NULL;
  HPDF_UINT32 size, done = 0;

  if (!check (self, STAGE_SAVE, error))
    return NULL;
  HPDF_SaveToStream (self->doc);
  size = HPDF_GetStreamSize (self->doc);
  data = g_malloc (MAX (size, 1));
  HPDF_ResetStream (self->doc);
  while (done < size && self->error_no == HPDF_OK)
    {
      HPDF_UINT32 chunk = size - done;

      /* Reading to the very end reports HPDF_STREAM_EOF, which is not a failure. */
      if (HPDF_ReadFromStream (self->doc, data + done, &chunk) != HPDF_OK && chunk == 0)
        break;
      done += chunk;
    }
  if (done == size && self->error_no == HPDF_STREAM_EOF)
    self->error_no = HPDF_OK;
  if (!check (self, STAGE_SAVE, error))
    return NULL;
  if (done != size)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_FAILED, _("The PDF could not be made: it came out incomplete."));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), size);
}
