/* rs-master-categories.c — product categories in 资料; the editor holds the category's
 * inspection checklist (rs-checklist-editor.c). */
#include "rs-master-kind.h"
#include "rs-checklist-editor.h"
#include "rs-column.h"

enum { NAME, N_FIELDS };

/* Core cannot rename a category: the name is set once. */
static const RsMasterField fields[N_FIELDS] = {
  [NAME] = { N_("Name"), N_("category name"), RS_FIELD_TEXT, TRUE, 100, TRUE },
};

static gboolean get_active (gpointer item) { return rs_category_get_active (item); }

static char *
search_text (gpointer item)
{
  return g_strdup (rs_category_get_name (item));
}

static GListModel *
list (RsSession *session, const char *search, gboolean include_inactive, GError **error)
{
  GListModel *items = rs_categories_list (session, error);

  return items != NULL ? rs_master_filter (items, search_text, search, include_inactive, get_active) : NULL;
}

static char *cell_name (gpointer item) { return g_strdup (rs_category_get_name (item)); }

static void
add_columns (RsTableView *view)
{
  rs_table_view_add_column (view, _("Name"), cell_name, RS_COLUMN_EXPAND, NULL, -1);
}

static char *
describe (gpointer item)
{
  /* TRANSLATORS: the category editor's title; %s is its name */
  return g_strdup_printf (_("Category %s"), rs_category_get_name (item));
}

static char **
load (gpointer item)
{
  char **values = g_new0 (char *, N_FIELDS + 1);

  values[NAME] = g_strdup (rs_category_get_name (item));
  return values;
}

static GObject *
save (RsSession *session, gpointer item, const char *const *values, GError **error)
{
  if (item == NULL)
    return G_OBJECT (rs_categories_add (session, values[NAME], error));
  return g_object_ref (item);   /* nothing can change: the checklist saves itself */
}

static GObject *
set_active (RsSession *session, gpointer item, gboolean active, GError **error)
{
  if (!rs_categories_set_active (session, rs_category_get_name (item), active, error))
    return NULL;
  return G_OBJECT (rs_categories_lookup (rs_session_get_database (session), rs_category_get_name (item), error));
}

static GtkWidget *
extra (RsSession *session, gpointer item)
{
  return rs_checklist_editor_new (session, item);
}

const RsMasterKind rs_master_categories = {
  .id = "categories",
  .title = N_("Categories"),
  .icon_name = "view-list-symbolic",
  .new_label = N_("_New Category"),
  .search_label = N_("Search categories"),
  .new_title = N_("New Category"),
  .edit_action = RS_ACTION_MASTER_EDIT,
  .fields = fields,
  .n_fields = N_FIELDS,
  .list = list,
  .add_columns = add_columns,
  .describe = describe,
  .get_active = get_active,
  .load = load,
  .save = save,
  .set_active = set_active,
  .extra = extra,
};
