/* rs-cli-report.c — report returns|stages|stock: the reports of rs-reports.h as a table,
 * as JSON, or written to CSV / XLSX by the exporter of rs-export.h. */
#include "rs-cli.h"
#include "rs-i18n.h"

#define REPORT_USAGE \
  "report returns --by reason|product|category|customer|supplier|disposition|month " \
  "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE | --xlsx FILE] | " \
  "report stages [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE | --xlsx FILE] | " \
  "report stock [--movements [--from YYYY-MM-DD] [--to YYYY-MM-DD]] [--csv FILE | --xlsx FILE]"

static gboolean
is_figure (RsTableType type)
{
  return type != RS_TABLE_TEXT;
}

/* The table as a terminal shows it: names left, figures right, columns lined up. */
static char *
report_to_text (RsReport *report)
{
  RsTable *table = rs_report_get_table (report);
  guint n_columns = rs_table_get_n_columns (table);
  guint n_rows = rs_table_get_n_rows (table);
  g_autofree int *widths = g_new0 (int, n_columns);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (rs_table_get_title (table));
  const char *from = rs_report_get_from (report), *to = rs_report_get_to (report);

  if (from != NULL && to != NULL)
    /* TRANSLATORS: after a report's title, its date range */
    g_string_append_printf (text, _("  %s – %s"), from, to);
  else if (from != NULL)
    /* TRANSLATORS: after a report's title: from this date on */
    g_string_append_printf (text, _("  from %s"), from);
  else if (to != NULL)
    /* TRANSLATORS: after a report's title: up to this date */
    g_string_append_printf (text, _("  up to %s"), to);
  g_string_append_c (text, '\n');

  for (guint c = 0; c < n_columns; c++)
    widths[c] = rs_cli_text_width (rs_table_get_column_name (table, c));
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        char *cell = rs_table_format_cell (table, r, c);

        widths[c] = MAX (widths[c], rs_cli_text_width (cell));
        g_ptr_array_add (cells, cell);
      }

  for (guint r = 0; r <= n_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = r == 0 ? rs_table_get_column_name (table, c) : g_ptr_array_index (cells, (r - 1) * n_columns + c);

          if (is_figure (rs_table_get_column_type (table, c)))
            {
              for (int pad = rs_cli_text_width (cell); pad < widths[c]; pad++)
                g_string_append_c (text, ' ');
              g_string_append (text, cell);
              g_string_append_c (text, ' ');
            }
          else
            rs_cli_append_column (text, cell, widths[c]);
        }
      /* No trailing blanks. */
      while (text->len > 0 && text->str[text->len - 1] == ' ')
        g_string_truncate (text, text->len - 1);
      g_string_append_c (text, '\n');
    }
  if (rs_report_get_n_rows (report) == 0)
    g_string_append (text, _("Nothing in this range."));
  return g_string_free (text, FALSE);
}

/* Prints the report, or writes it to the file asked for and says so. */
static gboolean
output_report (RsCli *cli, RsReport *report, const char *csv, const char *xlsx, GError **error)
{
  g_autoptr(JsonNode) node = rs_report_to_json (report);
  g_autofree char *text = report_to_text (report);
  const char *path = csv != NULL ? csv : xlsx;

  if (path != NULL)
    {
      RsTable *table = rs_report_get_table (report);
      g_autofree char *shown = g_filename_display_name (path);
      g_autofree char *said = NULL;
      JsonObject *object = json_node_get_object (node);

      if (!rs_export_write (table, csv != NULL ? RS_EXPORT_CSV : RS_EXPORT_XLSX, path, NULL, NULL, NULL, error))
        return FALSE;
      json_object_set_string_member (object, "format", csv != NULL ? "csv" : "xlsx");
      json_object_set_string_member (object, "file", path);
      said = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to “%s”.", "Exported %u rows to “%s”.",
                                           rs_table_get_n_rows (table)),
                              rs_table_get_n_rows (table), shown);
      g_clear_pointer (&text, g_free);
      text = g_steal_pointer (&said);
    }
  rs_cli_output_node (cli, g_steal_pointer (&node), text);
  return TRUE;
}

gboolean
rs_cli_report (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *by = NULL, *from = NULL, *to = NULL, *csv = NULL, *xlsx = NULL;
  gboolean movements = FALSE;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Group the returns by reason, product, category, customer, supplier, "
                                             "disposition or month"), N_("DIMENSION") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this date on (included)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this date (included)"), N_("YYYY-MM-DD") },
    { "movements", 0, 0, G_OPTION_ARG_NONE, &movements, N_("Stock: the movements per month and purpose instead of what is on hand"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write a CSV file (UTF-8, for Excel too)"), N_("FILE") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write an Excel workbook"), N_("FILE") },
    { NULL }
  };
  g_autoptr(RsReport) report = NULL;
  RsReportDimension dimension = RS_REPORT_BY_REASON;
  RsSession *session;
  const char *what;

  if (!rs_cli_parse (REPORT_USAGE, entries, &argc, &argv, 1, error))
    return FALSE;
  what = argv[1];
  if (csv != NULL && xlsx != NULL)
    return rs_cli_usage (error, _("Write either --csv or --xlsx, not both."));
  if (g_str_equal (what, "returns"))
    {
      if (by == NULL)
        return rs_cli_usage (error, _("Say how to group the returns: --by reason|product|category|customer|supplier|"
                                      "disposition|month."));
      if (!rs_report_dimension_parse (by, &dimension, NULL))
        return rs_cli_usage (error, _("Returns are reported by reason, product, category, customer, supplier, "
                                      "disposition or month, not by “%s”."), by);
    }
  else if (g_str_equal (what, "stages") || g_str_equal (what, "stock"))
    {
      if (by != NULL)
        return rs_cli_usage (error, _("--by is for report returns."));
    }
  else
    return rs_cli_usage (error, _("Usage: restock-cli %s"), REPORT_USAGE);
  if (movements && !g_str_equal (what, "stock"))
    return rs_cli_usage (error, _("--movements is for report stock."));
  if (g_str_equal (what, "stock") && !movements && (from != NULL || to != NULL))
    return rs_cli_usage (error, _("Stock on hand is as of now: --from and --to go with --movements."));

  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  if (g_str_equal (what, "returns"))
    report = rs_reports_returns (session, dimension, from, to, error);
  else if (g_str_equal (what, "stages"))
    report = rs_reports_stages (session, from, to, error);
  else if (movements)
    report = rs_reports_movements (session, from, to, error);
  else
    report = rs_reports_stock (session, error);
  if (report == NULL)
    return FALSE;
  return output_report (cli, report, csv, xlsx, error);
}
