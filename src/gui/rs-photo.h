/* rs-photo.h — one photo shown by the photo strip and viewer: a file picked but not yet
 * saved, or a file core keeps in the attachment store; and its decoding off the main thread. */
#pragma once

#include <gtk/gtk.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_PHOTO (rs_photo_get_type ())
G_DECLARE_FINAL_TYPE (RsPhoto, rs_photo, RS, PHOTO, GObject)

/* A file on disk not yet given to core. */
RsPhoto    *rs_photo_new_pending     (const char *path);
/* A file in the store, by its SHA-256; file_name as it was attached. */
RsPhoto    *rs_photo_new_stored      (RsAttachmentStore *store,
                                      const char        *sha256,
                                      const char        *file_name);
gboolean    rs_photo_is_stored       (RsPhoto *self);
/* The pending file's path, NULL for a stored one. */
const char *rs_photo_get_path        (RsPhoto *self);
const char *rs_photo_get_sha256      (RsPhoto *self);
/* What people see: the file's name. */
const char *rs_photo_get_name        (RsPhoto *self);

/* Reads and decodes the photo in a thread, upright (EXIF orientation), scaled to fit
 * max_size × max_size (0: its own size). A file that is no picture fails with
 * RS_ERROR_VALIDATION saying so; a damaged stored file with core's RS_ERROR_STORAGE. */
void        rs_photo_load_async      (RsPhoto             *self,
                                      int                  max_size,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GdkTexture *rs_photo_load_finish     (RsPhoto             *self,
                                      GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
