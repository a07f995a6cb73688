/* rs-pdf-font.h — the CJK font documents are set in (DESIGN §7).
 *
 * Documents use one font for Chinese and Latin text alike: WenQuanYi Micro Hei by default,
 * found through fontconfig, or a TrueType file from the settings. An RsPdfFont answers the
 * questions layout asks (does the font have this character? how wide is it?) and cuts the
 * subset that is embedded: only the glyphs a document uses, renumbered by HarfBuzz.
 * Fonts are shared per file and safe to use from several threads at once.
 */
#pragma once

#include <glib-object.h>
#include <hb.h>

G_BEGIN_DECLS

/* The default family: WenQuanYi Micro Hei has TrueType outlines libharu can embed. */
#define RS_PDF_DEFAULT_CJK_FAMILY "WenQuanYi Micro Hei"

/* The file of the CJK font: `configured` when set (a settings path), else the
 * default family through fontconfig. The font must cover Chinese and have
 * TrueType (glyf) outlines; otherwise a clear error says what to install. */
char *rs_pdf_font_find_cjk (const char *configured,
                            int        *face_index,
                            GError    **error);

#define RS_TYPE_PDF_FONT (rs_pdf_font_get_type ())
G_DECLARE_FINAL_TYPE (RsPdfFont, rs_pdf_font, RS, PDF_FONT, GObject)

/* The document font for `configured` (NULL or "": the default through fontconfig),
 * checked as rs_pdf_font_find_cjk() does. Loaded once per file and kept for the process. */
RsPdfFont  *rs_pdf_font_get          (const char     *configured,
                                      GError        **error);
const char *rs_pdf_font_get_path     (RsPdfFont      *self);
int         rs_pdf_font_get_index    (RsPdfFont      *self);
/* Whether a document can show c: the font has a glyph for it and c is in the Basic
 * Multilingual Plane (libharu's UTF-8 encoder stops at U+FFFF). */
gboolean    rs_pdf_font_has_char     (RsPdfFont      *self,
                                      gunichar        c);
/* The advance of c in thousandths of the font size: the very numbers libharu writes
 * into the PDF's /W array (libharu 2.3.0 mis-measures UTF-8 text itself). */
int         rs_pdf_font_char_width   (RsPdfFont      *self,
                                      gunichar        c);
/* A TrueType font with the glyphs of `chars` only (no hinting, no layout tables). */
GBytes     *rs_pdf_font_subset       (RsPdfFont      *self,
                                      const hb_set_t *chars,
                                      GError        **error);

G_END_DECLS
