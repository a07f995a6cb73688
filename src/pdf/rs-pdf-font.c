/* rs-pdf-font.c */
#include "rs-pdf-font.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <fontconfig/fontconfig.h>
#include <hb.h>

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
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("The font file “%s” cannot be read."), path);
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
