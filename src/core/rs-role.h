/* rs-role.h — the roles of DESIGN §1; a user holds a set of them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RS_ROLE_NONE    = 0,
  RS_ROLE_ADMIN   = 1 << 0,
  RS_ROLE_SALES   = 1 << 1,
  RS_ROLE_SERVICE = 1 << 2,
  RS_ROLE_MANAGER = 1 << 3,
  RS_ROLE_KEEPER  = 1 << 4,
  RS_ROLE_FINANCE = 1 << 5,
  RS_ROLE_VIEWER  = 1 << 6,
} RsRoles;

#define RS_ROLE_ALL (RS_ROLE_ADMIN | RS_ROLE_SALES | RS_ROLE_SERVICE | RS_ROLE_MANAGER | \
                     RS_ROLE_KEEPER | RS_ROLE_FINANCE | RS_ROLE_VIEWER)

/* "admin", "sales", … as stored and typed on the command line. */
const char *rs_role_get_key          (RsRoles     role);
/* The translated name a person reads: "Administrator" / "管理员". */
const char *rs_role_get_display_name (RsRoles     role);
RsRoles     rs_role_from_key         (const char *key);
/* "sales,keeper" → flags; an unknown name is a validation error naming it. */
gboolean    rs_roles_parse           (const char *list,
                                      RsRoles    *out,
                                      GError    **error);
char       *rs_roles_to_keys         (RsRoles     roles);
char       *rs_roles_to_display      (RsRoles     roles);

G_END_DECLS
