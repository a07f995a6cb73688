/* rs-return-file.c — files on returns and inspections go to the attachment store. */
#include "rs-return-private.h"
#include "rs-attachment-store.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-validate.h"

gboolean
rs_return_store_file (RsDatabase *db, const char *path, RsStoredFile *out, GError **error)
{
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  GError *local_error = NULL;

  if (!rs_validate_text (name, _("file name"), 255, RS_TEXT_REQUIRED, error))
    return FALSE;
  /* Refuse an oversized file before reading it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > RS_ATTACHMENT_MAX_SIZE)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("%s is larger than %d MB; attach a smaller file."), name,
                        RS_ATTACHMENT_MAX_SIZE / (1024 * 1024)), FALSE;
  if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not read %s: %s"), name, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  out->sha256 = rs_attachment_store_add_bytes (store, bytes, error);
  if (out->sha256 == NULL)
    return FALSE;
  out->content_type = rs_attachment_guess_content_type (name, bytes);
  out->size = g_bytes_get_size (bytes);
  out->file_name = g_steal_pointer (&name);
  return TRUE;
}

void
rs_stored_file_clear (RsStoredFile *file)
{
  g_clear_pointer (&file->sha256, g_free);
  g_clear_pointer (&file->file_name, g_free);
  g_clear_pointer (&file->content_type, g_free);
}
