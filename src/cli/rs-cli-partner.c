/* rs-cli-partner.c — customer and supplier: add|list|show|deactivate|activate|remove, one code for both. */
#include "rs-cli.h"
#include "rs-i18n.h"

static const char *
group_name (RsPartnerKind kind)
{
  return kind == RS_PARTNER_CUSTOMER ? "customer" : "supplier";
}

static void
output_partner (RsCli *cli, RsPartner *partner, const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, group_name (rs_partner_get_kind (partner)));
  json_builder_add_value (builder, rs_partner_to_json (partner));
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text);
}

static gboolean
partner_add (RsCli *cli, RsPartnerKind kind, int argc, char **argv, GError **error)
{
  /* Free text comes in as bytes (G_OPTION_ARG_FILENAME), not converted: core
   * checks it and refuses invalid UTF-8 with its own message (exit 1, not 2). */
  g_autofree char *code = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *address = NULL;
  g_autofree char *remark = NULL;
  g_autofree char *usage = g_strdup_printf ("%s add NAME [--code CODE] [--contact NAME] [--phone P] [--email E] "
                                            "[--address A] [--remark TEXT]", group_name (kind));
  g_autoptr(RsPartner) partner = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "code", 0, 0, G_OPTION_ARG_FILENAME, &code, N_("Its code (default: the next free one, C0001… or S0001…)"), N_("CODE") },
    { "contact", 0, 0, G_OPTION_ARG_FILENAME, &contact, N_("The contact person"), N_("NAME") },
    { "phone", 0, 0, G_OPTION_ARG_FILENAME, &phone, N_("Phone number"), N_("P") },
    { "email", 0, 0, G_OPTION_ARG_FILENAME, &email, N_("E-mail address"), N_("E") },
    { "address", 0, 0, G_OPTION_ARG_FILENAME, &address, N_("Address"), N_("A") },
    { "remark", 0, 0, G_OPTION_ARG_FILENAME, &remark, N_("A remark"), N_("TEXT") },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse (usage, entries, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  {
    RsPartnerFields f = { code, argv[1], contact, phone, email, address, remark };
    partner = rs_partners_add (session, kind, &f, error);
  }
  if (partner == NULL)
    return FALSE;

  if (kind == RS_PARTNER_CUSTOMER)
    text = g_strdup_printf (_("Added the customer %s “%s”."), rs_partner_get_code (partner), rs_partner_get_name (partner));
  else
    text = g_strdup_printf (_("Added the supplier %s “%s”."), rs_partner_get_code (partner), rs_partner_get_name (partner));
  output_partner (cli, partner, text);
  return TRUE;
}

static gboolean
partner_list (RsCli *cli, RsPartnerKind kind, int argc, char **argv, GError **error)
{
  g_autofree char *search = NULL;
  gboolean all = FALSE;
  g_autofree char *usage = g_strdup_printf ("%s list [--all] [--search TEXT]", group_name (kind));
  g_autofree char *member = g_strconcat (group_name (kind), "s", NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) partners = NULL;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include deactivated ones"), NULL },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search, N_("Only those whose name, code, contact or phone contain TEXT"), N_("TEXT") },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse (usage, entries, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  partners = search != NULL ? rs_partners_search (session, kind, search, error)
                            : rs_partners_list (session, kind, all, error);
  if (partners == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RsPartner) partner = g_list_model_get_item (partners, i);

      json_builder_add_value (builder, rs_partner_to_json (partner));
      rs_cli_append_column (text, rs_partner_get_code (partner), 10);
      rs_cli_append_column (text, rs_partner_get_name (partner), 30);
      rs_cli_append_column (text, rs_partner_get_contact (partner), 12);
      g_string_append_printf (text, "%s%s\n", rs_partner_get_phone (partner),
                              rs_partner_get_active (partner) ? "" : _(" (deactivated)"));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

static gboolean
partner_show (RsCli *cli, RsPartnerKind kind, int argc, char **argv, GError **error)
{
  g_autofree char *usage = g_strdup_printf ("%s show NAME|CODE", group_name (kind));
  g_autoptr(RsPartner) partner = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  RsSession *session;

  if (!rs_cli_parse (usage, NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL || !rs_permission_check (session, RS_ACTION_VIEW, error))
    return FALSE;
  partner = rs_partners_lookup (rs_session_get_database (session), kind, argv[1], error);
  if (partner == NULL)
    return FALSE;

  g_string_append_printf (text, "%s  %s\n", rs_partner_get_code (partner), rs_partner_get_name (partner));
  g_string_append_printf (text, _("Contact: %s\n"), rs_partner_get_contact (partner));
  g_string_append_printf (text, _("Phone: %s\n"), rs_partner_get_phone (partner));
  g_string_append_printf (text, _("E-mail: %s\n"), rs_partner_get_email (partner));
  g_string_append_printf (text, _("Address: %s\n"), rs_partner_get_address (partner));
  g_string_append_printf (text, _("Remark: %s\n"), rs_partner_get_remark (partner));
  if (!rs_partner_get_active (partner))
    g_string_append_printf (text, "%s\n", _("Deactivated"));
  output_partner (cli, partner, text->str);
  return TRUE;
}

/* deactivate / activate / remove CODE. */
static gboolean
partner_change (RsCli *cli, RsPartnerKind kind, int argc, char **argv, GError **error)
{
  const char *verb = argv[0];
  g_autofree char *usage = g_strdup_printf ("%s %s CODE", group_name (kind), verb);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RsPartner) partner = NULL;
  g_autofree char *text = NULL;
  RsSession *session;

  if (!rs_cli_parse (usage, NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;

  if (g_str_equal (verb, "remove"))
    {
      if (!rs_partners_remove (session, kind, argv[1], error))
        return FALSE;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "removed");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_end_object (builder);
      text = g_strdup_printf (_("Removed %s."), argv[1]);
      rs_cli_output (cli, builder, text);
      return TRUE;
    }

  if (!rs_partners_set_active (session, kind, argv[1], g_str_equal (verb, "activate"), error))
    return FALSE;
  partner = rs_partners_lookup (rs_session_get_database (session), kind, argv[1], error);
  if (partner == NULL)
    return FALSE;
  text = g_strdup_printf (rs_partner_get_active (partner) ? _("%s is active.") : _("%s is deactivated."),
                          rs_partner_get_code (partner));
  output_partner (cli, partner, text);
  return TRUE;
}

static gboolean
partner_group (RsCli *cli, RsPartnerKind kind, int argc, char **argv, GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return partner_add (cli, kind, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return partner_list (cli, kind, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return partner_show (cli, kind, argc - 1, argv + 1, error);
  if (argc >= 2 && (g_str_equal (argv[1], "deactivate") || g_str_equal (argv[1], "activate") ||
                    g_str_equal (argv[1], "remove")))
    return partner_change (cli, kind, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli %s add|list|show|deactivate|activate|remove …"), group_name (kind));
}

gboolean
rs_cli_customer (RsCli *cli, int argc, char **argv, GError **error)
{
  return partner_group (cli, RS_PARTNER_CUSTOMER, argc, argv, error);
}

gboolean
rs_cli_supplier (RsCli *cli, int argc, char **argv, GError **error)
{
  return partner_group (cli, RS_PARTNER_SUPPLIER, argc, argv, error);
}
