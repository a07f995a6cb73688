/* rs-inspection-template.c — the checklists inspections follow, one per product category. */
#include "rs-inspection.h"
#include "rs-inspection-private.h"
#include "rs-audit.h"
#include "rs-categories.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"
#include "rs-permission.h"
#include "rs-validate.h"

#include <string.h>

#define MAX_ITEMS 50

static const char * const item_kinds[] = {
  [RS_INSPECTION_ITEM_CHECK] = "check",
  [RS_INSPECTION_ITEM_MEASURE] = "measure",
  [RS_INSPECTION_ITEM_TEXT] = "text",
  [RS_INSPECTION_ITEM_PHOTO] = "photo",
};

const char *
rs_inspection_item_kind_get_key (RsInspectionItemKind kind)
{
  g_return_val_if_fail (kind <= RS_INSPECTION_ITEM_PHOTO, NULL);
  return item_kinds[kind];
}

gboolean
rs_inspection_item_kind_parse (const char *key, RsInspectionItemKind *kind, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_kinds); i++)
    if (g_strcmp0 (key, item_kinds[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                      _("“%s” is no kind of checklist item: use check, measure, text or photo."),
                      key != NULL ? key : ""), FALSE;
}

/* The seeded default checklist is shown translated until someone renames it. */
static const char * const seeded_names[] = {
  N_("Standard inspection"), N_("Packaging"), N_("Accessories"), N_("Appearance"), N_("Function"),
  N_("Serial number"),
};

const char *
rs_inspection_display_name (const char *stored)
{
  for (guint i = 0; i < G_N_ELEMENTS (seeded_names); i++)
    if (g_strcmp0 (stored, seeded_names[i]) == 0)
      return _(seeded_names[i]);
  return stored;
}

static gboolean
validate_item (const RsInspectionItemFields *item, guint number, GHashTable *keys, GError **error)
{
  g_autofree char *folded = NULL;

  if (!rs_validate_text (item->key, _("item key"), 32, RS_TEXT_REQUIRED | RS_TEXT_CODE, error) ||
      !rs_validate_text (item->name, _("item name"), 100, RS_TEXT_REQUIRED, error) ||
      !rs_validate_text (item->unit, _("unit"), RS_MAX_UNIT_CHARS, RS_TEXT_OPTIONAL, error))
    return g_prefix_error (error, _("Item %u: "), number), FALSE;
  if (strchr (item->key, '=') != NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Item %u: a key cannot contain “=”."), number), FALSE;
  folded = g_utf8_casefold (item->key, -1);
  if (!g_hash_table_add (keys, g_steal_pointer (&folded)))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Item %u: the key “%s” is used twice."), number, item->key), FALSE;
  if (item->kind != RS_INSPECTION_ITEM_MEASURE && (item->has_min || item->has_max || (item->unit != NULL && *item->unit != '\0')))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Item %u: only measurements have a unit, a minimum and a maximum."), number), FALSE;
  if (item->has_min && item->has_max && item->min_value > item->max_value)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Item %u: the minimum is above the maximum."), number), FALSE;
  return TRUE;
}

static gboolean
template_exists_for (RsDatabase *db, gint64 category_id, char **code, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, "SELECT code FROM inspection_template WHERE category_id = ? AND active = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  if (rs_statement_step (stmt, &local_error))
    *code = g_strdup (rs_statement_text (stmt, 0));
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

JsonNode *
rs_inspection_template_to_json (RsDatabase *db, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;
  gboolean begun = FALSE;

  stmt = rs_database_prepare (db,
                              "SELECT t.code, t.name, c.name, t.is_default, t.active, "
                              "       i.position, i.key, i.name, i.kind, i.unit, i.min_value, i.max_value, i.required "
                              "FROM inspection_template t LEFT JOIN category c ON c.id = t.category_id "
                              "JOIN inspection_template_item i ON i.template_id = t.id "
                              "WHERE t.id = ? ORDER BY i.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (rs_statement_step (stmt, &local_error))
    {
      if (!begun)
        {
          begun = TRUE;
          json_builder_begin_object (builder);
          rs_json_add_string (builder, "code", rs_statement_text (stmt, 0));
          rs_json_add_string (builder, "name", rs_inspection_display_name (rs_statement_text (stmt, 1)));
          rs_json_add_string (builder, "category", (const char *) sqlite3_column_text (stmt, 2));
          rs_json_add_bool (builder, "default", sqlite3_column_int (stmt, 3) != 0);
          rs_json_add_bool (builder, "active", sqlite3_column_int (stmt, 4) != 0);
          json_builder_set_member_name (builder, "items");
          json_builder_begin_array (builder);
        }
      json_builder_begin_object (builder);
      rs_json_add_int (builder, "position", sqlite3_column_int (stmt, 5));
      rs_json_add_string (builder, "key", rs_statement_text (stmt, 6));
      rs_json_add_string (builder, "name", rs_inspection_display_name (rs_statement_text (stmt, 7)));
      rs_json_add_string (builder, "kind", rs_statement_text (stmt, 8));
      rs_json_add_string (builder, "unit", rs_statement_text (stmt, 9));
      for (int column = 10; column <= 11; column++)
        {
          json_builder_set_member_name (builder, column == 10 ? "min" : "max");
          if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
            json_builder_add_null_value (builder);
          else
            {
              g_autofree char *text = rs_inspection_format_measure (sqlite3_column_int64 (stmt, column));
              json_builder_add_string_value (builder, text);
            }
        }
      rs_json_add_bool (builder, "required", sqlite3_column_int (stmt, 12) != 0);
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  if (!begun)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("The checklist no longer exists.")), NULL;
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
rs_inspection_templates_add (RsSession *session, const char *code, const char *name, const char *category,
                             const RsInspectionItemFields *items, guint n_items, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsCategory) found = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *taken = NULL;
  gint64 id;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error) ||
      !rs_validate_text (code, _("checklist code"), 32, RS_TEXT_REQUIRED | RS_TEXT_CODE, error) ||
      !rs_validate_text (name, _("checklist name"), 100, RS_TEXT_REQUIRED, error))
    return NULL;
  if (n_items == 0 || n_items > MAX_ITEMS)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("A checklist has 1 to %d items."), MAX_ITEMS), NULL;
  for (guint i = 0; i < n_items; i++)
    if (!validate_item (&items[i], i + 1, keys, error))
      return NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  if (category == NULL || *category == '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("Say which product category the checklist is for; the default checklist is already there.")), NULL;
  found = rs_categories_lookup (db, category, error);
  if (found == NULL || !template_exists_for (db, rs_category_get_id (found), &taken, error))
    return NULL;
  if (taken != NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS,
                        _("The category %s already has the checklist %s; deactivate it first."),
                        category, taken), NULL;

  stmt = rs_database_prepare (db, "SELECT 1 FROM inspection_template WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  {
    GError *local_error = NULL;
    gboolean exists = rs_statement_step (stmt, &local_error);

    if (local_error != NULL)
      return g_propagate_error (error, local_error), NULL;
    if (exists)
      return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("There is already a checklist with the code %s."), code), NULL;
  }
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db,
                              "INSERT INTO inspection_template (code, name, category_id, created_at) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rs_category_get_id (found));
  sqlite3_bind_int64 (stmt, 4, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;
  id = rs_database_last_insert_id (db);
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db,
                              "INSERT INTO inspection_template_item (template_id, position, key, name, kind, unit, "
                              "                                      min_value, max_value, required) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_items; i++)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, items[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, items[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, rs_inspection_item_kind_get_key (items[i].kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, items[i].unit != NULL ? items[i].unit : "", -1, SQLITE_STATIC);
      if (items[i].has_min)
        sqlite3_bind_int64 (stmt, 7, items[i].min_value);
      else
        sqlite3_bind_null (stmt, 7);
      if (items[i].has_max)
        sqlite3_bind_int64 (stmt, 8, items[i].max_value);
      else
        sqlite3_bind_null (stmt, 8);
      sqlite3_bind_int (stmt, 9, items[i].required ? 1 : 0);
      if (!rs_statement_run (stmt, error))
        return NULL;
      sqlite3_reset (stmt);
    }
  g_clear_pointer (&stmt, rs_statement_release);

  after = rs_inspection_template_to_json (db, id, error);
  if (after == NULL ||
      !rs_audit_record (session, "inspection.template.add", "inspection_template", code, NULL, after, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}

gboolean
rs_inspection_templates_deactivate (RsSession *session, const char *code, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (RS_IS_SESSION (session), FALSE);
  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error))
    return FALSE;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  stmt = rs_database_prepare (db, "SELECT id, is_default, active FROM inspection_template WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code != NULL ? code : "", -1, SQLITE_STATIC);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no checklist with the code “%s”."),
                     code != NULL ? code : "");
      return g_propagate_error (error, local_error), FALSE;
    }
  id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_column_int (stmt, 1) != 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                                _("The default checklist stays: products without a checklist of their own use it.")), FALSE;
  if (sqlite3_column_int (stmt, 2) == 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE, _("The checklist %s is already deactivated."), code), FALSE;
  g_clear_pointer (&stmt, rs_statement_release);

  before = rs_inspection_template_to_json (db, id, error);
  if (before == NULL)
    return FALSE;
  stmt = rs_database_prepare (db, "UPDATE inspection_template SET active = 0 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rs_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, rs_statement_release);
  {
    g_autoptr(JsonNode) after = rs_inspection_template_to_json (db, id, error);
    if (after == NULL ||
        !rs_audit_record (session, "inspection.template.deactivate", "inspection_template", code, before, after, error))
      return FALSE;
  }
  return rs_transaction_commit (tx, error);
}

JsonNode *
rs_inspection_templates_list (RsSession *session, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  stmt = rs_database_prepare (db, "SELECT id FROM inspection_template WHERE active = 1 ORDER BY is_default DESC, code",
                              error);
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

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "templates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      JsonNode *node = rs_inspection_template_to_json (db, g_array_index (ids, gint64, i), error);
      if (node == NULL)
        return NULL;
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
