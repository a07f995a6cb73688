/* rs-window.h — the main window: setup or login first, then the work. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_WINDOW (rs_window_get_type ())
G_DECLARE_FINAL_TYPE (RsWindow, rs_window, RS, WINDOW, AdwApplicationWindow)

/* settings may be NULL (the schema is not installed): the window then keeps nothing. */
RsWindow   *rs_window_new               (GtkApplication *application,
                                         GSettings      *settings,
                                         const char     *database_path);
/* Shows the setup page for a file that does not exist or has no users, the login page
 * for a set-up database, and an explanation for a file that is no Restock database. */
void        rs_window_open_database     (RsWindow   *self,
                                         const char *path);
const char *rs_window_get_database_path (RsWindow   *self);
RsSession  *rs_window_get_session       (RsWindow   *self);
void        rs_window_log_out           (RsWindow   *self);

G_END_DECLS
