/* rs-partner.h — a customer or a supplier: the same fields, two lists. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  RS_PARTNER_CUSTOMER,
  RS_PARTNER_SUPPLIER,
} RsPartnerKind;

/* What a partner is made from; strings borrowed, NULL for "". code NULL or "":
 * the next free one (C0001…, S0001…). */
typedef struct
{
  const char *code;
  const char *name;
  const char *contact;
  const char *phone;
  const char *email;
  const char *address;
  const char *remark;
} RsPartnerFields;

#define RS_TYPE_PARTNER (rs_partner_get_type ())
G_DECLARE_FINAL_TYPE (RsPartner, rs_partner, RS, PARTNER, GObject)

RsPartnerKind rs_partner_get_kind    (RsPartner *self);
gint64        rs_partner_get_id      (RsPartner *self);
const char   *rs_partner_get_code    (RsPartner *self);
const char   *rs_partner_get_name    (RsPartner *self);
const char   *rs_partner_get_contact (RsPartner *self);
const char   *rs_partner_get_phone   (RsPartner *self);
const char   *rs_partner_get_email   (RsPartner *self);
const char   *rs_partner_get_address (RsPartner *self);
const char   *rs_partner_get_remark  (RsPartner *self);
gboolean      rs_partner_get_active  (RsPartner *self);
JsonNode     *rs_partner_to_json     (RsPartner *self);

G_END_DECLS
