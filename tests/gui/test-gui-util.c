/* rs_gui_widget_task_new: a widget that closes itself when its thread is done (as the Add
 * User window does) is finalized on the main thread even when a worker thread holds the
 * task's last reference — with the widget as the task's source object it was finalized in
 * that thread, which crashes GTK. */
#include "rs-gui-test.h"
#include "rs-gui-util.h"

typedef struct {
  GThread *finalized_in;
  gboolean finalized;
  gboolean done;
} Record;

static void
on_finalized (gpointer data, GObject *where_the_object_was)
{
  Record *record = data;

  record->finalized = TRUE;
  record->finalized_in = g_thread_self ();
}

static void
work_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_assert_null (source);   /* nothing of the widget reaches the worker */
  g_task_return_int (task, 42);
}

static void
work_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Record *record = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (GTK_IS_WINDOW (source));
  g_assert_cmpint (g_task_propagate_int (G_TASK (result), &error), ==, 42);
  g_assert_no_error (error);
  record->done = TRUE;
  gtk_window_destroy (GTK_WINDOW (source));
}

static gpointer
unref_thread (gpointer task)
{
  g_object_unref (task);
  return NULL;
}

static void
test_widget_finalized_on_main_thread (void)
{
  GtkWidget *window = gtk_window_new ();   /* owned by GTK's list of toplevels only */
  Record record = { 0 };
  GTask *task;

  g_object_weak_ref (G_OBJECT (window), on_finalized, &record);
  gtk_window_present (GTK_WINDOW (window));
  task = rs_gui_widget_task_new (window, NULL, work_done, &record);
  g_task_run_in_thread (task, work_thread);
  while (!record.done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* The test's reference is now the task's last: dropped in another thread. */
  g_thread_join (g_thread_new ("last-unref", unref_thread, task));
  g_assert_true (record.finalized);
  g_assert_true (record.finalized_in == g_thread_self ());
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);
  g_test_add_func ("/gui-util/widget-task/finalized-on-main-thread", test_widget_finalized_on_main_thread);
  return g_test_run ();
}
