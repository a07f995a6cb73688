/* rs-setup-page.c */
#include "rs-setup-page.h"
#include "rs-form.h"
#include "rs-gui-util.h"

struct _RsSetupPage
{
  AdwBin parent_instance;

  char *path;
  RsDatabase *database;
  gboolean busy;
  GCancellable *cancellable;   /* cancelled on dispose: a late result finds no widgets to update */
  gboolean company_typed;   /* say "enter a name" only once something was typed and erased */

  AdwStatusPage *status_page;
  GtkWidget *form;
  GtkWidget *company_row;
  GtkLabel *company_hint;
  GtkWidget *password_row;
  GtkWidget *repeat_row;
  GtkLabel *password_hint;
  GtkLabel *error_label;
  GtkWidget *create_button;
  GtkLabel *create_label;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (RsSetupPage, rs_setup_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_BUSY,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the form holds, checked the way core will check it. */
typedef struct {
  char *company;              /* trimmed */
  const char *password;
  gboolean company_ok;
  gboolean password_ok;
  gboolean repeat_ok;
  GError *password_error;
} Form;

static void
form_clear (Form *form)
{
  g_free (form->company);
  g_clear_error (&form->password_error);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Form, form_clear)

static void
form_read (RsSetupPage *self, Form *form)
{
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));

  form->company = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->company_row))));
  form->password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  form->company_ok = *form->company != '\0';
  form->password_ok = rs_password_validate (form->password, &form->password_error);
  form->repeat_ok = form->password_ok && g_str_equal (form->password, repeat);
}

static void
set_hint (GtkLabel *hint, const char *text, gboolean wrong)
{
  gtk_label_set_text (hint, text);
  if (wrong)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (hint), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (hint), "dim-label");
    }
}

/* Says next to the fields what is still wrong, and allows Create only when nothing is. */
static void
update_validation (RsSetupPage *self)
{
  g_auto(Form) form = { 0 };
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  gboolean company_wrong, password_wrong, repeat_wrong = FALSE;

  form_read (self, &form);

  company_wrong = self->company_typed && !form.company_ok;
  set_hint (self->company_hint,
            company_wrong ? _("Enter the name of your company.")
                          : _("Shown in the title bar and printed on every slip."),
            company_wrong);
  rs_form_mark_field (self->company_row, company_wrong);

  /* While the repeat is still a beginning of the password, the person is typing, not wrong. */
  password_wrong = !form.password_ok && *form.password != '\0';
  if (!form.password_ok)
    set_hint (self->password_hint, form.password_error->message, password_wrong);
  else if (form.repeat_ok)
    set_hint (self->password_hint, _("The passwords match."), FALSE);
  else if (g_str_has_prefix (form.password, repeat))
    set_hint (self->password_hint, _("Type the same password again."), FALSE);
  else
    {
      repeat_wrong = TRUE;
      set_hint (self->password_hint, _("The two passwords are not the same."), TRUE);
    }
  rs_form_mark_field (self->password_row, password_wrong);
  rs_form_mark_field (self->repeat_row, repeat_wrong);

  gtk_widget_set_sensitive (self->create_button,
                            !self->busy && form.company_ok && form.password_ok && form.repeat_ok);
}

static void
on_field_changed (RsSetupPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->company_row)) != '\0')
    self->company_typed = TRUE;
  update_validation (self);
}

static GtkWidget *
first_unfinished_field (RsSetupPage *self, const Form *form)
{
  if (!form->company_ok)
    return self->company_row;
  if (!form->password_ok)
    return self->password_row;
  if (!form->repeat_ok)
    return self->repeat_row;
  return NULL;
}

void
rs_setup_page_focus (RsSetupPage *self)
{
  g_auto(Form) form = { 0 };
  GtkWidget *field;

  g_return_if_fail (RS_IS_SETUP_PAGE (self));

  form_read (self, &form);
  field = first_unfinished_field (self, &form);
  gtk_widget_grab_focus (field != NULL ? field : self->create_button);
}

/* ---- creating, in a thread: the Argon2id hash takes a noticeable moment ---- */

typedef struct {
  char *path;
  RsDatabase *database;
  char *company;
  char *password;
} SetupData;

static void
setup_data_free (SetupData *data)
{
  g_free (data->path);
  g_clear_object (&data->database);
  g_free (data->company);
  g_free (data->password);
  g_free (data);
}

static void
setup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SetupData *data = task_data;
  g_autoptr(RsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = data->database != NULL ? g_object_ref (data->database)
                                    : rs_database_open (data->path, &error);
  if (database == NULL || !rs_users_initialize (database, data->company, data->password, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&database), g_object_unref);
}

static void
set_busy (RsSetupPage *self, gboolean busy)
{
  self->busy = busy;
  rs_form_set_busy (self->form, self->create_button, self->spinner, busy);
  gtk_label_set_text_with_mnemonic (self->create_label, busy ? _("Creating…") : _("C_reate Database"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
setup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsSetupPage *self = RS_SETUP_PAGE (source);
  g_autoptr(RsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  update_validation (self);

  if (database == NULL)
    {
      rs_form_set_message (self->error_label, error->message);
      rs_setup_page_focus (self);
      return;
    }

  g_set_object (&self->database, database);
  g_signal_emit (self, signals[CREATED], 0, database);
}

static void
on_create_clicked (RsSetupPage *self)
{
  g_auto(Form) form = { 0 };
  g_autoptr(GTask) task = NULL;
  SetupData *data;

  form_read (self, &form);
  if (self->busy || first_unfinished_field (self, &form) != NULL)
    return;

  rs_form_set_message (self->error_label, NULL);
  set_busy (self, TRUE);

  data = g_new0 (SetupData, 1);
  data->path = g_strdup (self->path);
  data->database = self->database != NULL ? g_object_ref (self->database) : NULL;
  data->company = g_steal_pointer (&form.company);
  data->password = g_strdup (form.password);

  task = rs_gui_widget_task_new (GTK_WIDGET (self), self->cancellable, setup_done, NULL);
  g_task_set_source_tag (task, on_create_clicked);
  g_task_set_task_data (task, data, (GDestroyNotify) setup_data_free);
  g_task_run_in_thread (task, setup_thread);
}

/* Enter submits a finished form; on an unfinished one it goes to the field that needs typing. */
static void
on_entry_activated (RsSetupPage *self)
{
  g_auto(Form) form = { 0 };

  form_read (self, &form);
  if (first_unfinished_field (self, &form) == NULL)
    on_create_clicked (self);
  else
    rs_setup_page_focus (self);
}

/* ---- public ---- */

GtkWidget *
rs_setup_page_new (void)
{
  return g_object_new (RS_TYPE_SETUP_PAGE, NULL);
}

void
rs_setup_page_set_database (RsSetupPage *self, const char *path, RsDatabase *database)
{
  g_autofree char *shown = NULL;
  g_autofree char *description = NULL;
  const char *home = g_get_home_dir ();

  g_return_if_fail (RS_IS_SETUP_PAGE (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  g_set_object (&self->database, database);

  /* "~/…" reads better than the home folder spelled out. */
  shown = g_filename_display_name (path);
  if (home != NULL && g_str_has_prefix (shown, home) && shown[strlen (home)] == '/')
    {
      g_autofree char *rest = g_strdup (shown + strlen (home));
      g_free (shown);
      shown = g_strconcat ("~", rest, NULL);
    }
  /* TRANSLATORS: %s is the database file, like ~/.local/share/restock/restock.db */
  description = g_strdup_printf (_("Your company’s new database will be kept in %s."), shown);
  adw_status_page_set_description (self->status_page, description);

  rs_form_set_message (self->error_label, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}

const char *
rs_setup_page_get_database_path (RsSetupPage *self)
{
  g_return_val_if_fail (RS_IS_SETUP_PAGE (self), NULL);
  return self->path;
}

gboolean
rs_setup_page_get_busy (RsSetupPage *self)
{
  g_return_val_if_fail (RS_IS_SETUP_PAGE (self), FALSE);
  return self->busy;
}

/* ---- GObject ---- */

static void
rs_setup_page_dispose (GObject *object)
{
  RsSetupPage *self = RS_SETUP_PAGE (object);

  /* AdwBin would unparent its child again after the template let go of it. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_SETUP_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (rs_setup_page_parent_class)->dispose (object);
}

static void
rs_setup_page_finalize (GObject *object)
{
  RsSetupPage *self = RS_SETUP_PAGE (object);

  g_free (self->path);

  G_OBJECT_CLASS (rs_setup_page_parent_class)->finalize (object);
}

static void
rs_setup_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsSetupPage *self = RS_SETUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_setup_page_class_init (RsSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_setup_page_dispose;
  object_class->finalize = rs_setup_page_finalize;
  object_class->get_property = rs_setup_page_get_property;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The database now has its admin; the handler owns nothing but may keep a reference. */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, RS_TYPE_DATABASE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, form);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, company_row);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, company_hint);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, password_hint);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, create_label);
  gtk_widget_class_bind_template_child (widget_class, RsSetupPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
}

static void
rs_setup_page_init (RsSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  rs_form_name_password_toggle (self->password_row);
  rs_form_name_password_toggle (self->repeat_row);
  update_validation (self);
}
