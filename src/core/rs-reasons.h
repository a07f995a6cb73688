/* rs-reasons.h — the return reason codes; the six of DESIGN §2 come seeded.
 * Changing them needs RS_ACTION_MASTER_EDIT. */
#pragma once

#include <gio/gio.h>
#include "rs-reason.h"
#include "rs-session.h"

G_BEGIN_DECLS

RsReason   *rs_reasons_add        (RsSession  *session,
                                   const char *code,
                                   const char *name,
                                   GError    **error);
RsReason   *rs_reasons_lookup     (RsDatabase *database,
                                   const char *code,
                                   GError    **error);
/* A GListModel of RsReason in their order; inactive ones only when asked. */
GListModel *rs_reasons_list       (RsSession  *session,
                                   gboolean    include_inactive,
                                   GError    **error);
gboolean    rs_reasons_rename     (RsSession  *session,
                                   const char *code,
                                   const char *name,
                                   GError    **error);
gboolean    rs_reasons_set_active (RsSession  *session,
                                   const char *code,
                                   gboolean    active,
                                   GError    **error);

G_END_DECLS
