/* rs-admin-users.c */
#include "rs-admin-users.h"
#include "rs-form.h"
#include "rs-gui-util.h"
#include "rs-user-dialog.h"

#include <string.h>

struct _RsAdminUsers
{
  AdwPreferencesPage parent_instance;

  RsSession *session;
  GCancellable *cancellable;
  GPtrArray *rows;   /* the user rows now in users_group */
  gboolean busy;

  AdwPreferencesGroup *users_group;
};

G_DEFINE_FINAL_TYPE (RsAdminUsers, rs_admin_users, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_SESSION, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_busy (RsAdminUsers *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->users_group), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The user a row's controls act on. */
static const char *
row_user_name (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "rs-user-name") : NULL;
}

static void
on_role_toggled (GtkCheckButton *check, RsAdminUsers *self)
{
  const char *name = row_user_name (GTK_WIDGET (check));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_EXPANDER_ROW);
  RsRoles roles = RS_ROLE_NONE;
  g_autoptr(GError) error = NULL;
  GtkWidget **checks = g_object_get_data (G_OBJECT (row), "rs-role-checks");

  for (guint i = 0; i < 7; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (checks[i])))
      roles |= 1 << i;

  if (!rs_users_set_roles (self->session, name, roles, &error))
    {
      /* Core said no: the box shows what is stored again. */
      g_signal_handlers_block_by_func (check, on_role_toggled, self);
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      g_signal_handlers_unblock_by_func (check, on_role_toggled, self);
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  {
    g_autofree char *display = rs_roles_to_display (roles);
    g_autofree char *subtitle = g_strdup_printf ("%s · %s", name, display);
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  }
}

static gboolean
refresh_idle (gpointer data)
{
  rs_admin_users_refresh (data);
  return G_SOURCE_REMOVE;
}

static gboolean
on_access_set (GtkSwitch *toggle, gboolean state, RsAdminUsers *self)
{
  const char *name = row_user_name (GTK_WIDGET (toggle));
  g_autoptr(GError) error = NULL;
  gboolean ok = state ? rs_users_enable (self->session, name, &error)
                      : rs_users_disable (self->session, name, &error);

  if (!ok)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return TRUE;   /* handled: the switch stays as it was */
    }
  gtk_switch_set_state (toggle, state);
  /* The row shows "Disabled"; rebuilt after this handler, not under the switch's feet. */
  g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle, g_object_ref (self), g_object_unref);
  return TRUE;
}

/* ---- a new password, in a thread (Argon2id) ---- */

typedef struct
{
  RsSession *session;
  char *name;
  char *password;
} PasswordData;

static void
password_data_free (PasswordData *data)
{
  g_clear_object (&data->session);
  g_free (data->name);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
password_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PasswordData *data = task_data;
  g_autoptr(RsSession) session = NULL;
  GError *error = NULL;

  session = rs_session_reopen (data->session, &error);
  if (session == NULL || !rs_users_reset_password (session, data->name, data->password, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
password_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsAdminUsers *self = RS_ADMIN_USERS (source);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  set_busy (self, FALSE);
  {
    /* TRANSLATORS: %s is a user name */
    g_autofree char *message = g_strdup_printf (_("The password of “%s” was reset."), name);
    rs_gui_notify (GTK_WIDGET (self), message);
  }
}

static void
on_password_response (AdwMessageDialog *dialog, const char *response, RsAdminUsers *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "rs-password-row");
  const char *name = g_object_get_data (G_OBJECT (dialog), "rs-user-name");
  g_autoptr(GTask) task = NULL;
  PasswordData *data;

  if (!g_str_equal (response, "reset"))
    return;
  data = g_new0 (PasswordData, 1);
  data->session = g_object_ref (self->session);
  data->name = g_strdup (name);
  data->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  set_busy (self, TRUE);
  task = rs_gui_widget_task_new (GTK_WIDGET (self), self->cancellable, password_done, g_strdup (name));
  g_task_set_task_data (task, data, (GDestroyNotify) password_data_free);
  g_task_run_in_thread (task, password_thread);
}

static void
on_password_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "reset", *gtk_editable_get_text (entry) != '\0');
}

static void
on_reset_password_clicked (GtkButton *button, RsAdminUsers *self)
{
  const char *name = row_user_name (GTK_WIDGET (button));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *group, *entry;

  /* TRANSLATORS: %s is a user name */
  heading = g_strdup_printf (_("New Password for “%s”"), name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The old password stops working at once. At least %d character.",
                                       "The old password stops working at once. At least %d characters.",
                                       RS_PASSWORD_MIN_CHARS), RS_PASSWORD_MIN_CHARS);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  group = adw_preferences_group_new ();
  entry = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("New _password"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset Password"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reset", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reset");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "rs-password-row", entry);
  g_object_set_data_full (G_OBJECT (dialog), "rs-user-name", g_strdup (name), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_password_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_password_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  rs_form_name_password_toggle (entry);
  gtk_widget_grab_focus (entry);
}

/* ---- the list ---- */

static GtkWidget *
user_row (RsAdminUsers *self, RsUser *user)
{
  gboolean me = rs_user_get_id (user) == rs_user_get_id (rs_session_get_user (self->session));
  g_autofree char *roles = rs_roles_to_display (rs_user_get_roles (user));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", rs_user_get_name (user), roles);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *avatar = adw_avatar_new (36, rs_user_get_display_name (user), TRUE);
  GtkWidget **checks = g_new0 (GtkWidget *, 7);
  GtkWidget *access_row, *toggle, *password_row, *button;

  /* Names are text, not markup: "A&B 贸易" must show as typed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rs_user_get_display_name (user));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), avatar);
  g_object_set_data_full (G_OBJECT (row), "rs-user-name", g_strdup (rs_user_get_name (user)), g_free);
  g_object_set_data_full (G_OBJECT (row), "rs-role-checks", checks, g_free);

  if (rs_user_get_disabled (user) || me)
    {
      GtkWidget *tag = gtk_label_new (me ? _("You") : _("Disabled"));
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "rs-tag");
      if (!me)
        gtk_widget_add_css_class (tag, "rs-tag-disabled");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
    }
  if (rs_user_get_disabled (user))
    gtk_widget_add_css_class (avatar, "dim-label");

  for (guint i = 0; i < 7; i++)
    {
      RsRoles role = 1 << i;
      GtkWidget *role_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), rs_role_get_display_name (role));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (role_row), rs_role_get_description (role));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), rs_user_has_role (user, role));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (role_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (role_row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (on_role_toggled), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), role_row);
      checks[i] = check;
    }

  password_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password_row), _("Password"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (password_row), _("Give the user a new password when they have forgotten theirs"));
  button = gtk_button_new_with_label (_("Reset Password…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_reset_password_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (password_row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), password_row);

  access_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (access_row), _("Can log in"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (access_row),
                               _("A disabled account keeps its history but cannot log in"));
  toggle = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (toggle), !rs_user_get_disabled (user));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  g_signal_connect (toggle, "state-set", G_CALLBACK (on_access_set), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (access_row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (access_row), toggle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), access_row);
  return row;
}

void
rs_admin_users_refresh (RsAdminUsers *self)
{
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RS_IS_ADMIN_USERS (self));

  users = rs_users_list (self->session, &error);
  if (users == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->users_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(RsUser) user = g_list_model_get_item (users, i);
      GtkWidget *row = user_row (self, user);

      adw_preferences_group_add (self->users_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_user_added (RsUserDialog *dialog, RsUser *user, RsAdminUsers *self)
{
  g_autofree char *message = NULL;

  rs_admin_users_refresh (self);
  /* TRANSLATORS: %s is the new user's name */
  message = g_strdup_printf (_("Added the user “%s”. They can log in now."), rs_user_get_name (user));
  rs_gui_notify (GTK_WIDGET (self), message);
}

GtkWidget *
rs_admin_users_add_user (RsAdminUsers *self)
{
  RsUserDialog *dialog;

  g_return_val_if_fail (RS_IS_ADMIN_USERS (self), NULL);
  dialog = rs_user_dialog_new (self->session, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "user-added", G_CALLBACK (on_user_added), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
on_add_clicked (RsAdminUsers *self)
{
  rs_admin_users_add_user (self);
}

static void
rs_admin_users_constructed (GObject *object)
{
  RsAdminUsers *self = RS_ADMIN_USERS (object);

  G_OBJECT_CLASS (rs_admin_users_parent_class)->constructed (object);
  rs_admin_users_refresh (self);
}

static void
rs_admin_users_dispose (GObject *object)
{
  RsAdminUsers *self = RS_ADMIN_USERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_ADMIN_USERS);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_admin_users_parent_class)->dispose (object);
}

static void
rs_admin_users_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsAdminUsers *self = RS_ADMIN_USERS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_admin_users_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsAdminUsers *self = RS_ADMIN_USERS (object);

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
rs_admin_users_class_init (RsAdminUsersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_admin_users_constructed;
  object_class->dispose = rs_admin_users_dispose;
  object_class->get_property = rs_admin_users_get_property;
  object_class->set_property = rs_admin_users_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-admin-users.ui");
  gtk_widget_class_bind_template_child (widget_class, RsAdminUsers, users_group);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
rs_admin_users_init (RsAdminUsers *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rs_admin_users_new (RsSession *session)
{
  return g_object_new (RS_TYPE_ADMIN_USERS, "session", session, NULL);
}
