/* rs-location.h — a location (货位) within a warehouse, of one kind. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The location every warehouse gets when created: quarantine (退货待检区). */
#define RS_LOCATION_QUARANTINE_CODE "QA"

typedef enum {
  RS_LOCATION_STORAGE,
  RS_LOCATION_QUARANTINE,
  RS_LOCATION_REPAIR,
  RS_LOCATION_SCRAP,
} RsLocationKind;

/* "storage", "quarantine", "repair", "scrap", as stored and typed. */
const char     *rs_location_kind_get_key          (RsLocationKind kind);
const char     *rs_location_kind_get_display_name (RsLocationKind kind);
gboolean        rs_location_kind_parse            (const char     *key,
                                                   RsLocationKind *kind,
                                                   GError        **error);

#define RS_TYPE_LOCATION (rs_location_get_type ())
G_DECLARE_FINAL_TYPE (RsLocation, rs_location, RS, LOCATION, GObject)

gint64          rs_location_get_id             (RsLocation *self);
gint64          rs_location_get_warehouse_id   (RsLocation *self);
const char     *rs_location_get_warehouse_code (RsLocation *self);
const char     *rs_location_get_code           (RsLocation *self);
const char     *rs_location_get_name           (RsLocation *self);
RsLocationKind  rs_location_get_kind           (RsLocation *self);
gboolean        rs_location_get_active         (RsLocation *self);
JsonNode       *rs_location_to_json            (RsLocation *self);

G_END_DECLS
