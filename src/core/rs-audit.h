/* rs-audit.h — the append-only, hash-chained audit log (DESIGN §1).
 *
 * Every change made through core calls rs_audit_record() inside the same
 * transaction as the change, so a change and its audit row land together or not
 * at all. Each row carries SHA-256(previous row's hash ‖ this row's content);
 * rs_audit_verify() recomputes the chain and names the first row that does not match.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rs-session.h"

G_BEGIN_DECLS

/* action: a stable key such as "product.add", "slip.post", "return.approve".
 * object_type / object_key: "product" / the SKU, "slip" / the number, …
 * before / after: JSON of the object (NULL for none); not taken. */
gboolean rs_audit_record (RsSession  *session,
                          const char *action,
                          const char *object_type,
                          const char *object_key,
                          JsonNode   *before,
                          JsonNode   *after,
                          GError    **error);

/* Recomputes the chain. TRUE when intact; otherwise FALSE with *bad_id the first
 * row that does not match (0 when the failure is not about a row, e.g. I/O). */
gboolean rs_audit_verify (RsDatabase *database,
                          gint64     *bad_id,
                          GError    **error);

/* The newest `limit` rows (0: all), newest first, as RsAuditEntry, read a page
 * at a time (RsPagedModel). Reading the log needs RS_ACTION_AUDIT_VIEW. */
GListModel *rs_audit_list (RsSession  *session,
                           guint       limit,
                           GError    **error);

G_END_DECLS
