/* rs-master-reasons.c — return reason codes in 资料. */
#include "rs-master-kind.h"
#include "rs-column.h"

enum { CODE, NAME, N_FIELDS };

static const RsMasterField fields[N_FIELDS] = {
  [CODE] = { N_("Code"), N_("reason code"), RS_FIELD_CODE, TRUE, 32, TRUE },
  [NAME] = { N_("Name"), N_("reason name"), RS_FIELD_TEXT, TRUE, 100 },
};

static gboolean get_active (gpointer item) { return rs_reason_get_active (item); }

static char *
search_text (gpointer item)
{
  return g_strjoin (" ", rs_reason_get_code (item), rs_reason_get_name (item), NULL);
}

static GListModel *
list (RsSession *session, const char *search, gboolean include_inactive, GError **error)
{
  GListModel *items = rs_reasons_list (session, include_inactive, error);

  return items != NULL ? rs_master_filter (items, search_text, search, include_inactive, get_active) : NULL;
}

static char *cell_code (gpointer item) { return g_strdup (rs_reason_get_code (item)); }
static char *cell_name (gpointer item) { return g_strdup (rs_reason_get_name (item)); }

static void
add_columns (RsTableView *view)
{
  rs_table_view_add_column (view, _("Code"), cell_code, RS_COLUMN_WHOLE, NULL, -1);
  rs_table_view_add_column (view, _("Name"), cell_name, RS_COLUMN_EXPAND, NULL, -1);
}

static char *
describe (gpointer item)
{
  /* TRANSLATORS: the reason editor's title; %s is the reason's name */
  return g_strdup_printf (_("Reason %s"), rs_reason_get_name (item));
}

static char **
load (gpointer item)
{
  char **values = g_new0 (char *, N_FIELDS + 1);

  values[CODE] = g_strdup (rs_reason_get_code (item));
  values[NAME] = g_strdup (rs_reason_get_name (item));
  return values;
}

static GObject *
save (RsSession *session, gpointer item, const char *const *values, GError **error)
{
  if (item == NULL)
    return G_OBJECT (rs_reasons_add (session, values[CODE], values[NAME], error));
  if (!rs_reasons_rename (session, rs_reason_get_code (item), values[NAME], error))
    return NULL;
  return G_OBJECT (rs_reasons_lookup (rs_session_get_database (session), rs_reason_get_code (item), error));
}

static GObject *
set_active (RsSession *session, gpointer item, gboolean active, GError **error)
{
  if (!rs_reasons_set_active (session, rs_reason_get_code (item), active, error))
    return NULL;
  return G_OBJECT (rs_reasons_lookup (rs_session_get_database (session), rs_reason_get_code (item), error));
}

const RsMasterKind rs_master_reasons = {
  .id = "reasons",
  .title = N_("Reason Codes"),
  .icon_name = "dialog-question-symbolic",
  .new_label = N_("_New Reason"),
  .search_label = N_("Search reason codes"),
  .new_title = N_("New Reason Code"),
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
};
