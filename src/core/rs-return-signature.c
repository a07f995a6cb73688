/* rs-return-signature.c */
#include "rs-return-private.h"
#include "rs-master-private.h"

G_DEFINE_FINAL_TYPE (RsReturnSignature, rs_return_signature, G_TYPE_OBJECT)

const char *
rs_signature_decision_get_key (RsSignatureDecision decision)
{
  return decision == RS_SIGNATURE_REJECT ? "reject" : "approve";
}

static void
rs_return_signature_finalize (GObject *object)
{
  RsReturnSignature *self = RS_RETURN_SIGNATURE (object);

  g_free (self->user);
  g_free (self->comment);
  G_OBJECT_CLASS (rs_return_signature_parent_class)->finalize (object);
}

static void
rs_return_signature_class_init (RsReturnSignatureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_return_signature_finalize;
}

static void
rs_return_signature_init (RsReturnSignature *self)
{
}

guint rs_return_signature_get_round (RsReturnSignature *self) { return self->round; }
guint rs_return_signature_get_level (RsReturnSignature *self) { return self->level; }
guint rs_return_signature_get_role (RsReturnSignature *self) { return self->role; }
const char *rs_return_signature_get_user (RsReturnSignature *self) { return self->user; }
RsSignatureDecision rs_return_signature_get_decision (RsReturnSignature *self) { return self->decision; }
const char *rs_return_signature_get_comment (RsReturnSignature *self) { return self->comment; }
gint64 rs_return_signature_get_signed_at (RsReturnSignature *self) { return self->signed_at; }

JsonNode *
rs_return_signature_to_json (RsReturnSignature *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *when = rs_return_format_time (self->signed_at);

  json_builder_begin_object (builder);
  rs_json_add_int (builder, "round", self->round);
  rs_json_add_int (builder, "level", self->level);
  rs_json_add_string (builder, "role", rs_role_get_key (self->role));
  rs_json_add_string (builder, "user", self->user);
  rs_json_add_string (builder, "decision", rs_signature_decision_get_key (self->decision));
  rs_json_add_string (builder, "comment", self->comment);
  rs_json_add_string (builder, "signed_at", when);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
