/* rs-form.h — what the setup and login forms share: busy state, the message under the form, the shake. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* While a form's work runs in a thread: the fields and the button go insensitive,
 * the spinner in the button turns. Nothing typed is cleared. */
void rs_form_set_busy    (GtkWidget  *form,
                          GtkWidget  *button,
                          GtkSpinner *spinner,
                          gboolean    busy);
/* Shows message under the form (NULL hides it). */
void rs_form_set_message (GtkLabel   *label,
                          const char *message);
/* Shakes widget once (style.css's .shake), as a refused login does. */
void rs_form_shake       (GtkWidget  *widget);
/* Marks a field as wrong (red) or right. */
void rs_form_mark_field  (GtkWidget  *field,
                          gboolean    wrong);
/* libadwaita 1.2 leaves the show-text toggle of an AdwPasswordEntryRow without an
 * accessible name (screen readers say "GtkImage"): give it one. */
void rs_form_name_password_toggle (GtkWidget *row);

G_END_DECLS
