/* rs-admin-policy.c */
#include "rs-admin-policy.h"
#include "rs-form.h"
#include "rs-gui-util.h"

struct _RsAdminPolicy
{
  AdwPreferencesPage parent_instance;

  RsSession *session;
  GArray *signers;        /* RsRoles that may sign a level, in the drop-downs' order */
  GPtrArray *level_rows;  /* AdwActionRow, in order */

  AdwPreferencesGroup *chain_group;
  GtkLabel *chain_error;
  GtkWidget *chain_save;
  GtkWidget *policy_spins[3];
  GtkLabel *policy_error;
};

G_DEFINE_FINAL_TYPE (RsAdminPolicy, rs_admin_policy, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_SESSION, N_PROPS };

static const struct {
  const char *key;
  const char *title;
  const char *subtitle;
  guint max;
} policy_rows[] = {
  { RS_SETTING_RETURN_WINDOW_DAYS, N_("Return window"),
    N_("Days from the sale to the request, for reasons without their own window"), RS_TIME_POLICY_MAX_DAYS },
  { RS_SETTING_RECEIVING_DEADLINE_DAYS, N_("Receiving deadline"),
    N_("Days from approval until the goods must have arrived"), RS_TIME_POLICY_MAX_DAYS },
  { RS_SETTING_INSPECTION_DEADLINE_HOURS, N_("Inspection deadline"),
    N_("Hours from receipt until the goods must have been inspected"), RS_TIME_POLICY_MAX_HOURS },
};

static GtkWidget *
error_hint (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "form-hint");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

/* ---- the approval chain ---- */

static void renumber (RsAdminPolicy *self);

static void
on_chain_edited (RsAdminPolicy *self)
{
  rs_form_set_message (self->chain_error, NULL);
  gtk_widget_set_sensitive (self->chain_save, TRUE);
}

static void
on_remove_level_clicked (GtkButton *button, RsAdminPolicy *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  g_ptr_array_remove (self->level_rows, row);
  adw_preferences_group_remove (self->chain_group, row);
  renumber (self);
  on_chain_edited (self);
}

static GtkWidget *
level_row (RsAdminPolicy *self, RsRoles role, gint64 min_amount)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dropdown, *amount, *remove;
  guint selected = 0;

  for (guint i = 0; i < self->signers->len; i++)
    {
      RsRoles signer = g_array_index (self->signers, RsRoles, i);
      gtk_string_list_append (names, rs_role_get_display_name (signer));
      if (signer == role)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_chain_edited), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  amount = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (amount), _("Any amount"));
  gtk_editable_set_width_chars (GTK_EDITABLE (amount), 12);
  gtk_entry_set_input_purpose (GTK_ENTRY (amount), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (amount, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (amount, _("The level applies to returns whose refund value reaches this amount; empty: to every return"));
  if (min_amount >= 0)
    {
      g_autofree char *text = rs_money_to_decimal (min_amount);
      gtk_editable_set_text (GTK_EDITABLE (amount), text);
    }
  g_signal_connect_swapped (amount, "changed", G_CALLBACK (on_chain_edited), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_level_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "rs-role", dropdown);
  g_object_set_data (G_OBJECT (row), "rs-amount", amount);
  g_object_set_data (G_OBJECT (row), "rs-remove", remove);
  return row;
}

/* Titles and accessible names say the level's number, which changes when one is removed. */
static void
renumber (RsAdminPolicy *self)
{
  for (guint i = 0; i < self->level_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->level_rows, i);
      g_autofree char *title = g_strdup_printf (_("Level %u"), i + 1);
      g_autofree char *role_name = g_strdup_printf (_("Role of level %u"), i + 1);
      g_autofree char *amount_name = g_strdup_printf (_("Amount from which level %u applies"), i + 1);
      g_autofree char *remove_name = g_strdup_printf (_("Remove level %u"), i + 1);
      GtkWidget *remove = g_object_get_data (G_OBJECT (row), "rs-remove");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "rs-role")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, role_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "rs-amount")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, amount_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_widget_set_sensitive (remove, self->level_rows->len > 1);
    }
}

static void
add_level (RsAdminPolicy *self, RsRoles role, gint64 min_amount)
{
  GtkWidget *row = level_row (self, role, min_amount);

  g_ptr_array_add (self->level_rows, row);
  adw_preferences_group_add (self->chain_group, row);
  renumber (self);
}

static void
on_add_level_clicked (RsAdminPolicy *self)
{
  if (self->level_rows->len >= RS_APPROVAL_MAX_LEVELS)
    {
      g_autofree char *message = g_strdup_printf (_("The chain has at most %d levels."), RS_APPROVAL_MAX_LEVELS);
      rs_form_set_message (self->chain_error, message);
      return;
    }
  add_level (self, g_array_index (self->signers, RsRoles, 0), -1);
  on_chain_edited (self);
}

static void
on_chain_save_clicked (RsAdminPolicy *self)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (RsApprovalLevel));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->level_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->level_rows, i);
      GtkWidget *amount = g_object_get_data (G_OBJECT (row), "rs-amount");
      const char *text = gtk_editable_get_text (GTK_EDITABLE (amount));
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (g_object_get_data (G_OBJECT (row), "rs-role")));
      RsApprovalLevel level = { g_array_index (self->signers, RsRoles, MIN (selected, self->signers->len - 1)), -1 };

      rs_form_mark_field (amount, FALSE);
      if (*text != '\0' && !rs_money_parse (text, &level.min_amount, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Level %u: %s"), i + 1, error->message);
          rs_form_mark_field (amount, TRUE);
          rs_form_set_message (self->chain_error, message);
          gtk_widget_grab_focus (amount);
          return;
        }
      g_array_append_val (levels, level);
    }
  if (!rs_approval_chain_set (self->session, (RsApprovalLevel *) levels->data, levels->len, &error))
    {
      rs_form_set_message (self->chain_error, error->message);
      return;
    }
  rs_form_set_message (self->chain_error, NULL);
  gtk_widget_set_sensitive (self->chain_save, FALSE);
  rs_gui_notify (GTK_WIDGET (self), _("Saved the approval chain. Returns submitted from now on follow it."));
}

/* ---- the time checks ---- */

static void
on_policy_save_clicked (RsAdminPolicy *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (policy_rows); i++)
    {
      guint value = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->policy_spins[i]));
      if (!rs_time_policy_set (self->session, policy_rows[i].key, value, &error))
        {
          rs_form_set_message (self->policy_error, error->message);
          return;
        }
    }
  rs_form_set_message (self->policy_error, NULL);
  rs_gui_notify (GTK_WIDGET (self), _("Saved the time checks."));
}

/* ---- building ---- */

static GtkWidget *
save_button (const char *label, GCallback callback, gpointer self)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static void
build (RsAdminPolicy *self)
{
  GtkWidget *group, *button, *content;

  group = adw_preferences_group_new ();
  self->chain_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (self->chain_group, _("Approval Chain"));
  adw_preferences_group_set_description (self->chain_group,
    _("Returns are approved level by level, in this order; no level may be skipped. "
      "A level with an amount applies only to returns whose refund value reaches it."));
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", "list-add-symbolic",
                                                            "label", _("Add Level"), NULL));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_level_clicked), self);
  adw_preferences_group_set_header_suffix (self->chain_group, button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->chain_group);

  /* Below the levels, which come and go: a group of its own keeps it last. */
  group = adw_preferences_group_new ();
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->chain_error = GTK_LABEL (error_hint ());
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->chain_error));
  self->chain_save = save_button (_("Save Approval Chain"), G_CALLBACK (on_chain_save_clicked), self);
  gtk_box_append (GTK_BOX (content), self->chain_save);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), content);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Time Checks"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("A return that misses a deadline is flagged in the lists and counted in the reports."));
  for (guint i = 0; i < G_N_ELEMENTS (policy_rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (i == 0 ? 0 : 1, policy_rows[i].max, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(policy_rows[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(policy_rows[i].subtitle));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->policy_spins[i] = spin;
    }
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->policy_error = GTK_LABEL (error_hint ());
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->policy_error));
  gtk_box_append (GTK_BOX (content), save_button (_("Save Time Checks"), G_CALLBACK (on_policy_save_clicked), self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), content);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

void
rs_admin_policy_refresh (RsAdminPolicy *self)
{
  RsDatabase *db = rs_session_get_database (self->session);
  g_autoptr(GArray) chain = NULL;
  g_autoptr(GError) error = NULL;
  RsTimePolicy policy = { 0 };

  for (guint i = 0; i < self->level_rows->len; i++)
    adw_preferences_group_remove (self->chain_group, g_ptr_array_index (self->level_rows, i));
  g_ptr_array_set_size (self->level_rows, 0);
  chain = rs_approval_chain_get (db, &error);
  if (chain == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < chain->len; i++)
    {
      RsApprovalLevel *level = &g_array_index (chain, RsApprovalLevel, i);
      add_level (self, level->role, level->min_amount);
    }
  rs_form_set_message (self->chain_error, NULL);
  gtk_widget_set_sensitive (self->chain_save, FALSE);

  if (!rs_time_policy_read (db, &policy, &error))
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->policy_spins[0]), policy.return_window_days);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->policy_spins[1]), policy.receiving_deadline_days);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->policy_spins[2]), policy.inspection_deadline_hours);
  rs_form_set_message (self->policy_error, NULL);
}

static void
rs_admin_policy_constructed (GObject *object)
{
  RsAdminPolicy *self = RS_ADMIN_POLICY (object);
  RsRoles signers = rs_action_get_roles (RS_ACTION_RETURN_APPROVE);
  /* The order the default chain signs in, then whatever else may approve. */
  const RsRoles order[] = { RS_ROLE_SERVICE, RS_ROLE_MANAGER, RS_ROLE_ADMIN, RS_ROLE_SALES,
                            RS_ROLE_KEEPER, RS_ROLE_FINANCE, RS_ROLE_VIEWER };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (signers & order[i])
      g_array_append_val (self->signers, order[i]);

  G_OBJECT_CLASS (rs_admin_policy_parent_class)->constructed (object);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Rules"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "emblem-ok-symbolic");
  build (self);
  rs_admin_policy_refresh (self);
}

static void
rs_admin_policy_dispose (GObject *object)
{
  RsAdminPolicy *self = RS_ADMIN_POLICY (object);

  g_clear_pointer (&self->level_rows, g_ptr_array_unref);
  g_clear_pointer (&self->signers, g_array_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_admin_policy_parent_class)->dispose (object);
}

static void
rs_admin_policy_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsAdminPolicy *self = RS_ADMIN_POLICY (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_admin_policy_class_init (RsAdminPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rs_admin_policy_constructed;
  object_class->dispose = rs_admin_policy_dispose;
  object_class->set_property = rs_admin_policy_set_property;
  g_object_class_install_property (object_class, PROP_SESSION,
    g_param_spec_object ("session", NULL, NULL, RS_TYPE_SESSION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static void
rs_admin_policy_init (RsAdminPolicy *self)
{
  self->signers = g_array_new (FALSE, FALSE, sizeof (RsRoles));
  self->level_rows = g_ptr_array_new ();
}

GtkWidget *
rs_admin_policy_new (RsSession *session)
{
  return g_object_new (RS_TYPE_ADMIN_POLICY, "session", session, NULL);
}
