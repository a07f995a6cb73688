/* rs-session.c — login with lock-out. */
#include "rs-session.h"
#include "rs-session-private.h"
#include "rs-audit-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-password.h"
#include "rs-users.h"

struct _RsSession
{
  GObject     parent_instance;
  RsDatabase *database;
  RsUser     *user;
  gboolean    vouched;          /* rs_session_vouch() */
  RsAction    vouched_action;
};

G_DEFINE_FINAL_TYPE (RsSession, rs_session, G_TYPE_OBJECT)

/* Verified against when the user does not exist, so both answers take as long. */
static const char dummy_hash[] =
  "$argon2id$v=19$m=65536,t=2,p=1$ruBuYlA/68JyQmZzTtuNIw$"
  "ckFeJqm9Rt+5By26Gk25oWf8POGIL5BSXAxOPCp5CLo";

static void
rs_session_dispose (GObject *object)
{
  RsSession *self = RS_SESSION (object);

  g_clear_object (&self->database);
  g_clear_object (&self->user);
  G_OBJECT_CLASS (rs_session_parent_class)->dispose (object);
}

static void
rs_session_class_init (RsSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rs_session_dispose;
}

static void
rs_session_init (RsSession *self)
{
}

/* A failed login goes into the audit log: action "user.login-failed" or
 * "user.locked", by nobody (user_id 0), naming the account as typed. */
static gboolean
audit_login_failure (RsDatabase *db, const char *action, const char *name, int failures,
                     gint64 locked_until, GError **error)
{
  g_autofree char *shown = g_utf8_make_valid (name != NULL ? name : "", -1);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;

  /* What someone typed as a user name is kept short in the log. */
  if (g_utf8_strlen (shown, -1) > 64)
    *g_utf8_offset_to_pointer (shown, 64) = '\0';

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "failed_logins");
  json_builder_add_int_value (builder, failures);
  json_builder_set_member_name (builder, "locked_until");
  json_builder_add_int_value (builder, locked_until);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  return rs_audit_record_as (db, 0, shown, action, "user", shown, NULL, after, error);
}

static gboolean
record_login_result (RsDatabase *db, gint64 user_id, const char *name, int failures,
                     gint64 locked_until, const char *audit_action, GError **error)
{
  g_autoptr(RsTransaction) tx = rs_transaction_begin (db, error);
  g_autoptr(RsStatement) stmt = NULL;

  if (tx == NULL)
    return FALSE;
  if (user_id != 0)
    {
      stmt = rs_database_prepare (db, "UPDATE user SET failed_logins = ?, locked_until = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, failures);
      sqlite3_bind_int64 (stmt, 2, locked_until);
      sqlite3_bind_int64 (stmt, 3, user_id);
      if (!rs_statement_run (stmt, error))
        return FALSE;
    }
  if (audit_action != NULL &&
      !audit_login_failure (db, audit_action, name, failures, locked_until, error))
    return FALSE;
  return rs_transaction_commit (tx, error);
}

static gboolean
set_locked_error (GError **error, gint64 locked_until, gint64 now)
{
  int seconds = (int) ((locked_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  g_set_error (error, RS_ERROR, RS_ERROR_LOCKED,
               g_dngettext (GETTEXT_PACKAGE,
                            "Too many wrong passwords. Try again in %d second.",
                            "Too many wrong passwords. Try again in %d seconds.", seconds),
               seconds);
  return FALSE;
}

RsSession *
rs_session_login (RsDatabase *db, const char *name, const char *password, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(RsSession) self = NULL;
  gint64 user_id, locked_until, now;
  int failures;
  gboolean disabled;
  GError *local_error = NULL;

  g_return_val_if_fail (RS_IS_DATABASE (db), NULL);

  stmt = rs_database_prepare (db,
                              "SELECT id, password_hash, failed_logins, locked_until, disabled "
                              "FROM user WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name != NULL ? name : "", -1, SQLITE_TRANSIENT);

  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      rs_password_verify (dummy_hash, password != NULL ? password : "");
      g_clear_pointer (&stmt, rs_statement_release);
      if (!record_login_result (db, 0, name, 1, 0, "user.login-failed", error))
        return NULL;
      g_set_error_literal (error, RS_ERROR, RS_ERROR_AUTH, _("Wrong user name or password."));
      return NULL;
    }

  user_id = sqlite3_column_int64 (stmt, 0);
  hash = g_strdup (rs_statement_text (stmt, 1));
  failures = sqlite3_column_int (stmt, 2);
  locked_until = sqlite3_column_int64 (stmt, 3);
  disabled = sqlite3_column_int (stmt, 4) != 0;
  g_clear_pointer (&stmt, rs_statement_release);

  now = rs_clock_now ();
  if (locked_until > now)
    return set_locked_error (error, locked_until, now), NULL;
  if (locked_until != 0)
    failures = 0;   /* the wait is over: a fresh count */

  if (!rs_password_verify (hash, password != NULL ? password : ""))
    {
      failures++;
      if (failures >= RS_LOGIN_MAX_FAILURES)
        {
          gint64 until = now + RS_LOGIN_LOCK_SECONDS * G_USEC_PER_SEC;
          if (!record_login_result (db, user_id, name, failures, until, "user.locked", error))
            return NULL;
          return set_locked_error (error, until, now), NULL;
        }
      if (!record_login_result (db, user_id, name, failures, 0, "user.login-failed", error))
        return NULL;
      g_set_error_literal (error, RS_ERROR, RS_ERROR_AUTH, _("Wrong user name or password."));
      return NULL;
    }

  /* Said only to someone who knows the password. */
  if (disabled)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_AUTH,
                           _("This account is disabled. Ask an administrator to enable it."));
      return NULL;
    }

  if ((failures != 0 || locked_until != 0) &&
      !record_login_result (db, user_id, name, 0, 0, NULL, error))
    return NULL;

  self = g_object_new (RS_TYPE_SESSION, NULL);
  self->database = g_object_ref (db);
  self->user = rs_users_lookup_by_id (db, user_id, error);
  if (self->user == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

RsSession *
rs_session_reopen (RsSession *self, GError **error)
{
  g_autoptr(RsDatabase) db = NULL;
  g_autoptr(RsSession) copy = NULL;

  g_return_val_if_fail (RS_IS_SESSION (self), NULL);

  db = rs_database_open (rs_database_get_path (self->database), error);
  if (db == NULL)
    return NULL;
  copy = g_object_new (RS_TYPE_SESSION, NULL);
  copy->database = g_object_ref (db);
  copy->user = rs_users_lookup_by_id (db, rs_user_get_id (self->user), error);
  if (copy->user == NULL)
    return NULL;
  if (rs_user_get_disabled (copy->user))
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_AUTH,
                           _("This account is disabled. Ask an administrator to enable it."));
      return NULL;
    }
  return g_steal_pointer (&copy);
}

RsDatabase *
rs_session_get_database (RsSession *self)
{
  g_return_val_if_fail (RS_IS_SESSION (self), NULL);
  return self->database;
}

RsUser *
rs_session_get_user (RsSession *self)
{
  g_return_val_if_fail (RS_IS_SESSION (self), NULL);
  return self->user;
}

void
rs_session_vouch (RsSession *self, RsAction action)
{
  g_return_if_fail (RS_IS_SESSION (self));
  g_return_if_fail (!self->vouched);
  self->vouched = TRUE;
  self->vouched_action = action;
}

void
rs_session_unvouch (RsSession *self)
{
  g_return_if_fail (RS_IS_SESSION (self));
  self->vouched = FALSE;
}

gboolean
rs_session_is_vouched (RsSession *self, RsAction action)
{
  return self->vouched && self->vouched_action == action;
}
