/* rs-partner.c */
#include "rs-master-private.h"

struct _RsPartner
{
  GObject       parent_instance;
  RsPartnerKind kind;
  gint64        id;
  char         *code;
  char         *name;
  char         *contact;
  char         *phone;
  char         *email;
  char         *address;
  char         *remark;
  gboolean      active;
};

G_DEFINE_FINAL_TYPE (RsPartner, rs_partner, G_TYPE_OBJECT)

enum {
  PROP_0, PROP_KIND, PROP_ID, PROP_CODE, PROP_NAME, PROP_CONTACT, PROP_PHONE, PROP_EMAIL,
  PROP_ADDRESS, PROP_REMARK, PROP_ACTIVE, N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
rs_partner_finalize (GObject *object)
{
  RsPartner *self = RS_PARTNER (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->contact);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->remark);
  G_OBJECT_CLASS (rs_partner_parent_class)->finalize (object);
}

static void
rs_partner_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsPartner *self = RS_PARTNER (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_CONTACT: g_value_set_string (value, self->contact); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    case PROP_ADDRESS: g_value_set_string (value, self->address); break;
    case PROP_REMARK: g_value_set_string (value, self->remark); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_partner_class_init (RsPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_partner_finalize;
  object_class->get_property = rs_partner_get_property;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, RS_PARTNER_CUSTOMER, RS_PARTNER_SUPPLIER,
                                            RS_PARTNER_CUSTOMER, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_REMARK] = g_param_spec_string ("remark", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_partner_init (RsPartner *self)
{
}

RsPartner *
rs_partner_new (RsPartnerKind kind, gint64 id, const RsPartnerFields *f, gboolean active)
{
  RsPartner *self = g_object_new (RS_TYPE_PARTNER, NULL);

  self->kind = kind;
  self->id = id;
  self->code = g_strdup (f->code != NULL ? f->code : "");
  self->name = g_strdup (f->name != NULL ? f->name : "");
  self->contact = g_strdup (f->contact != NULL ? f->contact : "");
  self->phone = g_strdup (f->phone != NULL ? f->phone : "");
  self->email = g_strdup (f->email != NULL ? f->email : "");
  self->address = g_strdup (f->address != NULL ? f->address : "");
  self->remark = g_strdup (f->remark != NULL ? f->remark : "");
  self->active = active;
  return self;
}

RsPartnerKind rs_partner_get_kind (RsPartner *self) { return self->kind; }
gint64 rs_partner_get_id (RsPartner *self) { return self->id; }
const char *rs_partner_get_code (RsPartner *self) { return self->code; }
const char *rs_partner_get_name (RsPartner *self) { return self->name; }
const char *rs_partner_get_contact (RsPartner *self) { return self->contact; }
const char *rs_partner_get_phone (RsPartner *self) { return self->phone; }
const char *rs_partner_get_email (RsPartner *self) { return self->email; }
const char *rs_partner_get_address (RsPartner *self) { return self->address; }
const char *rs_partner_get_remark (RsPartner *self) { return self->remark; }
gboolean rs_partner_get_active (RsPartner *self) { return self->active; }

JsonNode *
rs_partner_to_json (RsPartner *self)
{
  JsonObject *object;
  JsonNode *node = rs_json_object_node (self->id, &object);

  rs_json_set_string (object, "code", self->code);
  rs_json_set_string (object, "name", self->name);
  rs_json_set_string (object, "contact", self->contact);
  rs_json_set_string (object, "phone", self->phone);
  rs_json_set_string (object, "email", self->email);
  rs_json_set_string (object, "address", self->address);
  rs_json_set_string (object, "remark", self->remark);
  json_object_set_boolean_member (object, "active", self->active);
  return node;
}
