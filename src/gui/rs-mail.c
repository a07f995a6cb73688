/* rs-mail.c */
#include "rs-mail.h"
#include "rs-gui-util.h"
#include "rs-i18n.h"

static void
on_uri_shown (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GtkWidget) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) && gtk_widget_get_root (parent) != NULL)
    {
      /* TRANSLATORS: %s says why, from the system */
      g_autofree char *message = g_strdup_printf (_("No mail program opened the e-mail: %s"), error->message);
      rs_gui_notify (parent, message);
    }
}

gboolean
rs_mail_compose (GtkWidget *parent, RsSession *session, const char *rma_number)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mailto = NULL;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), FALSE);
  g_return_val_if_fail (RS_IS_SESSION (session), FALSE);

  mailto = rs_returns_confirmation_mailto (session, rma_number, &error);
  if (mailto == NULL)
    {
      rs_gui_notify_error (parent, error);
      return FALSE;
    }
  root = gtk_widget_get_root (parent);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, mailto, GDK_CURRENT_TIME, NULL,
                     on_uri_shown, g_object_ref (parent));
  return TRUE;
}
