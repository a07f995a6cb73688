/* rs-photo-viewer.h — a window showing photos one at a time: fit or 100 %, previous / next
 * (buttons, arrow keys, Page Up / Down), Escape closes. Pictures decode in a thread. */
#pragma once

#include <adwaita.h>
#include "rs-photo.h"

G_BEGIN_DECLS

#define RS_TYPE_PHOTO_VIEWER (rs_photo_viewer_get_type ())
G_DECLARE_FINAL_TYPE (RsPhotoViewer, rs_photo_viewer, RS, PHOTO_VIEWER, AdwWindow)

GtkWidget *rs_photo_viewer_new       (GtkWindow  *parent,
                                      RsPhoto   **photos,
                                      guint       n_photos,
                                      guint       index);
guint      rs_photo_viewer_get_index (RsPhotoViewer *self);
void       rs_photo_viewer_set_index (RsPhotoViewer *self,
                                      guint          index);

G_END_DECLS
