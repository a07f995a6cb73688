/* rs-preferences-window.h — Preferences (every user): the colour scheme; the language follows the system. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* settings may be NULL (no schema installed): the window then changes this run only. */
GtkWidget *rs_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);
/* Applies the "color-scheme" key to AdwStyleManager now and whenever it changes. */
void       rs_preferences_follow_color_scheme (GSettings *settings);

G_END_DECLS
