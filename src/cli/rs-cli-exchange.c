/* rs-cli-exchange.c — import products|customers|suppliers FILE [--dry-run]; export LIST --csv F | --xlsx F. */
#include "rs-cli.h"
#include "rs-i18n.h"

static const char *
delimiter_name (char delimiter)
{
  return delimiter == '\t' ? _("tabs") : delimiter == ';' ? _("semicolons") : _("commas");
}

/* A cell may hold line breaks; one row of the preview stays one line. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text);

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return line;
}

gboolean
rs_cli_import (RsCli *cli, int argc, char **argv, GError **error)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what the import would do; write nothing"), NULL },
    { NULL }
  };
  const char *usage = "import products|customers|suppliers FILE [--dry-run]";
  g_autoptr(RsImportResult) result = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *ignored;
  RsImportKind kind;
  RsSession *session;

  if (!rs_cli_parse (usage, entries, &argc, &argv, 2, error))
    return FALSE;
  if (!rs_import_kind_parse (argv[1], &kind, NULL))
    return rs_cli_usage (error, _("Usage: restock-cli %s"), usage);
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  result = rs_import_file (session, kind, argv[2], dry_run, NULL, NULL, NULL, error);
  if (result == NULL)
    return FALSE;

  g_string_append_printf (text, _("Read as %s, columns separated by %s, header on row %u."),
                          rs_import_result_get_encoding (result),
                          delimiter_name (rs_import_result_get_delimiter (result)),
                          rs_import_result_get_header_row (result));
  g_string_append_c (text, '\n');
  ignored = rs_import_result_get_ignored_columns (result);
  if (ignored[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (_(", "), (char **) ignored);
      g_string_append_printf (text, _("Columns ignored: %s"), list);
      g_string_append_c (text, '\n');
    }

  /* A preview lists every row; an import only those refused or with a note. */
  for (guint i = 0; i < rs_import_result_get_n_rows (result); i++)
    {
      const RsImportRow *row = rs_import_result_get_row (result, i);
      g_autofree char *name = NULL;

      if (!dry_run && row->outcome != RS_IMPORT_REFUSED && row->message == NULL)
        continue;
      name = one_line (row->name);
      g_string_append_printf (text, _("Row %u"), row->row);
      g_string_append_printf (text, "\t%s\t%s\t%s", rs_import_outcome_get_display_name (row->outcome),
                              row->key, name);
      if (row->message != NULL)
        g_string_append_printf (text, "\t%s", row->message);
      g_string_append_c (text, '\n');
    }

  g_string_append_printf (text, dry_run ? _("Would add %u, update %u, leave %u unchanged, refuse %u. "
                                            "Dry run: nothing was written.")
                                        : _("Added %u, updated %u, unchanged %u, refused %u."),
                          rs_import_result_get_count (result, RS_IMPORT_ADDED),
                          rs_import_result_get_count (result, RS_IMPORT_UPDATED),
                          rs_import_result_get_count (result, RS_IMPORT_UNCHANGED),
                          rs_import_result_get_count (result, RS_IMPORT_REFUSED));
  rs_cli_output_node (cli, rs_import_result_to_json (result), text->str);
  return TRUE;
}

gboolean
rs_cli_export (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *csv = NULL, *xlsx = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write a CSV file (UTF-8, for Excel too)"), N_("FILE") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write an Excel workbook"), N_("FILE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Products, customers, suppliers: deactivated ones too"), NULL },
    { NULL }
  };
  const char *usage = "export products|customers|suppliers|stock|ledger|slips --csv FILE | --xlsx FILE [--all]";
  g_autoptr(RsTable) table = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  RsExportList list;
  RsSession *session;
  const char *path;

  if (!rs_cli_parse (usage, entries, &argc, &argv, 1, error))
    return FALSE;
  if (!rs_export_list_parse (argv[1], &list, NULL) || (csv == NULL) == (xlsx == NULL))
    return rs_cli_usage (error, _("Usage: restock-cli %s"), usage);
  path = csv != NULL ? csv : xlsx;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  table = rs_export_list_table (session, list, all, error);
  if (table == NULL ||
      !rs_export_write (table, csv != NULL ? RS_EXPORT_CSV : RS_EXPORT_XLSX, path, NULL, NULL, NULL, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "list");
  json_builder_add_string_value (builder, rs_export_list_get_key (list));
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, csv != NULL ? "csv" : "xlsx");
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, rs_table_get_n_rows (table));
  json_builder_end_object (builder);
  shown = g_filename_display_name (path);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to “%s”.", "Exported %u rows to “%s”.",
                                       rs_table_get_n_rows (table)),
                          rs_table_get_n_rows (table), shown);
  rs_cli_output (cli, builder, text);
  return TRUE;
}
