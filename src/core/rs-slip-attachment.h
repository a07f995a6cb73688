/* rs-slip-attachment.h — a file attached to a slip; its bytes live in the RsAttachmentStore. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RS_TYPE_SLIP_ATTACHMENT (rs_slip_attachment_get_type ())
G_DECLARE_FINAL_TYPE (RsSlipAttachment, rs_slip_attachment, RS, SLIP_ATTACHMENT, GObject)

const char *rs_slip_attachment_get_file_name    (RsSlipAttachment *self);
const char *rs_slip_attachment_get_sha256       (RsSlipAttachment *self);
const char *rs_slip_attachment_get_content_type (RsSlipAttachment *self);
gint64      rs_slip_attachment_get_size         (RsSlipAttachment *self);
const char *rs_slip_attachment_get_added_by     (RsSlipAttachment *self);
gint64      rs_slip_attachment_get_added_at     (RsSlipAttachment *self);
JsonNode   *rs_slip_attachment_to_json          (RsSlipAttachment *self);

G_END_DECLS
