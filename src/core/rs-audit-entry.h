/* rs-audit-entry.h — one row of the audit log, as read back. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RS_TYPE_AUDIT_ENTRY (rs_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (RsAuditEntry, rs_audit_entry, RS, AUDIT_ENTRY, GObject)

RsAuditEntry *rs_audit_entry_new             (gint64      id,
                                              gint64      time,
                                              const char *user_name,
                                              const char *action,
                                              const char *object_type,
                                              const char *object_key,
                                              const char *before,
                                              const char *after,
                                              const char *hash);
gint64        rs_audit_entry_get_id          (RsAuditEntry *self);
gint64        rs_audit_entry_get_time        (RsAuditEntry *self);   /* unix µs */
const char   *rs_audit_entry_get_user_name   (RsAuditEntry *self);
const char   *rs_audit_entry_get_action      (RsAuditEntry *self);
const char   *rs_audit_entry_get_object_type (RsAuditEntry *self);
const char   *rs_audit_entry_get_object_key  (RsAuditEntry *self);
/* The JSON text, or NULL for none. */
const char   *rs_audit_entry_get_before      (RsAuditEntry *self);
const char   *rs_audit_entry_get_after       (RsAuditEntry *self);
const char   *rs_audit_entry_get_hash        (RsAuditEntry *self);

G_END_DECLS
