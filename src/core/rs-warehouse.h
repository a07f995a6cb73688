/* rs-warehouse.h — a warehouse (仓库); its locations are RsLocation. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RS_TYPE_WAREHOUSE (rs_warehouse_get_type ())
G_DECLARE_FINAL_TYPE (RsWarehouse, rs_warehouse, RS, WAREHOUSE, GObject)

gint64      rs_warehouse_get_id      (RsWarehouse *self);
const char *rs_warehouse_get_code    (RsWarehouse *self);
const char *rs_warehouse_get_name    (RsWarehouse *self);
const char *rs_warehouse_get_address (RsWarehouse *self);
gboolean    rs_warehouse_get_active  (RsWarehouse *self);
JsonNode   *rs_warehouse_to_json     (RsWarehouse *self);

G_END_DECLS
