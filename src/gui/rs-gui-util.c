/* rs-gui-util.c */
#include "rs-gui-util.h"

void
rs_gui_notify (GtkWidget *widget, const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  if (!gtk_widget_activate_action (widget, "main.notify", "s", message))
    g_warning ("No main page to show “%s”", message);
}

void
rs_gui_notify_error (GtkWidget *widget, const GError *error)
{
  g_return_if_fail (error != NULL);
  rs_gui_notify (widget, error->message);
}

void
rs_gui_open (GtkWidget *widget, const char *section, const char *reference)
{
  g_autofree char *target = g_strconcat (section, ":", reference != NULL ? reference : "", NULL);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  gtk_widget_activate_action (widget, "main.open", "s", target);
}

static void
update_hidden_pages (GtkStack *stack)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (stack);
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = gtk_stack_page_get_child (GTK_STACK_PAGE (page));

      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != visible, -1);
    }
}

void
rs_gui_stack_hide_other_pages (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));
  update_hidden_pages (stack);
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (update_hidden_pages), NULL);
}

typedef struct
{
  GtkWidget *widget;
  GAsyncReadyCallback callback;
  gpointer callback_data;
} WidgetTaskDone;

static void
widget_task_done (GObject *source, GAsyncResult *result, gpointer data)
{
  WidgetTaskDone *done = data;

  done->callback (G_OBJECT (done->widget), result, done->callback_data);
  /* Here, on the main thread, the widget may go: it may be its last reference. */
  g_object_unref (done->widget);
  g_free (done);
}

GTask *
rs_gui_widget_task_new (GtkWidget *widget, GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer callback_data)
{
  WidgetTaskDone *done;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (callback != NULL, NULL);
  done = g_new (WidgetTaskDone, 1);
  done->widget = g_object_ref (widget);
  done->callback = callback;
  done->callback_data = callback_data;
  return g_task_new (NULL, cancellable, widget_task_done, done);
}
