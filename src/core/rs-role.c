/* rs-role.c */
#include "rs-role.h"
#include "rs-error.h"
#include "rs-i18n.h"

static const struct {
  RsRoles     role;
  const char *key;
  const char *name;
} roles[] = {
  { RS_ROLE_ADMIN,   "admin",   N_("Administrator") },
  { RS_ROLE_SALES,   "sales",   N_("Sales") },
  { RS_ROLE_SERVICE, "service", N_("Customer service") },
  { RS_ROLE_MANAGER, "manager", N_("Manager") },
  { RS_ROLE_KEEPER,  "keeper",  N_("Warehouse keeper") },
  { RS_ROLE_FINANCE, "finance", N_("Finance") },
  { RS_ROLE_VIEWER,  "viewer",  N_("Viewer (read only)") },
};

const char *
rs_role_get_key (RsRoles role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return roles[i].key;
  return NULL;
}

const char *
rs_role_get_display_name (RsRoles role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return _(roles[i].name);
  return NULL;
}

RsRoles
rs_role_from_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_ascii_strcasecmp (roles[i].key, key) == 0)
      return roles[i].role;
  return RS_ROLE_NONE;
}

gboolean
rs_roles_parse (const char *list, RsRoles *out, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (list != NULL ? list : "", ",", -1);
  RsRoles result = RS_ROLE_NONE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *key = g_strstrip (parts[i]);
      RsRoles role;

      if (*key == '\0')
        continue;
      role = rs_role_from_key (key);
      if (role == RS_ROLE_NONE)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                       _("Unknown role “%s”. Roles are: admin, sales, service, manager, keeper, finance, viewer."),
                       key);
          return FALSE;
        }
      result |= role;
    }

  if (result == RS_ROLE_NONE)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("A user needs at least one role."));
      return FALSE;
    }
  *out = result;
  return TRUE;
}

static char *
join_roles (RsRoles set, gboolean display)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (set & roles[i].role)
      g_strv_builder_add (builder, display ? _(roles[i].name) : roles[i].key);
  parts = g_strv_builder_end (builder);
  /* TRANSLATORS: separator between role names in a list */
  return g_strjoinv (display ? _(", ") : ",", parts);
}

char *
rs_roles_to_keys (RsRoles set)
{
  return join_roles (set, FALSE);
}

char *
rs_roles_to_display (RsRoles set)
{
  return join_roles (set, TRUE);
}
