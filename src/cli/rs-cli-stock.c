/* rs-cli-stock.c — stock, ledger and check (DESIGN §9). */
#include "rs-cli.h"
#include "rs-i18n.h"

gboolean
rs_cli_stock (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *warehouse = NULL, *sku = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  GOptionEntry entries[] = {
    { "warehouse", 0, 0, G_OPTION_ARG_STRING, &warehouse, N_("Only this warehouse"), N_("CODE") },
    { "sku", 0, 0, G_OPTION_ARG_STRING, &sku, N_("Only this product (SKU or barcode)"), "SKU" },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse ("stock [--warehouse CODE] [--sku SKU]", entries, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  levels = rs_stock_list (session, warehouse, sku, error);
  if (levels == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stock");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(RsStockLevel) level = g_list_model_get_item (levels, i);
      g_autofree char *quantity = rs_quantity_format (rs_stock_level_get_quantity (level),
                                                      rs_stock_level_get_decimals (level));

      json_builder_add_value (builder, rs_stock_level_to_json (level));
      g_string_append_printf (text, "%-8s %-8s %-16s %-20s %12s %s\n", rs_stock_level_get_warehouse_code (level),
                              rs_stock_level_get_location_code (level), rs_stock_level_get_sku (level),
                              rs_stock_level_get_product_name (level), quantity, rs_stock_level_get_unit (level));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (text->len == 0)
    g_string_append (text, _("No stock."));
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

gboolean
rs_cli_ledger (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *sku = NULL;
  int limit = 0;
  g_autoptr(GListModel) entries_model = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  GOptionEntry entries[] = {
    { "sku", 0, 0, G_OPTION_ARG_STRING, &sku, N_("Only this product (SKU or barcode)"), "SKU" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Only the newest N movements"), "N" },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse ("ledger [--sku SKU] [--limit N]", entries, &argc, &argv, 0, error))
    return FALSE;
  if (limit < 0)
    return rs_cli_usage (error, _("--limit takes a number of movements, 1 or more."));
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  entries_model = rs_stock_ledger (session, sku, (guint) limit, error);
  if (entries_model == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ledger");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (entries_model); i++)
    {
      g_autoptr(RsLedgerEntry) entry = g_list_model_get_item (entries_model, i);
      g_autofree char *when = rs_cli_format_time (rs_ledger_entry_get_time (entry));
      gint64 quantity = rs_ledger_entry_get_quantity (entry);
      g_autofree char *magnitude = rs_quantity_format (ABS (quantity), rs_ledger_entry_get_decimals (entry));

      json_builder_add_value (builder, rs_ledger_entry_to_json (entry));
      g_string_append_printf (text, "%s  %-20s %-16s %-8s %-8s %c%s %s%s\n", when,
                              rs_ledger_entry_get_slip_number (entry), rs_ledger_entry_get_sku (entry),
                              rs_ledger_entry_get_warehouse_code (entry), rs_ledger_entry_get_location_code (entry),
                              quantity < 0 ? '-' : '+', magnitude, rs_ledger_entry_get_unit (entry),
                              rs_ledger_entry_get_reversal (entry) ? _(" (void)") : "");
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

/* All well: exit 0 with "ok". Problems: each on stdout (text), and a refusal
 * (exit 1) whose one-line message lists them, so --json still prints one object. */
gboolean
rs_cli_check (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  RsSession *session;

  if (!rs_cli_parse ("check", NULL, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  problems = rs_check_database (rs_session_get_database (session), error);
  if (problems == NULL)
    return FALSE;

  if (problems->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          if (!cli->json)
            g_print ("%s\n", (char *) g_ptr_array_index (problems, i));
          g_string_append_printf (list, "%s%s", i > 0 ? " " : "", (char *) g_ptr_array_index (problems, i));
        }
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                   g_dngettext (GETTEXT_PACKAGE, "The check found %u problem: %s", "The check found %u problems: %s",
                                problems->len),
                   problems->len, list->str);
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, _("No problems found: stock matches the ledger, the audit log is intact, "
                                 "the database file and the stored files are sound."));
  return TRUE;
}
