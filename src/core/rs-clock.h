/* rs-clock.h — the one source of "now", so tests can move time. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Unix time in microseconds. */
gint64  rs_clock_now         (void);
void    rs_clock_set_fixed   (gint64 now_us);
void    rs_clock_advance     (gint64 delta_us);
void    rs_clock_use_system  (void);
gboolean rs_clock_init_from_env (GError **error);

G_END_DECLS
