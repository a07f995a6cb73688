/* rs-form.c */
#include "rs-form.h"
#include "rs-i18n.h"

#define SHAKE_MS 500

void
rs_form_set_busy (GtkWidget *form, GtkWidget *button, GtkSpinner *spinner, gboolean busy)
{
  GtkRoot *root = gtk_widget_get_root (form);

  /* A focused field turned insensitive never hears that it lost the focus (GTK 4.8 then
   * warns "GtkText - did not receive a focus-out event"): take the focus away first. */
  if (busy && root != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (root);
      if (focus != NULL && (gtk_widget_is_ancestor (focus, form) || focus == button))
        gtk_root_set_focus (root, NULL);
    }
  gtk_widget_set_sensitive (form, !busy);
  gtk_widget_set_visible (GTK_WIDGET (spinner), busy);
  gtk_spinner_set_spinning (spinner, busy);
  /* The button stays insensitive while busy; its owner decides afterwards. */
  if (busy)
    gtk_widget_set_sensitive (button, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (form), GTK_ACCESSIBLE_STATE_BUSY, busy, -1);
}

void
rs_form_set_message (GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

static gboolean
unshake (gpointer data)
{
  gtk_widget_remove_css_class (GTK_WIDGET (data), "shake");
  return G_SOURCE_REMOVE;
}

void
rs_form_shake (GtkWidget *widget)
{
  /* The class comes off after the animation, so the next refusal shakes again. */
  gtk_widget_add_css_class (widget, "shake");
  g_timeout_add_full (G_PRIORITY_DEFAULT, SHAKE_MS, unshake, g_object_ref (widget), g_object_unref);
}

void
rs_form_mark_field (GtkWidget *field, gboolean wrong)
{
  if (wrong)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               wrong ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* The show-text button is the one visible button among the row's parts (the apply button is hidden). */
static GtkWidget *
find_visible_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      found = GTK_IS_BUTTON (child) ? child : find_visible_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
rs_form_name_password_toggle (GtkWidget *row)
{
  GtkWidget *toggle = find_visible_button (row);

  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Show password"), -1);
}
