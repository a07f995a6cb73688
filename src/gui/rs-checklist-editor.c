/* rs-checklist-editor.c */
#include "rs-checklist-editor.h"
#include "rs-form.h"
#include "rs-master-kind.h"

/* The kinds in the order the combo shows them. */
static const RsInspectionItemKind kinds[] = {
  RS_INSPECTION_ITEM_CHECK, RS_INSPECTION_ITEM_MEASURE, RS_INSPECTION_ITEM_TEXT, RS_INSPECTION_ITEM_PHOTO,
};

static const char *const kind_names[] = {
  N_("Check (pass / fail / n.a.)"), N_("Measurement"), N_("Text"), N_("Photo"),
};

typedef struct
{
  GtkWidget *expander;
  GtkWidget *key;
  GtkWidget *name;
  GtkWidget *kind;
  GtkWidget *unit;
  GtkWidget *min;
  GtkWidget *max;
  GtkWidget *required;
} Item;

typedef struct
{
  RsSession *session;
  RsCategory *category;
  AdwPreferencesGroup *group;
  GPtrArray *items;             /* Item */
  GtkLabel *message;
  gboolean allowed;
} Checklist;

static void
checklist_free (Checklist *self)
{
  g_object_unref (self->session);
  g_object_unref (self->category);
  g_ptr_array_unref (self->items);
  g_free (self);
}

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
update_item (Item *item)
{
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (item->kind));
  gboolean measure = kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)] == RS_INSPECTION_ITEM_MEASURE;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (item->unit, measure);
  gtk_widget_set_visible (item->min, measure);
  gtk_widget_set_visible (item->max, measure);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->expander),
                                 *text_of (item->name) != '\0' ? text_of (item->name) : _("New Item"));
  if (measure)
    subtitle = g_strdup_printf ("%s · %s %s…%s", _(kind_names[kind]), text_of (item->unit),
                                text_of (item->min), text_of (item->max));
  else
    subtitle = g_strdup (_(kind_names[MIN (kind, G_N_ELEMENTS (kind_names) - 1)]));
  if (!gtk_switch_get_active (GTK_SWITCH (item->required)))
    {
      g_autofree char *optional = g_strdup_printf (_("%s · optional"), subtitle);
      g_free (subtitle);
      subtitle = g_steal_pointer (&optional);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (item->expander), subtitle);
}

static GtkWidget *
entry_row (Item *item, const char *title, const char *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (update_item), item);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->expander), row);
  return row;
}

static void
remove_item (GtkButton *button, Checklist *self)
{
  Item *item = g_object_get_data (G_OBJECT (button), "rs-item");

  adw_preferences_group_remove (self->group, item->expander);
  g_ptr_array_remove (self->items, item);
}

static Item *
add_item (Checklist *self, JsonObject *from)
{
  Item *item = g_new0 (Item, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *required_row = adw_action_row_new ();
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Item"));
  const char *kind_key = from != NULL ? json_object_get_string_member_with_default (from, "kind", "check") : "check";
  RsInspectionItemKind kind = RS_INSPECTION_ITEM_CHECK;

  item->expander = adw_expander_row_new ();
  item->key = entry_row (item, _("Key"), from != NULL ? json_object_get_string_member_with_default (from, "key", "") : NULL);
  item->name = entry_row (item, _("Item Name"), from != NULL ? json_object_get_string_member_with_default (from, "name", "") : NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    gtk_string_list_append (names, _(kind_names[i]));
  item->kind = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->kind), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (item->kind), G_LIST_MODEL (names));
  rs_inspection_item_kind_parse (kind_key, &kind, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      adw_combo_row_set_selected (ADW_COMBO_ROW (item->kind), i);
  g_signal_connect_swapped (item->kind, "notify::selected", G_CALLBACK (update_item), item);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->expander), item->kind);
  item->unit = entry_row (item, _("Unit"), from != NULL ? json_object_get_string_member_with_default (from, "unit", "") : NULL);
  item->min = entry_row (item, _("Minimum"), from != NULL ? json_object_get_string_member_with_default (from, "min", "") : NULL);
  item->max = entry_row (item, _("Maximum"), from != NULL ? json_object_get_string_member_with_default (from, "max", "") : NULL);

  item->required = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (item->required),
                         from != NULL ? json_object_get_boolean_member_with_default (from, "required", TRUE) : TRUE);
  gtk_widget_set_valign (item->required, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (required_row), _("Required: failing it fails the inspection"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->required), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Required"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (required_row), item->required);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (required_row), item->required);
  g_signal_connect_swapped (item->required, "notify::active", G_CALLBACK (update_item), item);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->expander), required_row);

  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (remove), "rs-item", item);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_item), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->expander), remove_row);

  gtk_widget_set_sensitive (item->expander, TRUE);
  gtk_widget_set_sensitive (remove, self->allowed);
  adw_preferences_group_add (self->group, item->expander);
  g_ptr_array_add (self->items, item);
  update_item (item);
  return item;
}

GtkWidget *
rs_checklist_editor_add_item (GtkWidget *editor)
{
  Checklist *self = g_object_get_data (G_OBJECT (editor), "rs-checklist");
  Item *item = add_item (self, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->expander), TRUE);
  gtk_widget_grab_focus (item->key);
  return item->expander;
}

/* An optional bound: "" none, else a number in the unit, perhaps negative. */
static gboolean
parse_bound (const char *text, gboolean *has, gint64 *value, GError **error)
{
  gboolean negative = text[0] == '-';

  *has = *text != '\0';
  if (!*has)
    return TRUE;
  if (!rs_quantity_parse (negative ? text + 1 : text, 3, value, error))
    return FALSE;
  if (negative)
    *value = -*value;
  return TRUE;
}

gboolean
rs_checklist_editor_save (GtkWidget *editor)
{
  Checklist *self = g_object_get_data (G_OBJECT (editor), "rs-checklist");
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (RsInspectionItemFields));
  g_autoptr(GError) error = NULL;
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  char *old_code = g_object_get_data (G_OBJECT (editor), "rs-code");

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      RsInspectionItemFields field = { 0 };
      guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (item->kind));

      field.key = text_of (item->key);
      field.name = text_of (item->name);
      field.kind = kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)];
      field.required = gtk_switch_get_active (GTK_SWITCH (item->required));
      if (field.kind == RS_INSPECTION_ITEM_MEASURE)
        {
          field.unit = text_of (item->unit);
          if (!parse_bound (text_of (item->min), &field.has_min, &field.min_value, &error) ||
              !parse_bound (text_of (item->max), &field.has_max, &field.max_value, &error))
            {
              g_autofree char *message = g_strdup_printf (_("Item %u: %s"), i + 1, error->message);
              rs_form_set_message (self->message, message);
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->expander), TRUE);
              return FALSE;
            }
        }
      g_array_append_val (fields, field);
    }

  /* A new code each time: the old checklist stays, deactivated, for the inspections made with it. */
  code = g_strdup_printf ("CAT%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, rs_category_get_id (self->category),
                          rs_clock_now () / G_USEC_PER_SEC);
  /* TRANSLATORS: the name of a category's checklist; %s is the category */
  name = g_strdup_printf (_("%s checklist"), rs_category_get_name (self->category));
  tx = rs_transaction_begin (rs_session_get_database (self->session), &error);
  if (tx == NULL ||
      (old_code != NULL && !rs_inspection_templates_deactivate (self->session, old_code, &error)) ||
      (saved = rs_inspection_templates_add (self->session, code, name, rs_category_get_name (self->category),
                                            (const RsInspectionItemFields *) (gpointer) fields->data,
                                            fields->len, &error)) == NULL ||
      !rs_transaction_commit (tx, &error))
    {
      rs_form_set_message (self->message, error->message);
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (editor), "rs-code", g_strdup (code), g_free);
  adw_preferences_group_set_description (self->group, _("Saved. Inspections of this category’s products use it from now on."));
  rs_form_set_message (self->message, NULL);
  return TRUE;
}

/* The category's active checklist, else the default one (the starting point of its own). */
static JsonObject *
find_template (Checklist *self, gboolean *own, GError **error)
{
  g_autoptr(JsonNode) all = rs_inspection_templates_list (self->session, error);
  JsonArray *templates;
  JsonObject *fallback = NULL;

  if (all == NULL)
    return NULL;
  templates = json_object_get_array_member (json_node_get_object (all), "templates");
  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonObject *t = json_array_get_object_element (templates, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (t, "category", NULL),
                     rs_category_get_name (self->category)) == 0)
        return *own = TRUE, json_object_ref (t);
      if (json_object_get_boolean_member_with_default (t, "default", FALSE) && fallback == NULL)
        fallback = t;
    }
  *own = FALSE;
  return fallback != NULL ? json_object_ref (fallback) : NULL;
}

static void
add_clicked (GtkButton *button, GtkWidget *editor)
{
  rs_checklist_editor_add_item (editor);
}

static void
save_clicked (GtkButton *button, GtkWidget *editor)
{
  rs_checklist_editor_save (editor);
}

GtkWidget *
rs_checklist_editor_new (RsSession *session, RsCategory *category)
{
  Checklist *self = g_new0 (Checklist, 1);
  g_autoptr(JsonObject) template = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Item"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Save Chec_klist"));
  gboolean own = FALSE;

  self->session = g_object_ref (session);
  self->category = g_object_ref (category);
  self->items = g_ptr_array_new_with_free_func (g_free);
  self->allowed = rs_permission_allows (session, RS_ACTION_SETTINGS_EDIT);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_object_set_data_full (G_OBJECT (self->group), "rs-checklist", self, (GDestroyNotify) checklist_free);
  adw_preferences_group_set_title (self->group, _("Inspection Checklist"));

  self->message = rs_master_message_new ();

  template = find_template (self, &own, &error);
  if (template == NULL && error != NULL)
    rs_form_set_message (self->message, error->message);
  if (own)
    {
      g_object_set_data_full (G_OBJECT (self->group), "rs-code",
                              g_strdup (json_object_get_string_member (template, "code")), g_free);
      adw_preferences_group_set_description (self->group, _("What the inspector checks on returned products of this category."));
    }
  else
    adw_preferences_group_set_description (self->group,
      _("This category uses the default checklist, shown here; saving gives the category its own."));
  if (template != NULL)
    {
      JsonArray *items = json_object_get_array_member (template, "items");

      for (guint i = 0; i < json_array_get_length (items); i++)
        add_item (self, json_array_get_object_element (items, i));
    }

  if (!self->allowed)
    {
      g_autofree char *why = rs_master_needs_role (RS_ACTION_SETTINGS_EDIT);

      gtk_widget_set_tooltip_text (add, why);
      gtk_widget_set_tooltip_text (save, why);
    }
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_sensitive (add, self->allowed);
  gtk_widget_set_sensitive (save, self->allowed);
  g_signal_connect (add, "clicked", G_CALLBACK (add_clicked), self->group);
  g_signal_connect (save, "clicked", G_CALLBACK (save_clicked), self->group);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), save);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->message));
  adw_preferences_group_add (self->group, buttons);
  return GTK_WIDGET (self->group);
}
