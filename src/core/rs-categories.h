/* rs-categories.h — product categories. Changing them needs RS_ACTION_MASTER_EDIT. */
#pragma once

#include <gio/gio.h>
#include "rs-category.h"
#include "rs-session.h"

G_BEGIN_DECLS

RsCategory *rs_categories_add        (RsSession  *session,
                                      const char *name,
                                      GError    **error);
RsCategory *rs_categories_lookup     (RsDatabase *database,
                                      const char *name,
                                      GError    **error);
/* A GListModel of RsCategory by name. */
GListModel *rs_categories_list       (RsSession  *session,
                                      GError    **error);
gboolean    rs_categories_set_active (RsSession  *session,
                                      const char *name,
                                      gboolean    active,
                                      GError    **error);

G_END_DECLS
