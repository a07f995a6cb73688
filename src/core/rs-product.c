/* rs-product.c */
#include "rs-master-private.h"

struct _RsProduct
{
  GObject  parent_instance;
  gint64   id;
  char    *sku;
  char    *name;
  char    *spec;
  char    *unit;
  int      decimals;
  char    *barcode;
  gint64   category_id;
  char    *category;
  gint64   avg_cost;
  gint64   list_price;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (RsProduct, rs_product, G_TYPE_OBJECT)

enum {
  PROP_0, PROP_ID, PROP_SKU, PROP_NAME, PROP_SPEC, PROP_UNIT, PROP_DECIMALS, PROP_BARCODE,
  PROP_CATEGORY_ID, PROP_CATEGORY, PROP_AVG_COST, PROP_LIST_PRICE, PROP_ACTIVE, N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
rs_product_finalize (GObject *object)
{
  RsProduct *self = RS_PRODUCT (object);

  g_free (self->sku);
  g_free (self->name);
  g_free (self->spec);
  g_free (self->unit);
  g_free (self->barcode);
  g_free (self->category);
  G_OBJECT_CLASS (rs_product_parent_class)->finalize (object);
}

static void
rs_product_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsProduct *self = RS_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_SKU: g_value_set_string (value, self->sku); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SPEC: g_value_set_string (value, self->spec); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_DECIMALS: g_value_set_int (value, self->decimals); break;
    case PROP_BARCODE: g_value_set_string (value, self->barcode); break;
    case PROP_CATEGORY_ID: g_value_set_int64 (value, self->category_id); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_AVG_COST: g_value_set_int64 (value, self->avg_cost); break;
    case PROP_LIST_PRICE: g_value_set_int64 (value, self->list_price); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_product_class_init (RsProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_product_finalize;
  object_class->get_property = rs_product_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SKU] = g_param_spec_string ("sku", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SPEC] = g_param_spec_string ("spec", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_DECIMALS] = g_param_spec_int ("decimals", NULL, NULL, 0, 3, 0, flags);
  properties[PROP_BARCODE] = g_param_spec_string ("barcode", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_ID] = g_param_spec_int64 ("category-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_AVG_COST] = g_param_spec_int64 ("avg-cost", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LIST_PRICE] = g_param_spec_int64 ("list-price", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_product_init (RsProduct *self)
{
}

RsProduct *
rs_product_new (gint64 id, const char *sku, const char *name, const char *spec, const char *unit,
                int decimals, const char *barcode, gint64 category_id, const char *category,
                gint64 avg_cost, gint64 list_price, gboolean active)
{
  RsProduct *self = g_object_new (RS_TYPE_PRODUCT, NULL);

  self->id = id;
  self->sku = g_strdup (sku);
  self->name = g_strdup (name);
  self->spec = g_strdup (spec != NULL ? spec : "");
  self->unit = g_strdup (unit);
  self->decimals = decimals;
  self->barcode = barcode != NULL && *barcode != '\0' ? g_strdup (barcode) : NULL;
  self->category_id = category_id;
  self->category = g_strdup (category != NULL ? category : "");
  self->avg_cost = avg_cost;
  self->list_price = list_price;
  self->active = active;
  return self;
}

gint64 rs_product_get_id (RsProduct *self) { return self->id; }
const char *rs_product_get_sku (RsProduct *self) { return self->sku; }
const char *rs_product_get_name (RsProduct *self) { return self->name; }
const char *rs_product_get_spec (RsProduct *self) { return self->spec; }
const char *rs_product_get_unit (RsProduct *self) { return self->unit; }
int rs_product_get_decimals (RsProduct *self) { return self->decimals; }
const char *rs_product_get_barcode (RsProduct *self) { return self->barcode; }
gint64 rs_product_get_category_id (RsProduct *self) { return self->category_id; }
const char *rs_product_get_category (RsProduct *self) { return self->category; }
gint64 rs_product_get_avg_cost (RsProduct *self) { return self->avg_cost; }
gint64 rs_product_get_list_price (RsProduct *self) { return self->list_price; }
gboolean rs_product_get_active (RsProduct *self) { return self->active; }

JsonNode *
rs_product_to_json (RsProduct *self)
{
  JsonObject *object;
  JsonNode *node = rs_json_object_node (self->id, &object);

  rs_json_set_string (object, "sku", self->sku);
  rs_json_set_string (object, "name", self->name);
  rs_json_set_string (object, "spec", self->spec);
  rs_json_set_string (object, "unit", self->unit);
  json_object_set_int_member (object, "decimals", self->decimals);
  rs_json_set_string (object, "barcode", self->barcode);
  rs_json_set_string (object, "category", self->category);
  rs_json_set_money (object, "avg_cost", self->avg_cost);
  rs_json_set_money (object, "list_price", self->list_price);
  json_object_set_boolean_member (object, "active", self->active);
  return node;
}
