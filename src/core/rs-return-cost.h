/* rs-return-cost.h — what a return cost (统计): refund, freight, handling, repair, vendor credit
 * (DESIGN §2). Scrap loss is written by disposition, never typed. Totals count vendor credit
 * against the rest.
 */
#pragma once

#include <gio/gio.h>
#include "rs-return.h"
#include "rs-session.h"

G_BEGIN_DECLS

typedef enum {
  RS_COST_REFUND,
  RS_COST_FREIGHT,
  RS_COST_HANDLING,
  RS_COST_REPAIR,
  RS_COST_VENDOR_CREDIT,   /* what the supplier pays back: reduces the cost */
  RS_COST_SCRAP_LOSS,      /* quantity × moving-average cost of scrapped goods */
} RsCostKind;

/* "refund", "freight", "handling", "repair", "vendor-credit", "scrap-loss" as stored. */
const char *rs_cost_kind_get_key          (RsCostKind  kind);
const char *rs_cost_kind_get_display_name (RsCostKind  kind);
/* The kinds a person records; "scrap-loss" is refused. */
gboolean    rs_cost_kind_parse            (const char *key,
                                           RsCostKind *kind,
                                           GError    **error);

/* A cost line on a return from APPROVED up to DISPOSED (RS_ACTION_RETURN_COST);
 * amount in fen, > 0. remark may be NULL. */
RsReturn   *rs_returns_add_cost           (RsSession  *session,
                                           const char *number,
                                           RsCostKind  kind,
                                           gint64      amount,
                                           const char *remark,
                                           GError    **error);

/* fen, signed: Σ costs − Σ vendor credit. */
gboolean    rs_return_cost_total          (RsDatabase *database,
                                           gint64      return_id,
                                           gint64     *total,
                                           GError    **error);

G_END_DECLS
