/* rs-settings.c */
#include "rs-settings.h"
#include "rs-attachment-store.h"
#include "rs-audit.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-permission.h"
#include "rs-validate.h"

#define MAX_VALUE_CHARS 10000
#define MAX_LINE_CHARS  200

typedef gboolean (*CheckFunc) (RsDatabase *db, const char *what, const char *value, GError **error);

static gboolean
check_line (RsDatabase *db, const char *what, const char *value, GError **error)
{
  return rs_validate_text (value, what, MAX_LINE_CHARS, RS_TEXT_OPTIONAL, error);
}

static gboolean
check_lines (RsDatabase *db, const char *what, const char *value, GError **error)
{
  return rs_validate_text (value, what, 1000, RS_TEXT_MULTILINE, error);
}

/* The pictures a PDF logo can be made of. */
static gboolean
is_logo_type (const char *content_type)
{
  return g_str_equal (content_type, "image/png") || g_str_equal (content_type, "image/jpeg");
}

static gboolean
check_logo (RsDatabase *db, const char *what, const char *value, GError **error)
{
  g_autoptr(RsAttachmentStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *type = NULL;

  if (*value == '\0')
    return TRUE;
  store = rs_attachment_store_new (db);
  bytes = rs_attachment_store_read (store, value, error);
  if (bytes == NULL)
    return FALSE;
  type = rs_attachment_guess_content_type (NULL, bytes);
  if (!is_logo_type (type))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The stored file %s is not a PNG or JPEG picture, so it cannot be the logo."), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_font (RsDatabase *db, const char *what, const char *value, GError **error)
{
  if (*value == '\0')
    return TRUE;
  if (!g_path_is_absolute (value) || !g_file_test (value, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The font file “%s” does not exist. Give the full path of a TrueType font with Chinese "
                     "characters, or leave it empty to use WenQuanYi Micro Hei (package fonts-wqy-microhei)."), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_template (RsDatabase *db, const char *what, const char *value, GError **error)
{
  static const char * const nicks[] = { "", "a4", "a5", "form241" };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    if (g_str_equal (value, nicks[i]))
      return TRUE;
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("“%s” is not a print template: use a4, a5 or form241."), value);
  return FALSE;
}

/* The settings people set one by one, in the order they are shown. */
static const struct {
  const char *key;
  const char *name;
  CheckFunc   check;
} known[] = {
  { RS_SETTING_COMPANY_NAME, N_("Company name"), check_line },
  { RS_SETTING_COMPANY_ADDRESS, N_("Company address"), check_lines },
  { RS_SETTING_COMPANY_PHONE, N_("Company phone"), check_line },
  { RS_SETTING_COMPANY_LOGO, N_("Company logo"), check_logo },
  { RS_SETTING_PRINT_FONT, N_("Document font"), check_font },
  { RS_SETTING_PRINT_TEMPLATE, N_("Print template"), check_template },
};

const char * const *
rs_settings_get_keys (void)
{
  static const char *keys[G_N_ELEMENTS (known) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (known); i++)
      keys[i] = known[i].key;
  return keys;
}

static int
find_known (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (key, known[i].key))
      return i;
  return -1;
}

const char *
rs_settings_key_get_display_name (const char *key)
{
  int i = find_known (key);
  return i >= 0 ? _(known[i].name) : NULL;
}

char *
rs_settings_get (RsDatabase *db, const char *key, const char *fallback)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT value FROM setting WHERE key = ?", NULL);

  if (stmt == NULL)
    return g_strdup (fallback);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (rs_statement_step (stmt, NULL))
    return g_strdup (rs_statement_text (stmt, 0));
  return g_strdup (fallback);
}

gboolean
rs_settings_store (RsDatabase *db, const char *key, const char *value, GError **error)
{
  g_autoptr(RsStatement) stmt =
    rs_database_prepare (db, "INSERT INTO setting (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return rs_statement_run (stmt, error);
}

static JsonNode *
value_json (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

gboolean
rs_settings_set (RsSession *session, const char *key, const char *value, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autofree char *old = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  int index;

  g_return_val_if_fail (key != NULL, FALSE);

  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error) ||
      !rs_validate_text (value, _("setting"), MAX_VALUE_CHARS, RS_TEXT_MULTILINE, error))
    return FALSE;
  index = find_known (key);
  if (index >= 0 && !known[index].check (db, _(known[index].name), value != NULL ? value : "", error))
    return FALSE;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  old = rs_settings_get (db, key, NULL);
  if (!rs_settings_store (db, key, value != NULL ? value : "", error))
    return FALSE;
  before = old != NULL ? value_json (old) : NULL;
  after = value_json (value != NULL ? value : "");
  return rs_audit_record (session, "setting.change", "setting", key, before, after, error) &&
         rs_transaction_commit (tx, error);
}

gboolean
rs_settings_set_logo (RsSession *session, const char *path, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsAttachmentStore) store = NULL;
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *type = NULL;
  g_autofree char *name = NULL;

  if (path == NULL || *path == '\0')
    return rs_settings_set (session, RS_SETTING_COMPANY_LOGO, "", error);
  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error))
    return FALSE;

  /* Refused before anything is stored: a logo must be a picture the PDF can show. */
  name = g_filename_display_basename (path);
  file = g_file_new_for_path (path);
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("Could not read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  type = rs_attachment_guess_content_type (path, bytes);
  if (!is_logo_type (type))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("“%s” is not a PNG or JPEG picture, so it cannot be the logo."), name);
      return FALSE;
    }

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  store = rs_attachment_store_new (db);
  sha256 = rs_attachment_store_add_bytes (store, bytes, error);
  return sha256 != NULL &&
         rs_settings_set (session, RS_SETTING_COMPANY_LOGO, sha256, error) &&
         rs_transaction_commit (tx, error);
}

JsonNode *
rs_settings_to_json (RsSession *session, GError **error)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *value = rs_settings_get (rs_session_get_database (session), known[i].key, "");

      json_builder_set_member_name (builder, known[i].key);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
