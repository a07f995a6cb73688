/* rs-return.h — a customer return (退货单) and its states (DESIGN §2).
 *
 * An RsReturn is a snapshot read from the database; it changes only through
 * rs-returns.h (intake), rs-approval.h (submit, sign, reject, revise, cancel)
 * and the receiving, inspection, disposition and settlement modules.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rs-return-line.h"
#include "rs-return-signature.h"
#include "rs-return-flag.h"

G_BEGIN_DECLS

/* DESIGN §2:
 *   DRAFT ─submit→ SUBMITTED ─approve (level 1…n in order)→ APPROVED ─receive→ RECEIVING / RECEIVED
 *   ─inspect→ INSPECTED ─dispose→ DISPOSED ─settle→ SETTLED;
 *   SUBMITTED ─reject→ REJECTED ─revise→ DRAFT;
 *   DRAFT, SUBMITTED, REJECTED, APPROVED ─cancel→ CANCELLED.
 * The keys stored and typed are the lower-case names: "draft", "submitted", … */
typedef enum {
  RS_RETURN_DRAFT,
  RS_RETURN_SUBMITTED,
  RS_RETURN_APPROVED,
  RS_RETURN_RECEIVING,   /* part of the goods received */
  RS_RETURN_RECEIVED,
  RS_RETURN_INSPECTED,
  RS_RETURN_DISPOSED,
  RS_RETURN_SETTLED,
  RS_RETURN_REJECTED,
  RS_RETURN_CANCELLED,
} RsReturnState;

#define RS_RETURN_N_STATES (RS_RETURN_CANCELLED + 1)

const char *rs_return_state_get_key          (RsReturnState  state);
/* "草稿", "已提交", … for people. */
const char *rs_return_state_get_display_name (RsReturnState  state);
gboolean    rs_return_state_parse            (const char    *key,
                                              RsReturnState *state,
                                              GError       **error);

#define RS_TYPE_RETURN (rs_return_get_type ())
G_DECLARE_FINAL_TYPE (RsReturn, rs_return, RS, RETURN, GObject)

gint64        rs_return_get_id             (RsReturn *self);
/* The RMA number: TH20261126-0001. */
const char   *rs_return_get_number         (RsReturn *self);
RsReturnState rs_return_get_state          (RsReturn *self);
gint64        rs_return_get_customer_id    (RsReturn *self);
const char   *rs_return_get_customer_code  (RsReturn *self);
const char   *rs_return_get_customer_name  (RsReturn *self);
/* "" when the customer has no e-mail address. */
const char   *rs_return_get_customer_email (RsReturn *self);
/* The sale out-slip it reverses (CK…), or NULL when the sale was made elsewhere. */
const char   *rs_return_get_sale_slip      (RsReturn *self);
const char   *rs_return_get_order_ref      (RsReturn *self);
/* "2026-11-20", or NULL when unknown. */
const char   *rs_return_get_sale_date      (RsReturn *self);
const char   *rs_return_get_request_date   (RsReturn *self);
const char   *rs_return_get_reason_code    (RsReturn *self);
const char   *rs_return_get_reason_name    (RsReturn *self);
const char   *rs_return_get_description    (RsReturn *self);
/* fen: Σ line quantity × unit price; decides which approval levels apply. */
gint64        rs_return_get_refund_value   (RsReturn *self);
/* How many times it was submitted; the signatures shown are those of this round. */
guint         rs_return_get_round          (RsReturn *self);
/* The latest rejection or cancellation reason ("" for none). */
const char   *rs_return_get_last_comment   (RsReturn *self);
const char   *rs_return_get_created_by     (RsReturn *self);
gint64        rs_return_get_created_by_id  (RsReturn *self);
gint64        rs_return_get_created_at     (RsReturn *self);
/* When a stage was reached; 0 until then. */
gint64        rs_return_get_submitted_at   (RsReturn *self);
gint64        rs_return_get_approved_at    (RsReturn *self);
gint64        rs_return_get_receiving_at   (RsReturn *self);
gint64        rs_return_get_received_at    (RsReturn *self);
/* How long it has been open (µs): from its creation until it was settled or cancelled,
 * else until now (rs_clock_now()). */
gint64        rs_return_get_age            (RsReturn *self);
/* The level the next signature is for (1, 2, …), or 0 when none is pending. */
guint         rs_return_get_next_level     (RsReturn *self);
/* The role that level names (an RsRoles flag), RS_ROLE_NONE when none is pending. */
guint         rs_return_get_next_role      (RsReturn *self);
/* The levels that apply to this round (0 before it was submitted). */
guint         rs_return_get_n_levels       (RsReturn *self);
/* GListModel of RsReturnLine in line order. */
GListModel   *rs_return_get_lines          (RsReturn *self);
/* GListModel of RsReturnSignature of the current round, by level. */
GListModel   *rs_return_get_signatures     (RsReturn *self);
/* GListModel of RsReturnFlag: recorded breaches, and deadlines running late now. */
GListModel   *rs_return_get_flags          (RsReturn *self);
guint         rs_return_get_n_flags        (RsReturn *self);
/* The return as the audit log records it: header, lines, signatures (decimal strings, ISO times). */
JsonNode     *rs_return_to_json            (RsReturn *self);

G_END_DECLS
