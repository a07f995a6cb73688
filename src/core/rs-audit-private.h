/* rs-audit-private.h — for core code that changes data without a session:
 * first-run setup, and failed logins (who tried is not known to be anyone). */
#pragma once

#include "rs-audit.h"

G_BEGIN_DECLS

/* user_id 0: no user (stored as NULL); user_name is what was typed. */
gboolean rs_audit_record_as (RsDatabase *database,
                             gint64      user_id,
                             const char *user_name,
                             const char *action,
                             const char *object_type,
                             const char *object_key,
                             JsonNode   *before,
                             JsonNode   *after,
                             GError    **error);

G_END_DECLS
