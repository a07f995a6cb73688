/* rs-photo-strip.h — the photos of a return or inspection line: thumbnails in a flow box,
 * "Add Photos…" (several at once), drag and drop of files, Ctrl+V of an image or of copied
 * files, a remove button on photos not yet saved, and a viewer on click.
 *
 * It shows what core already stores (rs_photo_strip_set_return(), _add_stored()) and the
 * files picked but not saved yet (pending): its owner saves those through core
 * (rs_returns_create / _attach, RsInspectionPhoto) and then shows the stored state.
 * Pictures are decoded in threads; a file that is no picture is refused with a message
 * under the strip and nothing else changes. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_PHOTO_STRIP (rs_photo_strip_get_type ())
G_DECLARE_FINAL_TYPE (RsPhotoStrip, rs_photo_strip, RS, PHOTO_STRIP, GtkWidget)

GtkWidget  *rs_photo_strip_new               (void);
void        rs_photo_strip_set_session       (RsPhotoStrip *self,
                                              RsSession    *session);
/* Shows the attachments of return `number` (and drops the pending files); NULL: none. */
gboolean    rs_photo_strip_set_return        (RsPhotoStrip *self,
                                              const char   *number,
                                              GError      **error);
/* Adds a stored file by its SHA-256 (an inspection's photos …). Needs the session. */
void        rs_photo_strip_add_stored        (RsPhotoStrip *self,
                                              const char   *sha256,
                                              const char   *file_name);
/* Forgets every photo shown, stored and pending. */
void        rs_photo_strip_clear             (RsPhotoStrip *self);
/* Editable: photos may be added, and pending ones removed (drafts, open inspections). */
void        rs_photo_strip_set_editable      (RsPhotoStrip *self,
                                              gboolean      editable);
gboolean    rs_photo_strip_get_editable      (RsPhotoStrip *self);
/* Adds files as pending photos, after checking in a thread that each is a picture. */
void        rs_photo_strip_add_files         (RsPhotoStrip *self,
                                              GFile       **files,
                                              guint         n_files);
void        rs_photo_strip_set_pending_files (RsPhotoStrip *self,
                                              const char * const *paths);
/* The paths of the pending photos, NULL-terminated (an empty array for none). */
GStrv       rs_photo_strip_get_pending_files (RsPhotoStrip *self);
guint       rs_photo_strip_get_n_photos      (RsPhotoStrip *self);
/* The message under the strip ("" for none): the last refusal. */
const char *rs_photo_strip_get_message       (RsPhotoStrip *self);
/* Pastes the clipboard's image or files (Ctrl+V inside the strip does it too). */
void        rs_photo_strip_paste             (RsPhotoStrip *self);
/* Opens the viewer on photo `index`. */
void        rs_photo_strip_show_photo        (RsPhotoStrip *self,
                                              guint         index);
/* The accessible name of the strip and the start of its buttons' names ("Photos"). */
void        rs_photo_strip_set_title         (RsPhotoStrip *self,
                                              const char   *title);

G_END_DECLS
