/* rs-settlement.h — settlements (报账单, BZ…): finance gathers the disposed returns of a period,
 * and approving the settlement makes them SETTLED (DESIGN §2).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rs-session.h"

G_BEGIN_DECLS

#define RS_TYPE_SETTLEMENT (rs_settlement_get_type ())
G_DECLARE_FINAL_TYPE (RsSettlement, rs_settlement, RS, SETTLEMENT, GObject)

/* BZ20261126-0001 */
const char *rs_settlement_get_number      (RsSettlement *self);
/* "2026-11-01" … "2026-11-30" */
const char *rs_settlement_get_period_from (RsSettlement *self);
const char *rs_settlement_get_period_to   (RsSettlement *self);
gboolean    rs_settlement_get_approved    (RsSettlement *self);
/* fen, signed: Σ the returns' cost totals. */
gint64      rs_settlement_get_total       (RsSettlement *self);
guint       rs_settlement_get_n_returns   (RsSettlement *self);
/* number, period, state, total, remark, who and when, and the returns with their totals. */
JsonNode   *rs_settlement_to_json         (RsSettlement *self);

/* A draft settlement of the DISPOSED returns disposed of within the period (local dates,
 * inclusive) and not yet in a settlement (RS_ACTION_SETTLEMENT_EDIT). `returns` (RMA
 * numbers, NULL-terminated) names them instead; each must be DISPOSED. Refused when
 * nothing is left to settle. remark may be NULL. */
RsSettlement *rs_settlements_create  (RsSession          *session,
                                      const char         *from,
                                      const char         *to,
                                      const char * const *returns,
                                      const char         *remark,
                                      GError            **error);
/* Draft → approved (RS_ACTION_SETTLEMENT_APPROVE): totals taken again, every return SETTLED. */
RsSettlement *rs_settlements_approve (RsSession          *session,
                                      const char         *number,
                                      GError            **error);
RsSettlement *rs_settlements_lookup  (RsSession          *session,
                                      const char         *number,
                                      GError            **error);
/* A GListModel of RsSettlement, newest first. */
GListModel   *rs_settlements_list    (RsSession          *session,
                                      GError            **error);

G_END_DECLS
