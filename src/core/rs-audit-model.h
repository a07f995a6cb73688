/* rs-audit-model.h — the audit log as a GListModel, newest first, read from
 * SQL a page at a time: a million rows cost what the rows looked at cost. */
#pragma once

#include <gio/gio.h>
#include "rs-database.h"

G_BEGIN_DECLS

#define RS_TYPE_AUDIT_MODEL (rs_audit_model_get_type ())
G_DECLARE_FINAL_TYPE (RsAuditModel, rs_audit_model, RS, AUDIT_MODEL, GObject)

/* The rows there are now (rows appended later do not shift it), at most
 * `limit` of them (0: all). Items are RsAuditEntry. */
RsAuditModel *rs_audit_model_new (RsDatabase *database,
                                  guint       limit,
                                  GError    **error);

G_END_DECLS
