/* rs-stock.h — what is where: on-hand per product and location, and the ledger behind it (DESIGN §3).
 *
 * Stock changes only by posting or voiding slips (rs-slips.h); this is the reading side.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rs-location.h"
#include "rs-session.h"

G_BEGIN_DECLS

#define RS_TYPE_STOCK_LEVEL (rs_stock_level_get_type ())
G_DECLARE_FINAL_TYPE (RsStockLevel, rs_stock_level, RS, STOCK_LEVEL, GObject)

const char     *rs_stock_level_get_sku            (RsStockLevel *self);
const char     *rs_stock_level_get_product_name   (RsStockLevel *self);
const char     *rs_stock_level_get_unit           (RsStockLevel *self);
int             rs_stock_level_get_decimals       (RsStockLevel *self);
const char     *rs_stock_level_get_warehouse_code (RsStockLevel *self);
const char     *rs_stock_level_get_location_code  (RsStockLevel *self);
RsLocationKind  rs_stock_level_get_location_kind  (RsStockLevel *self);
gint64          rs_stock_level_get_quantity       (RsStockLevel *self);   /* thousandths */
gint64          rs_stock_level_get_avg_cost       (RsStockLevel *self);   /* fen, the product's */
JsonNode       *rs_stock_level_to_json            (RsStockLevel *self);

#define RS_TYPE_LEDGER_ENTRY (rs_ledger_entry_get_type ())
G_DECLARE_FINAL_TYPE (RsLedgerEntry, rs_ledger_entry, RS, LEDGER_ENTRY, GObject)

gint64      rs_ledger_entry_get_id             (RsLedgerEntry *self);
gint64      rs_ledger_entry_get_time           (RsLedgerEntry *self);   /* unix µs */
const char *rs_ledger_entry_get_sku            (RsLedgerEntry *self);
const char *rs_ledger_entry_get_unit           (RsLedgerEntry *self);
int         rs_ledger_entry_get_decimals       (RsLedgerEntry *self);
const char *rs_ledger_entry_get_warehouse_code (RsLedgerEntry *self);
const char *rs_ledger_entry_get_location_code  (RsLedgerEntry *self);
gint64      rs_ledger_entry_get_quantity       (RsLedgerEntry *self);   /* signed thousandths */
gint64      rs_ledger_entry_get_unit_cost      (RsLedgerEntry *self);   /* fen */
const char *rs_ledger_entry_get_slip_number    (RsLedgerEntry *self);
gboolean    rs_ledger_entry_get_reversal       (RsLedgerEntry *self);   /* written by a void */
const char *rs_ledger_entry_get_user           (RsLedgerEntry *self);
JsonNode   *rs_ledger_entry_to_json            (RsLedgerEntry *self);

/* On hand of one product at one location (0 when it never had any). */
gboolean    rs_stock_get_on_hand  (RsDatabase  *database,
                                   gint64       product_id,
                                   gint64       location_id,
                                   gint64      *quantity,
                                   GError     **error);
/* A GListModel of RsStockLevel with stock, by warehouse, location and SKU.
 * warehouse (a code) and sku narrow it; NULL for all. An unknown code or SKU is RS_ERROR_NOT_FOUND. */
GListModel *rs_stock_list         (RsSession   *session,
                                   const char  *warehouse,
                                   const char  *sku,
                                   GError     **error);
/* A GListModel of RsLedgerEntry, oldest first; sku NULL for all; limit 0 for no limit
 * (otherwise the newest `limit` entries). */
GListModel *rs_stock_ledger       (RsSession   *session,
                                   const char  *sku,
                                   guint        limit,
                                   GError     **error);
/* Compares on-hand with the sum of the ledger for every product and location
 * and appends a sentence for each difference to problems. */
gboolean    rs_stock_check        (RsDatabase  *database,
                                   GPtrArray   *problems,
                                   GError     **error);

G_END_DECLS
