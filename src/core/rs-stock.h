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
/* The running balance: on hand of the product after this movement, over the warehouse
 * when the list is narrowed to one, else over all its locations (thousandths). */
gint64      rs_ledger_entry_get_balance        (RsLedgerEntry *self);
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
/* Which locations a stock list shows: quarantine stock (退货待检区) is shown apart. */
typedef enum {
  RS_STOCK_SCOPE_ALL,
  RS_STOCK_SCOPE_AVAILABLE,    /* every location but quarantine */
  RS_STOCK_SCOPE_QUARANTINE,
} RsStockScope;

typedef enum {
  RS_STOCK_SORT_PLACE,         /* warehouse, location, SKU */
  RS_STOCK_SORT_SKU,
  RS_STOCK_SORT_NAME,          /* the product's name */
  RS_STOCK_SORT_QUANTITY,
} RsStockSort;

/* Zeroed: all stock by place, A to Z. */
typedef struct
{
  const char   *warehouse;    /* a code, or NULL for all */
  const char   *sku;          /* a SKU or barcode, or NULL for all */
  /* Words in the product's SKU, name, spec or barcode; NULL or "" for all (three characters
   * or more through the search index, one or two with LIKE). */
  const char   *search;
  RsStockScope  scope;
  RsStockSort   sort;
  gboolean      descending;
} RsStockFilter;

/* A GListModel of RsStockLevel, the places holding stock, read a page at a time
 * (RsPagedModel). An unknown code or SKU is RS_ERROR_NOT_FOUND; a search over 100
 * characters RS_ERROR_VALIDATION. */
GListModel *rs_stock_query        (RsSession           *session,
                                   const RsStockFilter *filter,
                                   GError             **error);
/* rs_stock_query() by place; warehouse (a code) and sku narrow it, NULL for all. */
GListModel *rs_stock_list         (RsSession   *session,
                                   const char  *warehouse,
                                   const char  *sku,
                                   GError     **error);

typedef struct
{
  const char *sku;         /* a SKU or barcode, or NULL for every product */
  const char *warehouse;   /* a code, or NULL for all */
  guint       limit;       /* 0: every movement; otherwise the newest `limit` */
} RsLedgerFilter;

/* A GListModel of RsLedgerEntry, oldest first, with running balances, read a page at a
 * time by keyset on the ledger's id (RsPagedModel). Unknown codes are RS_ERROR_NOT_FOUND. */
GListModel *rs_stock_movements    (RsSession            *session,
                                   const RsLedgerFilter *filter,
                                   GError              **error);
/* rs_stock_movements() of one product (sku) or all (NULL). */
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
