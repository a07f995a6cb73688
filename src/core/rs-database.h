/* rs-database.h — one SQLite file: PRAGMAs, migrations, cached statements, transactions. */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* 'RStc': written into the file header so a foreign SQLite file is told apart. */
#define RS_DATABASE_APPLICATION_ID 0x52537463

#define RS_TYPE_DATABASE (rs_database_get_type ())
G_DECLARE_FINAL_TYPE (RsDatabase, rs_database, RS, DATABASE, GObject)

/* A cached prepared statement, borrowed from the database. g_autoptr(RsStatement)
 * resets it and clears its bindings when it goes out of scope, so no read
 * snapshot is left open behind the caller's back. */
typedef sqlite3_stmt RsStatement;
void rs_statement_release (RsStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsStatement, rs_statement_release)

/* A transaction opened with BEGIN IMMEDIATE (nested ones are savepoints).
 * Freeing it without rs_transaction_commit() rolls it back. */
typedef struct _RsTransaction RsTransaction;

RsDatabase    *rs_database_open              (const char   *path,
                                              GError      **error);
const char    *rs_database_get_path          (RsDatabase   *self);
sqlite3       *rs_database_get_handle        (RsDatabase   *self);
int            rs_database_get_schema_version (RsDatabase  *self);
/* Between two user actions nothing should be open: NULL, or what is (a transaction,
 * statements still stepping). A diagnostic for tests and debugging. */
char          *rs_database_describe_open_work (RsDatabase  *self);
int            rs_database_get_latest_version (void);
char          *rs_database_get_default_path  (void);

RsStatement   *rs_database_prepare           (RsDatabase   *self,
                                              const char   *sql,
                                              GError      **error);
gboolean       rs_database_exec              (RsDatabase   *self,
                                              const char   *sql,
                                              GError      **error);
gint64         rs_database_last_insert_id    (RsDatabase   *self);
gboolean       rs_database_set_error         (RsDatabase   *self,
                                              int           rc,
                                              GError      **error);

/* TRUE and a row to read, or FALSE: done (error unset) or failed (error set). */
gboolean       rs_statement_step             (RsStatement  *stmt,
                                              GError      **error);
/* Runs a statement that returns no rows. */
gboolean       rs_statement_run              (RsStatement  *stmt,
                                              GError      **error);
const char    *rs_statement_text             (RsStatement  *stmt,
                                              int           column);

RsTransaction *rs_transaction_begin          (RsDatabase   *self,
                                              GError      **error);
gboolean       rs_transaction_commit         (RsTransaction *tx,
                                              GError      **error);
void           rs_transaction_free           (RsTransaction *tx);
/* Bulk mode (an import of 100,000 rows): a transaction opened inside another takes no
 * savepoint of its own. One that ends without commit after changing rows poisons the
 * outermost: its commit then fails, and everything rolls back: never a row half written. */
void           rs_database_set_bulk          (RsDatabase   *self,
                                              gboolean      bulk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsTransaction, rs_transaction_free)

G_END_DECLS
