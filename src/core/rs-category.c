/* rs-category.c */
#include "rs-master-private.h"

struct _RsCategory
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (RsCategory, rs_category, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, PROP_ACTIVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
rs_category_finalize (GObject *object)
{
  g_free (RS_CATEGORY (object)->name);
  G_OBJECT_CLASS (rs_category_parent_class)->finalize (object);
}

static void
rs_category_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsCategory *self = RS_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_category_class_init (RsCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_category_finalize;
  object_class->get_property = rs_category_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_category_init (RsCategory *self)
{
}

RsCategory *
rs_category_new (gint64 id, const char *name, gboolean active)
{
  RsCategory *self = g_object_new (RS_TYPE_CATEGORY, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->active = active;
  return self;
}

gint64 rs_category_get_id (RsCategory *self) { return self->id; }
const char *rs_category_get_name (RsCategory *self) { return self->name; }
gboolean rs_category_get_active (RsCategory *self) { return self->active; }
