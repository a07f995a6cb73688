/* rs-pdf-font.c */
#include "rs-pdf-font.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <fontconfig/fontconfig.h>
#include <hb-subset.h>

static void
set_unreadable (GError **error, const char *path)
{
  g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
               _("The font file “%s” cannot be read. Correct the font in the settings, or clear it "
                 "and install WenQuanYi Micro Hei (package fonts-wqy-microhei)."), path);
}

/* A document font needs glyf outlines (libharu cannot embed CFF) and Chinese glyphs. */
static gboolean
check_font_file (const char *path, int index, GError **error)
{
  hb_blob_t *blob = hb_blob_create_from_file_or_fail (path);
  hb_face_t *face;
  hb_font_t *font;
  hb_blob_t *glyf;
  hb_codepoint_t glyph = 0;
  gboolean has_glyf, has_chinese;

  if (blob == NULL)
    {
      set_unreadable (error, path);
      return FALSE;
    }
  face = hb_face_create (blob, index);
  glyf = hb_face_reference_table (face, HB_TAG ('g', 'l', 'y', 'f'));
  has_glyf = hb_blob_get_length (glyf) > 0;
  font = hb_font_create (face);
  has_chinese = hb_font_get_nominal_glyph (font, 0x9000 /* 退 */, &glyph) && glyph != 0;
  hb_font_destroy (font);
  hb_blob_destroy (glyf);
  hb_face_destroy (face);
  hb_blob_destroy (blob);

  if (!has_glyf)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The font “%s” has PostScript (CFF) outlines, which PDF documents here cannot embed. "
                     "Choose a TrueType font such as WenQuanYi Micro Hei (package fonts-wqy-microhei)."), path);
      return FALSE;
    }
  if (!has_chinese)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The font “%s” has no Chinese characters. "
                     "Choose a Chinese font such as WenQuanYi Micro Hei (package fonts-wqy-microhei)."), path);
      return FALSE;
    }
  return TRUE;
}

char *
rs_pdf_font_find_cjk (const char *configured, int *face_index, GError **error)
{
  g_autofree char *found = NULL;
  FcPattern *pattern, *match;
  FcResult result;
  FcChar8 *file = NULL;
  FcChar8 *family = NULL;
  int index = 0;

  if (configured != NULL && *configured != '\0')
    {
      if (!check_font_file (configured, 0, error))
        return NULL;
      *face_index = 0;
      return g_strdup (configured);
    }

  if (!FcInit ())
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_FAILED, _("The font configuration could not be loaded."));
      return NULL;
    }
  pattern = FcNameParse ((const FcChar8 *) RS_PDF_DEFAULT_CJK_FAMILY);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);

  /* fontconfig always answers with something: accept only the family we asked for. */
  if (match != NULL &&
      FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch &&
      g_ascii_strcasecmp ((const char *) family, RS_PDF_DEFAULT_CJK_FAMILY) == 0 &&
      FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch)
    {
      found = g_strdup ((const char *) file);
      FcPatternGetInteger (match, FC_INDEX, 0, &index);
    }
  if (match != NULL)
    FcPatternDestroy (match);

  if (found == NULL)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_NOT_FOUND,
                           _("No Chinese font for documents: install WenQuanYi Micro Hei (package fonts-wqy-microhei) "
                             "or set a TrueType font in the settings."));
      return NULL;
    }
  if (!check_font_file (found, index, error))
    return NULL;
  *face_index = index;
  return g_steal_pointer (&found);
}

struct _RsPdfFont
{
  GObject    parent_instance;
  char      *path;
  int        index;
  hb_face_t *face;
  hb_font_t *font;
  unsigned   upem;
};

G_DEFINE_FINAL_TYPE (RsPdfFont, rs_pdf_font, G_TYPE_OBJECT)

static void
rs_pdf_font_finalize (GObject *object)
{
  RsPdfFont *self = RS_PDF_FONT (object);

  g_clear_pointer (&self->font, hb_font_destroy);
  g_clear_pointer (&self->face, hb_face_destroy);
  g_free (self->path);
  G_OBJECT_CLASS (rs_pdf_font_parent_class)->finalize (object);
}

static void
rs_pdf_font_class_init (RsPdfFontClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_pdf_font_finalize;
}

static void
rs_pdf_font_init (RsPdfFont *self)
{
}

/* Fonts by their setting ("" for the default): finding and mapping a font is done once. */
static GHashTable *fonts;
G_LOCK_DEFINE_STATIC (fonts);

RsPdfFont *
rs_pdf_font_get (const char *configured, GError **error)
{
  g_autoptr(RsPdfFont) self = NULL;
  hb_blob_t *blob;
  const char *key = configured != NULL ? configured : "";
  RsPdfFont *known;
  int index = 0;
  char *path;

  G_LOCK (fonts);
  known = fonts != NULL ? g_hash_table_lookup (fonts, key) : NULL;
  if (known != NULL)
    g_object_ref (known);
  G_UNLOCK (fonts);
  if (known != NULL)
    return known;

  path = rs_pdf_font_find_cjk (key, &index, error);
  if (path == NULL)
    return NULL;
  self = g_object_new (RS_TYPE_PDF_FONT, NULL);
  self->path = path;
  self->index = index;
  blob = hb_blob_create_from_file_or_fail (path);
  if (blob == NULL)
    {
      set_unreadable (error, path);
      return NULL;
    }
  self->face = hb_face_create (blob, index);
  hb_blob_destroy (blob);
  hb_face_make_immutable (self->face);
  self->upem = hb_face_get_upem (self->face);
  self->font = hb_font_create (self->face);
  hb_font_make_immutable (self->font);

  G_LOCK (fonts);
  if (fonts == NULL)
    fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  /* Another thread may have been quicker: keep one font per setting. */
  known = g_hash_table_lookup (fonts, key);
  if (known == NULL)
    g_hash_table_insert (fonts, g_strdup (key), g_object_ref (self));
  else
    g_set_object (&self, known);
  G_UNLOCK (fonts);
  return g_steal_pointer (&self);
}

const char *
rs_pdf_font_get_path (RsPdfFont *self)
{
  g_return_val_if_fail (RS_IS_PDF_FONT (self), NULL);
  return self->path;
}

int
rs_pdf_font_get_index (RsPdfFont *self)
{
  g_return_val_if_fail (RS_IS_PDF_FONT (self), 0);
  return self->index;
}

gboolean
rs_pdf_font_has_char (RsPdfFont *self, gunichar c)
{
  hb_codepoint_t glyph = 0;

  g_return_val_if_fail (RS_IS_PDF_FONT (self), FALSE);
  return c <= 0xFFFF && hb_font_get_nominal_glyph (self->font, c, &glyph) && glyph != 0;
}

int
rs_pdf_font_char_width (RsPdfFont *self, gunichar c)
{
  hb_codepoint_t glyph = 0;

  g_return_val_if_fail (RS_IS_PDF_FONT (self), 0);
  if (!hb_font_get_nominal_glyph (self->font, c, &glyph))
    glyph = 0;
  /* Rounded down as libharu does, so our measure and the PDF's agree to the unit. */
  return (int) ((unsigned) hb_font_get_glyph_h_advance (self->font, glyph) * 1000 / self->upem);
}

GBytes *
rs_pdf_font_subset (RsPdfFont *self, const hb_set_t *chars, GError **error)
{
  /* libharu shapes nothing and ignores hinting: what it cannot use only costs bytes. */
  static const hb_tag_t dropped[] = {
    HB_TAG ('G', 'S', 'U', 'B'), HB_TAG ('G', 'P', 'O', 'S'), HB_TAG ('G', 'D', 'E', 'F'),
    HB_TAG ('B', 'A', 'S', 'E'), HB_TAG ('J', 'S', 'T', 'F'), HB_TAG ('M', 'A', 'T', 'H'),
    HB_TAG ('k', 'e', 'r', 'n'), HB_TAG ('v', 'h', 'e', 'a'), HB_TAG ('v', 'm', 't', 'x'),
    HB_TAG ('V', 'O', 'R', 'G'), HB_TAG ('g', 'a', 's', 'p'), HB_TAG ('D', 'S', 'I', 'G'),
    HB_TAG ('E', 'B', 'D', 'T'), HB_TAG ('E', 'B', 'L', 'C'), HB_TAG ('E', 'B', 'S', 'C'),
    HB_TAG ('L', 'T', 'S', 'H'),
  };
  hb_subset_input_t *input;
  hb_face_t *subset;
  hb_blob_t *blob;
  const char *data;
  unsigned length;
  GBytes *bytes;

  g_return_val_if_fail (RS_IS_PDF_FONT (self), NULL);

  input = hb_subset_input_create_or_fail ();
  if (input == NULL)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_FAILED, _("Out of memory while preparing the document font."));
      return NULL;
    }
  hb_set_union (hb_subset_input_unicode_set (input), chars);
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), dropped[i]);
  subset = hb_subset_or_fail (self->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_FAILED,
                   _("The font “%s” could not be cut down to the characters of the document. "
                     "Choose another TrueType font in the settings."), self->path);
      return NULL;
    }
  blob = hb_face_reference_blob (subset);
  hb_face_destroy (subset);
  data = hb_blob_get_data (blob, &length);
  bytes = g_bytes_new_with_free_func (data, length, (GDestroyNotify) hb_blob_destroy, blob);
  return bytes;
}
