/* rs-users.c */
#include "rs-users.h"
#include "rs-audit-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-password.h"
#include "rs-permission.h"
#include "rs-settings.h"
#include "rs-validate.h"

#define MAX_NAME_CHARS 32
#define MAX_FULL_NAME_CHARS 100
#define MAX_COMPANY_CHARS 200

/* The user as the audit log records it: never the password hash. */
static JsonNode *
user_json (RsUser *user)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *roles = rs_roles_to_keys (rs_user_get_roles (user));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rs_user_get_name (user));
  json_builder_set_member_name (builder, "full_name");
  json_builder_add_string_value (builder, rs_user_get_full_name (user));
  json_builder_set_member_name (builder, "roles");
  json_builder_add_string_value (builder, roles);
  json_builder_set_member_name (builder, "disabled");
  json_builder_add_boolean_value (builder, rs_user_get_disabled (user));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
validate_user_name (const char *name, GError **error)
{
  if (!rs_validate_text (name, _("user name"), MAX_NAME_CHARS, RS_TEXT_REQUIRED, error))
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || !g_unichar_isprint (c) || c == ',')
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("A user name may not contain spaces, commas or control characters.")), FALSE;
    }
  return TRUE;
}

static gboolean
count_users (RsDatabase *db, int *count, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT count(*) FROM user", error);

  if (stmt == NULL || !rs_statement_step (stmt, error))
    return FALSE;
  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
rs_users_is_initialized (RsDatabase *db, GError **error)
{
  int count = 0;
  return count_users (db, &count, error) && count > 0;
}

static gint64
insert_user (RsDatabase *db, const char *name, const char *full_name, RsRoles roles,
             const char *password, GError **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  gint64 id;

  hash = rs_password_hash (password, error);
  if (hash == NULL)
    return 0;

  stmt = rs_database_prepare (db, "SELECT 1 FROM user WHERE name = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (rs_statement_step (stmt, NULL))
    return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("A user named “%s” already exists."), name), 0;
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, "INSERT INTO user (name, full_name, password_hash, created_at) "
                                  "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, full_name != NULL ? full_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return 0;
  id = rs_database_last_insert_id (db);
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  for (RsRoles role = RS_ROLE_ADMIN; role <= RS_ROLE_VIEWER; role <<= 1)
    {
      if (!(roles & role))
        continue;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, rs_role_get_key (role), -1, SQLITE_STATIC);
      if (!rs_statement_run (stmt, error))
        return 0;
      sqlite3_reset (stmt);
    }
  return id;
}

gboolean
rs_users_initialize (RsDatabase *db, const char *company, const char *admin_password, GError **error)
{
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 admin_id;
  int count = 0;

  if (!rs_validate_text (company, _("company name"), MAX_COMPANY_CHARS, RS_TEXT_OPTIONAL, error) ||
      !rs_password_validate (admin_password, error))
    return FALSE;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL || !count_users (db, &count, error))
    return FALSE;
  if (count > 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS,
                        _("This database is already set up: “%s”."), rs_database_get_path (db)), FALSE;

  admin_id = insert_user (db, "admin", "", RS_ROLE_ADMIN, admin_password, error);
  if (admin_id == 0 ||
      !rs_settings_store (db, RS_SETTING_COMPANY_NAME, company != NULL ? company : "", error))
    return FALSE;

  /* The first row of the audit log: who set the database up, for which company. */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "company");
  json_builder_add_string_value (builder, company != NULL ? company : "");
  json_builder_set_member_name (builder, "admin");
  json_builder_add_string_value (builder, "admin");
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  if (!rs_audit_record_as (db, admin_id, "admin", "database.initialize", "database",
                           rs_database_get_path (db), NULL, after, error))
    return FALSE;

  return rs_transaction_commit (tx, error);
}

static RsRoles
load_roles (RsDatabase *db, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT role FROM user_role WHERE user_id = ?", error);
  RsRoles roles = RS_ROLE_NONE;

  if (stmt == NULL)
    return RS_ROLE_NONE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (rs_statement_step (stmt, error))
    roles |= rs_role_from_key (rs_statement_text (stmt, 0));
  return roles;
}

RsUser *
rs_users_lookup_by_id (RsDatabase *db, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *full_name = NULL;
  gboolean disabled;
  GError *local_error = NULL;
  RsRoles roles;

  stmt = rs_database_prepare (db, "SELECT name, full_name, disabled FROM user WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("The user no longer exists."));
      g_propagate_error (error, local_error);
      return NULL;
    }
  name = g_strdup (rs_statement_text (stmt, 0));
  full_name = g_strdup (rs_statement_text (stmt, 1));
  disabled = sqlite3_column_int (stmt, 2) != 0;
  g_clear_pointer (&stmt, rs_statement_release);

  roles = load_roles (db, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return rs_user_new (id, name, full_name, roles, disabled);
}

RsUser *
rs_users_add (RsSession *session, const char *name, const char *full_name, RsRoles roles,
              const char *password, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsUser) user = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 id;

  if (!rs_permission_check (session, RS_ACTION_USER_MANAGE, error) ||
      !validate_user_name (name, error) ||
      !rs_validate_text (full_name, _("full name"), MAX_FULL_NAME_CHARS, RS_TEXT_OPTIONAL, error))
    return NULL;
  if ((roles & RS_ROLE_ALL) == RS_ROLE_NONE)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("A user needs at least one role.")), NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  id = insert_user (db, name, full_name, roles, password, error);
  if (id == 0)
    return NULL;
  user = rs_users_lookup_by_id (db, id, error);
  if (user == NULL)
    return NULL;
  after = user_json (user);
  if (!rs_audit_record (session, "user.add", "user", name, NULL, after, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&user);
}

gboolean
rs_users_disable (RsSession *session, const char *name, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsUser) before_user = NULL;
  g_autoptr(RsUser) after_user = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 id;

  if (!rs_permission_check (session, RS_ACTION_USER_MANAGE, error))
    return FALSE;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  stmt = rs_database_prepare (db, "SELECT id FROM user WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!rs_statement_step (stmt, NULL))
    return g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no user named “%s”."), name), FALSE;
  id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, rs_statement_release);

  if (id == rs_user_get_id (rs_session_get_user (session)))
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("You cannot disable your own account.")), FALSE;

  before_user = rs_users_lookup_by_id (db, id, error);
  if (before_user == NULL)
    return FALSE;
  if (rs_user_get_disabled (before_user))
    return rs_transaction_commit (tx, error);   /* already disabled: nothing to change or record */

  stmt = rs_database_prepare (db, "UPDATE user SET disabled = 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rs_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, rs_statement_release);

  after_user = rs_users_lookup_by_id (db, id, error);
  if (after_user == NULL)
    return FALSE;
  before = user_json (before_user);
  after = user_json (after_user);
  return rs_audit_record (session, "user.disable", "user", rs_user_get_name (after_user), before, after, error) &&
         rs_transaction_commit (tx, error);
}

/* Looks the named user up inside the caller's transaction. */
static RsUser *
lookup_by_name (RsDatabase *db, const char *name, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT id FROM user WHERE name = ?", error);
  gint64 id;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name != NULL ? name : "", -1, SQLITE_STATIC);
  if (!rs_statement_step (stmt, NULL))
    return g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no user named “%s”."),
                        name != NULL ? name : ""), NULL;
  id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, rs_statement_release);
  return rs_users_lookup_by_id (db, id, error);
}

/* Audits a change of the user made by the caller, in the caller's transaction. */
static gboolean
audit_change (RsSession *session, const char *action, RsUser *before_user, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsUser) after_user = rs_users_lookup_by_id (db, rs_user_get_id (before_user), error);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (after_user == NULL)
    return FALSE;
  before = user_json (before_user);
  after = user_json (after_user);
  return rs_audit_record (session, action, "user", rs_user_get_name (after_user), before, after, error);
}

gboolean
rs_users_enable (RsSession *session, const char *name, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsUser) user = NULL;

  if (!rs_permission_check (session, RS_ACTION_USER_MANAGE, error))
    return FALSE;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  user = lookup_by_name (db, name, error);
  if (user == NULL)
    return FALSE;
  if (!rs_user_get_disabled (user))
    return rs_transaction_commit (tx, error);   /* already enabled: nothing to record */

  stmt = rs_database_prepare (db, "UPDATE user SET disabled = 0 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rs_user_get_id (user));
  if (!rs_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, rs_statement_release);
  return audit_change (session, "user.enable", user, error) && rs_transaction_commit (tx, error);
}

gboolean
rs_users_set_roles (RsSession *session, const char *name, RsRoles roles, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsUser) user = NULL;

  if (!rs_permission_check (session, RS_ACTION_USER_MANAGE, error))
    return FALSE;
  if ((roles & RS_ROLE_ALL) == RS_ROLE_NONE)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("A user needs at least one role.")), FALSE;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  user = lookup_by_name (db, name, error);
  if (user == NULL)
    return FALSE;
  /* Otherwise the last administrator could lock everyone out of user management. */
  if (rs_user_get_id (user) == rs_user_get_id (rs_session_get_user (session)) &&
      (rs_user_get_roles (user) & RS_ROLE_ADMIN) && !(roles & RS_ROLE_ADMIN))
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("You cannot take the administrator role from your own account.")), FALSE;
  if ((rs_user_get_roles (user) & RS_ROLE_ALL) == (roles & RS_ROLE_ALL))
    return rs_transaction_commit (tx, error);

  stmt = rs_database_prepare (db, "DELETE FROM user_role WHERE user_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rs_user_get_id (user));
  if (!rs_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (RsRoles role = RS_ROLE_ADMIN; role <= RS_ROLE_VIEWER; role <<= 1)
    {
      if (!(roles & role))
        continue;
      sqlite3_bind_int64 (stmt, 1, rs_user_get_id (user));
      sqlite3_bind_text (stmt, 2, rs_role_get_key (role), -1, SQLITE_STATIC);
      if (!rs_statement_run (stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  g_clear_pointer (&stmt, rs_statement_release);
  return audit_change (session, "user.roles", user, error) && rs_transaction_commit (tx, error);
}

gboolean
rs_users_reset_password (RsSession *session, const char *name, const char *password, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsUser) user = NULL;
  g_autofree char *hash = NULL;

  if (!rs_permission_check (session, RS_ACTION_USER_MANAGE, error))
    return FALSE;
  hash = rs_password_hash (password, error);   /* checks the password rules first */
  if (hash == NULL)
    return FALSE;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  user = lookup_by_name (db, name, error);
  if (user == NULL)
    return FALSE;
  stmt = rs_database_prepare (db, "UPDATE user SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rs_user_get_id (user));
  if (!rs_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, rs_statement_release);
  return audit_change (session, "user.password", user, error) && rs_transaction_commit (tx, error);
}

GListModel *
rs_users_list (RsSession *session, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT id FROM user ORDER BY name", error);
  g_autoptr(GListStore) store = g_list_store_new (RS_TYPE_USER);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  while (rs_statement_step (stmt, &local_error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RsUser) user = rs_users_lookup_by_id (db, g_array_index (ids, gint64, i), error);
      if (user == NULL)
        return NULL;
      g_list_store_append (store, user);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
