/* rs-master-private.h — what the master-data modules share inside core:
 * constructors from stored rows, and the steps every master table takes alike. */
#pragma once

#include <json-glib/json-glib.h>
#include "rs-category.h"
#include "rs-location.h"
#include "rs-partner.h"
#include "rs-permission.h"
#include "rs-product.h"
#include "rs-reason.h"
#include "rs-session.h"
#include "rs-warehouse.h"

G_BEGIN_DECLS

/* Field limits, in characters. */
#define RS_MAX_CODE_CHARS    32
#define RS_MAX_SKU_CHARS     64
#define RS_MAX_NAME_CHARS    200
#define RS_MAX_SHORT_CHARS   100
#define RS_MAX_UNIT_CHARS    16
#define RS_MAX_TEXT_CHARS    1000

RsProduct   *rs_product_new   (gint64 id, const char *sku, const char *name, const char *spec,
                               const char *unit, int decimals, const char *barcode,
                               gint64 category_id, const char *category,
                               gint64 avg_cost, gint64 list_price, gboolean active);
RsWarehouse *rs_warehouse_new (gint64 id, const char *code, const char *name,
                               const char *address, gboolean active);
RsLocation  *rs_location_new  (gint64 id, gint64 warehouse_id, const char *warehouse_code,
                               const char *code, const char *name, RsLocationKind kind,
                               gboolean active);
RsPartner   *rs_partner_new   (RsPartnerKind kind, gint64 id, const RsPartnerFields *fields,
                               gboolean active);
RsCategory  *rs_category_new  (gint64 id, const char *name, gboolean active);
RsReason    *rs_reason_new    (gint64 id, const char *code, const char *name, gboolean active);

/* The id of the category of that name, created (and audited) when missing.
 * The caller holds the transaction and has checked RS_ACTION_MASTER_EDIT. */
gint64    rs_categories_ensure (RsSession  *session,
                                const char *name,
                                GError    **error);

/* Inserts a location of the warehouse and records it; the caller holds the
 * transaction and has checked permission and the text. */
RsLocation *rs_locations_insert (RsSession      *session,
                                 RsWarehouse    *warehouse,
                                 const char     *code,
                                 const char     *name,
                                 RsLocationKind  kind,
                                 GError        **error);

/* The master tables whose rows can be deactivated, and some removed. */
typedef enum {
  RS_MASTER_WAREHOUSE,
  RS_MASTER_LOCATION,
  RS_MASTER_CATEGORY,
  RS_MASTER_PRODUCT,
  RS_MASTER_CUSTOMER,
  RS_MASTER_SUPPLIER,
  RS_MASTER_REASON,
} RsMasterTable;

/* Sets the row's active flag and records "<type>.activate" or "<type>.deactivate"
 * with `before` (the object's JSON, not taken) and the same with "active" changed.
 * The caller has checked permission and found the row. */
gboolean  rs_master_set_active (RsSession     *session,
                                RsMasterTable  table,
                                gint64         id,
                                const char    *key,
                                JsonNode      *before,
                                gboolean       active,
                                GError       **error);
/* Deletes the row when nothing refers to it (recording "<type>.remove"); when
 * something does, RS_ERROR_INVALID_STATE saying to deactivate `shown` instead. */
gboolean  rs_master_remove     (RsSession     *session,
                                RsMasterTable  table,
                                gint64         id,
                                const char    *key,
                                const char    *shown,
                                JsonNode      *before,
                                GError       **error);

/* Brings the search index of a product, customer or supplier in line with its
 * row (removing it when the row is gone); other tables have none. Called in
 * the transaction of every change to an indexed column. */
gboolean  rs_search_reindex    (RsDatabase    *database,
                                RsMasterTable  table,
                                gint64         id,
                                GError       **error);

/* Deferred indexing, for imports: FTS5 writes its pending index at every
 * savepoint, and core's calls each take one, so row by row the index costs more
 * than the rows. Between defer_begin and defer_end, rs_search_reindex() only
 * notes the row; defer_end(flush TRUE) indexes the noted rows of each table in
 * one statement, inside the caller's transaction (FALSE forgets them: the
 * caller rolls back). */
void      rs_search_defer_begin  (RsDatabase    *database);
gboolean  rs_search_defer_end    (RsDatabase    *database,
                                  gboolean       flush,
                                  GError       **error);

/* Search: for a query of three characters or more, an FTS5 phrase ("…" with
 * quotes doubled) for MATCH; shorter, NULL — use rs_search_like_pattern() with
 * LIKE … ESCAPE '\'. */
char     *rs_search_fts_phrase   (const char *query);
char     *rs_search_like_pattern (const char *query);

/* A JSON object builder started with {"id": id}: the to_json() helpers add to it. */
JsonBuilder *rs_json_object_begin (gint64 id);
void         rs_json_add_string   (JsonBuilder *builder, const char *name, const char *value);
void         rs_json_add_int      (JsonBuilder *builder, const char *name, gint64 value);
void         rs_json_add_bool     (JsonBuilder *builder, const char *name, gboolean value);
/* An amount in fen as a decimal string ("12.50"). */
void         rs_json_add_money    (JsonBuilder *builder, const char *name, gint64 fen);
JsonNode    *rs_json_object_end   (JsonBuilder *builder);
/* The same members set on a JsonObject directly: for the rows an import audits by the
 * hundred thousand (a JsonBuilder per row was most of their JSON's cost). */
JsonNode    *rs_json_object_node  (gint64 id, JsonObject **object);
void         rs_json_set_string   (JsonObject *object, const char *name, const char *value);
void         rs_json_set_money    (JsonObject *object, const char *name, gint64 fen);

G_END_DECLS
