/* rs-user.c */
#include "rs-user.h"

struct _RsUser
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  char    *full_name;
  RsRoles  roles;
  gboolean disabled;
};

G_DEFINE_FINAL_TYPE (RsUser, rs_user, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, PROP_FULL_NAME, PROP_ROLES, PROP_DISABLED, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
rs_user_finalize (GObject *object)
{
  RsUser *self = RS_USER (object);

  g_free (self->name);
  g_free (self->full_name);
  G_OBJECT_CLASS (rs_user_parent_class)->finalize (object);
}

static void
rs_user_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsUser *self = RS_USER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_FULL_NAME: g_value_set_string (value, self->full_name); break;
    case PROP_ROLES: g_value_set_uint (value, self->roles); break;
    case PROP_DISABLED: g_value_set_boolean (value, self->disabled); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_user_class_init (RsUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_user_finalize;
  object_class->get_property = rs_user_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLES] = g_param_spec_uint ("roles", NULL, NULL, 0, RS_ROLE_ALL, 0, flags);
  properties[PROP_DISABLED] = g_param_spec_boolean ("disabled", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_user_init (RsUser *self)
{
}

RsUser *
rs_user_new (gint64 id, const char *name, const char *full_name, RsRoles roles, gboolean disabled)
{
  RsUser *self = g_object_new (RS_TYPE_USER, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->full_name = g_strdup (full_name != NULL ? full_name : "");
  self->roles = roles;
  self->disabled = disabled;
  return self;
}

gint64 rs_user_get_id (RsUser *self) { return self->id; }
const char *rs_user_get_name (RsUser *self) { return self->name; }
const char *rs_user_get_full_name (RsUser *self) { return self->full_name; }
RsRoles rs_user_get_roles (RsUser *self) { return self->roles; }
gboolean rs_user_get_disabled (RsUser *self) { return self->disabled; }

const char *
rs_user_get_display_name (RsUser *self)
{
  return *self->full_name != '\0' ? self->full_name : self->name;
}

gboolean
rs_user_has_role (RsUser *self, RsRoles roles)
{
  return (self->roles & roles) != 0;
}
