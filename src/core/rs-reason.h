/* rs-reason.h — a return reason code (DESIGN §2): quality, damaged, … */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RS_TYPE_REASON (rs_reason_get_type ())
G_DECLARE_FINAL_TYPE (RsReason, rs_reason, RS, REASON, GObject)

gint64      rs_reason_get_id     (RsReason *self);
const char *rs_reason_get_code   (RsReason *self);
/* The name to show: a seeded reason's own name, translated, until it is renamed. */
const char *rs_reason_get_name   (RsReason *self);
gboolean    rs_reason_get_active (RsReason *self);

G_END_DECLS
