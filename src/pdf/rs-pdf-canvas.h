/* rs-pdf-canvas.h — libharu behind a small drawing surface (private to src/pdf).
 *
 * The canvas owns one HPDF_Doc. libharu reports errors through the handler given to
 * HPDF_New; the canvas keeps the first one and turns it into a GError when a font or a
 * picture is added and when the document is finished, so a failed document never
 * becomes bytes. Coordinates are points from the top-left corner of the page, y down.
 * Colours are 0xRRGGBB.
 */
#pragma once

#include "rs-pdf-font.h"
#include "rs-pdf-image.h"

G_BEGIN_DECLS

typedef struct _RsPdfCanvas RsPdfCanvas;
typedef struct _RsPdfCanvasImage RsPdfCanvasImage;   /* owned by the canvas */

RsPdfCanvas      *rs_pdf_canvas_new         (void);
void              rs_pdf_canvas_free        (RsPdfCanvas      *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsPdfCanvas, rs_pdf_canvas_free)

/* Embeds `font` for the characters `chars` (every character drawn must be in it): a
 * HarfBuzz subset, or with whole_font the entire font file (for the benchmark only —
 * libharu < 2.4.4 blanks composite glyphs of a whole CJK font). Text is UTF-8. */
gboolean          rs_pdf_canvas_set_font    (RsPdfCanvas      *self,
                                             RsPdfFont        *font,
                                             const hb_set_t   *chars,
                                             gboolean          whole_font,
                                             GError          **error);
/* The document information: title, and the creation date (unix µs; 0 = none). */
void              rs_pdf_canvas_set_info    (RsPdfCanvas      *self,
                                             const char       *title,
                                             gint64            created_us);
void              rs_pdf_canvas_add_page    (RsPdfCanvas      *self,
                                             double            width,
                                             double            height);
/* Text on a baseline starting at x. Bold is drawn by stroking the outline as well. */
void              rs_pdf_canvas_text        (RsPdfCanvas      *self,
                                             double            x,
                                             double            baseline,
                                             double            size,
                                             const char       *text,
                                             guint32           color,
                                             gboolean          bold);
/* Text turned a quarter clockwise, reading downwards from (x, y); glyphs stand to the right of x. */
void              rs_pdf_canvas_text_down   (RsPdfCanvas      *self,
                                             double            x,
                                             double            y,
                                             double            size,
                                             const char       *text,
                                             guint32           color);
void              rs_pdf_canvas_fill_rect   (RsPdfCanvas      *self,
                                             double            x,
                                             double            y,
                                             double            width,
                                             double            height,
                                             guint32           color);
void              rs_pdf_canvas_stroke_rect (RsPdfCanvas      *self,
                                             double            x,
                                             double            y,
                                             double            width,
                                             double            height,
                                             double            line_width,
                                             guint32           color);
void              rs_pdf_canvas_line        (RsPdfCanvas      *self,
                                             double            x1,
                                             double            y1,
                                             double            x2,
                                             double            y2,
                                             double            line_width,
                                             guint32           color);
/* Adds a picture to the document once; draw it as often as needed. */
RsPdfCanvasImage *rs_pdf_canvas_add_image   (RsPdfCanvas      *self,
                                             const RsPdfImage *image,
                                             GError          **error);
void              rs_pdf_canvas_image       (RsPdfCanvas      *self,
                                             RsPdfCanvasImage *image,
                                             double            x,
                                             double            y,
                                             double            width,
                                             double            height);
/* `text` as a QR code (level M) of side `size`, drawn as filled squares (vector). */
gboolean          rs_pdf_canvas_qr          (RsPdfCanvas      *self,
                                             const char       *text,
                                             double            x,
                                             double            y,
                                             double            size);
/* The PDF, or the first libharu error. */
GBytes           *rs_pdf_canvas_finish      (RsPdfCanvas      *self,
                                             GError          **error);

G_END_DECLS
