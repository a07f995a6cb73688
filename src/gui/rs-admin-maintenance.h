/* rs-admin-maintenance.h — the 管理 section's page of backup, restore and the database check. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_ADMIN_MAINTENANCE (rs_admin_maintenance_get_type ())
G_DECLARE_FINAL_TYPE (RsAdminMaintenance, rs_admin_maintenance, RS, ADMIN_MAINTENANCE, AdwPreferencesPage)

GtkWidget *rs_admin_maintenance_new     (RsSession          *session);
/* What the buttons do after their folder chooser (for tests): back up into a new folder
 * inside parent, restore from the backup folder (after asking), run `check`. */
void       rs_admin_maintenance_backup  (RsAdminMaintenance *self,
                                         const char         *parent);
/* Returns the question asked first (an AdwMessageDialog), or NULL when the folder was refused. */
GtkWidget *rs_admin_maintenance_restore (RsAdminMaintenance *self,
                                         const char         *folder);
void       rs_admin_maintenance_check   (RsAdminMaintenance *self);

G_END_DECLS
