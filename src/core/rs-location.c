/* rs-location.c */
#include "rs-master-private.h"
#include "rs-error.h"
#include "rs-i18n.h"

static const struct {
  RsLocationKind kind;
  const char    *key;
  const char    *name;
} kinds[] = {
  { RS_LOCATION_STORAGE,    "storage",    N_("Storage") },
  { RS_LOCATION_QUARANTINE, "quarantine", N_("Quarantine") },
  { RS_LOCATION_REPAIR,     "repair",     N_("Repair") },
  { RS_LOCATION_SCRAP,      "scrap",      N_("Scrap") },
};

const char *
rs_location_kind_get_key (RsLocationKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].key;
}

const char *
rs_location_kind_get_display_name (RsLocationKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return _(kinds[kind].name);
}

gboolean
rs_location_kind_parse (const char *key, RsLocationKind *kind, GError **error)
{
  g_autofree char *shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (key != NULL && g_ascii_strcasecmp (kinds[i].key, key) == 0)
      return *kind = kinds[i].kind, TRUE;
  shown = g_utf8_make_valid (key != NULL ? key : "", -1);
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("“%s” is not a kind of location; use storage, quarantine, repair or scrap."), shown);
  return FALSE;
}

struct _RsLocation
{
  GObject        parent_instance;
  gint64         id;
  gint64         warehouse_id;
  char          *warehouse_code;
  char          *code;
  char          *name;
  RsLocationKind kind;
  gboolean       active;
};

G_DEFINE_FINAL_TYPE (RsLocation, rs_location, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_WAREHOUSE_ID, PROP_WAREHOUSE_CODE, PROP_CODE, PROP_NAME, PROP_KIND, PROP_ACTIVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
rs_location_finalize (GObject *object)
{
  RsLocation *self = RS_LOCATION (object);

  g_free (self->warehouse_code);
  g_free (self->code);
  g_free (self->name);
  G_OBJECT_CLASS (rs_location_parent_class)->finalize (object);
}

static void
rs_location_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsLocation *self = RS_LOCATION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_WAREHOUSE_ID: g_value_set_int64 (value, self->warehouse_id); break;
    case PROP_WAREHOUSE_CODE: g_value_set_string (value, self->warehouse_code); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_location_class_init (RsLocationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_location_finalize;
  object_class->get_property = rs_location_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_WAREHOUSE_ID] = g_param_spec_int64 ("warehouse-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_WAREHOUSE_CODE] = g_param_spec_string ("warehouse-code", NULL, NULL, NULL, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, RS_LOCATION_STORAGE, RS_LOCATION_SCRAP,
                                            RS_LOCATION_STORAGE, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_location_init (RsLocation *self)
{
}

RsLocation *
rs_location_new (gint64 id, gint64 warehouse_id, const char *warehouse_code, const char *code,
                 const char *name, RsLocationKind kind, gboolean active)
{
  RsLocation *self = g_object_new (RS_TYPE_LOCATION, NULL);

  self->id = id;
  self->warehouse_id = warehouse_id;
  self->warehouse_code = g_strdup (warehouse_code);
  self->code = g_strdup (code);
  self->name = g_strdup (name != NULL ? name : "");
  self->kind = kind;
  self->active = active;
  return self;
}

gint64 rs_location_get_id (RsLocation *self) { return self->id; }
gint64 rs_location_get_warehouse_id (RsLocation *self) { return self->warehouse_id; }
const char *rs_location_get_warehouse_code (RsLocation *self) { return self->warehouse_code; }
const char *rs_location_get_code (RsLocation *self) { return self->code; }
const char *rs_location_get_name (RsLocation *self) { return self->name; }
RsLocationKind rs_location_get_kind (RsLocation *self) { return self->kind; }
gboolean rs_location_get_active (RsLocation *self) { return self->active; }

JsonNode *
rs_location_to_json (RsLocation *self)
{
  g_autoptr(JsonBuilder) builder = rs_json_object_begin (self->id);

  rs_json_add_string (builder, "warehouse", self->warehouse_code);
  rs_json_add_string (builder, "code", self->code);
  rs_json_add_string (builder, "name", self->name);
  rs_json_add_string (builder, "kind", rs_location_kind_get_key (self->kind));
  rs_json_add_bool (builder, "active", self->active);
  return rs_json_object_end (builder);
}
