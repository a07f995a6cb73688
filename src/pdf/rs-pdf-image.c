/* rs-pdf-image.c */
#include "rs-pdf-image.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

void
rs_pdf_image_free (RsPdfImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->data, g_bytes_unref);
  g_free (image);
}

typedef struct {
  int longest;    /* the most pixels of the longer side */
  int shortest;   /* … and of the shorter one */
} Limits;

static const Limits photo_limits = { RS_PDF_PHOTO_MAX_SIDE, RS_PDF_PHOTO_MAX_SIDE };
static const Limits logo_limits = { RS_PDF_LOGO_MAX_LONG, RS_PDF_LOGO_MAX_SHORT };

/* Shrinks while decoding, never enlarges. The JPEG decoder itself reduces by 1/2, 1/4
 * or 1/8, far cheaper than scaling pixels afterwards: the size asked for is the smallest
 * such reduction that keeps at least 5/8 of the size allowed (a 4000 × 3000 photo comes
 * out 1000 × 750), scaled further only when that is still too large. The limits hold
 * for the longer and the shorter side, whichever way the picture is turned. */
static void
on_size_prepared (GdkPixbufLoader *loader, int width, int height, gpointer user_data)
{
  const Limits *limits = user_data;
  int longest = MAX (width, height), shortest = MIN (width, height);
  double scale = MIN (1.0, MIN ((double) limits->longest / longest, (double) limits->shortest / shortest));
  int reduction = 1;

  if (scale >= 1.0)
    return;
  while (reduction < 8 && longest / (reduction * 2) >= longest * scale * 5 / 8)
    reduction *= 2;
  width = (width + reduction - 1) / reduction;
  height = (height + reduction - 1) / reduction;
  scale = MIN (1.0, MIN ((double) limits->longest / MAX (width, height), (double) limits->shortest / MIN (width, height)));
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

static GdkPixbuf *
load_upright (const char *path, const Limits *limits, GError **error)
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
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), (gpointer) limits);
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
encode_jpeg (GdkPixbuf *pixbuf, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  RsPdfImage *image;
  char *buffer = NULL;
  gsize size = 0;

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &local_error,
                                  "quality", G_STRINGIFY (RS_PDF_PHOTO_QUALITY), NULL))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_FAILED, _("A picture could not be prepared for printing: %s"),
                   local_error->message);
      return NULL;
    }
  image = g_new0 (RsPdfImage, 1);
  image->format = RS_PDF_IMAGE_JPEG;
  image->data = g_bytes_new_take (buffer, size);
  image->width = gdk_pixbuf_get_width (pixbuf);
  image->height = gdk_pixbuf_get_height (pixbuf);
  return image;
}

/* The pixels of an opaque 8-bit RGB pixbuf, its rows packed. */
static RsPdfImage *
pack_rgb (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  guint8 *packed = g_malloc ((gsize) width * height * 3);
  RsPdfImage *image = g_new0 (RsPdfImage, 1);

  for (int y = 0; y < height; y++)
    memcpy (packed + (gsize) y * width * 3, pixels + (gsize) y * stride, (gsize) width * 3);
  image->format = RS_PDF_IMAGE_RGB;
  image->data = g_bytes_new_take (packed, (gsize) width * height * 3);
  image->width = width;
  image->height = height;
  return image;
}

/* Paper is white: what is transparent becomes white. This also spares the soft mask,
 * which libharu 2.3.0 stores uncompressed (a 240 × 240 logo: 56 KB). */
static GdkPixbuf *
flatten (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  GdkPixbuf *opaque;

  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    return g_object_ref (pixbuf);
  opaque = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  gdk_pixbuf_fill (opaque, 0xffffffff);
  gdk_pixbuf_composite (pixbuf, opaque, 0, 0, width, height, 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
  return opaque;
}

RsPdfImage *
rs_pdf_image_load_photo (const char *path, GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = load_upright (path, &photo_limits, error);
  g_autoptr(GdkPixbuf) opaque = NULL;

  if (pixbuf == NULL)
    return NULL;
  opaque = flatten (pixbuf);
  return encode_jpeg (opaque, error);
}

static RsPdfImage *
image_copy (const RsPdfImage *image)
{
  RsPdfImage *copy = g_memdup2 (image, sizeof *image);

  g_bytes_ref (copy->data);
  return copy;
}

/* Every document carries the same logo: the last one made is kept while its file stays
 * the same (path, size and time of change). */
static struct {
  char       *path;
  gint64      size;
  gint64      changed;
  RsPdfImage *image;
} logo_cache;
G_LOCK_DEFINE_STATIC (logo_cache);

RsPdfImage *
rs_pdf_image_load_logo (const char *path, GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) opaque = NULL;
  RsPdfImage *image = NULL;
  GStatBuf info = { 0 };
  gboolean known = g_stat (path, &info) == 0;

  G_LOCK (logo_cache);
  if (known && logo_cache.image != NULL && g_strcmp0 (logo_cache.path, path) == 0 &&
      logo_cache.size == (gint64) info.st_size && logo_cache.changed == (gint64) info.st_mtime)
    image = image_copy (logo_cache.image);
  G_UNLOCK (logo_cache);
  if (image != NULL)
    return image;

  pixbuf = load_upright (path, &logo_limits, error);
  if (pixbuf == NULL)
    return NULL;
  opaque = flatten (pixbuf);
  image = pack_rgb (opaque);
  if (known)
    {
      G_LOCK (logo_cache);
      g_free (logo_cache.path);
      rs_pdf_image_free (logo_cache.image);
      logo_cache.path = g_strdup (path);
      logo_cache.size = info.st_size;
      logo_cache.changed = info.st_mtime;
      logo_cache.image = image_copy (image);
      G_UNLOCK (logo_cache);
    }
  return image;
}
