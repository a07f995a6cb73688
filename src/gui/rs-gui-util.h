/* rs-gui-util.h — what every page of the main window shares: messages, navigation, stacks. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows message in the main window's notice bar (a toast-like bar whose close button has a
 * name: libadwaita 1.2's toast leaves it unnamed). Any widget inside the main page will do. */
void rs_gui_notify       (GtkWidget    *widget,
                          const char   *message);
/* The same for an error from core: its message is already translated and says what to do. */
void rs_gui_notify_error (GtkWidget    *widget,
                          const GError *error);
/* Opens section (its sidebar id) and, when reference is not NULL, that document in it:
 * rs_gui_open (w, "returns", "RMA-2026-000012"). Errors appear in the notice bar. */
void rs_gui_open         (GtkWidget    *widget,
                          const char   *section,
                          const char   *reference);
/* GTK 4.8 leaves the pages a stack does not show on the accessibility bus, where a screen
 * reader (and the end-to-end tests) would find the fields of a page nobody can see: this
 * keeps them hidden, now and whenever the visible page changes. */
void rs_gui_stack_hide_other_pages (GtkStack *stack);

G_END_DECLS
