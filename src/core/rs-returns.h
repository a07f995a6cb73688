/* rs-returns.h — taking in a return (退货登记), finding and listing returns (DESIGN §2).
 *
 * Every call that changes data checks its permission and the return's state, and
 * writes its audit row and timeline event in its own transaction; a refused call
 * changes nothing. The approval workflow is in rs-approval.h.
 */
#pragma once

#include <gio/gio.h>
#include "rs-return.h"
#include "rs-session.h"

G_BEGIN_DECLS

/* One line as typed; strings borrowed. */
typedef struct
{
  const char *sku;          /* a SKU or barcode */
  gint64      quantity;     /* thousandths, > 0, within the product's decimals */
  /* fen; -1: the sale slip's price when it has one, else the product's list price. */
  gint64      unit_price;
  const char *serial;       /* serial or lot numbers; NULL for none */
} RsReturnLineFields;

/* A return as typed; strings borrowed, NULL for none. */
typedef struct
{
  /* A customer code or name. With a sale slip it may be left out (the slip's customer);
   * given, it must be the slip's. */
  const char               *customer;
  const char               *reason;        /* a reason code: quality, damaged, … */
  /* The posted sale out-slip (CK…) the goods were shipped on. Then each product's
   * quantity is at most what the slip shipped less what other returns against it
   * take back (cancelled and rejected ones do not count), and the sale date is the slip's. */
  const char               *sale_slip;
  const char               *order_ref;     /* order or invoice reference, free text */
  const char               *sale_date;     /* "YYYY-MM-DD"; with a slip: the slip's date if NULL */
  const char               *request_date;  /* "YYYY-MM-DD"; NULL: today */
  const char               *description;
  const RsReturnLineFields *lines;
  guint                     n_lines;
  const char * const       *attachments;   /* file paths, NULL-terminated; NULL for none */
} RsReturnFields;

/* A new DRAFT return numbered TH… (RS_ACTION_RETURN_EDIT), with the return-window
 * check recorded. Refuses unknown customers, reasons and products, dates in the
 * future or a sale after the request, and quantities beyond the sale slip (RS_ERROR_VALIDATION). */
RsReturn   *rs_returns_create    (RsSession            *session,
                                  const RsReturnFields *fields,
                                  GError              **error);
/* Replaces a DRAFT's header and lines (RS_ACTION_RETURN_EDIT); attachments are added. */
RsReturn   *rs_returns_update    (RsSession            *session,
                                  const char           *number,
                                  const RsReturnFields *fields,
                                  GError              **error);
/* Stores the file (≤ 25 MB) and attaches it to a return not yet closed (RS_ACTION_RETURN_EDIT). */
RsReturn   *rs_returns_attach    (RsSession            *session,
                                  const char           *number,
                                  const char           *path,
                                  GError              **error);

/* What a sale out-slip lets a return take back, per product (for an intake form to fill in
 * and cap its lines). */
typedef struct
{
  char   *sku;
  char   *name;
  char   *unit;
  int     decimals;
  gint64  shipped;      /* thousandths the slip shipped */
  gint64  returnable;   /* shipped less what other returns take (cancelled and rejected do not count) */
  gint64  unit_price;   /* fen, the slip's price; -1 for none */
} RsReturnSaleLine;

void        rs_return_sale_line_clear (RsReturnSaleLine *line);

/* The products of the posted sale out-slip `slip` in line order, as GArray of RsReturnSaleLine
 * (RS_ACTION_VIEW). Returns other than `except_return` (the draft being edited; NULL for
 * none) count against it: the same rule rs_returns_create and _update enforce. Refuses
 * what is not a posted sale slip (RS_ERROR_NOT_FOUND, RS_ERROR_VALIDATION). */
GArray     *rs_returns_sale_lines     (RsSession            *session,
                                       const char           *slip,
                                       const char           *except_return,
                                       GError              **error);

/* The whole return (RS_ACTION_VIEW); RS_ERROR_NOT_FOUND when there is none. */
RsReturn   *rs_returns_lookup    (RsSession            *session,
                                  const char           *number,
                                  GError              **error);

/* The columns a list of returns sorts by. */
typedef enum {
  RS_RETURN_SORT_CREATED,    /* the order they were taken in */
  RS_RETURN_SORT_NUMBER,
  RS_RETURN_SORT_CUSTOMER,   /* the customer's name */
  RS_RETURN_SORT_REASON,     /* the reasons' order in master data */
  RS_RETURN_SORT_STATE,      /* the workflow's order: draft, submitted, … settled, rejected, cancelled */
  RS_RETURN_SORT_AMOUNT,     /* the refund value */
  RS_RETURN_SORT_AGE,        /* rs_return_get_age() */
  RS_RETURN_SORT_FLAGS,      /* how many flags (recorded and pending) */
} RsReturnSort;

/* Zeroed (state aside), every return, newest first. */
typedef struct
{
  int          state;      /* an RsReturnState, or -1 for all */
  gboolean     flagged;    /* only returns with a recorded or pending breach */
  const char  *customer;   /* a customer code, or NULL for all */
  guint        limit;      /* 0: no limit; otherwise the first `limit` in the order */
  /* Text in the number or order reference, in the customer's code, name, contact or phone,
   * or in a line's product (SKU, name, spec, barcode); NULL or "" for all. Three characters
   * or more use the search indexes (substrings, also of Chinese); one or two LIKE. */
  const char  *search;
  /* Only the returns whose next step the user's roles may take now: submit or revise
   * (drafts, rejected), sign the level that is due (not one's own return, nor a second level),
   * receive, inspect, resolve a discrepancy, dispose, settle. */
  gboolean     waiting;
  /* Only the returns whose receiving or inspection deadline has passed with the step not
   * done yet (a pending flag): what is overdue now. */
  gboolean     overdue;
  RsReturnSort sort;
  gboolean     ascending;  /* FALSE: largest, newest, last in the alphabet first */
} RsReturnFilter;

/* A GListModel of RsReturn with lines, signatures and flags (RS_ACTION_VIEW), read from SQL
 * a page at a time (RsPagedModel: rs_paged_model_refresh() takes a new snapshot). Refuses a
 * search text over 100 characters (RS_ERROR_VALIDATION). */
GListModel *rs_returns_list      (RsSession            *session,
                                  const RsReturnFilter *filter,
                                  GError              **error);

/* The dashboard's figures, by state: whether the user's roles take the next step of returns
 * in that state, how many wait for the user (the filter's `waiting`) and how many of those
 * are overdue (the filter's `overdue`). */
typedef struct
{
  gboolean acts[RS_RETURN_N_STATES];
  guint    waiting[RS_RETURN_N_STATES];
  guint    overdue[RS_RETURN_N_STATES];
} RsReturnCounts;

/* Counts in one pass over what waits for the user (RS_ACTION_VIEW). */
gboolean    rs_returns_count_waiting (RsSession         *session,
                                      RsReturnCounts    *counts,
                                      GError           **error);

/* Everything `return show --json` prints: rs_return_to_json() plus attachments, costs
 * with totals, linked slips, the timeline and, once approved, the confirmation mailto.
 * Sections are listed in rs-return-describe.c; later stages add theirs there. */
JsonNode   *rs_returns_describe  (RsSession            *session,
                                  const char           *number,
                                  GError              **error);

/* The confirmation e-mail draft (认证邮件) of an approved return: a mailto: URI to the
 * customer's address with subject and body filled in (RS_ACTION_VIEW). Refused
 * (RS_ERROR_INVALID_STATE) before approval and after cancellation. */
char       *rs_returns_confirmation_mailto (RsSession  *session,
                                            const char *number,
                                            GError    **error);

G_END_DECLS
