/* rs-check.c */
#include "rs-check.h"
#include "rs-attachment-store.h"
#include "rs-audit.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-stock.h"

static gboolean
check_sqlite (RsDatabase *db, GPtrArray *problems, GError **error)
{
  g_autoptr(RsStatement) integrity = NULL;
  g_autoptr(RsStatement) keys = NULL;
  GError *local_error = NULL;

  integrity = rs_database_prepare (db, "PRAGMA integrity_check", error);
  if (integrity == NULL)
    return FALSE;
  while (rs_statement_step (integrity, &local_error))
    if (!g_str_equal (rs_statement_text (integrity, 0), "ok"))
      g_ptr_array_add (problems, g_strdup_printf (_("The database file is damaged: %s"),
                                                  rs_statement_text (integrity, 0)));
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;

  keys = rs_database_prepare (db, "PRAGMA foreign_key_check", error);
  if (keys == NULL)
    return FALSE;
  while (rs_statement_step (keys, &local_error))
    g_ptr_array_add (problems, g_strdup_printf (_("Row %s of table %s refers to a missing row of %s."),
                                                rs_statement_text (keys, 1), rs_statement_text (keys, 0),
                                                rs_statement_text (keys, 2)));
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

static gboolean
check_audit (RsDatabase *db, GPtrArray *problems, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 bad_id = 0;

  if (rs_audit_verify (db, &bad_id, &local_error))
    return TRUE;
  if (bad_id == 0)
    return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
  {
    g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, bad_id);
    g_ptr_array_add (problems, g_strdup_printf (_("The audit log was altered: entry %s no longer matches its chain (%s)."),
                                                entry, local_error != NULL ? local_error->message : ""));
  }
  return TRUE;
}

static gboolean
check_files (RsDatabase *db, GPtrArray *problems, GError **error)
{
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  GError *local_error = NULL;

  /* Collected first: verifying reads files, and no statement should stay open meanwhile. */
  {
    g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT sha256 FROM stored_file ORDER BY sha256", error);
    if (stmt == NULL)
      return FALSE;
    while (rs_statement_step (stmt, &local_error))
      g_ptr_array_add (hashes, g_strdup (rs_statement_text (stmt, 0)));
    if (local_error != NULL)
      return g_propagate_error (error, local_error), FALSE;
  }

  for (guint i = 0; i < hashes->len; i++)
    {
      g_autoptr(GError) file_error = NULL;
      if (!rs_attachment_store_verify (store, g_ptr_array_index (hashes, i), &file_error))
        g_ptr_array_add (problems, g_strdup (file_error->message));
    }
  return TRUE;
}

GPtrArray *
rs_check_database (RsDatabase *db, GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (RS_IS_DATABASE (db), NULL);

  if (!check_sqlite (db, problems, error) ||
      !check_audit (db, problems, error) ||
      !rs_stock_check (db, problems, error) ||
      !check_files (db, problems, error))
    return NULL;
  return g_steal_pointer (&problems);
}
