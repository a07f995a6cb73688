/* rs-cli-inspection.c — inspection show JY… and the checklists: inspection template list|add|deactivate. */
#include "rs-cli.h"
#include "rs-i18n.h"

#include <string.h>

#define ADD_USAGE "inspection template add CODE NAME --category NAME --item KEY[?]:KIND:NAME[:UNIT[:MIN[:MAX]]] …"

static gboolean
inspection_show (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsInspection) inspection = NULL;
  g_autofree char *text = NULL;
  RsSession *session;

  if (!rs_cli_parse ("inspection show NUMBER", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  inspection = rs_inspections_lookup (session, argv[1], error);
  if (inspection == NULL)
    return FALSE;
  {
    JsonNode *node = rs_inspection_to_json (inspection);
    text = json_to_string (node, TRUE);
    rs_cli_output_node (cli, node, text);
  }
  return TRUE;
}

/* An optional bound of a measurement: "" is none. */
static gboolean
parse_bound (const char *text, gboolean *has, gint64 *value, GError **error)
{
  gboolean negative = text[0] == '-';

  *has = *text != '\0';
  if (!*has)
    return TRUE;
  if (!rs_quantity_parse (negative ? text + 1 : text, 3, value, error))
    return FALSE;
  if (negative)
    *value = -*value;
  return TRUE;
}

/* "KEY[?]:KIND:NAME[:UNIT[:MIN[:MAX]]]" → an item pointing into the parts, which `keep`
 * holds; "?" after the key marks the item optional. */
static gboolean
parse_item (const char *text, guint number, GPtrArray *keep, RsInspectionItemFields *item, GError **error)
{
  GStrv parts = g_strsplit (text, ":", 6);
  guint n = g_strv_length (parts);
  GError *local_error = NULL;

  g_ptr_array_add (keep, parts);
  if (n < 3 || *parts[0] == '\0' || *parts[2] == '\0')
    return rs_cli_usage (error, _("Item %u: write KEY[?]:KIND:NAME[:UNIT[:MIN[:MAX]]], e.g. voltage:measure:电压:V:4.5:5.5."),
                         number);
  item->required = !g_str_has_suffix (parts[0], "?");
  if (!item->required)
    parts[0][strlen (parts[0]) - 1] = '\0';
  item->key = parts[0];
  item->name = parts[2];
  item->unit = n > 3 ? parts[3] : NULL;
  if (!rs_inspection_item_kind_parse (parts[1], &item->kind, &local_error) ||
      (n > 4 && !parse_bound (parts[4], &item->has_min, &item->min_value, &local_error)) ||
      (n > 5 && !parse_bound (parts[5], &item->has_max, &item->max_value, &local_error)))
    {
      g_propagate_prefixed_error (error, local_error, _("Item %u: "), number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
template_add (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *category = NULL;
  g_auto(GStrv) item_texts = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (RsInspectionItemFields));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("The product category the checklist is for"), N_("NAME") },
    { "item", 0, 0, G_OPTION_ARG_STRING_ARRAY, &item_texts, N_("An item in order; repeat for more (KEY? for an optional one)"),
      "KEY[?]:KIND:NAME[:UNIT[:MIN[:MAX]]]" },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse (ADD_USAGE, entries, &argc, &argv, 2, error))
    return FALSE;
  if (category == NULL || item_texts == NULL)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), ADD_USAGE);
  for (guint i = 0; item_texts[i] != NULL; i++)
    {
      RsInspectionItemFields item = { 0 };
      if (!parse_item (item_texts[i], i + 1, keep, &item, error))
        return FALSE;
      g_array_append_val (items, item);
    }
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  node = rs_inspection_templates_add (session, argv[1], argv[2], category,
                                      (const RsInspectionItemFields *) (gpointer) items->data, items->len, error);
  if (node == NULL)
    return FALSE;
  text = g_strdup_printf (_("Added the checklist %s for %s."), argv[1], category);
  rs_cli_output_node (cli, g_steal_pointer (&node), text);
  return TRUE;
}

static gboolean
template_deactivate (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;
  RsSession *session;

  if (!rs_cli_parse ("inspection template deactivate CODE", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL || !rs_inspection_templates_deactivate (session, argv[1], error))
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "deactivated");
  json_builder_add_string_value (builder, argv[1]);
  json_builder_end_object (builder);
  text = g_strdup_printf (_("Deactivated the checklist %s."), argv[1]);
  rs_cli_output (cli, builder, text);
  return TRUE;
}

static gboolean
template_list (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *templates;
  RsSession *session;

  if (!rs_cli_parse ("inspection template list", NULL, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  node = rs_inspection_templates_list (session, error);
  if (node == NULL)
    return FALSE;
  templates = json_object_get_array_member (json_node_get_object (node), "templates");
  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonObject *t = json_array_get_object_element (templates, i);
      JsonArray *items = json_object_get_array_member (t, "items");
      const char *category = json_object_get_string_member_with_default (t, "category", NULL);

      g_string_append_printf (text, "%s  %s  %s\n", json_object_get_string_member (t, "code"),
                              json_object_get_string_member (t, "name"), category != NULL ? category : _("(default)"));
      for (guint j = 0; j < json_array_get_length (items); j++)
        {
          JsonObject *item = json_array_get_object_element (items, j);
          g_string_append_printf (text, "    %-12s %-8s %s%s\n", json_object_get_string_member (item, "key"),
                                  json_object_get_string_member (item, "kind"), json_object_get_string_member (item, "name"),
                                  json_object_get_boolean_member (item, "required") ? "" : _(" (optional)"));
        }
    }
  rs_cli_output_node (cli, g_steal_pointer (&node), text->str);
  return TRUE;
}

gboolean
rs_cli_inspection (RsCli *cli, int argc, char **argv, GError **error)
{
  static const struct {
    const char *name;
    RsCliGroupFunc func;
  } templates[] = {
    { "add", template_add }, { "deactivate", template_deactivate }, { "list", template_list },
  };

  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return inspection_show (cli, argc - 1, argv + 1, error);
  for (guint i = 0; argc >= 3 && g_str_equal (argv[1], "template") && i < G_N_ELEMENTS (templates); i++)
    if (g_str_equal (argv[2], templates[i].name))
      return templates[i].func (cli, argc - 2, argv + 2, error);
  return rs_cli_usage (error, _("Usage: restock-cli inspection show NUMBER | inspection template list|add|deactivate …"));
}
