/* rs-pdf-template.h — the paper a document is laid out for (DESIGN §7).
 *
 * Every document kind can be printed on each template; the layout adapts to the page
 * (sizes of text, the QR code, photos per row). Lengths are PDF points (1/72 inch).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RS_PDF_TEMPLATE_A4,       /* A4 portrait, 210 × 297 mm */
  RS_PDF_TEMPLATE_A5,       /* A5 landscape, 210 × 148 mm */
  RS_PDF_TEMPLATE_FORM241,  /* 241 × 140 mm continuous form (二等分) for dot-matrix printers,
                               with the copy labels 存根联 / 客户联 / 仓库联 along its right edge */
} RsPdfTemplate;

#define RS_PDF_MM(mm) ((mm) * 72.0 / 25.4)

typedef struct {
  RsPdfTemplate id;
  const char   *nick;           /* "a4", "a5", "form241": the CLI's --template */
  double        width;
  double        height;
  double        margin_left;
  double        margin_right;   /* includes the strip of copy labels, when the page has one */
  double        margin_top;
  double        margin_bottom;
  double        body_size;      /* the size of ordinary text */
  double        title_size;
  double        qr_size;        /* the side of the QR code of the document number */
  guint         photo_columns;  /* photos side by side */
  gboolean      copy_labels;    /* lists the copies of multi-part paper by default */
} RsPdfPage;

const RsPdfPage *rs_pdf_template_get        (RsPdfTemplate  id);
/* "a4", "a5" or "form241"; anything else is a validation error naming the choices. */
gboolean         rs_pdf_template_from_nick  (const char    *nick,
                                             RsPdfTemplate *id,
                                             GError       **error);
/* The copies of multi-part paper in the program's language: 存根联, 客户联, 仓库联. */
char           **rs_pdf_template_copy_labels (void);

G_END_DECLS
