/* rs-cli-product.c — product add|list|show|deactivate|activate|remove. */
#include "rs-cli.h"
#include "rs-i18n.h"

static void
append_product_line (GString *text, RsProduct *product)
{
  g_autofree char *cost = rs_money_format (rs_product_get_avg_cost (product));

  rs_cli_append_column (text, rs_product_get_sku (product), 16);
  rs_cli_append_column (text, rs_product_get_name (product), 30);
  rs_cli_append_column (text, rs_product_get_unit (product), 6);
  g_string_append_printf (text, "%14s  %s%s\n", cost, rs_product_get_category (product),
                          rs_product_get_active (product) ? "" : _(" (deactivated)"));
}

static void
output_product (RsCli *cli, RsProduct *product, const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "product");
  json_builder_add_value (builder, rs_product_to_json (product));
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text);
}

static gboolean
product_add (RsCli *cli, int argc, char **argv, GError **error)
{
  /* Free text comes in as bytes (G_OPTION_ARG_FILENAME), not converted: core
   * checks it and refuses invalid UTF-8 with its own message (exit 1, not 2). */
  g_autofree char *unit = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *price = NULL;
  g_autofree char *category = NULL;
  g_autofree char *barcode = NULL;
  g_autofree char *spec = NULL;
  g_autoptr(RsProduct) product = NULL;
  g_autofree char *text = NULL;
  int decimals = 0;
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit, N_("The unit it is counted in: 台, 个, kg…"), N_("UNIT") },
    { "decimals", 0, 0, G_OPTION_ARG_INT, &decimals, N_("Decimal places of its quantities, 0 to 3 (default 0)"), N_("N") },
    { "cost", 0, 0, G_OPTION_ARG_FILENAME, &cost, N_("Its cost, the start of the moving average"), N_("AMOUNT") },
    { "price", 0, 0, G_OPTION_ARG_FILENAME, &price, N_("Its list price"), N_("AMOUNT") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category, N_("Its category, created when new"), N_("NAME") },
    { "barcode", 0, 0, G_OPTION_ARG_FILENAME, &barcode, N_("Its barcode"), N_("CODE") },
    { "spec", 0, 0, G_OPTION_ARG_FILENAME, &spec, N_("Its specification: size, model, colour…"), N_("TEXT") },
    { NULL }
  };
  RsProductFields f = { 0 };
  RsSession *session;

  if (!rs_cli_parse ("product add SKU NAME --unit UNIT [--decimals N] [--cost AMOUNT] [--price AMOUNT] "
                     "[--category NAME] [--barcode CODE] [--spec TEXT]", entries, &argc, &argv, 2, error))
    return FALSE;
  if (unit == NULL)
    return rs_cli_usage (error, _("Give the product’s unit with --unit."));
  if ((cost != NULL && !rs_money_parse (cost, &f.avg_cost, error)) ||
      (price != NULL && !rs_money_parse (price, &f.list_price, error)))
    return FALSE;

  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  f.sku = argv[1];
  f.name = argv[2];
  f.unit = unit;
  f.decimals = decimals;
  f.category = category;
  f.barcode = barcode;
  f.spec = spec;
  product = rs_products_add (session, &f, error);
  if (product == NULL)
    return FALSE;

  text = g_strdup_printf (_("Added the product %s “%s”."), rs_product_get_sku (product), rs_product_get_name (product));
  output_product (cli, product, text);
  return TRUE;
}

static gboolean
product_list (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *search = NULL;
  gboolean all = FALSE;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) products = NULL;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include deactivated products"), NULL },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search, N_("Only products whose name, SKU, barcode or specification contain TEXT"), N_("TEXT") },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse ("product list [--all] [--search TEXT]", entries, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  products = search != NULL ? rs_products_search (session, search, error)
                            : rs_products_list (session, all, error);
  if (products == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "products");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(RsProduct) product = g_list_model_get_item (products, i);
      json_builder_add_value (builder, rs_product_to_json (product));
      append_product_line (text, product);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

static gboolean
product_show (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *cost = NULL;
  g_autofree char *price = NULL;
  RsSession *session;

  if (!rs_cli_parse ("product show SKU", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL || !rs_permission_check (session, RS_ACTION_VIEW, error))
    return FALSE;
  product = rs_products_lookup (rs_session_get_database (session), argv[1], error);
  if (product == NULL)
    return FALSE;

  cost = rs_money_format (rs_product_get_avg_cost (product));
  price = rs_money_format (rs_product_get_list_price (product));
  g_string_append_printf (text, "%s  %s\n", rs_product_get_sku (product), rs_product_get_name (product));
  g_string_append_printf (text, _("Specification: %s\n"), rs_product_get_spec (product));
  g_string_append_printf (text, _("Unit: %s (%d decimal places)\n"), rs_product_get_unit (product),
                          rs_product_get_decimals (product));
  g_string_append_printf (text, _("Barcode: %s\n"), rs_product_get_barcode (product) != NULL ? rs_product_get_barcode (product) : "");
  g_string_append_printf (text, _("Category: %s\n"), rs_product_get_category (product));
  g_string_append_printf (text, _("Average cost: %s\n"), cost);
  g_string_append_printf (text, _("List price: %s\n"), price);
  if (!rs_product_get_active (product))
    g_string_append_printf (text, "%s\n", _("Deactivated"));
  output_product (cli, product, text->str);
  return TRUE;
}

/* deactivate / activate / remove SKU: the product as it is afterwards, or {"removed": SKU}. */
static gboolean
product_change (RsCli *cli, int argc, char **argv, GError **error)
{
  const char *verb = argv[0];
  g_autofree char *usage = g_strdup_printf ("product %s SKU", verb);
  g_autoptr(RsProduct) product = NULL;
  g_autofree char *text = NULL;
  RsSession *session;

  if (!rs_cli_parse (usage, NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;

  if (g_str_equal (verb, "remove"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (!rs_products_remove (session, argv[1], error))
        return FALSE;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "removed");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_end_object (builder);
      text = g_strdup_printf (_("Removed the product %s."), argv[1]);
      rs_cli_output (cli, builder, text);
      return TRUE;
    }

  if (!rs_products_set_active (session, argv[1], g_str_equal (verb, "activate"), error))
    return FALSE;
  product = rs_products_lookup_by_sku (rs_session_get_database (session), argv[1], error);
  if (product == NULL)
    return FALSE;
  text = g_strdup_printf (rs_product_get_active (product) ? _("The product %s is active.")
                                                          : _("The product %s is deactivated."),
                          rs_product_get_sku (product));
  output_product (cli, product, text);
  return TRUE;
}

gboolean
rs_cli_product (RsCli *cli, int argc, char **argv, GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return product_add (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return product_list (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return product_show (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && (g_str_equal (argv[1], "deactivate") || g_str_equal (argv[1], "activate") ||
                    g_str_equal (argv[1], "remove")))
    return product_change (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli product add|list|show|deactivate|activate|remove …"));
}
