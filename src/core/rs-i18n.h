/* rs-i18n.h — gettext for Restock; the programs call rs_i18n_init() first thing. */
#pragma once

#include "config.h"
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

void     rs_i18n_init           (void);
/* TRUE when the running program is the one in the build tree, not an installed one. */
gboolean rs_running_uninstalled (void);

G_END_DECLS
