/* rs-reason.c */
#include "rs-master-private.h"
#include "rs-i18n.h"

/* The names 0002-master-data.sql seeds, so they can be shown translated. */
static const struct {
  const char *code;
  const char *name;
} seeded[] = {
  { "quality",          N_("Quality problem") },
  { "damaged",          N_("Damaged in transit") },
  { "wrong-item",       N_("Wrong item shipped") },
  { "not-as-described", N_("Not as described") },
  { "no-reason",        N_("Seven-day no-reason return") },
  { "other",            N_("Other") },
};

struct _RsReason
{
  GObject  parent_instance;
  gint64   id;
  char    *code;
  char    *name;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (RsReason, rs_reason, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_CODE, PROP_NAME, PROP_ACTIVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
rs_reason_finalize (GObject *object)
{
  RsReason *self = RS_REASON (object);

  g_free (self->code);
  g_free (self->name);
  G_OBJECT_CLASS (rs_reason_parent_class)->finalize (object);
}

static void
rs_reason_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsReason *self = RS_REASON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_reason_class_init (RsReasonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_reason_finalize;
  object_class->get_property = rs_reason_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_reason_init (RsReason *self)
{
}

RsReason *
rs_reason_new (gint64 id, const char *code, const char *name, gboolean active)
{
  RsReason *self = g_object_new (RS_TYPE_REASON, NULL);

  self->id = id;
  self->code = g_strdup (code);
  self->active = active;
  for (guint i = 0; i < G_N_ELEMENTS (seeded) && self->name == NULL; i++)
    if (g_str_equal (seeded[i].code, code) && g_str_equal (seeded[i].name, name))
      self->name = g_strdup (_(seeded[i].name));
  if (self->name == NULL)
    self->name = g_strdup (name);
  return self;
}

gint64 rs_reason_get_id (RsReason *self) { return self->id; }
const char *rs_reason_get_code (RsReason *self) { return self->code; }
const char *rs_reason_get_name (RsReason *self) { return self->name; }
gboolean rs_reason_get_active (RsReason *self) { return self->active; }
