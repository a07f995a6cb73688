/* rs-attachment-store.c */
#include "rs-attachment-store.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

struct _RsAttachmentStore
{
  GObject     parent_instance;
  RsDatabase *database;
  char       *directory;
};

G_DEFINE_FINAL_TYPE (RsAttachmentStore, rs_attachment_store, G_TYPE_OBJECT)

static void
rs_attachment_store_dispose (GObject *object)
{
  RsAttachmentStore *self = RS_ATTACHMENT_STORE (object);

  g_clear_object (&self->database);
  G_OBJECT_CLASS (rs_attachment_store_parent_class)->dispose (object);
}

static void
rs_attachment_store_finalize (GObject *object)
{
  RsAttachmentStore *self = RS_ATTACHMENT_STORE (object);

  g_free (self->directory);
  G_OBJECT_CLASS (rs_attachment_store_parent_class)->finalize (object);
}

static void
rs_attachment_store_class_init (RsAttachmentStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_attachment_store_dispose;
  object_class->finalize = rs_attachment_store_finalize;
}

static void
rs_attachment_store_init (RsAttachmentStore *self)
{
}

RsAttachmentStore *
rs_attachment_store_new (RsDatabase *database)
{
  RsAttachmentStore *self;
  g_autofree char *parent = NULL;

  g_return_val_if_fail (RS_IS_DATABASE (database), NULL);

  self = g_object_new (RS_TYPE_ATTACHMENT_STORE, NULL);
  self->database = g_object_ref (database);
  parent = g_path_get_dirname (rs_database_get_path (database));
  self->directory = g_build_filename (parent, "attachments", NULL);
  return self;
}

const char *
rs_attachment_store_get_directory (RsAttachmentStore *self)
{
  g_return_val_if_fail (RS_IS_ATTACHMENT_STORE (self), NULL);
  return self->directory;
}

/* A hash names a path: anything but 64 lower-case hex digits could leave the folder. */
static gboolean
check_hash (const char *sha256, GError **error)
{
  if (sha256 != NULL && strlen (sha256) == 64 && strspn (sha256, "0123456789abcdef") == 64)
    return TRUE;
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("“%s” is not a SHA-256 checksum."), sha256 != NULL ? sha256 : "");
  return FALSE;
}

char *
rs_attachment_store_get_path (RsAttachmentStore *self, const char *sha256)
{
  char prefix[3] = { 0 };

  g_return_val_if_fail (RS_IS_ATTACHMENT_STORE (self), NULL);
  g_return_val_if_fail (check_hash (sha256, NULL), NULL);

  memcpy (prefix, sha256, 2);

  /* Two levels keep folders small with many files. */
  return g_build_filename (self->directory, prefix, sha256, NULL);
}

static gboolean set_errno_error (GError **error, int saved_errno, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* "Could not write “…”: No space left on device" */
static gboolean
set_errno_error (GError **error, int saved_errno, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, "%s: %s", message, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
sync_directory (const char *directory, GError **error)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      return set_errno_error (error, saved, _("Could not save the folder “%s”"), directory);
    }
  close (fd);
  return TRUE;
}

/* Writes all of data to a new temporary file in directory, fsyncs it and renames it to path. */
static gboolean
write_durably (const char *directory, const char *path, const guint8 *data, gsize size, GError **error)
{
  g_autofree char *temp = g_build_filename (directory, ".incoming-XXXXXX", NULL);
  gsize done = 0;
  int fd;

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, _("Could not create a file in “%s”"), directory);

  while (done < size)
    {
      ssize_t n = write (fd, data + done, size - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_unlink (temp);
          return set_errno_error (error, saved, _("Could not write “%s”"), temp);
        }
      done += (gsize) n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      return set_errno_error (error, saved, _("Could not write “%s”"), temp);
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      return set_errno_error (error, saved, _("Could not move the file into place as “%s”"), path);
    }
  return sync_directory (directory, error);
}

static char *
hash_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
check_size (goffset size, const char *name, GError **error)
{
  if (size <= RS_ATTACHMENT_MAX_SIZE)
    return TRUE;
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("“%s” is too large to attach: %.1f MB, at most %d MB."),
               name, size / (1024.0 * 1024.0), RS_ATTACHMENT_MAX_SIZE / (1024 * 1024));
  return FALSE;
}

static gboolean
record (RsAttachmentStore *self, const char *sha256, gsize size, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (self->database,
                              "INSERT INTO stored_file (sha256, size, created_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (sha256) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64) size);
  sqlite3_bind_int64 (stmt, 3, rs_clock_now ());
  return rs_statement_run (stmt, error);
}

char *
rs_attachment_store_add_bytes (RsAttachmentStore *self, GBytes *bytes, GError **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (RS_IS_ATTACHMENT_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!check_size (size, _("The file"), error))
    return NULL;

  sha256 = hash_bytes (bytes);
  path = rs_attachment_store_get_path (self, sha256);
  folder = g_path_get_dirname (path);

  /* An intact copy is kept as it is; a damaged one is replaced by the good bytes. */
  if (!rs_attachment_store_verify (self, sha256, NULL))
    {
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          set_errno_error (error, errno, _("Could not create the folder “%s”"), folder);
          return NULL;
        }
      if (!write_durably (folder, path, data, size, error))
        return NULL;
    }

  if (!record (self, sha256, size, error))
    return NULL;
  return g_steal_pointer (&sha256);
}

char *
rs_attachment_store_add_file (RsAttachmentStore *self, const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  g_return_val_if_fail (RS_IS_ATTACHMENT_STORE (self), NULL);

  /* Refuse an oversized file before reading it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("“%s” is not a regular file."), name);
      return NULL;
    }
  if (!check_size (g_file_info_get_size (info), name, error))
    return NULL;

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  if (!check_size (g_bytes_get_size (bytes), name, error))   /* it may have grown meanwhile */
    return NULL;
  return rs_attachment_store_add_bytes (self, bytes, error);
}

GBytes *
rs_attachment_store_read (RsAttachmentStore *self, const char *sha256, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (RS_IS_ATTACHMENT_STORE (self), NULL);

  if (!check_hash (sha256, error))
    return NULL;
  path = rs_attachment_store_get_path (self, sha256);
  file = g_file_new_for_path (path);
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                   _("The stored file %s is missing or unreadable (%s). Restore the folder “%s” from a backup."),
                   sha256, local_error->message, self->directory);
      return NULL;
    }

  actual = hash_bytes (bytes);
  if (!g_str_equal (actual, sha256))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                   _("The stored file %s is damaged: its contents no longer match its SHA-256 checksum "
                     "(they hash to %s). Restore it from a backup."),
                   sha256, actual);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

gboolean
rs_attachment_store_verify (RsAttachmentStore *self, const char *sha256, GError **error)
{
  g_autoptr(GBytes) bytes = rs_attachment_store_read (self, sha256, error);
  return bytes != NULL;
}

char *
rs_attachment_guess_content_type (const char *file_name, GBytes *bytes)
{
  gsize size = 0;
  const guchar *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  g_autofree char *type = g_content_type_guess (file_name, data, MIN (size, 4096), NULL);
  char *mime = g_content_type_get_mime_type (type);

  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}
