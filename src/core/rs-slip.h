/* rs-slip.h — an in, out or transfer slip (入库单 / 出库单 / 调拨单) with its lines (DESIGN §3).
 *
 * An RsSlip is a snapshot read from the database; it changes only through rs-slips.h.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rs-partner.h"
#include "rs-slip-attachment.h"
#include "rs-slip-line.h"

G_BEGIN_DECLS

typedef enum {
  RS_SLIP_IN,
  RS_SLIP_OUT,
  RS_SLIP_TRANSFER,
} RsSlipKind;

typedef enum {
  RS_SLIP_DRAFT,    /* freely editable; moves no stock */
  RS_SLIP_POSTED,   /* stock moved; frozen */
  RS_SLIP_VOIDED,   /* reversed; the number stays */
} RsSlipState;

/* "in", "out", "transfer" as stored and typed; "入库单" … for people. */
const char *rs_slip_kind_get_key            (RsSlipKind   kind);
const char *rs_slip_kind_get_display_name   (RsSlipKind   kind);
/* The number prefix: RK, CK, DB. */
const char *rs_slip_kind_get_prefix         (RsSlipKind   kind);
gboolean    rs_slip_kind_parse              (const char  *key,
                                             RsSlipKind  *kind,
                                             GError     **error);
const char *rs_slip_state_get_key           (RsSlipState  state);
const char *rs_slip_state_get_display_name  (RsSlipState  state);
gboolean    rs_slip_state_parse             (const char  *key,
                                             RsSlipState *state,
                                             GError     **error);
/* "sale" → "销售出库"; an unknown key is returned as it is. */
const char *rs_slip_purpose_get_display_name (const char *purpose);

#define RS_TYPE_SLIP (rs_slip_get_type ())
G_DECLARE_FINAL_TYPE (RsSlip, rs_slip, RS, SLIP, GObject)

gint64       rs_slip_get_id                 (RsSlip *self);
const char  *rs_slip_get_number             (RsSlip *self);
RsSlipKind   rs_slip_get_kind               (RsSlip *self);
const char  *rs_slip_get_purpose            (RsSlip *self);
RsSlipState  rs_slip_get_state              (RsSlip *self);
gint64       rs_slip_get_warehouse_id       (RsSlip *self);
const char  *rs_slip_get_warehouse_code     (RsSlip *self);
/* Transfers: the receiving warehouse (may be the same); otherwise 0 / NULL. */
gint64       rs_slip_get_to_warehouse_id    (RsSlip *self);
const char  *rs_slip_get_to_warehouse_code  (RsSlip *self);
/* "2026-11-26" */
const char  *rs_slip_get_date               (RsSlip *self);
/* FALSE when the slip names no partner; then kind, code and name mean nothing. */
gboolean     rs_slip_get_partner            (RsSlip        *self,
                                             RsPartnerKind *kind,
                                             const char   **code,
                                             const char   **name);
const char  *rs_slip_get_remark             (RsSlip *self);
/* The voided slip this one replaces, and the draft that replaced this one; NULL for none. */
const char  *rs_slip_get_amends             (RsSlip *self);
const char  *rs_slip_get_amended_by         (RsSlip *self);
const char  *rs_slip_get_created_by         (RsSlip *self);
gint64       rs_slip_get_created_at         (RsSlip *self);
/* NULL / 0 until posted or voided. */
const char  *rs_slip_get_posted_by          (RsSlip *self);
gint64       rs_slip_get_posted_at          (RsSlip *self);
const char  *rs_slip_get_voided_by          (RsSlip *self);
gint64       rs_slip_get_voided_at          (RsSlip *self);
const char  *rs_slip_get_void_reason        (RsSlip *self);
guint        rs_slip_get_n_lines            (RsSlip *self);
/* fen: per line quantity × unit cost — the line's own, else the cost posting recorded,
 * else the product's average (a draft's estimate). */
gint64       rs_slip_get_total              (RsSlip *self);
/* A GListModel of RsSlipLine in line order; empty in slips from rs_slips_list(). */
GListModel  *rs_slip_get_lines              (RsSlip *self);
/* A GListModel of RsSlipAttachment; empty in slips from rs_slips_list(). */
GListModel  *rs_slip_get_attachments        (RsSlip *self);
/* The slip as the audit log and `--json` show it: decimal strings, ISO 8601 times. */
JsonNode    *rs_slip_to_json                (RsSlip *self);

G_END_DECLS
