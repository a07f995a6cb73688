/* rs-gui-util.h — what every page of the main window shares: messages, navigation, stacks, threads. */
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
/* A GTask for work in a thread on behalf of widget, used like g_task_new (widget, …): callback
 * gets the widget as its source. The task itself has no source object (the thread function
 * gets NULL) and does not own the widget: a task may be freed last in its worker thread, and
 * a widget finalized there crashes GTK. The widget is released after callback, on the main thread. */
GTask *rs_gui_widget_task_new (GtkWidget          *widget,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            callback_data);

G_END_DECLS
