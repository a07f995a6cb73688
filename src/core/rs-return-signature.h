/* rs-return-signature.h — one signature on a return: a level approved or rejected by a person. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  RS_SIGNATURE_APPROVE,
  RS_SIGNATURE_REJECT,
} RsSignatureDecision;

/* "approve", "reject" */
const char *rs_signature_decision_get_key (RsSignatureDecision decision);

#define RS_TYPE_RETURN_SIGNATURE (rs_return_signature_get_type ())
G_DECLARE_FINAL_TYPE (RsReturnSignature, rs_return_signature, RS, RETURN_SIGNATURE, GObject)

guint               rs_return_signature_get_round     (RsReturnSignature *self);
guint               rs_return_signature_get_level     (RsReturnSignature *self);
/* The role the level named (an RsRoles flag). */
guint               rs_return_signature_get_role      (RsReturnSignature *self);
const char         *rs_return_signature_get_user      (RsReturnSignature *self);
RsSignatureDecision rs_return_signature_get_decision  (RsReturnSignature *self);
const char         *rs_return_signature_get_comment   (RsReturnSignature *self);
gint64              rs_return_signature_get_signed_at (RsReturnSignature *self);
JsonNode           *rs_return_signature_to_json       (RsReturnSignature *self);

G_END_DECLS
