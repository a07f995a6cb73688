/* rs-warehouse.c */
#include "rs-master-private.h"

struct _RsWarehouse
{
  GObject  parent_instance;
  gint64   id;
  char    *code;
  char    *name;
  char    *address;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (RsWarehouse, rs_warehouse, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_CODE, PROP_NAME, PROP_ADDRESS, PROP_ACTIVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
rs_warehouse_finalize (GObject *object)
{
  RsWarehouse *self = RS_WAREHOUSE (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->address);
  G_OBJECT_CLASS (rs_warehouse_parent_class)->finalize (object);
}

static void
rs_warehouse_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsWarehouse *self = RS_WAREHOUSE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ADDRESS: g_value_set_string (value, self->address); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_warehouse_class_init (RsWarehouseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_warehouse_finalize;
  object_class->get_property = rs_warehouse_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_warehouse_init (RsWarehouse *self)
{
}

RsWarehouse *
rs_warehouse_new (gint64 id, const char *code, const char *name, const char *address, gboolean active)
{
  RsWarehouse *self = g_object_new (RS_TYPE_WAREHOUSE, NULL);

  self->id = id;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->address = g_strdup (address != NULL ? address : "");
  self->active = active;
  return self;
}

gint64 rs_warehouse_get_id (RsWarehouse *self) { return self->id; }
const char *rs_warehouse_get_code (RsWarehouse *self) { return self->code; }
const char *rs_warehouse_get_name (RsWarehouse *self) { return self->name; }
const char *rs_warehouse_get_address (RsWarehouse *self) { return self->address; }
gboolean rs_warehouse_get_active (RsWarehouse *self) { return self->active; }

JsonNode *
rs_warehouse_to_json (RsWarehouse *self)
{
  g_autoptr(JsonBuilder) builder = rs_json_object_begin (self->id);

  rs_json_add_string (builder, "code", self->code);
  rs_json_add_string (builder, "name", self->name);
  rs_json_add_string (builder, "address", self->address);
  rs_json_add_bool (builder, "active", self->active);
  return rs_json_object_end (builder);
}
