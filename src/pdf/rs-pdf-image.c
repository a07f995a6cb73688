/* rs-pdf-image.c */
#include "rs-pdf-image.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

void
rs_pdf_image_free (RsPdfImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->data, g_bytes_unref);
  g_free (image);
}

/* Shrinks while decoding, never enlarges. The JPEG decoder itself reduces by 1/2, 1/4
 * or 1/8, far cheaper than scaling pixels afterwards: the size asked for is the smallest
 * such reduction that keeps at least 5/8 of the limit (a 4000 × 3000 photo comes out
 * 1000 × 750), scaled further only when that is still above the limit. */
static void
on_size_prepared (GdkPixbufLoader *loader, int width, int height, gpointer user_data)
{
  int max_side = GPOINTER_TO_INT (user_data);
  int longest = MAX (width, height);
  int reduction = 1;

  if (longest <= max_side)
    return;
  while (reduction < 8 && longest / (reduction * 2) >= max_side * 5 / 8)
    reduction *= 2;
  width = (width + reduction - 1) / reduction;
  height = (height + reduction - 1) / reduction;
  longest = MAX (width, height);
  if (longest > max_side)
    {
      width = MAX (1, (int) ((gint64) width * max_side / longest));
      height = MAX (1, (int) ((gint64) height * max_side / longest));
    }
  gdk_pixbuf_loader_set_size (loader, width, height);
}

static GdkPixbuf *
load_upright (const char *path, int max_side, GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  GdkPixbuf *pixbuf;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("The picture “%s” cannot be read: %s"),
                   name, local_error->message);
      return NULL;
    }
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), GINT_TO_POINTER (max_side));
  if (!gdk_pixbuf_loader_write (loader, (const guchar *) contents, length, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error))
    {
      /* Closing is required even after a failed write; its error adds nothing. */
      gdk_pixbuf_loader_close (loader, NULL);
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("“%s” is not a picture that can be printed."), name);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("“%s” is not a picture that can be printed."), name);
      return NULL;
    }
  /* A copy with the EXIF orientation applied (or the same pixbuf, referenced). */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

static RsPdfImage *
encode (GdkPixbuf *pixbuf, RsPdfImageFormat format, GError **error)
{
  g_autoptr(RsPdfImage) image = g_new0 (RsPdfImage, 1);
  g_autoptr(GError) local_error = NULL;
  char *buffer = NULL;
  gsize size = 0;
  gboolean saved;

  if (format == RS_PDF_IMAGE_JPEG)
    saved = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &local_error,
                                       "quality", G_STRINGIFY (RS_PDF_PHOTO_QUALITY), NULL);
  else
    saved = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &local_error, NULL);
  if (!saved)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_FAILED, _("A picture could not be prepared for printing: %s"),
                   local_error->message);
      return NULL;
    }
  image->format = format;
  image->data = g_bytes_new_take (buffer, size);
  image->width = gdk_pixbuf_get_width (pixbuf);
  image->height = gdk_pixbuf_get_height (pixbuf);
  return g_steal_pointer (&image);
}

RsPdfImage *
rs_pdf_image_load_photo (const char *path, GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = load_upright (path, RS_PDF_PHOTO_MAX_SIDE, error);
  g_autoptr(GdkPixbuf) opaque = NULL;
  int width, height;

  if (pixbuf == NULL)
    return NULL;
  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    return encode (pixbuf, RS_PDF_IMAGE_JPEG, error);

  /* JPEG has no transparency: put the picture on white paper first. */
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  opaque = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  gdk_pixbuf_fill (opaque, 0xffffffff);
  gdk_pixbuf_composite (pixbuf, opaque, 0, 0, width, height, 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
  return encode (opaque, RS_PDF_IMAGE_JPEG, error);
}

RsPdfImage *
rs_pdf_image_load_logo (const char *path, GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = load_upright (path, RS_PDF_LOGO_MAX_SIDE, error);

  if (pixbuf == NULL)
    return NULL;
  return encode (pixbuf, RS_PDF_IMAGE_PNG, error);
}
