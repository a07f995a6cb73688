/* rs-master-warehouses.c — warehouses in 资料, with their locations (货位) in the editor. */
#include "rs-master-kind.h"
#include "rs-column.h"
#include "rs-form.h"

enum { CODE, NAME, ADDRESS, N_FIELDS };

/* Core has no way to change a warehouse once made: every field is set once. */
static const RsMasterField fields[N_FIELDS] = {
  [CODE] = { N_("Code"), N_("warehouse code"), RS_FIELD_CODE, TRUE, 32, TRUE },
  [NAME] = { N_("Name"), N_("warehouse name"), RS_FIELD_TEXT, TRUE, 200, TRUE },
  [ADDRESS] = { N_("Address"), N_("address"), RS_FIELD_MULTILINE, FALSE, 1000, TRUE },
};

/* What a new location may be: the quarantine one comes with the warehouse. */
static const RsLocationKind new_kinds[] = { RS_LOCATION_STORAGE, RS_LOCATION_REPAIR, RS_LOCATION_SCRAP };

static gboolean get_active (gpointer item) { return rs_warehouse_get_active (item); }

static char *
search_text (gpointer item)
{
  return g_strjoin (" ", rs_warehouse_get_code (item), rs_warehouse_get_name (item), rs_warehouse_get_address (item), NULL);
}

static GListModel *
list (RsSession *session, const char *search, gboolean include_inactive, GError **error)
{
  GListModel *items = rs_warehouses_list (session, error);

  return items != NULL ? rs_master_filter (items, search_text, search, include_inactive, get_active) : NULL;
}

static char *cell_code (gpointer item) { return g_strdup (rs_warehouse_get_code (item)); }
static char *cell_name (gpointer item) { return g_strdup (rs_warehouse_get_name (item)); }
static char *cell_address (gpointer item) { return g_strdup (rs_warehouse_get_address (item)); }

static void
add_columns (RsTableView *view)
{
  rs_table_view_add_column (view, _("Code"), cell_code, RS_COLUMN_WHOLE, NULL, -1);
  rs_table_view_add_column (view, _("Name"), cell_name, RS_COLUMN_TEXT, NULL, -1);
  rs_table_view_add_column (view, _("Address"), cell_address, RS_COLUMN_EXPAND | RS_COLUMN_DIM, NULL, -1);
}

static char *
describe (gpointer item)
{
  /* TRANSLATORS: the warehouse editor's title; %s is the code, %s the name */
  return g_strdup_printf (_("Warehouse %s %s"), rs_warehouse_get_code (item), rs_warehouse_get_name (item));
}

static char **
load (gpointer item)
{
  char **values = g_new0 (char *, N_FIELDS + 1);

  values[CODE] = g_strdup (rs_warehouse_get_code (item));
  values[NAME] = g_strdup (rs_warehouse_get_name (item));
  values[ADDRESS] = g_strdup (rs_warehouse_get_address (item));
  return values;
}

static GObject *
save (RsSession *session, gpointer item, const char *const *values, GError **error)
{
  if (item == NULL)
    return G_OBJECT (rs_warehouses_add (session, values[CODE], values[NAME], values[ADDRESS], error));
  return g_object_ref (item);   /* nothing can change */
}

static GObject *
set_active (RsSession *session, gpointer item, gboolean active, GError **error)
{
  if (!rs_warehouses_set_active (session, rs_warehouse_get_code (item), active, error))
    return NULL;
  return G_OBJECT (rs_warehouses_lookup (rs_session_get_database (session), rs_warehouse_get_code (item), error));
}

/* ---- locations ---------------------------------------------------------------- */

typedef struct
{
  RsSession *session;
  char *warehouse;
  AdwPreferencesGroup *outer;         /* owns this */
  AdwPreferencesGroup *group;
  GPtrArray *rows;              /* the location rows, rebuilt on change */
  GtkWidget *code_row;
  GtkWidget *name_row;
  GtkWidget *kind_row;
  GtkLabel *message;
} Locations;

static void
locations_free (Locations *self)
{
  g_object_unref (self->session);
  g_free (self->warehouse);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

static void fill_locations (Locations *self);

static gboolean
refill_later (gpointer data)
{
  AdwPreferencesGroup *group = data;
  Locations *self = g_object_get_data (G_OBJECT (group), "rs-locations");

  if (self != NULL)
    fill_locations (self);
  return G_SOURCE_REMOVE;
}

static gboolean
location_switched (GtkSwitch *toggle, gboolean state, Locations *self)
{
  g_autoptr(GError) error = NULL;
  const char *code = g_object_get_data (G_OBJECT (toggle), "rs-code");

  if (rs_locations_set_active (self->session, self->warehouse, code, state, &error))
    {
      rs_form_set_message (self->message, NULL);
      return FALSE;
    }
  /* Refused: show it, and the switch as core left it (not from inside its own signal). */
  rs_form_set_message (self->message, error->message);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refill_later, g_object_ref (self->outer), g_object_unref);
  return TRUE;
}

static void
fill_locations (Locations *self)
{
  g_autoptr(GListModel) locations = NULL;
  g_autoptr(GError) error = NULL;
  gboolean allowed = rs_permission_allows (self->session, RS_ACTION_MASTER_EDIT);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  locations = rs_locations_list (self->session, self->warehouse, &error);
  if (locations == NULL)
    {
      rs_form_set_message (self->message, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(RsLocation) location = g_list_model_get_item (locations, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      g_autofree char *title = g_strdup_printf ("%s  %s", rs_location_get_code (location), rs_location_get_name (location));
      /* TRANSLATORS: the accessible name of a location's switch; %s is its code */
      g_autofree char *name = g_strdup_printf (_("Location %s active"), rs_location_get_code (location));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rs_location_kind_get_display_name (rs_location_get_kind (location)));
      gtk_switch_set_active (GTK_SWITCH (toggle), rs_location_get_active (location));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (toggle), "rs-code", g_strdup (rs_location_get_code (location)), g_free);
      /* The quarantine location stays: returns arrive there. */
      gtk_widget_set_sensitive (toggle, allowed && rs_location_get_kind (location) != RS_LOCATION_QUARANTINE);
      g_signal_connect (toggle, "state-set", G_CALLBACK (location_switched), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
add_location (Locations *self)
{
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));

  location = rs_locations_add (self->session, self->warehouse, code, *name != '\0' ? name : NULL,
                               new_kinds[MIN (kind, G_N_ELEMENTS (new_kinds) - 1)], &error);
  if (location == NULL)
    {
      rs_form_set_message (self->message, error->message);
      return;
    }
  rs_form_set_message (self->message, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  fill_locations (self);
}

static GtkWidget *
extra (RsSession *session, gpointer item)
{
  Locations *self = g_new0 (Locations, 1);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *add_group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Location"));
  gboolean allowed = rs_permission_allows (session, RS_ACTION_MASTER_EDIT);

  self->session = g_object_ref (session);
  self->warehouse = g_strdup (rs_warehouse_get_code (item));
  self->rows = g_ptr_array_new ();
  self->outer = group;
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Locations"));
  adw_preferences_group_set_description (group, _("Where goods lie in this warehouse. Returned goods arrive in QA (quarantine)."));

  self->code_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("New Location Code"));
  self->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("New Location Name"));
  for (guint i = 0; i < G_N_ELEMENTS (new_kinds); i++)
    gtk_string_list_append (kinds, rs_location_kind_get_display_name (new_kinds[i]));
  self->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), self->code_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), self->name_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), self->kind_row);
  gtk_widget_set_sensitive (add_group, allowed);
  gtk_widget_set_sensitive (button, allowed);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_location), self);

  self->message = rs_master_message_new ();

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  gtk_box_append (GTK_BOX (box), add_group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_top (add_group, 12);
  adw_preferences_group_add (group, box);
  g_object_set_data_full (G_OBJECT (group), "rs-locations", self, (GDestroyNotify) locations_free);
  fill_locations (self);
  return GTK_WIDGET (group);
}

const RsMasterKind rs_master_warehouses = {
  .id = "warehouses",
  .title = N_("Warehouses"),
  .icon_name = "go-home-symbolic",
  .new_label = N_("_New Warehouse"),
  .search_label = N_("Search warehouses"),
  .new_title = N_("New Warehouse"),
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
