/* rs-slip-private.h — what rs-slips.c and rs-stock.c see of the slip objects: their fields. */
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
  GListStore    *lines;         /* RsSlipLine */
  GListStore    *attachments;   /* RsSlipAttachment */
};

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
