/* rs-master-editor.c */
#include "rs-master-editor.h"
#include "rs-form.h"
#include "rs-gui-util.h"
#include "rs-validate.h"

#include <string.h>

struct _RsMasterEditor
{
  AdwWindow parent_instance;

  RsSession *session;
  const RsMasterKind *kind;
  GObject *item;                /* NULL while new */
  gboolean allowed;

  GPtrArray *fields;            /* AdwEntryRow or AdwComboRow, one a field */
  GPtrArray *hints;             /* GtkLabel under each */
  GtkWidget *save_button;
  GtkLabel *message;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *state_group;
  GtkWidget *active_button;
};

G_DEFINE_FINAL_TYPE (RsMasterEditor, rs_master_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
rs_master_field_check (const RsMasterField *field, const char *value)
{
  g_autoptr(GError) error = NULL;
  RsTextFlags flags = field->required ? RS_TEXT_REQUIRED : RS_TEXT_OPTIONAL;
  gint64 fen;

  switch (field->type)
    {
    case RS_FIELD_CHOICE:
      return NULL;
    case RS_FIELD_MONEY:
      if (*value == '\0' && !field->required)
        return NULL;
      if (!rs_money_parse (value, &fen, &error))
        return g_strdup (error->message);
      return NULL;
    case RS_FIELD_CODE:
      flags |= RS_TEXT_CODE;
      break;
    case RS_FIELD_MULTILINE:
      flags |= RS_TEXT_MULTILINE;
      break;
    case RS_FIELD_TEXT:
      break;
    }
  if (!rs_validate_text (value, _(field->what), field->max_chars, flags, &error))
    return g_strdup (error->message);
  return NULL;
}

static char *
field_value (RsMasterEditor *self, guint i)
{
  GtkWidget *row = g_ptr_array_index (self->fields, i);

  if (ADW_IS_COMBO_ROW (row))
    return g_strdup_printf ("%u", adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
show_hint (RsMasterEditor *self, guint i, const char *message)
{
  GtkLabel *hint = g_ptr_array_index (self->hints, i);

  gtk_label_set_text (hint, message != NULL ? message : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (hint)), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (g_ptr_array_index (self->fields, i), "error");
  else
    gtk_widget_remove_css_class (g_ptr_array_index (self->fields, i), "error");
}

/* Checks field i; quiet about an empty required field nobody has typed in yet. */
static gboolean
check_field (RsMasterEditor *self, guint i, gboolean speak)
{
  g_autofree char *value = field_value (self, i);
  g_autofree char *problem = rs_master_field_check (&self->kind->fields[i], value);

  if (speak || problem == NULL)
    show_hint (self, i, problem);
  return problem == NULL;
}

static void
field_changed (GtkEditable *editable, RsMasterEditor *self)
{
  guint i;

  if (g_ptr_array_find (self->fields, editable, &i))
    check_field (self, i, TRUE);
  rs_form_set_message (self->message, NULL);
}

/* Enter goes on to the next field (a barcode scanner ends with Enter); on the last, it saves. */
static void
field_activated (GtkWidget *row, RsMasterEditor *self)
{
  guint i;

  if (!g_ptr_array_find (self->fields, row, &i))
    return;
  for (guint next = i + 1; next < self->fields->len; next++)
    {
      GtkWidget *field = g_ptr_array_index (self->fields, next);

      if (gtk_widget_get_sensitive (field))
        {
          gtk_widget_grab_focus (field);
          return;
        }
    }
  rs_master_editor_save (self);
}

/* Where core's refusal belongs: the field its message names, a duplicate under the key. */
static int
field_for_error (RsMasterEditor *self, const GError *error)
{
  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      g_autofree char *what = g_utf8_casefold (_(self->kind->fields[i].what), -1);
      g_autofree char *message = g_utf8_casefold (error->message, -1);

      if (strstr (message, what) != NULL)
        return i;
    }
  if (g_error_matches (error, RS_ERROR, RS_ERROR_EXISTS))
    for (guint i = 0; i < self->kind->n_fields; i++)
      if (self->kind->fields[i].fixed)
        return i;
  return -1;
}

static void
close_later (RsMasterEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
rs_master_editor_save (RsMasterEditor *self)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) saved = NULL;
  gboolean right = TRUE;
  int field;

  g_return_val_if_fail (RS_IS_MASTER_EDITOR (self), FALSE);
  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      right = check_field (self, i, TRUE) && right;
      g_ptr_array_add (values, field_value (self, i));
    }
  g_ptr_array_add (values, NULL);
  if (!right)
    return FALSE;

  saved = self->kind->save (self->session, self->item, (const char *const *) values->pdata, &error);
  if (saved == NULL)
    {
      field = field_for_error (self, error);
      if (field >= 0)
        {
          show_hint (self, field, error->message);
          gtk_widget_grab_focus (g_ptr_array_index (self->fields, field));
        }
      else
        rs_form_set_message (self->message, error->message);
      return FALSE;
    }
  g_set_object (&self->item, saved);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  close_later (self);
  return TRUE;
}

static void update_state (RsMasterEditor *self);

gboolean
rs_master_editor_set_active (RsMasterEditor *self, gboolean active)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) changed = NULL;

  g_return_val_if_fail (RS_IS_MASTER_EDITOR (self), FALSE);
  g_return_val_if_fail (self->item != NULL, FALSE);
  changed = self->kind->set_active (self->session, self->item, active, &error);
  if (changed == NULL)
    {
      rs_form_set_message (self->message, error->message);
      return FALSE;
    }
  g_set_object (&self->item, changed);
  rs_form_set_message (self->message, NULL);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  update_state (self);
  return TRUE;
}

static gboolean
item_active (RsMasterEditor *self)
{
  return self->kind->get_active (self->item);
}

static void
active_clicked (RsMasterEditor *self)
{
  rs_master_editor_set_active (self, !item_active (self));
}

static void
remove_response (AdwMessageDialog *dialog, const char *response, RsMasterEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!self->kind->remove (self->session, self->item, &error))
    {
      rs_form_set_message (self->message, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  close_later (self);
}

static void
remove_clicked (RsMasterEditor *self)
{
  g_autofree char *what = self->kind->describe (self->item);
  AdwMessageDialog *dialog;

  /* TRANSLATORS: %s names the item, like "Product P-1001" */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Delete %s?"), what);
  adw_message_dialog_set_body (dialog, _("Only what no document refers to can be deleted; "
                                         "anything with history is kept and can be deactivated instead."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_state (RsMasterEditor *self)
{
  gboolean active;

  if (self->item == NULL || self->active_button == NULL)
    return;
  active = item_active (self);
  gtk_button_set_label (GTK_BUTTON (self->active_button), active ? _("_Deactivate") : _("_Activate"));
  adw_preferences_group_set_description (self->state_group,
    active ? _("Active: offered for new documents.")
           : _("Inactive: kept in history, not offered for new documents."));
}

static void
build_state_group (RsMasterEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->state_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->state_group, _("State"));
  self->active_button = gtk_button_new_with_mnemonic (_("_Deactivate"));
  g_signal_connect_swapped (self->active_button, "clicked", G_CALLBACK (active_clicked), self);
  gtk_box_append (GTK_BOX (box), self->active_button);
  if (self->kind->remove != NULL)
    {
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("De_lete…"));

      gtk_widget_add_css_class (remove, "destructive-action");
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked), self);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_widget_set_sensitive (remove, self->allowed);
    }
  gtk_widget_set_sensitive (self->active_button, self->allowed);
  adw_preferences_group_add (self->state_group, box);
  adw_preferences_page_add (self->page, self->state_group);
  update_state (self);
}

/* A row under the field's row holding its message, hidden while the value is right. */
static GtkLabel *
add_hint_row (AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_preferences_row_new ();   /* a preferences row: the group lists it in place */
  GtkWidget *label = gtk_label_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_can_focus (row, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "form-hint");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_visible (row, FALSE);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (label);
}

static GtkWidget *
make_field_row (RsMasterEditor *self, const RsMasterField *field, const char *value)
{
  GtkWidget *row;

  if (field->type == RS_FIELD_CHOICE)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint c = 0; field->choices[c] != NULL; c++)
        gtk_string_list_append (names, _(field->choices[c]));
      row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      if (value != NULL)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) g_ascii_strtoull (value, NULL, 10));
    }
  else
    {
      row = adw_entry_row_new ();
      if (value != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), value);
      g_signal_connect (row, "changed", G_CALLBACK (field_changed), self);
      g_signal_connect (row, "entry-activated", G_CALLBACK (field_activated), self);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->title), -1);
  gtk_widget_set_sensitive (row, self->allowed && !(field->fixed && self->item != NULL));
  if (field->fixed && self->item != NULL)
    gtk_widget_set_tooltip_text (row, _("Set when created; it cannot change."));
  return row;
}

static void
build (RsMasterEditor *self)
{
  g_auto(GStrv) values = self->item != NULL ? self->kind->load (self->item) : NULL;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *title = self->item != NULL ? self->kind->describe (self->item) : g_strdup (_(self->kind->new_title));

  gtk_window_set_title (GTK_WINDOW (self), title);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (rs_master_editor_save), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (content), header);

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->page));
  adw_preferences_page_add (self->page, group);
  if (!self->allowed)
    {
      g_autofree char *roles = rs_roles_to_display (rs_action_get_roles (self->kind->edit_action));
      /* TRANSLATORS: %s lists roles, like "Administrator, Warehouse keeper" */
      g_autofree char *why = g_strdup_printf (_("You may look but not change this: that needs the role %s."), roles);

      adw_preferences_group_set_description (group, why);
      gtk_widget_set_tooltip_text (self->save_button, why);
    }
  gtk_widget_set_sensitive (self->save_button, self->allowed);

  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      GtkWidget *row = make_field_row (self, &self->kind->fields[i], values != NULL ? values[i] : NULL);

      g_ptr_array_add (self->fields, row);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->hints, add_hint_row (group));
    }
  self->message = rs_master_message_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  adw_preferences_group_set_header_suffix (group, NULL);
  {
    AdwPreferencesGroup *message_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
    adw_preferences_group_add (message_group, GTK_WIDGET (self->message));
    adw_preferences_page_add (self->page, message_group);
  }

  if (self->item != NULL)
    {
      if (self->kind->extra != NULL)
        {
          GtkWidget *extra = self->kind->extra (self->session, self->item);
          if (extra != NULL)
            adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (extra));
        }
      build_state_group (self);
    }
  /* Nothing of a saved item can change (a warehouse, a category): no Save, only Close. */
  if (self->item != NULL)
    {
      gboolean editable = FALSE;

      for (guint i = 0; i < self->kind->n_fields; i++)
        editable |= !self->kind->fields[i].fixed;
      gtk_widget_set_visible (self->save_button, editable);
      if (!editable)
        gtk_button_set_label (GTK_BUTTON (cancel), _("_Close"));
    }
  adw_window_set_content (ADW_WINDOW (self), content);
}

GtkWidget *
rs_master_editor_get_field (RsMasterEditor *self, guint i)
{
  g_return_val_if_fail (i < self->fields->len, NULL);
  return g_ptr_array_index (self->fields, i);
}

GtkLabel *
rs_master_editor_get_hint (RsMasterEditor *self, guint i)
{
  g_return_val_if_fail (i < self->hints->len, NULL);
  return g_ptr_array_index (self->hints, i);
}

GtkLabel *
rs_master_editor_get_message (RsMasterEditor *self)
{
  return self->message;
}

GtkWidget *
rs_master_editor_get_save_button (RsMasterEditor *self)
{
  return self->save_button;
}

RsMasterEditor *
rs_master_editor_new (GtkWindow *parent, RsSession *session, const RsMasterKind *kind, gpointer item)
{
  RsMasterEditor *self = g_object_new (RS_TYPE_MASTER_EDITOR,
                                       "transient-for", parent,
                                       "modal", TRUE,
                                       "default-width", 560,
                                       "default-height", 680,
                                       NULL);

  self->session = g_object_ref (session);
  self->kind = kind;
  self->item = item != NULL ? g_object_ref (item) : NULL;
  self->allowed = rs_permission_allows (session, kind->edit_action);
  build (self);
  return self;
}

static void
rs_master_editor_dispose (GObject *object)
{
  RsMasterEditor *self = RS_MASTER_EDITOR (object);

  g_clear_object (&self->session);
  g_clear_object (&self->item);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->hints, g_ptr_array_unref);
  G_OBJECT_CLASS (rs_master_editor_parent_class)->dispose (object);
}

static gboolean
save_shortcut (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  rs_master_editor_save (RS_MASTER_EDITOR (widget));
  return TRUE;
}

static void
rs_master_editor_class_init (RsMasterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_master_editor_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rs_master_editor_init (RsMasterEditor *self)
{
  self->fields = g_ptr_array_new ();
  self->hints = g_ptr_array_new ();
}
