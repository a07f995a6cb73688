/* rs-pdf-image.h — pictures made ready for a document with gdk-pixbuf (DESIGN §7).
 *
 * Phone photos are large and often stored sideways with an EXIF orientation: a photo is
 * decoded, turned upright, made at most RS_PDF_PHOTO_MAX_SIDE pixels on its longest side
 * and encoded as JPEG. Large JPEGs are decoded at 1/2, 1/4 or 1/8 scale straight away,
 * down to no less than 5/8 of the limit (a 4000 × 3000 photo becomes 1000 × 750, 280 dpi
 * across half an A4 page): decoding at full size and scaling would cost three times as
 * much. A logo keeps its sharp edges: it is handed over as pixels, which the PDF
 * compresses without loss. Transparent parts become white, the paper.
 * The output depends on the input only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RS_PDF_PHOTO_MAX_SIDE 1600
#define RS_PDF_PHOTO_QUALITY  80
/* A logo is at most 11 mm high and 3 times as wide in a header: 300 dpi. Its pixels are
 * compressed anew for every document, so more would only cost time. */
#define RS_PDF_LOGO_MAX_LONG  400
#define RS_PDF_LOGO_MAX_SHORT 140

typedef enum {
  RS_PDF_IMAGE_JPEG,
  RS_PDF_IMAGE_RGB,    /* 8-bit RGB rows without padding: libharu compresses it losslessly */
} RsPdfImageFormat;

typedef struct {
  RsPdfImageFormat format;
  GBytes          *data;
  int              width;   /* pixels, upright */
  int              height;
} RsPdfImage;

void        rs_pdf_image_free  (RsPdfImage *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsPdfImage, rs_pdf_image_free)

/* A photo as JPEG. A file that cannot be read or is not a picture gdk-pixbuf knows is an
 * RS_ERROR_VALIDATION (or _STORAGE) error whose message names the file. */
RsPdfImage *rs_pdf_image_load_photo (const char *path,
                                     GError    **error);
/* A logo (PNG, JPEG, anything gdk-pixbuf reads) as RGB pixels, its sides at most
 * RS_PDF_LOGO_MAX_LONG and RS_PDF_LOGO_MAX_SHORT (shrunk like a photo). */
RsPdfImage *rs_pdf_image_load_logo  (const char *path,
                                     GError    **error);

G_END_DECLS
