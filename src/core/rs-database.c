/* rs-database.c — the SQLite store (DESIGN §6).
 *
 * Opening checks what the file is before anything writes to it: a file that is not
 * SQLite, an SQLite file of another program, or a Restock database newer than this
 * program is refused and left byte-for-byte as it was. Only then are the durable
 * PRAGMAs set and the numbered migrations of data/sql applied, one transaction each.
 */
#include "rs-database.h"
#include "rs-core-resources.h"
#include "rs-error.h"
#include "rs-file-guard-private.h"
#include "rs-i18n.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#define MIGRATIONS_PATH "/io/github/restockapp/Restock/sql"
#define BUSY_TIMEOUT_MS 10000

struct _RsDatabase
{
  GObject     parent_instance;
  char       *path;
  sqlite3    *handle;
  GHashTable *statements;   /* SQL text → sqlite3_stmt* */
  GRecMutex   tx_lock;      /* one transaction at a time per connection */
  guint       tx_depth;
  gboolean    bulk;         /* rs_database_set_bulk() */
  gboolean    poisoned;     /* a flat transaction ended without commit after changing rows */
  gboolean    guarded;      /* its files are in rs-file-guard's list */
  int         schema_version;
};

struct _RsTransaction
{
  RsDatabase *db;
  guint       depth;
  gboolean    done;
  gboolean    flat;         /* bulk mode: no savepoint of its own */
  sqlite3_int64 changes;    /* flat: the connection's total changes when it began */
};

G_DEFINE_FINAL_TYPE (RsDatabase, rs_database, G_TYPE_OBJECT)

enum { PROP_0, PROP_PATH, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
rs_database_finalize (GObject *object)
{
  RsDatabase *self = RS_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  if (self->guarded)
    rs_file_guard_remove (self->path);
  g_rec_mutex_clear (&self->tx_lock);
  g_free (self->path);

  G_OBJECT_CLASS (rs_database_parent_class)->finalize (object);
}

static void
rs_database_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsDatabase *self = RS_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_database_class_init (RsDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_database_finalize;
  object_class->get_property = rs_database_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
rs_database_init (RsDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  g_rec_mutex_init (&self->tx_lock);
}

gboolean
rs_database_set_error (RsDatabase *self, int rc, GError **error)
{
  const char *detail = self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The database refused the change: %s"), detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                   _("The database is busy with another program; try again: %s"), detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                   _("The disk is full: %s"), detail);
      break;
    default:
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                   _("Database error: %s"), detail);
    }
  return FALSE;
}

RsStatement *
rs_database_prepare (RsDatabase *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RS_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      /* A cached statement still stepping belongs to a caller further up the stack. */
      g_return_val_if_fail (!sqlite3_stmt_busy (stmt), NULL);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rs_database_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
rs_statement_release (RsStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
rs_statement_step (RsStatement *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return FALSE;

  {
    sqlite3 *handle = sqlite3_db_handle (stmt);
    int code = rc & 0xff;
    int kind = code == SQLITE_CONSTRAINT ? RS_ERROR_VALIDATION : RS_ERROR_STORAGE;

    /* RAISE() in a trigger carries a message meant for people: pass it on alone. */
    if (code == SQLITE_CONSTRAINT && sqlite3_extended_errcode (handle) == SQLITE_CONSTRAINT_TRIGGER)
      g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_STATE, sqlite3_errmsg (handle));
    else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                   _("The database is busy with another program; try again: %s"),
                   sqlite3_errmsg (handle));
    else
      g_set_error (error, RS_ERROR, kind, _("Database error: %s"), sqlite3_errmsg (handle));
  }
  return FALSE;
}

gboolean
rs_statement_run (RsStatement *stmt, GError **error)
{
  GError *local_error = NULL;

  if (rs_statement_step (stmt, &local_error))
    return TRUE;   /* a row is not an error for a statement run for its effect */
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

const char *
rs_statement_text (RsStatement *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

gboolean
rs_database_exec (RsDatabase *self, const char *sql, GError **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Database error: %s"),
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gint64
rs_database_last_insert_id (RsDatabase *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

const char *
rs_database_get_path (RsDatabase *self)
{
  g_return_val_if_fail (RS_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
rs_database_get_handle (RsDatabase *self)
{
  g_return_val_if_fail (RS_IS_DATABASE (self), NULL);
  return self->handle;
}

char *
rs_database_describe_open_work (RsDatabase *self)
{
  g_autoptr(GString) work = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (RS_IS_DATABASE (self), NULL);

  if (self->tx_depth > 0)
    g_string_append_printf (work, "%u transaction(s) open; ", self->tx_depth);
  else if (!sqlite3_get_autocommit (self->handle))
    g_string_append (work, "a transaction open outside RsTransaction; ");
  while ((stmt = sqlite3_next_stmt (self->handle, stmt)) != NULL)
    if (sqlite3_stmt_busy (stmt))
      g_string_append_printf (work, "still stepping: %s; ", sqlite3_sql (stmt));
  return work->len > 0 ? g_string_free (g_steal_pointer (&work), FALSE) : NULL;
}

int
rs_database_get_schema_version (RsDatabase *self)
{
  return self->schema_version;
}

char *
rs_database_get_default_path (void)
{
  const char *env = g_getenv ("RESTOCK_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "restock", "restock.db", NULL);
}

/* ---- transactions ---------------------------------------------------- */

/* Every change opens a savepoint (and its audit row another): parsing the SQL
 * each time cost more than the savepoint, so these statements are cached too. */
static gboolean
run_cached (RsDatabase *self, const char *sql, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (self, sql, error);

  return stmt != NULL && rs_statement_run (stmt, error);
}

RsTransaction *
rs_transaction_begin (RsDatabase *self, GError **error)
{
  RsTransaction *tx;
  g_autofree char *sql = NULL;
  gboolean flat;

  g_return_val_if_fail (RS_IS_DATABASE (self), NULL);

  g_rec_mutex_lock (&self->tx_lock);
  flat = self->tx_depth > 0 && self->bulk;
  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else if (!flat)
    sql = g_strdup_printf ("SAVEPOINT rs_%u", self->tx_depth);

  if (sql != NULL && !run_cached (self, sql, error))
    {
      g_rec_mutex_unlock (&self->tx_lock);
      return NULL;
    }
  if (self->tx_depth == 0)
    self->poisoned = FALSE;

  tx = g_new0 (RsTransaction, 1);
  tx->db = g_object_ref (self);
  tx->depth = ++self->tx_depth;
  tx->flat = flat;
  tx->changes = flat ? sqlite3_total_changes64 (self->handle) : 0;
  return tx;
}

void
rs_database_set_bulk (RsDatabase *self, gboolean bulk)
{
  g_return_if_fail (RS_IS_DATABASE (self));
  self->bulk = bulk;
}

static void
transaction_end (RsTransaction *tx)
{
  tx->done = TRUE;
  tx->db->tx_depth--;
  g_rec_mutex_unlock (&tx->db->tx_lock);
}

gboolean
rs_transaction_commit (RsTransaction *tx, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (tx != NULL && !tx->done, FALSE);
  g_return_val_if_fail (tx->depth == tx->db->tx_depth, FALSE);

  if (tx->flat)
    {
      transaction_end (tx);
      return TRUE;
    }
  if (tx->depth == 1 && tx->db->poisoned)
    {
      /* Still open: freeing it rolls everything back. */
      g_set_error_literal (error, RS_ERROR, RS_ERROR_STORAGE,
                           _("A change failed halfway through, so nothing of it was saved."));
      return FALSE;
    }
  if (tx->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE rs_%u", tx->depth - 1);

  if (!run_cached (tx->db, sql, error))
    return FALSE;   /* still open: freeing it rolls back */
  transaction_end (tx);
  return TRUE;
}

void
rs_transaction_free (RsTransaction *tx)
{
  if (tx == NULL)
    return;

  if (!tx->done && tx->flat)
    {
      /* No savepoint to roll back to: what it changed poisons the whole transaction. */
      if (sqlite3_total_changes64 (tx->db->handle) != tx->changes)
        tx->db->poisoned = TRUE;
      transaction_end (tx);
    }
  else if (!tx->done)
    {
      g_autofree char *sql = NULL;

      if (tx->depth == 1)
        sql = g_strdup ("ROLLBACK");
      else
        sql = g_strdup_printf ("ROLLBACK TO rs_%u; RELEASE rs_%u", tx->depth - 1, tx->depth - 1);
      /* Statements left stepping would make ROLLBACK fail; the cache holds them all. */
      {
        sqlite3_stmt *stmt = NULL;
        while ((stmt = sqlite3_next_stmt (tx->db->handle, stmt)) != NULL)
          if (sqlite3_stmt_busy (stmt))
            sqlite3_reset (stmt);
      }
      if (sqlite3_get_autocommit (tx->db->handle) == 0 || tx->depth > 1)
        rs_database_exec (tx->db, sql, NULL);
      transaction_end (tx);
    }
  g_object_unref (tx->db);
  g_free (tx);
}

/* ---- opening and migrating ------------------------------------------- */

static gboolean
query_int (RsDatabase *self, const char *sql, int *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  sqlite3_finalize (stmt);

  if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, RS_ERROR, RS_ERROR_NOT_RESTOCK,
                 _("“%s” is not a Restock database: it is not a database file at all."),
                 self->path);
  else
    rs_database_set_error (self, rc, error);
  return FALSE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
list_migrations (GError **error)
{
  g_auto(GStrv) names = g_resource_enumerate_children (rs_core_get_resource (), MIGRATIONS_PATH, 0, error);
  GPtrArray *migrations;

  if (names == NULL)
    return NULL;

  migrations = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (migrations, g_strdup (names[i]));
  g_ptr_array_sort (migrations, compare_names);

  /* Numbered 0001…, with no gap: the number is the schema version it produces. */
  for (guint i = 0; i < migrations->len; i++)
    if (atoi (g_ptr_array_index (migrations, i)) != (int) i + 1)
      g_error ("Migration %s is out of sequence", (char *) g_ptr_array_index (migrations, i));

  return migrations;
}

int
rs_database_get_latest_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations (NULL);
  return migrations != NULL ? (int) migrations->len : 0;
}

static gboolean
apply_migration (RsDatabase *self, int version, const char *name, GError **error)
{
  g_autofree char *resource = g_strconcat (MIGRATIONS_PATH "/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RsTransaction) tx = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  int current = 0;

  bytes = g_resource_lookup_data (rs_core_get_resource (), resource, 0, error);
  if (bytes == NULL)
    return FALSE;

  tx = rs_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  /* Another process may have migrated while we waited for the write lock. */
  if (!query_int (self, "PRAGMA user_version", &current, error))
    return FALSE;
  if (current >= version)
    return rs_transaction_commit (tx, error);

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!rs_database_exec (self, sql, error))
    {
      g_prefix_error (error, _("Could not upgrade the database (step %s): "), name);
      return FALSE;
    }

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                 RS_DATABASE_APPLICATION_ID, version);
  if (!rs_database_exec (self, set_version, error))
    return FALSE;

  return rs_transaction_commit (tx, error);
}

static gboolean
check_and_migrate (RsDatabase *self, GError **error)
{
  g_autoptr(GPtrArray) migrations = NULL;
  int application_id = 0, version = 0, objects = 0;

  /* Reads only: nothing below may touch a file we end up refusing. */
  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &objects, error))
    return FALSE;

  if (application_id != RS_DATABASE_APPLICATION_ID && !(application_id == 0 && objects == 0))
    return g_set_error (error, RS_ERROR, RS_ERROR_NOT_RESTOCK,
                        _("“%s” is a database of another program, not of Restock. It was left unchanged."),
                        self->path), FALSE;

  migrations = list_migrations (error);
  if (migrations == NULL)
    return FALSE;

  if (version > (int) migrations->len)
    return g_set_error (error, RS_ERROR, RS_ERROR_TOO_NEW,
                        _("“%s” was made by a newer version of Restock (schema %d; this version knows up to %u). "
                          "Install the newer version to open it. The file was left unchanged."),
                        self->path, version, migrations->len), FALSE;

  if (!rs_database_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error))
    return FALSE;

  for (guint i = version; i < migrations->len; i++)
    if (!apply_migration (self, (int) i + 1, g_ptr_array_index (migrations, i), error))
      return FALSE;

  self->schema_version = (int) migrations->len;
  return TRUE;
}

RsDatabase *
rs_database_open (const char *path, GError **error)
{
  g_autoptr(RsDatabase) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_NOT_RESTOCK,
                   _("“%s” is not a Restock database: it is not a regular file."), path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (RS_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rs_file_guard_setup ();
  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not open “%s”: %s"), path,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  rs_file_guard_add (path);
  self->guarded = TRUE;
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  if (!rs_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF", error) ||
      !check_and_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
