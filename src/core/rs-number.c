/* rs-number.c */
#include "rs-number.h"
#include "rs-error.h"
#include "rs-i18n.h"

char *
rs_number_next (RsDatabase *db, const char *prefix, gint64 when_us, GError **error)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  g_autofree char *day = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;
  gint64 sequence;

  g_return_val_if_fail (RS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (prefix != NULL && *prefix != '\0', NULL);
  /* Outside a transaction the counter would commit alone and a failed write would leave a gap. */
  g_return_val_if_fail (!sqlite3_get_autocommit (rs_database_get_handle (db)), NULL);

  if (when == NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("The date is out of range.")), NULL;
  day = g_date_time_format (when, "%Y%m%d");

  stmt = rs_database_prepare (db,
                              "INSERT INTO doc_sequence (prefix, day, last) VALUES (?, ?, 1) "
                              "ON CONFLICT (prefix, day) DO UPDATE SET last = last + 1 "
                              "RETURNING last", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, RS_ERROR, RS_ERROR_STORAGE, _("No document number was allocated."));
      g_propagate_error (error, local_error);
      return NULL;
    }
  sequence = sqlite3_column_int64 (stmt, 0);
  /* RETURNING hands back its row before the statement finishes: run it to the end. */
  if (!rs_statement_run (stmt, error))
    return NULL;

  return g_strdup_printf ("%s%s-%04" G_GINT64_FORMAT, prefix, day, sequence);
}
