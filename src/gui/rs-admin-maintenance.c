/* rs-admin-maintenance.c — long work here runs in a GTask thread on a connection of its own. */
#include "rs-admin-maintenance.h"
#include "rs-gui-util.h"
#include "rs-window.h"

struct _RsAdminMaintenance
{
  AdwPreferencesPage parent_instance;

  RsSession *session;
  GCancellable *cancellable;
  GtkNativeDialog *chooser;
  GPtrArray *check_rows;
  gboolean busy;

  GtkWidget *backup_button;
  GtkWidget *restore_button;
  GtkWidget *check_button;
  GtkWidget *progress_row;
  GtkProgressBar *progress_bar;
  AdwPreferencesGroup *check_group;
};

G_DEFINE_FINAL_TYPE (RsAdminMaintenance, rs_admin_maintenance, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_SESSION, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_busy (RsAdminMaintenance *self, const char *what)
{
  self->busy = what != NULL;
  gtk_widget_set_sensitive (self->backup_button, !self->busy);
  gtk_widget_set_sensitive (self->restore_button, !self->busy);
  gtk_widget_set_sensitive (self->check_button, !self->busy);
  gtk_widget_set_visible (self->progress_row, self->busy);
  if (what != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), what);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, self->busy, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- progress, from the thread to the main loop ---- */

typedef struct
{
  RsAdminMaintenance *self;
  double fraction;
} ProgressUpdate;

static gboolean
show_progress (gpointer data)
{
  ProgressUpdate *update = data;

  if (update->self->busy && update->self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (update->self->progress_bar, update->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;
  g_object_unref (update->self);
  g_free (update);
}

typedef struct
{
  RsSession *session;
  char *folder;
  /* For progress only, and no reference: the task's data may be freed in the worker thread,
   * where the page must not be finalized. The task keeps the page alive until its callback. */
  RsAdminMaintenance *self;
  int percent;                /* last shown, so the main loop is not flooded */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->session);
  g_free (job->folder);
  g_free (job);
}

static void
on_job_progress (guint64 done, guint64 total, gpointer data)
{
  Job *job = data;
  int percent = total > 0 ? (int) (done * 100 / total) : 0;
  ProgressUpdate *update;

  if (percent == job->percent)
    return;
  job->percent = percent;
  update = g_new0 (ProgressUpdate, 1);
  update->self = g_object_ref (job->self);
  update->fraction = percent / 100.0;
  /* Queued, never run here: g_main_context_invoke() would run it in this thread whenever the
   * main thread does not hold the main context at that moment. */
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, update, progress_update_free);
}

static GTask *
start_job (RsAdminMaintenance *self, const char *folder, const char *what, GAsyncReadyCallback done,
           GTaskThreadFunc thread)
{
  Job *job = g_new0 (Job, 1);
  GTask *task;

  job->session = g_object_ref (self->session);
  job->folder = g_strdup (folder);
  job->self = self;
  job->percent = -1;
  set_busy (self, what);
  task = rs_gui_widget_task_new (GTK_WIDGET (self), self->cancellable, done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, thread);
  return task;
}

/* ---- backup ---- */

static void
backup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RsSession) session = NULL;
  GError *error = NULL;
  RsBackupInfo *info = NULL;

  session = rs_session_reopen (job->session, &error);
  if (session != NULL)
    info = rs_backup_create (session, job->folder, on_job_progress, job, cancellable, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) rs_backup_info_free);
}

static void
backup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsAdminMaintenance *self = RS_ADMIN_MAINTENANCE (source);
  g_autoptr(RsBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  g_autofree char *message = NULL;

  info = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, NULL);
  if (info == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  size = g_format_size (info->size);
  /* TRANSLATORS: the backup folder and its size, like "12.3 MB" */
  message = g_strdup_printf (_("Backed up to “%s” (%s)."), info->path, size);
  rs_gui_notify (GTK_WIDGET (self), message);
}

void
rs_admin_maintenance_backup (RsAdminMaintenance *self, const char *parent)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H%M%S");
  /* TRANSLATORS: the name of a new backup folder; %s is the date and time */
  g_autofree char *name = g_strdup_printf (_("Restock backup %s"), stamp);
  g_autofree char *folder = g_build_filename (parent, name, NULL);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RS_IS_ADMIN_MAINTENANCE (self) && !self->busy);
  task = start_job (self, folder, _("Backing up…"), backup_done, backup_thread);
}

/* ---- restore ---- */

static void
restore_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RsSession) session = NULL;
  GError *error = NULL;

  session = rs_session_reopen (job->session, &error);
  if (session == NULL || !rs_backup_restore (session, job->folder, on_job_progress, job, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
restore_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsAdminMaintenance *self = RS_ADMIN_MAINTENANCE (source);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, NULL);
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  set_busy (self, NULL);
  /* Everything on screen belongs to the database that is gone, the session's user too. */
  window = gtk_widget_get_ancestor (GTK_WIDGET (self), RS_TYPE_WINDOW);
  if (window != NULL)
    rs_window_log_out (RS_WINDOW (window));
  else
    rs_gui_notify (GTK_WIDGET (self), _("The backup was restored. Log in again."));
}

static void
on_restore_response (AdwMessageDialog *dialog, const char *response, RsAdminMaintenance *self)
{
  const char *folder = g_object_get_data (G_OBJECT (dialog), "rs-folder");
  g_autoptr(GTask) task = NULL;

  if (g_str_equal (response, "restore") && !self->busy)
    task = start_job (self, folder, _("Restoring…"), restore_done, restore_thread);
}

GtkWidget *
rs_admin_maintenance_restore (RsAdminMaintenance *self, const char *folder)
{
  g_autoptr(RsBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (RS_IS_ADMIN_MAINTENANCE (self), NULL);

  /* Refused at once when it is no backup or too new; the files are checked when restoring. */
  info = rs_backup_read_info (folder, &error);
  if (info == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return NULL;
    }
  when = g_date_time_new_from_unix_local (info->created_at / G_USEC_PER_SEC);
  when_text = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("");
  /* TRANSLATORS: the company, when the backup was made, who made it */
  body = g_strdup_printf (_("The backup of %s made on %s by %s replaces everything in Restock now. "
                            "Whatever was entered since then is lost. Everyone logs in again afterwards."),
                          *info->company != '\0' ? info->company : _("this company"), when_text, info->created_by);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rs-folder", g_strdup (folder), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- choosing folders ---- */

static void
on_folder_chosen (GtkNativeDialog *chooser, int response, RsAdminMaintenance *self)
{
  gboolean restore = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "rs-restore"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL && restore)
        rs_admin_maintenance_restore (self, path);
      else if (path != NULL)
        rs_admin_maintenance_backup (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder (RsAdminMaintenance *self, gboolean restore)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (restore ? _("Choose the Backup to Restore")
                                                 : _("Choose Where to Put the Backup"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         restore ? _("_Restore") : _("_Back Up Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "rs-restore", GINT_TO_POINTER (restore));
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
on_backup_clicked (RsAdminMaintenance *self)
{
  choose_folder (self, FALSE);
}

static void
on_restore_clicked (RsAdminMaintenance *self)
{
  choose_folder (self, TRUE);
}

/* ---- check ---- */

static void
check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RsDatabase) db = NULL;
  GError *error = NULL;
  GPtrArray *problems = NULL;

  db = rs_database_open (rs_database_get_path (rs_session_get_database (job->session)), &error);
  if (db != NULL)
    problems = rs_check_database (db, &error);
  if (problems == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, problems, (GDestroyNotify) g_ptr_array_unref);
}

static void
add_check_row (RsAdminMaintenance *self, const char *text, gboolean problem)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (problem ? "dialog-warning-symbolic" : "emblem-ok-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, problem ? "warning" : "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  problem ? _("Problem") : _("All well"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->check_group, row);
  g_ptr_array_add (self->check_rows, row);
}

static void
check_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsAdminMaintenance *self = RS_ADMIN_MAINTENANCE (source);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, NULL);
  for (guint i = 0; i < self->check_rows->len; i++)
    adw_preferences_group_remove (self->check_group, g_ptr_array_index (self->check_rows, i));
  g_ptr_array_set_size (self->check_rows, 0);
  if (problems == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  if (problems->len == 0)
    add_check_row (self, _("No problems found: the database file, the audit log, stock against the ledger "
                           "and every stored file are in order."), FALSE);
  for (guint i = 0; i < problems->len; i++)
    add_check_row (self, g_ptr_array_index (problems, i), TRUE);
}

void
rs_admin_maintenance_check (RsAdminMaintenance *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RS_IS_ADMIN_MAINTENANCE (self) && !self->busy);
  task = start_job (self, NULL, _("Checking…"), check_done, check_thread);
}

/* ---- building ---- */

static GtkWidget *
action_row (AdwPreferencesGroup *group, const char *title, const char *subtitle, const char *button_label,
            GCallback callback, gpointer self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (button_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
  return button;
}

static void
build (RsAdminMaintenance *self)
{
  AdwPreferencesGroup *group;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Backup"));
  adw_preferences_group_set_description (group,
    _("A backup holds the database and every attachment and printed document. Keep it on another disk."));
  self->backup_button = action_row (group, _("Back up now"),
                                    _("Into a new folder inside the folder you choose; others may keep working"),
                                    _("Back Up…"), G_CALLBACK (on_backup_clicked), self);
  gtk_widget_add_css_class (self->backup_button, "suggested-action");
  self->restore_button = action_row (group, _("Restore a backup"),
                                     _("Replaces all data by the backup's after checking it; everyone logs in again"),
                                     _("Restore…"), G_CALLBACK (on_restore_clicked), self);
  self->progress_row = adw_action_row_new ();
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->progress_bar), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->progress_row), GTK_WIDGET (self->progress_bar));
  gtk_widget_set_visible (self->progress_row, FALSE);
  adw_preferences_group_add (group, self->progress_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->check_group = group;
  adw_preferences_group_set_title (group, _("Database Check"));
  adw_preferences_group_set_description (group,
    _("Checks the database file, the audit log, stock on hand against the ledger and every stored file."));
  self->check_button = action_row (group, _("Check the database"), _("Takes a moment with many stored files"),
                                   _("Check Now"), G_CALLBACK (rs_admin_maintenance_check), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
}

static void
rs_admin_maintenance_constructed (GObject *object)
{
  RsAdminMaintenance *self = RS_ADMIN_MAINTENANCE (object);

  G_OBJECT_CLASS (rs_admin_maintenance_parent_class)->constructed (object);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Backup"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "drive-harddisk-symbolic");
  build (self);
}

static void
rs_admin_maintenance_dispose (GObject *object)
{
  RsAdminMaintenance *self = RS_ADMIN_MAINTENANCE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->check_rows, g_ptr_array_unref);
  g_clear_object (&self->session);
  /* Progress still queued for a page that is going (the updates keep it) touches no child. */
  self->progress_bar = NULL;
  G_OBJECT_CLASS (rs_admin_maintenance_parent_class)->dispose (object);
}

static void
rs_admin_maintenance_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsAdminMaintenance *self = RS_ADMIN_MAINTENANCE (object);

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
rs_admin_maintenance_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsAdminMaintenance *self = RS_ADMIN_MAINTENANCE (object);

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
rs_admin_maintenance_class_init (RsAdminMaintenanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rs_admin_maintenance_constructed;
  object_class->dispose = rs_admin_maintenance_dispose;
  object_class->get_property = rs_admin_maintenance_get_property;
  object_class->set_property = rs_admin_maintenance_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RS_TYPE_SESSION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_admin_maintenance_init (RsAdminMaintenance *self)
{
  self->cancellable = g_cancellable_new ();
  self->check_rows = g_ptr_array_new ();
}

GtkWidget *
rs_admin_maintenance_new (RsSession *session)
{
  return g_object_new (RS_TYPE_ADMIN_MAINTENANCE, "session", session, NULL);
}
