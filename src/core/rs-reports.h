/* rs-reports.h — the reports (统计, DESIGN §2): returns by a dimension, stage times and
 * breaches, stock and movements. Each needs RS_ACTION_REPORT_VIEW, reads only, and is
 * computed by SQL aggregates over indexed ranges (no rows are loaded to be added up here).
 *
 * Dates are "YYYY-MM-DD", both ends included, NULL for an open end. Money in fen and
 * quantities in thousandths stay integers throughout; only the rates are ratios, rounded
 * half up to 0.1 % (and durations to 0.1 h) for the table.
 *
 * Returns report: the returns requested (request date) in the range that were approved and
 * not cancelled (APPROVED … SETTLED). Per group:
 *   returns        how many returns have a line (or disposition) in the group
 *   quantity       approved line quantities (the dispositions' for --by disposition)
 *   refund_value   Σ quantity × unit price, per line rounded to the fen as on the return
 *   handling_cost  freight + handling + repair + scrap loss − vendor credit. For groups
 *                  finer than a return (product, category, supplier, disposition) the scrap
 *                  loss goes to its own line, and the rest of the return's costs is shared over
 *                  its lines (dispositions) in proportion to their refund value (to quantity
 *                  when the return has no value), rounded so the shares add up to the fen.
 *   inspected, passed, pass_rate   quantities of finished inspections; pass_rate = passed ÷
 *                  inspected. By disposition: the quantity disposed of after the inspection
 *                  the disposition names.
 *   sold, return_rate (by product only)   posted sale out-slips dated in the range;
 *                  return_rate = quantity ÷ sold.
 * A product's supplier is the one it was last bought from (posted purchase in-slips) on or
 * before the return's request date, else the one it was last bought from at all. Products
 * without a category or supplier, and quantities not yet disposed of, have a group of their
 * own (key ""). The total row counts every return once.
 */
#pragma once

#include "rs-report.h"
#include "rs-session.h"

G_BEGIN_DECLS

typedef enum {
  RS_REPORT_BY_REASON,
  RS_REPORT_BY_PRODUCT,
  RS_REPORT_BY_CATEGORY,
  RS_REPORT_BY_CUSTOMER,
  RS_REPORT_BY_SUPPLIER,
  RS_REPORT_BY_DISPOSITION,
  RS_REPORT_BY_MONTH,
} RsReportDimension;

/* "reason", "product", "category", "customer", "supplier", "disposition", "month". */
const char *rs_report_dimension_get_key          (RsReportDimension  by);
const char *rs_report_dimension_get_display_name (RsReportDimension  by);
gboolean    rs_report_dimension_parse            (const char        *key,
                                                  RsReportDimension *by,
                                                  GError           **error);

/* Columns: key (SKU, customer or supplier code; for reasons, categories, dispositions and
 * months JSON only: reason code, category name, disposition kind, "2026-11"), name, returns,
 * quantity, refund_value, handling_cost, inspected, passed, pass_rate (%), and for products
 * sold and return_rate (%). Rows by month in order, reasons and dispositions in their order,
 * the others by refund value, largest first; then the total. */
RsReport *rs_reports_returns   (RsSession         *session,
                                RsReportDimension  by,
                                const char        *from,
                                const char        *to,
                                GError           **error);

/* The returns behind one row of a returns report, as rs_reports_returns() counts them: key
 * is the row's "key" in JSON (SKU, codes, reason code, category name, disposition kind,
 * "2026-11"; "" for the group of what has none). Columns: number, request date, customer
 * name, and the group's part of the quantity and refund value; oldest first. */
RsTable  *rs_reports_returns_group (RsSession         *session,
                                    RsReportDimension  by,
                                    const char        *key,
                                    const char        *from,
                                    const char        *to,
                                    GError           **error);

/* One row per stage of the returns requested in the range (not drafts) that went through it:
 * sale → request (sale date to request date), request → approval (the return taken in to
 * its last approval), approval → receipt (the first goods), receipt → inspection (all
 * inspected), inspection → disposition, disposition → settlement. Columns: name, returns,
 * median_hours, p90_hours, breach_name, breaches, pending; JSON also has stage and breach_kind
 * (keys), median_seconds and p90_seconds (rounded half up from microseconds). The median of an even count is the mean
 * of the middle two; the 90th percentile is the nearest rank, ⌈0.9 n⌉. breaches counts the
 * returns with a breach of the stage's time check (return window, receiving deadline,
 * inspection deadline), recorded or still running late now; pending, those still late. */
RsReport *rs_reports_stages    (RsSession         *session,
                                const char        *from,
                                const char        *to,
                                GError           **error);

/* On hand per warehouse now: warehouse, name, products (with stock), quantity, quarantine
 * (of it in QA), value and quarantine_value at the moving-average cost (per warehouse and
 * product, rounded to the fen). Every active warehouse, and any other that holds stock. */
RsReport *rs_reports_stock     (RsSession         *session,
                                GError           **error);

/* Stock movements of the posted slips dated in the range, per month, kind and purpose:
 * month, kind_name, purpose_name, slips, quantity_in, quantity_out, value_in, value_out (each
 * movement valued at its ledger cost, rounded to the fen); JSON also has kind and purpose (keys). Voided slips and their reversals
 * are left out: they moved nothing in the end. */
RsReport *rs_reports_movements (RsSession         *session,
                                const char        *from,
                                const char        *to,
                                GError           **error);

G_END_DECLS
