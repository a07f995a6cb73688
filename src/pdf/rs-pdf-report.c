/* rs-pdf-report.c — a report as a document: header, period and who printed it, then the
 * report's table with its total as the footer row. */
#include "rs-pdf-report.h"
#include "rs-pdf-print.h"
#include "rs-pdf-writer.h"

/* "2026-01-01 — 2026-12-31"; an open end said in words; NULL for a report of now (stock). */
static char *
period_text (RsReport *report)
{
  const char *from = rs_report_get_from (report);
  const char *to = rs_report_get_to (report);

  if (from != NULL && to != NULL)
    return g_strdup_printf ("%s — %s", from, to);
  if (from != NULL)
    /* TRANSLATORS: a report's period with no end, e.g. "from 2026-11-01" */
    return g_strdup_printf (C_("period", "from %s"), from);
  if (to != NULL)
    /* TRANSLATORS: a report's period with no start, e.g. "up to 2026-11-30" */
    return g_strdup_printf (C_("period", "up to %s"), to);
  return NULL;
}

/* Names and codes get room; figures the same narrower width each. */
static double
column_weight (RsTable *table, guint column)
{
  if (rs_table_get_column_type (table, column) != RS_TABLE_TEXT)
    return 1.2;
  return column == 0 ? 2.2 : 1.6;
}

RsPdfDocument *
rs_pdf_report_build (RsSession *session, RsReport *report, int paper, GError **error)
{
  RsDatabase *db;
  RsTable *table;
  g_autoptr(RsAttachmentStore) store = NULL;
  g_autoptr(RsPdfDocument) doc = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *period = NULL;
  RsPdfWriter w = { 0 };
  RsPdfTable *pdf_table;
  guint n_columns, n_rows, n_data;
  RsUser *user;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RS_IS_REPORT (report), NULL);

  if (!rs_permission_check (session, RS_ACTION_REPORT_VIEW, error))
    return NULL;

  db = rs_session_get_database (session);
  table = rs_report_get_table (report);
  store = rs_attachment_store_new (db);
  doc = rs_pdf_document_new (paper >= 0 ? (RsPdfTemplate) paper : rs_pdf_print_get_default_template (db));
  w.session = session;
  w.database = db;
  w.doc = doc;
  w.store = store;
  w.warnings = warnings;
  rs_pdf_writer_set_header (&w);

  rs_pdf_document_set_title (doc, rs_table_get_title (table), NULL);
  /* A report has no stub, customer or warehouse copy, even on the multi-part form. */
  rs_pdf_document_set_copy_labels (doc, NULL);
  rs_pdf_document_set_time (doc, rs_clock_now ());

  user = rs_session_get_user (session);
  period = period_text (report);
  if (period != NULL)
    /* TRANSLATORS: the dates a report covers (统计期间), not a settlement's (报账期间). */
    rs_pdf_pairs_add (fields, C_("report", "Period"), period);
  rs_pdf_pairs_add (fields, C_("document", "Printed by"), rs_user_get_display_name (user));
  now = g_date_time_new_from_unix_local (rs_clock_now () / G_USEC_PER_SEC);
  rs_pdf_pairs_take (fields, C_("document", "Printed at"), g_date_time_format (now, "%Y-%m-%d %H:%M"));
  rs_pdf_document_add_fieldsv (doc, 2, rs_pdf_pairs_end (fields));

  n_columns = rs_table_get_n_columns (table);
  n_rows = rs_table_get_n_rows (table);
  n_data = rs_report_get_n_rows (report);
  if (n_data == 0)
    {
      rs_pdf_document_add_text (doc, _("Nothing in this range."));
      return g_steal_pointer (&doc);
    }

  pdf_table = rs_pdf_document_add_table (doc);
  for (guint c = 0; c < n_columns; c++)
    rs_pdf_table_add_column (pdf_table, rs_table_get_column_name (table, c), column_weight (table, c),
                             rs_table_get_column_type (table, c) == RS_TABLE_TEXT ? RS_PDF_ALIGN_LEFT : RS_PDF_ALIGN_RIGHT);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (cells, rs_table_display_cell (table, r, c));
      g_ptr_array_add (cells, NULL);
      if (r < n_data)
        rs_pdf_table_add_rowv (pdf_table, (const char * const *) cells->pdata);
      else
        rs_pdf_table_set_footerv (pdf_table, (const char * const *) cells->pdata);
    }
  return g_steal_pointer (&doc);
}
