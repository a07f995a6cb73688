/* rs-attachment-store.h — files kept next to the database, named by their SHA-256 (DESIGN §6).
 *
 * Used for slip and return attachments and for the archive of printed PDFs.
 * A file is written to a temporary name, fsynced, renamed into place and then
 * recorded in the table stored_file, so a crash leaves either nothing or a
 * whole file. Reading checks the hash again: a damaged file is an error, never
 * shown as if it were fine. Equal contents are stored once.
 */
#pragma once

#include <gio/gio.h>
#include "rs-database.h"

G_BEGIN_DECLS

#define RS_ATTACHMENT_MAX_SIZE (25 * 1024 * 1024)

#define RS_TYPE_ATTACHMENT_STORE (rs_attachment_store_get_type ())
G_DECLARE_FINAL_TYPE (RsAttachmentStore, rs_attachment_store, RS, ATTACHMENT_STORE, GObject)

/* The store of the database: the folder "attachments" beside its file. */
RsAttachmentStore *rs_attachment_store_new           (RsDatabase        *database);
const char        *rs_attachment_store_get_directory (RsAttachmentStore *self);

/* Stores the bytes (at most RS_ATTACHMENT_MAX_SIZE) and returns their SHA-256 in hex.
 * Call it inside the transaction that refers to the hash, so the record and the
 * reference commit together; a file left by a rolled-back transaction is harmless. */
char   *rs_attachment_store_add_bytes (RsAttachmentStore *self,
                                       GBytes            *bytes,
                                       GError           **error);
char   *rs_attachment_store_add_file  (RsAttachmentStore *self,
                                       const char        *path,
                                       GError           **error);
/* The contents, after checking they still match the hash (RS_ERROR_STORAGE if not). */
GBytes *rs_attachment_store_read      (RsAttachmentStore *self,
                                       const char        *sha256,
                                       GError           **error);
gboolean rs_attachment_store_verify   (RsAttachmentStore *self,
                                       const char        *sha256,
                                       GError           **error);
/* Where the file lives (it may be missing or damaged: read or verify to know). */
char   *rs_attachment_store_get_path  (RsAttachmentStore *self,
                                       const char        *sha256);
/* A guess of the MIME type from the name and contents, e.g. "image/jpeg". */
char   *rs_attachment_guess_content_type (const char *file_name,
                                          GBytes     *bytes);

G_END_DECLS
