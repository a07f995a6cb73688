/* rs-cli-user.c — init, user add|list|disable. */
#include "rs-cli.h"
#include "rs-i18n.h"

gboolean
rs_cli_init (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *company = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;
  const char *password = g_getenv ("RESTOCK_PASSWORD");
  GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_STRING, &company, N_("The company name printed on documents"), N_("NAME") },
    { NULL }
  };
  RsDatabase *db;

  if (!rs_cli_parse ("init [--company NAME]", entries, &argc, &argv, 0, error))
    return FALSE;
  if (password == NULL)
    return rs_cli_usage (error, _("Set RESTOCK_PASSWORD to the password of the new user “admin”."));

  db = rs_cli_get_database (cli, error);
  if (db == NULL || !rs_users_initialize (db, company, password, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, rs_database_get_path (db));
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, "admin");
  json_builder_end_object (builder);
  text = g_strdup_printf (_("Created %s with the user “admin”."), rs_database_get_path (db));
  rs_cli_output (cli, builder, text);
  return TRUE;
}

static void
add_user_json (JsonBuilder *builder, RsUser *user)
{
  g_autofree char *roles = rs_roles_to_keys (rs_user_get_roles (user));
  g_auto(GStrv) role_list = g_strsplit (roles, ",", -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rs_user_get_name (user));
  json_builder_set_member_name (builder, "full_name");
  json_builder_add_string_value (builder, rs_user_get_full_name (user));
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; role_list[i] != NULL; i++)
    json_builder_add_string_value (builder, role_list[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "disabled");
  json_builder_add_boolean_value (builder, rs_user_get_disabled (user));
  json_builder_end_object (builder);
}

static gboolean
user_add (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *role_list = NULL;
  g_autofree char *full_name = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RsUser) user = NULL;
  g_autofree char *text = NULL;
  const char *password = g_getenv ("RESTOCK_NEW_PASSWORD");
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_list, N_("Roles, separated by commas"), N_("ROLE[,ROLE]") },
    { "full-name", 0, 0, G_OPTION_ARG_STRING, &full_name, N_("The person’s full name"), N_("NAME") },
    { NULL }
  };
  RsSession *session;
  RsRoles roles;

  if (!rs_cli_parse ("user add NAME --role ROLE[,ROLE]", entries, &argc, &argv, 1, error))
    return FALSE;
  if (role_list == NULL)
    return rs_cli_usage (error, _("Give the new user’s roles with --role."));
  if (!rs_roles_parse (role_list, &roles, error))
    return FALSE;
  if (password == NULL)
    return rs_cli_usage (error, _("Set RESTOCK_NEW_PASSWORD to the new user’s password."));

  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  user = rs_users_add (session, argv[1], full_name, roles, password, error);
  if (user == NULL)
    return FALSE;

  add_user_json (builder, user);
  text = g_strdup_printf (_("Added the user “%s”."), rs_user_get_name (user));
  rs_cli_output (cli, builder, text);
  return TRUE;
}

static gboolean
user_list (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) users = NULL;
  RsSession *session;

  if (!rs_cli_parse ("user list", NULL, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  users = rs_users_list (session, error);
  if (users == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "users");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(RsUser) user = g_list_model_get_item (users, i);
      g_autofree char *roles = rs_roles_to_keys (rs_user_get_roles (user));

      add_user_json (builder, user);
      g_string_append_printf (text, "%-16s %-24s %s\n", rs_user_get_name (user), roles,
                              rs_user_get_disabled (user) ? _("disabled") : "");
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

static gboolean
user_disable (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;
  RsSession *session;

  if (!rs_cli_parse ("user disable NAME", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL || !rs_users_disable (session, argv[1], error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "disabled");
  json_builder_add_string_value (builder, argv[1]);
  json_builder_end_object (builder);
  text = g_strdup_printf (_("Disabled the user “%s”."), argv[1]);
  rs_cli_output (cli, builder, text);
  return TRUE;
}

gboolean
rs_cli_user (RsCli *cli, int argc, char **argv, GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return user_add (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return user_list (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "disable"))
    return user_disable (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli user add|list|disable …"));
}
