/* rs-cli-settlement.c — settlement new|approve|show|list (DESIGN §9). */
#include "rs-cli.h"
#include "rs-i18n.h"

#define NEW_USAGE "settlement new --from YYYY-MM-DD --to YYYY-MM-DD [--return RMA …] [--remark TEXT]"

static char *
describe_settlement (RsSettlement *settlement)
{
  g_autofree char *total = rs_money_format (rs_settlement_get_total (settlement));

  return g_strdup_printf (_("%s (%s … %s), %s: total ¥%s; returns: %u."), rs_settlement_get_number (settlement),
                          rs_settlement_get_period_from (settlement), rs_settlement_get_period_to (settlement),
                          rs_settlement_get_approved (settlement) ? _("approved") : _("draft"), total,
                          rs_settlement_get_n_returns (settlement));
}

static void
output_settlement (RsCli *cli, RsSettlement *settlement)
{
  g_autofree char *text = describe_settlement (settlement);
  rs_cli_output_node (cli, rs_settlement_to_json (settlement), text);
}

static gboolean
settlement_new (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *from = NULL, *to = NULL, *remark = NULL;
  g_auto(GStrv) returns = NULL;
  g_autoptr(RsSettlement) settlement = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day of the period"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day of the period"), "YYYY-MM-DD" },
    { "return", 0, 0, G_OPTION_ARG_STRING_ARRAY, &returns,
      N_("Settle this return (default: every disposed return of the period); repeat for more"), "RMA" },
    { "remark", 0, 0, G_OPTION_ARG_STRING, &remark, N_("A remark on the settlement"), N_("TEXT") },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse (NEW_USAGE, entries, &argc, &argv, 0, error))
    return FALSE;
  if (from == NULL || to == NULL)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), NEW_USAGE);
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  settlement = rs_settlements_create (session, from, to, (const char * const *) returns, remark, error);
  if (settlement == NULL)
    return FALSE;
  output_settlement (cli, settlement);
  return TRUE;
}

static gboolean
settlement_approve (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsSettlement) settlement = NULL;
  RsSession *session;

  if (!rs_cli_parse ("settlement approve NUMBER", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  settlement = rs_settlements_approve (session, argv[1], error);
  if (settlement == NULL)
    return FALSE;
  output_settlement (cli, settlement);
  return TRUE;
}

static gboolean
settlement_show (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsSettlement) settlement = NULL;
  RsSession *session;

  if (!rs_cli_parse ("settlement show NUMBER", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  settlement = rs_settlements_lookup (session, argv[1], error);
  if (settlement == NULL)
    return FALSE;
  output_settlement (cli, settlement);
  return TRUE;
}

static gboolean
settlement_list (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  RsSession *session;

  if (!rs_cli_parse ("settlement list", NULL, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  list = rs_settlements_list (session, error);
  if (list == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "settlements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsSettlement) settlement = g_list_model_get_item (list, i);
      g_autofree char *line = describe_settlement (settlement);

      json_builder_add_value (builder, rs_settlement_to_json (settlement));
      g_string_append_printf (text, "%s\n", line);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

gboolean
rs_cli_settlement (RsCli *cli, int argc, char **argv, GError **error)
{
  static const struct {
    const char *name;
    RsCliGroupFunc func;
  } commands[] = {
    { "new", settlement_new }, { "approve", settlement_approve }, { "show", settlement_show }, { "list", settlement_list },
  };

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli settlement new|approve|show|list …"));
}
