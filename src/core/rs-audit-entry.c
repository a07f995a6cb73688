/* rs-audit-entry.c */
#include "rs-audit-entry.h"

struct _RsAuditEntry
{
  GObject  parent_instance;
  gint64   id;
  gint64   time;
  char    *user_name;
  char    *action;
  char    *object_type;
  char    *object_key;
  char    *before;
  char    *after;
  char    *hash;
};

G_DEFINE_FINAL_TYPE (RsAuditEntry, rs_audit_entry, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_TIME, PROP_USER_NAME, PROP_ACTION, PROP_OBJECT_TYPE, PROP_OBJECT_KEY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
rs_audit_entry_finalize (GObject *object)
{
  RsAuditEntry *self = RS_AUDIT_ENTRY (object);

  g_free (self->user_name);
  g_free (self->action);
  g_free (self->object_type);
  g_free (self->object_key);
  g_free (self->before);
  g_free (self->after);
  g_free (self->hash);
  G_OBJECT_CLASS (rs_audit_entry_parent_class)->finalize (object);
}

static void
rs_audit_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsAuditEntry *self = RS_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TIME: g_value_set_int64 (value, self->time); break;
    case PROP_USER_NAME: g_value_set_string (value, self->user_name); break;
    case PROP_ACTION: g_value_set_string (value, self->action); break;
    case PROP_OBJECT_TYPE: g_value_set_string (value, self->object_type); break;
    case PROP_OBJECT_KEY: g_value_set_string (value, self->object_key); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_audit_entry_class_init (RsAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_audit_entry_finalize;
  object_class->get_property = rs_audit_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TIME] = g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, flags);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, flags);
  properties[PROP_OBJECT_TYPE] = g_param_spec_string ("object-type", NULL, NULL, NULL, flags);
  properties[PROP_OBJECT_KEY] = g_param_spec_string ("object-key", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_audit_entry_init (RsAuditEntry *self)
{
}

RsAuditEntry *
rs_audit_entry_new (gint64 id, gint64 time, const char *user_name, const char *action,
                    const char *object_type, const char *object_key,
                    const char *before, const char *after, const char *hash)
{
  RsAuditEntry *self = g_object_new (RS_TYPE_AUDIT_ENTRY, NULL);

  self->id = id;
  self->time = time;
  self->user_name = g_strdup (user_name);
  self->action = g_strdup (action);
  self->object_type = g_strdup (object_type);
  self->object_key = g_strdup (object_key);
  self->before = g_strdup (before);
  self->after = g_strdup (after);
  self->hash = g_strdup (hash);
  return self;
}

gint64 rs_audit_entry_get_id (RsAuditEntry *self) { return self->id; }
gint64 rs_audit_entry_get_time (RsAuditEntry *self) { return self->time; }
const char *rs_audit_entry_get_user_name (RsAuditEntry *self) { return self->user_name; }
const char *rs_audit_entry_get_action (RsAuditEntry *self) { return self->action; }
const char *rs_audit_entry_get_object_type (RsAuditEntry *self) { return self->object_type; }
const char *rs_audit_entry_get_object_key (RsAuditEntry *self) { return self->object_key; }
const char *rs_audit_entry_get_before (RsAuditEntry *self) { return self->before; }
const char *rs_audit_entry_get_after (RsAuditEntry *self) { return self->after; }
const char *rs_audit_entry_get_hash (RsAuditEntry *self) { return self->hash; }
