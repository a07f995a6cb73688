/* rs-warehouses.h — warehouses and their locations: adding, finding, retiring. */
#pragma once

#include <gio/gio.h>
#include "rs-location.h"
#include "rs-session.h"
#include "rs-warehouse.h"

G_BEGIN_DECLS

/* Needs RS_ACTION_MASTER_EDIT. Creates the warehouse with its quarantine
 * location RS_LOCATION_QUARANTINE_CODE, in one transaction. */
RsWarehouse *rs_warehouses_add              (RsSession      *session,
                                             const char     *code,
                                             const char     *name,
                                             const char     *address,
                                             GError        **error);
RsWarehouse *rs_warehouses_lookup           (RsDatabase     *database,
                                             const char     *code,
                                             GError        **error);
RsWarehouse *rs_warehouses_lookup_by_id     (RsDatabase     *database,
                                             gint64          id,
                                             GError        **error);
/* A GListModel of RsWarehouse by code. */
GListModel  *rs_warehouses_list             (RsSession      *session,
                                             GError        **error);
gboolean     rs_warehouses_set_active       (RsSession      *session,
                                             const char     *code,
                                             gboolean        active,
                                             GError        **error);

/* Needs RS_ACTION_MASTER_EDIT. kind is storage, repair or scrap: the one
 * quarantine location comes with the warehouse. name NULL: the code. */
RsLocation  *rs_locations_add               (RsSession      *session,
                                             const char     *warehouse_code,
                                             const char     *code,
                                             const char     *name,
                                             RsLocationKind  kind,
                                             GError        **error);
RsLocation  *rs_locations_lookup            (RsDatabase     *database,
                                             const char     *warehouse_code,
                                             const char     *code,
                                             GError        **error);
RsLocation  *rs_locations_lookup_by_id      (RsDatabase     *database,
                                             gint64          id,
                                             GError        **error);
/* The warehouse's quarantine location, where returned goods arrive. */
RsLocation  *rs_locations_get_quarantine    (RsDatabase     *database,
                                             gint64          warehouse_id,
                                             GError        **error);
/* A GListModel of RsLocation of one warehouse by code, or of all (NULL). */
GListModel  *rs_locations_list              (RsSession      *session,
                                             const char     *warehouse_code,
                                             GError        **error);
/* The quarantine location cannot be deactivated. */
gboolean     rs_locations_set_active        (RsSession      *session,
                                             const char     *warehouse_code,
                                             const char     *code,
                                             gboolean        active,
                                             GError        **error);

G_END_DECLS
