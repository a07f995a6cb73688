/* rs-slip-attachment.c */
#include "rs-slip-private.h"

G_DEFINE_FINAL_TYPE (RsSlipAttachment, rs_slip_attachment, G_TYPE_OBJECT)

static void
rs_slip_attachment_finalize (GObject *object)
{
  RsSlipAttachment *self = RS_SLIP_ATTACHMENT (object);

  g_free (self->file_name);
  g_free (self->sha256);
  g_free (self->content_type);
  g_free (self->added_by);
  G_OBJECT_CLASS (rs_slip_attachment_parent_class)->finalize (object);
}

static void
rs_slip_attachment_class_init (RsSlipAttachmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_slip_attachment_finalize;
}

static void
rs_slip_attachment_init (RsSlipAttachment *self)
{
}

const char *rs_slip_attachment_get_file_name (RsSlipAttachment *self) { return self->file_name; }
const char *rs_slip_attachment_get_sha256 (RsSlipAttachment *self) { return self->sha256; }
const char *rs_slip_attachment_get_content_type (RsSlipAttachment *self) { return self->content_type; }
gint64 rs_slip_attachment_get_size (RsSlipAttachment *self) { return self->size; }
const char *rs_slip_attachment_get_added_by (RsSlipAttachment *self) { return self->added_by; }
gint64 rs_slip_attachment_get_added_at (RsSlipAttachment *self) { return self->added_at; }

JsonNode *
rs_slip_attachment_to_json (RsSlipAttachment *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *added_at = rs_slip_format_time (self->added_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, self->file_name);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, self->sha256);
  json_builder_set_member_name (builder, "content_type");
  json_builder_add_string_value (builder, self->content_type);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, self->size);
  json_builder_set_member_name (builder, "added_by");
  json_builder_add_string_value (builder, self->added_by);
  json_builder_set_member_name (builder, "added_at");
  json_builder_add_string_value (builder, added_at);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
