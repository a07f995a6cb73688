/* rs-login-page.c */
#include "rs-login-page.h"
#include "rs-form.h"
#include "rs-gui-util.h"

struct _RsLoginPage
{
  AdwBin parent_instance;

  RsDatabase *database;
  gboolean busy;
  GCancellable *cancellable;   /* cancelled on dispose: a late result finds no widgets to update */

  AdwStatusPage *status_page;
  GtkWidget *form;
  GtkWidget *user_row;
  GtkWidget *password_row;
  GtkLabel *error_label;
  GtkWidget *login_button;
  GtkLabel *login_label;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (RsLoginPage, rs_login_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  LOGGED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
field_text (GtkWidget *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (field));
}

static void
update_button (RsLoginPage *self)
{
  gtk_widget_set_sensitive (self->login_button,
                            !self->busy && self->database != NULL &&
                            *field_text (self->user_row) != '\0' && *field_text (self->password_row) != '\0');
}

static void
on_field_changed (RsLoginPage *self)
{
  update_button (self);
}

void
rs_login_page_focus (RsLoginPage *self)
{
  g_return_if_fail (RS_IS_LOGIN_PAGE (self));
  gtk_widget_grab_focus (*field_text (self->user_row) != '\0' ? self->password_row : self->user_row);
}

/* ---- logging in, in a thread: checking an Argon2id hash takes a noticeable moment ---- */

typedef struct {
  RsDatabase *database;
  char *name;
  char *password;
} LoginData;

static void
login_data_free (LoginData *data)
{
  g_clear_object (&data->database);
  g_free (data->name);
  g_free (data->password);
  g_free (data);
}

static void
login_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoginData *data = task_data;
  GError *error = NULL;
  RsSession *session = rs_session_login (data->database, data->name, data->password, &error);

  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

static void
set_busy (RsLoginPage *self, gboolean busy)
{
  self->busy = busy;
  rs_form_set_busy (self->form, self->login_button, self->spinner, busy);
  gtk_label_set_text_with_mnemonic (self->login_label, busy ? _("Logging in…") : _("_Log In"));
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
login_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsLoginPage *self = RS_LOGIN_PAGE (source);
  g_autoptr(RsSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  if (session != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      g_signal_emit (self, signals[LOGGED_IN], 0, session);
      return;
    }

  /* Refused: say so, keep the user name, and let the password be typed afresh. */
  rs_form_set_message (self->error_label, error->message);
  if (g_error_matches (error, RS_ERROR, RS_ERROR_AUTH) || g_error_matches (error, RS_ERROR, RS_ERROR_LOCKED))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      rs_form_shake (self->form);
    }
  rs_form_mark_field (self->password_row, TRUE);
  gtk_widget_grab_focus (self->password_row);
}

static void
on_login_clicked (RsLoginPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoginData *data;

  update_button (self);
  if (!gtk_widget_get_sensitive (self->login_button))
    return;

  rs_form_set_message (self->error_label, NULL);
  rs_form_mark_field (self->password_row, FALSE);
  set_busy (self, TRUE);

  data = g_new0 (LoginData, 1);
  data->database = g_object_ref (self->database);
  data->name = g_strdup (field_text (self->user_row));
  data->password = g_strdup (field_text (self->password_row));

  task = rs_gui_widget_task_new (GTK_WIDGET (self), self->cancellable, login_done, NULL);
  g_task_set_source_tag (task, on_login_clicked);
  g_task_set_task_data (task, data, (GDestroyNotify) login_data_free);
  g_task_run_in_thread (task, login_thread);
}

/* Enter in the user name goes on to the password; Enter in the password logs in. */
static void
on_entry_activated (RsLoginPage *self, AdwEntryRow *row)
{
  if (*field_text (self->user_row) == '\0')
    gtk_widget_grab_focus (self->user_row);
  else if (*field_text (self->password_row) == '\0')
    gtk_widget_grab_focus (self->password_row);
  else
    on_login_clicked (self);
}

/* ---- public ---- */

GtkWidget *
rs_login_page_new (void)
{
  return g_object_new (RS_TYPE_LOGIN_PAGE, NULL);
}

void
rs_login_page_set_database (RsLoginPage *self, RsDatabase *database)
{
  g_autofree char *company = NULL;

  g_return_if_fail (RS_IS_LOGIN_PAGE (self));
  g_return_if_fail (!self->busy);

  g_set_object (&self->database, database);
  if (database != NULL)
    company = rs_settings_get (database, RS_SETTING_COMPANY_NAME, NULL);
  /* The company's name greets its staff; a database without one shows the program's. */
  adw_status_page_set_title (self->status_page, company != NULL && *company != '\0' ? company : "Restock");
  rs_login_page_reset (self);
}

void
rs_login_page_greet_new_database (RsLoginPage *self)
{
  g_return_if_fail (RS_IS_LOGIN_PAGE (self));
  adw_status_page_set_description (self->status_page,
                                   _("The database is ready. Log in as “admin” with the password you chose."));
}

void
rs_login_page_set_user_name (RsLoginPage *self, const char *name)
{
  g_return_if_fail (RS_IS_LOGIN_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), name != NULL ? name : "");
}

const char *
rs_login_page_get_user_name (RsLoginPage *self)
{
  g_return_val_if_fail (RS_IS_LOGIN_PAGE (self), NULL);
  return field_text (self->user_row);
}

gboolean
rs_login_page_get_busy (RsLoginPage *self)
{
  g_return_val_if_fail (RS_IS_LOGIN_PAGE (self), FALSE);
  return self->busy;
}

void
rs_login_page_reset (RsLoginPage *self)
{
  g_return_if_fail (RS_IS_LOGIN_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  adw_status_page_set_description (self->status_page, _("Log in with your user name and password."));
  rs_form_set_message (self->error_label, NULL);
  rs_form_mark_field (self->password_row, FALSE);
  update_button (self);
}

/* ---- GObject ---- */

static void
rs_login_page_dispose (GObject *object)
{
  RsLoginPage *self = RS_LOGIN_PAGE (object);

  /* AdwBin would unparent its child again after the template let go of it. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_LOGIN_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (rs_login_page_parent_class)->dispose (object);
}

static void
rs_login_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsLoginPage *self = RS_LOGIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_login_page_class_init (RsLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_login_page_dispose;
  object_class->get_property = rs_login_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOGGED_IN] = g_signal_new ("logged-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, RS_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-login-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RsLoginPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RsLoginPage, form);
  gtk_widget_class_bind_template_child (widget_class, RsLoginPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, RsLoginPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, RsLoginPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsLoginPage, login_button);
  gtk_widget_class_bind_template_child (widget_class, RsLoginPage, login_label);
  gtk_widget_class_bind_template_child (widget_class, RsLoginPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_login_clicked);
}

static void
rs_login_page_init (RsLoginPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  rs_form_name_password_toggle (self->password_row);
  rs_login_page_reset (self);
}
