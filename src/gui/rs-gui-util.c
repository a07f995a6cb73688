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
