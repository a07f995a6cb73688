/* rs-slip-private.h — what rs-slips.c, rs-slip-list.c and rs-stock.c see of the slip objects: their fields. */
#pragma once

#include "rs-slip.h"
#include "rs-slips.h"

G_BEGIN_DECLS

struct _RsSlipLine
{
  GObject  parent_instance;
  gint64   id;
  guint    number;
  gint64   product_id;
  char    *sku;
  char    *product_name;
  char    *unit;
  int      decimals;
  gint64   location_id;
  char    *location_code;
  gboolean from_quarantine;   /* the location it leaves (or enters) is a quarantine location */
  gint64   to_location_id;
  char    *to_location_code;
  gint64   quantity;
  gint64   unit_cost;
};

struct _RsSlipAttachment
{
  GObject  parent_instance;
  char    *file_name;
  char    *sha256;
  char    *content_type;
  gint64   size;
  char    *added_by;
  gint64   added_at;
};

struct _RsSlip
{
  GObject        parent_instance;
  gint64         id;
  char          *number;
  char          *base_number;
  int            revision;
  RsSlipKind     kind;
  char          *purpose;
  RsSlipState    state;
  gint64         warehouse_id;
  char          *warehouse_code;
  gint64         to_warehouse_id;
  char          *to_warehouse_code;
  char          *date;
  gboolean       has_partner;
  RsPartnerKind  partner_kind;
  gint64         partner_id;
  char          *partner_code;
  char          *partner_name;
  char          *remark;
  gint64         amends_id;
  char          *amends;
  char          *amended_by;
  char          *created_by;
  gint64         created_at;
  char          *posted_by;
  gint64         posted_at;
  char          *voided_by;
  gint64         voided_at;
  char          *void_reason;
  guint          n_lines;
  gint64         total;         /* fen, from slip_summary */
  GListStore    *lines;         /* RsSlipLine */
  GListStore    *attachments;   /* RsSlipAttachment */
};

/* The header columns rs_slip_from_row() reads (lines counted, not loaded); add "WHERE …". */
#define RS_SLIP_SELECT \
  "SELECT s.id, s.number, s.base_number, s.revision, s.kind, s.purpose, s.state, " \
  "       s.warehouse_id, w.code, s.to_warehouse_id, tw.code, s.slip_date, " \
  "       s.customer_id, c.code, c.name, s.supplier_id, sp.code, sp.name, s.remark, " \
  "       s.amends_id, a.number, ab.number, cu.name, s.created_at, pu.name, s.posted_at, " \
  "       vu.name, s.voided_at, s.void_reason, coalesce (ss.lines, 0), coalesce (ss.total, 0), " \
  "       coalesce (ss.changes, 0) " \
  "FROM slip s " \
  "JOIN warehouse w ON w.id = s.warehouse_id " \
  "LEFT JOIN warehouse tw ON tw.id = s.to_warehouse_id " \
  "LEFT JOIN customer c ON c.id = s.customer_id " \
  "LEFT JOIN supplier sp ON sp.id = s.supplier_id " \
  "LEFT JOIN slip a ON a.id = s.amends_id " \
  "LEFT JOIN slip ab ON ab.id = s.amended_by_id " \
  "JOIN user cu ON cu.id = s.created_by " \
  "LEFT JOIN user pu ON pu.id = s.posted_by " \
  "LEFT JOIN user vu ON vu.id = s.voided_by " \
  "LEFT JOIN slip_summary ss ON ss.slip_id = s.id "
/* Column of RS_SLIP_SELECT that moves with every write, post and void of the slip. */
#define RS_SLIP_SELECT_CHANGES 31

RsSlip *rs_slip_from_row (RsStatement *stmt);

/* "2026-11-26T10:00:00+08:00"; NULL for 0. */
char *rs_slip_format_time (gint64 when_us);

/* rs_slips_create_posted() on the authority of a return workflow action the caller has
 * checked (receiving, resolving, disposition): customer service sends goods back on an
 * out slip without slip rights of its own. Audited as any slip; call it inside the
 * caller's transaction. */
RsSlip *rs_slips_create_posted_for_workflow (RsSession          *session,
                                             const RsSlipFields *fields,
                                             GError            **error);

G_END_DECLS
