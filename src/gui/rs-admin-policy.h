/* rs-admin-policy.h — the 管理 section's page of rules: the approval chain and the time checks. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_ADMIN_POLICY (rs_admin_policy_get_type ())
G_DECLARE_FINAL_TYPE (RsAdminPolicy, rs_admin_policy, RS, ADMIN_POLICY, AdwPreferencesPage)

GtkWidget *rs_admin_policy_new     (RsSession     *session);
void       rs_admin_policy_refresh (RsAdminPolicy *self);

G_END_DECLS
