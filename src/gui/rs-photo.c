/* rs-photo.c */
#include "rs-photo.h"
#include <gdk-pixbuf/gdk-pixbuf.h>

struct _RsPhoto
{
  GObject parent_instance;

  RsAttachmentStore *store;   /* stored photos only */
  char *sha256;
  char *path;
  char *name;
};

G_DEFINE_FINAL_TYPE (RsPhoto, rs_photo, G_TYPE_OBJECT)

static void
rs_photo_finalize (GObject *object)
{
  RsPhoto *self = RS_PHOTO (object);

  g_clear_object (&self->store);
  g_free (self->sha256);
  g_free (self->path);
  g_free (self->name);
  G_OBJECT_CLASS (rs_photo_parent_class)->finalize (object);
}

static void
rs_photo_class_init (RsPhotoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_photo_finalize;
}

static void
rs_photo_init (RsPhoto *self)
{
}

RsPhoto *
rs_photo_new_pending (const char *path)
{
  RsPhoto *self = g_object_new (RS_TYPE_PHOTO, NULL);

  self->path = g_strdup (path);
  self->name = g_filename_display_basename (path);
  return self;
}

RsPhoto *
rs_photo_new_stored (RsAttachmentStore *store, const char *sha256, const char *file_name)
{
  RsPhoto *self = g_object_new (RS_TYPE_PHOTO, NULL);

  self->store = g_object_ref (store);
  self->sha256 = g_strdup (sha256);
  self->name = g_strdup (file_name);
  return self;
}

gboolean    rs_photo_is_stored  (RsPhoto *self) { return self->store != NULL; }
const char *rs_photo_get_path   (RsPhoto *self) { return self->path; }
const char *rs_photo_get_sha256 (RsPhoto *self) { return self->sha256; }
const char *rs_photo_get_name   (RsPhoto *self) { return self->name; }

static GdkTexture *
decode (GBytes *bytes, int max_size, const char *name, GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GError) local_error = NULL;

  if (max_size > 0)
    pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, max_size, max_size, TRUE, NULL, &local_error);
  else
    pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &local_error);
  if (pixbuf == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("“%s” is not a picture Restock can show (JPEG, PNG, WebP …); choose a photo instead."), name);
      return NULL;
    }
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  pixels = gdk_pixbuf_read_pixel_bytes (upright);
  /* A memory texture may be made in any thread; the main loop only gets to show it. */
  return gdk_memory_texture_new (gdk_pixbuf_get_width (upright), gdk_pixbuf_get_height (upright),
                                 gdk_pixbuf_get_has_alpha (upright) ? GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8,
                                 pixels, gdk_pixbuf_get_rowstride (upright));
}

static void
load_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RsPhoto *self = source;
  int max_size = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  GdkTexture *texture;

  if (self->store != NULL)
    /* Core checks the hash: a damaged file is an error, never shown as if it were fine. */
    bytes = rs_attachment_store_read (self->store, self->sha256, &error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->path);
      g_autoptr(GError) local_error = NULL;

      bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
      if (bytes == NULL)
        g_set_error (&error, RS_ERROR, RS_ERROR_STORAGE, _("Could not read %s: %s"), self->name,
                     local_error->message);
    }
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  texture = decode (bytes, max_size, self->name, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

void
rs_photo_load_async (RsPhoto *self, int max_size, GCancellable *cancellable, GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, rs_photo_load_async);
  g_task_set_task_data (task, GINT_TO_POINTER (max_size), NULL);
  g_task_run_in_thread (task, load_thread);
}

GdkTexture *
rs_photo_load_finish (RsPhoto *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
