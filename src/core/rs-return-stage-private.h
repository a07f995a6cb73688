/* rs-return-stage-private.h — what receiving, inspection, disposition, costs and settlement
 * share inside core: the move forward by quantities, finding lines, the warehouse the goods
 * are in, and the sections they add to `return show --json`.
 */
#pragma once

#include "rs-return-private.h"
#include "rs-slip-private.h"

G_BEGIN_DECLS

/* Inside the caller's transaction, after its rows are written: moves the return forward
 * to the furthest state its lines have reached (RECEIVING while an approved quantity is
 * missing or a discrepancy is open, then RECEIVED, INSPECTED, DISPOSED), one state at a
 * time, each with its stamp, timeline event and audit row (`action`). When the state
 * stays, the action is still recorded. Never moves a return back. */
RsReturn *rs_return_advance        (RsSession  *session,
                                    RsReturn   *before,
                                    const char *action,
                                    const char *comment,
                                    const char *ref,
                                    GError    **error);

/* How much of a line a stage may still take (received and not inspected, …). */
typedef gint64 (*RsLineAvailableFunc) (RsReturnLine *line,
                                       gpointer      data);

/* The first line of the return for the product for which `available` exceeds 0; NULL
 * with RS_ERROR_NOT_FOUND when the return has no line of the product. When lines exist
 * but none has any available, the last of them is returned (the caller says why it is
 * not enough). */
RsReturnLine *rs_return_stage_line (RsReturn            *ret,
                                    gint64               product_id,
                                    const char          *sku,
                                    RsLineAvailableFunc  available,
                                    gpointer             data,
                                    GError             **error);

/* RS_ERROR_INVALID_STATE when the line has an open receiving discrepancy:
 * customer service resolves it before the line goes on. */
gboolean  rs_return_stage_require_settled_line (RsDatabase   *database,
                                                RsReturn     *ret,
                                                RsReturnLine *line,
                                                GError      **error);

/* The warehouse the return's goods were received into (0 before the first receipt). */
gboolean  rs_return_stage_warehouse (RsDatabase *database,
                                     gint64      return_id,
                                     gint64     *warehouse_id,
                                     GError    **error);

/* "Return TH…" as a slip's remark. */
char     *rs_return_stage_remark    (RsReturn *ret);

/* Sections of rs_returns_describe(), by the modules that write them. */
JsonNode *rs_receiving_describe_receipts      (RsDatabase *database, RsReturn *ret, GError **error);
JsonNode *rs_receiving_describe_discrepancies (RsDatabase *database, RsReturn *ret, GError **error);
JsonNode *rs_inspection_describe_return       (RsDatabase *database, RsReturn *ret, GError **error);
JsonNode *rs_disposition_describe_return      (RsDatabase *database, RsReturn *ret, GError **error);
JsonNode *rs_settlement_describe_return       (RsDatabase *database, RsReturn *ret, GError **error);

/* May `ret` go into a new settlement: DISPOSED and in none yet (rs_settlements_create and
 * rs_returns_get_actions ask the same). */
gboolean  rs_settlement_check_return (RsDatabase *database, RsReturn *ret, GError **error);

/* JSON helpers of the stage modules. */
void      rs_stage_json_add_time     (JsonBuilder *builder, const char *member, gint64 when_us);
void      rs_stage_json_add_quantity (JsonBuilder *builder, const char *member, gint64 milli);

G_END_DECLS
