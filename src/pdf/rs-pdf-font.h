/* rs-pdf-font.h — finding the CJK font documents are set in (DESIGN §7). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The default family: WenQuanYi Micro Hei has TrueType outlines libharu can embed. */
#define RS_PDF_DEFAULT_CJK_FAMILY "WenQuanYi Micro Hei"

/* The file of the CJK font: `configured` when set (a settings path), else the
 * default family through fontconfig. The font must cover Chinese and have
 * TrueType (glyf) outlines; otherwise a clear error says what to install. */
char *rs_pdf_font_find_cjk (const char *configured,
                            int        *face_index,
                            GError    **error);

G_END_DECLS
