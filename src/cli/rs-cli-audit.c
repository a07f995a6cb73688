/* rs-cli-audit.c — audit list [--limit N] · audit verify. */
#include "rs-cli.h"
#include "rs-i18n.h"

#define DEFAULT_LIMIT 50

/* The stored JSON text as JSON again, so --json shows an object, not a string. */
static JsonNode *
parse_or_null (const char *text)
{
  JsonNode *node = text != NULL ? json_from_string (text, NULL) : NULL;
  return node != NULL ? node : json_node_new (JSON_NODE_NULL);
}

static gboolean
audit_list (RsCli *cli, int argc, char **argv, GError **error)
{
  int limit = DEFAULT_LIMIT;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) rows = NULL;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show the newest N rows (default 50; 0: all)"), N_("N") },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse ("audit list [--limit N]", entries, &argc, &argv, 0, error))
    return FALSE;
  if (limit < 0)
    return rs_cli_usage (error, _("--limit takes a number of rows, 0 or more."));
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  rows = rs_audit_list (session, (guint) limit, error);
  if (rows == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "audit");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RsAuditEntry) entry = g_list_model_get_item (rows, i);
      g_autofree char *when = rs_cli_format_time (rs_audit_entry_get_time (entry));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, rs_audit_entry_get_id (entry));
      json_builder_set_member_name (builder, "time");
      json_builder_add_string_value (builder, when);
      json_builder_set_member_name (builder, "user");
      json_builder_add_string_value (builder, rs_audit_entry_get_user_name (entry));
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, rs_audit_entry_get_action (entry));
      json_builder_set_member_name (builder, "object_type");
      json_builder_add_string_value (builder, rs_audit_entry_get_object_type (entry));
      json_builder_set_member_name (builder, "object_key");
      json_builder_add_string_value (builder, rs_audit_entry_get_object_key (entry));
      json_builder_set_member_name (builder, "before");
      json_builder_add_value (builder, parse_or_null (rs_audit_entry_get_before (entry)));
      json_builder_set_member_name (builder, "after");
      json_builder_add_value (builder, parse_or_null (rs_audit_entry_get_after (entry)));
      json_builder_set_member_name (builder, "hash");
      json_builder_add_string_value (builder, rs_audit_entry_get_hash (entry));
      json_builder_end_object (builder);

      g_string_append_printf (text, "%6" G_GINT64_FORMAT "  %s  ", rs_audit_entry_get_id (entry), when);
      rs_cli_append_column (text, rs_audit_entry_get_user_name (entry), 12);
      rs_cli_append_column (text, rs_audit_entry_get_action (entry), 22);
      g_string_append_printf (text, "%s\n", rs_audit_entry_get_object_key (entry));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

static gboolean
audit_verify (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;
  RsSession *session;

  if (!rs_cli_parse ("audit verify", NULL, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL || !rs_permission_check (session, RS_ACTION_AUDIT_VIEW, error) ||
      !rs_audit_verify (rs_session_get_database (session), NULL, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "intact");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  text = g_strdup (_("The audit log is intact."));
  rs_cli_output (cli, builder, text);
  return TRUE;
}

gboolean
rs_cli_audit (RsCli *cli, int argc, char **argv, GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return audit_list (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "verify"))
    return audit_verify (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli audit list|verify …"));
}
