/* rs-user-dialog.c */
#include "rs-user-dialog.h"
#include "rs-form.h"
#include "rs-gui-util.h"

#include <string.h>

struct _RsUserDialog
{
  AdwWindow parent_instance;

  RsSession *session;
  GCancellable *cancellable;
  GtkWidget *role_checks[7];   /* by bit of RsRoles */
  gboolean busy;

  GtkWidget *form;
  AdwEntryRow *name_row;
  AdwEntryRow *full_name_row;
  AdwEntryRow *password_row;
  GtkLabel *password_hint;
  GtkLabel *error_label;
  AdwPreferencesGroup *roles_group;
  GtkWidget *add_button;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (RsUserDialog, rs_user_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_SESSION, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { USER_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

const char *
rs_role_get_description (RsRoles role)
{
  switch (role)
    {
    case RS_ROLE_ADMIN:   return _("Everything, including users, settings and backups");
    case RS_ROLE_SALES:   return _("Take, edit and submit returns");
    case RS_ROLE_SERVICE: return _("Approve returns at their level, resolve receiving discrepancies, cancel returns");
    case RS_ROLE_MANAGER: return _("Approve returns at their level, see reports");
    case RS_ROLE_KEEPER:  return _("Receive, inspect and dispose of returned goods; in and out slips");
    case RS_ROLE_FINANCE: return _("Record return costs, make and approve settlements, see reports");
    case RS_ROLE_VIEWER:  return _("Look at everything, change nothing");
    default:              return NULL;
    }
}

static RsRoles
checked_roles (RsUserDialog *self)
{
  RsRoles roles = RS_ROLE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (self->role_checks); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->role_checks[i])))
      roles |= 1 << i;
  return roles;
}

static void
update_add_button (RsUserDialog *self)
{
  gboolean ready = *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0' &&
                   *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0' &&
                   checked_roles (self) != RS_ROLE_NONE;

  gtk_widget_set_sensitive (self->add_button, ready && !self->busy);
}

static void
on_cancel_clicked (RsUserDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_field_changed (RsUserDialog *self)
{
  rs_form_set_message (self->error_label, NULL);
  rs_form_mark_field (GTK_WIDGET (self->name_row), FALSE);
  rs_form_mark_field (GTK_WIDGET (self->password_row), FALSE);
  update_add_button (self);
}

/* ---- adding, in a thread: hashing the password takes a noticeable moment ---- */

typedef struct
{
  RsSession *session;
  char *name;
  char *full_name;
  char *password;
  RsRoles roles;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->session);
  g_free (data->name);
  g_free (data->full_name);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
add_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AddData *data = task_data;
  g_autoptr(RsSession) session = NULL;
  GError *error = NULL;
  RsUser *user;

  /* A connection of this thread: the window's is the main thread's. */
  session = rs_session_reopen (data->session, &error);
  user = session != NULL ? rs_users_add (session, data->name, data->full_name, data->roles, data->password, &error)
                         : NULL;
  if (user == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, user, g_object_unref);
}

static void
set_busy (RsUserDialog *self, gboolean busy)
{
  self->busy = busy;
  rs_form_set_busy (self->form, self->add_button, self->spinner, busy);
  if (!busy)
    update_add_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
add_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsUserDialog *self = RS_USER_DIALOG (source);
  g_autoptr(RsUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (user == NULL)
    {
      /* Marks the field the refusal is about: the password rules are core's to say. */
      gboolean password = !rs_password_validate (gtk_editable_get_text (GTK_EDITABLE (self->password_row)), NULL);

      rs_form_set_message (self->error_label, error->message);
      if (password)
        {
          rs_form_mark_field (GTK_WIDGET (self->password_row), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
        }
      else if (error->code == RS_ERROR_EXISTS || error->code == RS_ERROR_VALIDATION)
        {
          rs_form_mark_field (GTK_WIDGET (self->name_row), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
        }
      return;
    }
  g_signal_emit (self, signals[USER_ADDED], 0, user);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_add_clicked (RsUserDialog *self)
{
  g_autoptr(GTask) task = NULL;
  AddData *data;

  if (self->busy || !gtk_widget_get_sensitive (self->add_button))
    return;
  data = g_new0 (AddData, 1);
  data->session = g_object_ref (self->session);
  data->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  data->full_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->full_name_row)));
  data->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  data->roles = checked_roles (self);

  rs_form_set_message (self->error_label, NULL);
  set_busy (self, TRUE);
  task = rs_gui_widget_task_new (GTK_WIDGET (self), self->cancellable, add_done, NULL);
  g_task_set_source_tag (task, on_add_clicked);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  g_task_run_in_thread (task, add_thread);
}

GtkWidget *
rs_user_dialog_get_role_check (RsUserDialog *self, RsRoles role)
{
  g_return_val_if_fail (RS_IS_USER_DIALOG (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->role_checks); i++)
    if ((RsRoles) (1 << i) == role)
      return self->role_checks[i];
  return NULL;
}

static void
build_role_rows (RsUserDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->role_checks); i++)
    {
      RsRoles role = 1 << i;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rs_role_get_display_name (role));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rs_role_get_description (role));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* Named by the row's title (libadwaita labels the activatable widget with it). */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_field_changed), self);
      adw_preferences_group_add (self->roles_group, row);
      self->role_checks[i] = check;
    }
}

static void
rs_user_dialog_constructed (GObject *object)
{
  RsUserDialog *self = RS_USER_DIALOG (object);
  g_autofree char *hint = NULL;

  G_OBJECT_CLASS (rs_user_dialog_parent_class)->constructed (object);
  build_role_rows (self);
  rs_form_name_password_toggle (GTK_WIDGET (self->password_row));
  hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At least %d character. The user can log in with it at once.",
                                       "At least %d characters. The user can log in with it at once.",
                                       RS_PASSWORD_MIN_CHARS), RS_PASSWORD_MIN_CHARS);
  gtk_label_set_text (self->password_hint, hint);
}

static void
rs_user_dialog_dispose (GObject *object)
{
  RsUserDialog *self = RS_USER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_USER_DIALOG);
  G_OBJECT_CLASS (rs_user_dialog_parent_class)->dispose (object);
}

static void
rs_user_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsUserDialog *self = RS_USER_DIALOG (object);

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
rs_user_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsUserDialog *self = RS_USER_DIALOG (object);

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
rs_user_dialog_class_init (RsUserDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_user_dialog_constructed;
  object_class->dispose = rs_user_dialog_dispose;
  object_class->get_property = rs_user_dialog_get_property;
  object_class->set_property = rs_user_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[USER_ADDED] = g_signal_new ("user-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, RS_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RsUserDialog, form);
  gtk_widget_class_bind_template_child (widget_class, RsUserDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RsUserDialog, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, RsUserDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, RsUserDialog, password_hint);
  gtk_widget_class_bind_template_child (widget_class, RsUserDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsUserDialog, roles_group);
  gtk_widget_class_bind_template_child (widget_class, RsUserDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, RsUserDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rs_user_dialog_init (RsUserDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

RsUserDialog *
rs_user_dialog_new (RsSession *session, GtkWindow *parent)
{
  return g_object_new (RS_TYPE_USER_DIALOG, "session", session, "transient-for", parent, NULL);
}
