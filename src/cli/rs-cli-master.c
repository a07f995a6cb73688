/* rs-cli-master.c — warehouse add|list, location add|list, category add|list. */
#include "rs-cli.h"
#include "rs-i18n.h"

/* Free text comes in as bytes (G_OPTION_ARG_FILENAME), not converted: core
 * checks it and refuses invalid UTF-8 with its own message (exit 1, not 2). */

static JsonArray *
locations_array (GListModel *locations)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(RsLocation) location = g_list_model_get_item (locations, i);
      json_array_add_element (array, rs_location_to_json (location));
    }
  return array;
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

/* The warehouse's JSON with its locations inside. */
static JsonNode *
warehouse_json (RsWarehouse *warehouse, GListModel *locations)
{
  JsonNode *node = rs_warehouse_to_json (warehouse);

  json_object_set_array_member (json_node_get_object (node), "locations", locations_array (locations));
  return node;
}

static void
append_locations_text (GString *text, GListModel *locations, gboolean with_warehouse)
{
  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(RsLocation) location = g_list_model_get_item (locations, i);

      rs_cli_append_column (text, with_warehouse ? rs_location_get_warehouse_code (location) : "", 10);
      rs_cli_append_column (text, rs_location_get_code (location), 10);
      rs_cli_append_column (text, rs_location_kind_get_display_name (rs_location_get_kind (location)), 12);
      g_string_append_printf (text, "%s%s\n", rs_location_get_name (location),
                              rs_location_get_active (location) ? "" : _(" (deactivated)"));
    }
}

static gboolean
warehouse_add (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *address = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(GListModel) locations = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "address", 0, 0, G_OPTION_ARG_FILENAME, &address, N_("The warehouse’s address"), N_("ADDRESS") },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse ("warehouse add CODE NAME [--address ADDRESS]", entries, &argc, &argv, 2, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  warehouse = rs_warehouses_add (session, argv[1], argv[2], address, error);
  if (warehouse == NULL)
    return FALSE;
  locations = rs_locations_list (session, rs_warehouse_get_code (warehouse), error);
  if (locations == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "warehouse");
  json_builder_add_value (builder, warehouse_json (warehouse, locations));
  json_builder_end_object (builder);
  text = g_strdup_printf (_("Added the warehouse %s “%s” with its quarantine location %s."),
                          rs_warehouse_get_code (warehouse), rs_warehouse_get_name (warehouse),
                          RS_LOCATION_QUARANTINE_CODE);
  rs_cli_output (cli, builder, text);
  return TRUE;
}

static gboolean
warehouse_list (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) warehouses = NULL;
  RsSession *session;

  if (!rs_cli_parse ("warehouse list", NULL, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  warehouses = rs_warehouses_list (session, error);
  if (warehouses == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "warehouses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (warehouses); i++)
    {
      g_autoptr(RsWarehouse) warehouse = g_list_model_get_item (warehouses, i);
      g_autoptr(GListModel) locations = rs_locations_list (session, rs_warehouse_get_code (warehouse), error);

      if (locations == NULL)
        return FALSE;
      json_builder_add_value (builder, warehouse_json (warehouse, locations));
      rs_cli_append_column (text, rs_warehouse_get_code (warehouse), 10);
      g_string_append_printf (text, "%s%s\n", rs_warehouse_get_name (warehouse),
                              rs_warehouse_get_active (warehouse) ? "" : _(" (deactivated)"));
      append_locations_text (text, locations, FALSE);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

gboolean
rs_cli_warehouse (RsCli *cli, int argc, char **argv, GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return warehouse_add (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return warehouse_list (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli warehouse add|list …"));
}

static gboolean
location_add (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *kind_key = NULL;
  g_autofree char *name = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RsLocation) location = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_key, N_("storage (the default), repair or scrap"), N_("KIND") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("A name for the location (default: its code)"), N_("NAME") },
    { NULL }
  };
  RsLocationKind kind = RS_LOCATION_STORAGE;
  RsSession *session;

  if (!rs_cli_parse ("location add WAREHOUSE CODE [--kind storage|repair|scrap] [--name NAME]",
                     entries, &argc, &argv, 2, error))
    return FALSE;
  if (kind_key != NULL && !rs_location_kind_parse (kind_key, &kind, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  location = rs_locations_add (session, argv[1], argv[2], name, kind, error);
  if (location == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "location");
  json_builder_add_value (builder, rs_location_to_json (location));
  json_builder_end_object (builder);
  text = g_strdup_printf (_("Added the location %s in %s (%s)."), rs_location_get_code (location),
                          rs_location_get_warehouse_code (location),
                          rs_location_kind_get_display_name (rs_location_get_kind (location)));
  rs_cli_output (cli, builder, text);
  return TRUE;
}

static gboolean
location_list (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) locations = NULL;
  RsSession *session;

  if (!rs_cli_parse ("location list [WAREHOUSE]", NULL, &argc, &argv, -1, error))
    return FALSE;
  if (argc > 2)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), "location list [WAREHOUSE]");
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  locations = rs_locations_list (session, argc == 2 ? argv[1] : NULL, error);
  if (locations == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "locations");
  json_builder_add_value (builder, array_node (locations_array (locations)));
  json_builder_end_object (builder);
  append_locations_text (text, locations, TRUE);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

gboolean
rs_cli_location (RsCli *cli, int argc, char **argv, GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return location_add (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return location_list (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli location add|list …"));
}
