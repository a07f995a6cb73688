/* rs-user.h — a person who logs in, with their roles. */
#pragma once

#include <glib-object.h>
#include "rs-role.h"

G_BEGIN_DECLS

#define RS_TYPE_USER (rs_user_get_type ())
G_DECLARE_FINAL_TYPE (RsUser, rs_user, RS, USER, GObject)

RsUser     *rs_user_new           (gint64      id,
                                   const char *name,
                                   const char *full_name,
                                   RsRoles     roles,
                                   gboolean    disabled);
gint64      rs_user_get_id        (RsUser *self);
const char *rs_user_get_name      (RsUser *self);
const char *rs_user_get_full_name (RsUser *self);
/* The full name when there is one, else the login name. */
const char *rs_user_get_display_name (RsUser *self);
RsRoles     rs_user_get_roles     (RsUser *self);
gboolean    rs_user_has_role      (RsUser *self,
                                   RsRoles roles);
gboolean    rs_user_get_disabled  (RsUser *self);

G_END_DECLS
