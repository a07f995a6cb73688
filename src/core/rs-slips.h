/* rs-slips.h — creating, editing, posting, voiding and amending slips (DESIGN §3).
 *
 * Every call checks its permission and writes its audit row inside its own
 * transaction; a refused call changes nothing. Posting and voiding move stock
 * through the ledger and on-hand in that same transaction, all lines or none.
 */
#pragma once

#include <gio/gio.h>
#include "rs-session.h"
#include "rs-slip.h"

G_BEGIN_DECLS

#define RS_SLIP_MAX_LINES 500

/* One line to write; strings borrowed. */
typedef struct
{
  const char *sku;            /* a SKU or a barcode */
  gint64      quantity;       /* thousandths, > 0, within the product's decimals */
  /* A location code of the slip's warehouse. NULL: for a customer return the
   * quarantine location, otherwise the warehouse's only storage location. */
  const char *location;
  /* Transfers: a location code of the receiving warehouse. NULL: the same code. */
  const char *to_location;
  gint64      unit_cost;      /* fen, in-slips only; -1 for none */
} RsSlipLineFields;

/* A slip to write; strings borrowed. */
typedef struct
{
  RsSlipKind              kind;
  const char             *purpose;       /* a key of the kind: "purchase", "sale", … */
  const char             *warehouse;     /* code */
  const char             *to_warehouse;  /* transfers: code; NULL: the same warehouse */
  const char             *date;          /* "YYYY-MM-DD"; NULL: today */
  const char             *partner;       /* a customer's or supplier's code or name; NULL: none */
  const char             *remark;
  const RsSlipLineFields *lines;
  guint                   n_lines;
} RsSlipFields;

/* The purpose keys a kind allows, in their order. */
GStrv       rs_slips_get_purposes     (RsDatabase         *database,
                                       RsSlipKind          kind,
                                       GError            **error);

/* A new draft with the next number of its kind (RS_ACTION_SLIP_EDIT). */
RsSlip     *rs_slips_create           (RsSession          *session,
                                       const RsSlipFields *fields,
                                       GError            **error);
/* The same, posted at once in the same transaction (needs RS_ACTION_SLIP_POST too). */
RsSlip     *rs_slips_create_posted    (RsSession          *session,
                                       const RsSlipFields *fields,
                                       GError            **error);
/* Replaces a draft's header and lines; the kind cannot change (RS_ACTION_SLIP_EDIT). */
RsSlip     *rs_slips_update           (RsSession          *session,
                                       const char         *number,
                                       const RsSlipFields *fields,
                                       GError            **error);
/* Draft → posted (RS_ACTION_SLIP_POST). Refuses with RS_ERROR_INSUFFICIENT_STOCK,
 * naming product, location, on hand and requested, when any line lacks stock. */
RsSlip     *rs_slips_post             (RsSession          *session,
                                       const char         *number,
                                       GError            **error);
/* What posting a draft would do to one place's stock: one for each movement of each line
 * (a transfer line has two, leaving and arriving). */
typedef struct
{
  guint   line;            /* the slip line's number: 1, 2, … */
  char   *sku;
  char   *product_name;
  char   *unit;
  int     decimals;
  char   *warehouse;       /* code */
  char   *location;        /* code */
  gint64  on_hand;         /* thousandths, now */
  gint64  change;          /* thousandths, signed: this line's movement */
  /* On hand once the whole slip is posted: every line at this product and place counts.
   * Below zero, posting is refused with RS_ERROR_INSUFFICIENT_STOCK. */
  gint64  after;
} RsStockChange;

void        rs_stock_change_free      (RsStockChange      *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsStockChange, rs_stock_change_free)

/* The stock a draft's posting would move, line by line, without writing anything
 * (RS_ACTION_VIEW), so that a window can confirm it and mark the lines that lack stock.
 * A GPtrArray of RsStockChange in line order; RS_ERROR_INVALID_STATE for a slip that is
 * not a draft. */
GPtrArray  *rs_slips_preview_post     (RsSession          *session,
                                       const char         *number,
                                       GError            **error);
/* Posted → voided with a reversing movement (RS_ACTION_SLIP_POST). Refused when
 * the stock an in-slip brought has left since. */
RsSlip     *rs_slips_void             (RsSession          *session,
                                       const char         *number,
                                       const char         *reason,
                                       GError            **error);
/* Voids a posted slip and returns its copy, a new draft numbered …-1 (then -2 …),
 * the two linked both ways (RS_ACTION_SLIP_POST). */
RsSlip     *rs_slips_amend            (RsSession          *session,
                                       const char         *number,
                                       GError            **error);
/* Stores the file (≤ 25 MB) and attaches it to a draft or posted slip
 * (RS_ACTION_SLIP_EDIT). Returns the slip as it is now. */
RsSlip     *rs_slips_attach           (RsSession          *session,
                                       const char         *number,
                                       const char         *path,
                                       GError            **error);
/* The bytes of an attachment, checked against their hash (RS_ERROR_STORAGE if damaged). */
GBytes     *rs_slips_read_attachment  (RsSession          *session,
                                       RsSlipAttachment   *attachment,
                                       GError            **error);

/* The whole slip with lines and attachments; RS_ERROR_NOT_FOUND when there is none. */
RsSlip     *rs_slips_lookup           (RsSession          *session,
                                       const char         *number,
                                       GError            **error);

/* The columns a list of slips sorts by. */
typedef enum {
  RS_SLIP_SORT_CREATED,     /* the order they were written in */
  RS_SLIP_SORT_NUMBER,
  RS_SLIP_SORT_KIND,
  RS_SLIP_SORT_PURPOSE,
  RS_SLIP_SORT_WAREHOUSE,   /* its code */
  RS_SLIP_SORT_PARTNER,     /* the customer's or supplier's name */
  RS_SLIP_SORT_DATE,
  RS_SLIP_SORT_STATE,       /* draft, posted, voided */
  RS_SLIP_SORT_LINES,
  RS_SLIP_SORT_TOTAL,       /* rs_slip_get_total() */
} RsSlipSort;

/* Zeroed (kind and state aside), every slip, newest first. */
typedef struct
{
  int         kind;        /* an RsSlipKind, or -1 for all */
  int         state;       /* an RsSlipState, or -1 for all */
  const char *warehouse;   /* code, or NULL for all */
  guint       limit;       /* 0: no limit; otherwise the first `limit` in the order */
  /* Text in the number, in the partner's code, name, contact or phone, or in a line's
   * product (SKU, name, spec, barcode); NULL or "" for all. Three characters or more use the
   * search indexes, one or two LIKE. */
  const char *search;
  const char *date_from;   /* "YYYY-MM-DD": slips dated on or after; NULL for no bound */
  const char *date_to;     /* "YYYY-MM-DD": on or before */
  RsSlipSort  sort;
  gboolean    ascending;   /* FALSE: largest, newest, last in the alphabet first */
} RsSlipFilter;

/* A GListModel of RsSlip, headers only (lines are counted, not loaded), read from SQL a page
 * at a time (RsPagedModel: rs_paged_model_refresh() takes a new snapshot). Refuses a search
 * over 100 characters and dates that are not dates (RS_ERROR_VALIDATION). */
GListModel *rs_slips_list             (RsSession          *session,
                                       const RsSlipFilter *filter,
                                       GError            **error);

G_END_DECLS
