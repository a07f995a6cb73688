/* rs-cli-main.c — restock-cli: global options, the command table, exit codes. */
#include "rs-cli.h"
#include "rs-i18n.h"

/* Each group's grammar (DESIGN §9) is syntax, not prose: shown as is in --help. */
static const struct {
  const char     *name;
  RsCliGroupFunc  func;
  const char     *grammar;
} groups[] = {
  { "init", rs_cli_init, "init [--company NAME]" },
  { "demo", rs_cli_demo, "demo" },
  { "user", rs_cli_user, "user add NAME --role ROLE[,ROLE] [--full-name NAME] | user list | user disable NAME" },
  { "warehouse", rs_cli_warehouse, "warehouse add CODE NAME [--address ADDRESS] | warehouse list" },
  { "location", rs_cli_location, "location add WAREHOUSE CODE [--kind storage|repair|scrap] [--name NAME] | "
                                 "location list [WAREHOUSE]" },
  { "product", rs_cli_product, "product add SKU NAME --unit UNIT [--decimals N] [--cost AMOUNT] [--price AMOUNT] "
                               "[--category NAME] [--barcode CODE] [--spec TEXT] | product list [--all] [--search TEXT] | "
                               "product show SKU | product deactivate|activate|remove SKU" },
  { "customer", rs_cli_customer, "customer add NAME [--code CODE] [--contact NAME] [--phone P] [--email E] "
                                 "[--address A] [--remark TEXT] | customer list [--all] [--search TEXT] | "
                                 "customer show NAME|CODE | customer deactivate|activate|remove CODE" },
  { "supplier", rs_cli_supplier, "supplier add NAME [--code CODE] [--contact NAME] [--phone P] [--email E] "
                                 "[--address A] [--remark TEXT] | supplier list [--all] [--search TEXT] | "
                                 "supplier show NAME|CODE | supplier deactivate|activate|remove CODE" },
  { "audit", rs_cli_audit, "audit list [--limit N] | audit verify" },
  { "slip", rs_cli_slip, "slip new --kind in|out|transfer --purpose PURPOSE --warehouse CODE [--to WAREHOUSE] "
                         "[--partner NAME] [--remark TEXT] [--date YYYY-MM-DD] "
                         "--line SKU:QTY[@LOCATION[>LOCATION]][:UNITCOST] ... | slip post|amend|show NUMBER | "
                         "slip void NUMBER --reason TEXT | slip list [--kind KIND] [--state STATE] [--warehouse CODE] "
                         "[--limit N] | slip attach NUMBER FILE" },
  { "stock", rs_cli_stock, "stock [--warehouse CODE] [--sku SKU]" },
  { "ledger", rs_cli_ledger, "ledger [--sku SKU] [--limit N]" },
  { "check", rs_cli_check, "check" },
  { "backup", rs_cli_backup, "backup DIR" },
  { "restore", rs_cli_restore, "restore DIR" },
  { "import", rs_cli_import, "import products|customers|suppliers FILE [--dry-run]" },
  { "export", rs_cli_export, "export products|customers|suppliers|stock|ledger|slips --csv FILE | --xlsx FILE [--all]" },
  { "return", rs_cli_return, "return new --customer NAME --reason CODE [--slip CK…] [--order REF] [--sold-on YYYY-MM-DD] "
                             "[--requested-on YYYY-MM-DD] [--note TEXT] [--attach FILE …] --line SKU:QTY[:PRICE[:SERIAL]] … | "
                             "return edit RMA [options of new] | "
                             "return submit|approve|reject|cancel|revise RMA [--comment TEXT] | return show|mail RMA | "
                             "return list [--flagged] [--state STATE] [--customer CODE] [--limit N] | "
                             "return attach RMA FILE | return chain [--level ROLE[@AMOUNT] …] | "
                             "return policy [--window-days N] [--window REASON=DAYS|default …] [--receiving-days N] "
                             "[--inspection-hours N] | "
                             "return receive RMA --warehouse CODE --line SKU:QTY … [--comment TEXT] | "
                             "return resolve RMA accept|send-back [--line SKU] [--comment TEXT] | "
                             "return inspect RMA --line SKU[:QTY] [--start] [--check KEY=pass|fail|na|VALUE …] "
                             "[--photo [KEY=]FILE …] [--verdict fail] [--remark TEXT] | "
                             "return dispose RMA --line SKU:QTY:restock|repair|scrap|vendor|replace[@LOCATION|@SUPPLIER] … | "
                             "return repaired RMA --line SKU[:QTY][@LOCATION] … | "
                             "return cost RMA --kind refund|freight|handling|repair|vendor-credit --amount AMOUNT [--remark TEXT]" },
  { "inspection", rs_cli_inspection, "inspection show JY… | inspection template list | "
                                     "inspection template add CODE NAME --category NAME --item KEY[?]:KIND:NAME[:UNIT[:MIN[:MAX]]] … | "
                                     "inspection template deactivate CODE" },
  { "settlement", rs_cli_settlement, "settlement new --from YYYY-MM-DD --to YYYY-MM-DD [--return RMA …] [--remark TEXT] | "
                                     "settlement approve|show NUMBER | settlement list" },
  { "print", rs_cli_print, "print slip|return|inspection|settlement|dossier NUMBER -o FILE.pdf [--template a4|a5|form241] | "
                           "print list slip|return|inspection|settlement|dossier NUMBER" },
  { "settings", rs_cli_settings, "settings show | settings set company.name|company.address|company.phone|print.font|"
                                 "print.template VALUE | settings set company.logo FILE.png|FILE.jpg|\"\"" },
  { "report", rs_cli_report, "report returns --by reason|product|category|customer|supplier|disposition|month "
                             "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE | --xlsx FILE] | "
                             "report stages [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE | --xlsx FILE] | "
                             "report stock [--movements [--from YYYY-MM-DD] [--to YYYY-MM-DD]] [--csv FILE | --xlsx FILE]" },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    g_string_append_printf (text, "  %s\n", groups[i].grammar);
  g_string_append_c (text, '\n');
  g_string_append (text, _("The password of --user comes from RESTOCK_PASSWORD, else it is asked on the terminal; "
                           "a new user’s from RESTOCK_NEW_PASSWORD.\n"
                           "Exit status: 0 done, 1 refused, 2 usage, 3 permission denied."));
  return g_string_free (text, FALSE);
}

static int
exit_code_for (const GError *error)
{
  if (error->domain == RS_CLI_USAGE_ERROR || error->domain == G_OPTION_ERROR)
    return RS_CLI_EXIT_USAGE;
  if (error->domain == RS_ERROR && error->code == RS_ERROR_PERMISSION)
    return RS_CLI_EXIT_PERMISSION;
  return RS_CLI_EXIT_REFUSED;
}

static void
rs_cli_clear (RsCli *cli)
{
  g_clear_object (&cli->session);
  g_clear_object (&cli->database);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->user_name, g_free);
}

int
main (int argc, char **argv)
{
  RsCli cli = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli.db_path, N_("The database file (default: $RESTOCK_DB, else the user data folder)"), N_("PATH") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &cli.user_name, N_("Act as this user (default: $RESTOCK_USER, else admin)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli.json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  int status = RS_CLI_EXIT_OK;
  gboolean found = FALSE;

  rs_i18n_init ();

  context = g_option_context_new (_("COMMAND …"));
  g_option_context_set_strict_posix (context, TRUE);   /* options after the command are the command's */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  description = describe_commands ();
  g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    ;
  else if (argc < 2)
    g_set_error_literal (&error, RS_CLI_USAGE_ERROR, 0, _("No command given; try restock-cli --help."));
  else if (rs_clock_init_from_env (&error))
    {
      for (guint i = 0; i < G_N_ELEMENTS (groups) && !found; i++)
        if (g_str_equal (groups[i].name, argv[1]))
          {
            found = TRUE;
            groups[i].func (&cli, argc - 1, argv + 1, &error);
          }
      if (!found)
        g_set_error (&error, RS_CLI_USAGE_ERROR, 0,
                     _("Unknown command “%s”; try restock-cli --help."), argv[1]);
    }

  if (error != NULL)
    {
      status = exit_code_for (error);
      if (cli.json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, error->message);
          json_builder_set_member_name (builder, "exit");
          json_builder_add_int_value (builder, status);
          json_builder_end_object (builder);
          rs_cli_output (&cli, builder, NULL);
        }
      g_printerr ("restock-cli: %s\n", error->message);
    }

  rs_cli_clear (&cli);
  return status;
}
