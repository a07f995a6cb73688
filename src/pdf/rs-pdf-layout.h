/* rs-pdf-layout.h — measuring, line breaking and laying out blocks on pages (src/pdf only).
 *
 * Widths come from the font's advances (rs_pdf_font_char_width): libharu 2.3.0 measures
 * UTF-8 text wrongly (every non-space character 1 em) and HPDF_Font_MeasureText can cut
 * a character in two, so neither is used.
 */
#pragma once

#include "rs-pdf-canvas.h"
#include "rs-pdf-document-private.h"

G_BEGIN_DECLS

/* Width in points of the first `length` bytes of text (-1: all) at `size`. */
double     rs_pdf_layout_text_width (RsPdfFont         *font,
                                     const char        *text,
                                     gssize             length,
                                     double             size);
/* The lines of text at `size` no wider than `width` points: one per '\n'-separated
 * paragraph at least; breaks between CJK characters and after spaces, never inside a
 * character, not before closing or after opening punctuation; a word longer than the
 * width is broken between characters. Spaces at the breaks are dropped. */
GPtrArray *rs_pdf_layout_wrap       (RsPdfFont         *font,
                                     const char        *text,
                                     double             size,
                                     double             width);
/* "Page 1 of 2" in the program's language. */
char      *rs_pdf_layout_page_label (guint              page,
                                     guint              n_pages);
/* Lays the blocks out page by page. Without a canvas it only counts the pages; with one
 * it draws them, stating n_pages as the total in the page numbers. Returns the page
 * count, or 0 with error set (a picture libharu refused). */
guint      rs_pdf_layout_run        (const RsPdfPage   *page,
                                     RsPdfFont         *font,
                                     const RsPdfHeader *header,
                                     GPtrArray         *blocks,
                                     RsPdfCanvas       *canvas,
                                     guint              n_pages,
                                     GError           **error);

G_END_DECLS
