/* rs-return-private.h — what the return modules share inside core: the fields of the
 * return objects, loading them, and the one way a return changes (state, timeline, audit).
 *
 * Receiving, inspection, disposition, costs and settlement build on these:
 *   g_autoptr(RsTransaction) tx = rs_transaction_begin (db, error);
 *   g_autoptr(RsReturn) before = rs_return_load (db, number, error);
 *   rs_return_require_state (before, allowed, n_allowed, _("receive goods"), error);
 *   … write rows …
 *   after = rs_return_change (session, before, "return.receive", RS_RETURN_RECEIVING, comment, "RK…", error);
 *   rs_transaction_commit (tx, error);
 */
#pragma once

#include "rs-return.h"
#include "rs-role.h"
#include "rs-session.h"

G_BEGIN_DECLS

#define RS_RETURN_MAX_LINES        500
#define RS_RETURN_MAX_TEXT_CHARS   1000   /* description, comments */
#define RS_RETURN_MAX_REF_CHARS    100    /* order reference */
#define RS_RETURN_MAX_SERIAL_CHARS 200

struct _RsReturnLine
{
  GObject  parent_instance;
  gint64   id;
  guint    number;
  gint64   product_id;
  char    *sku;
  char    *product_name;
  char    *unit;
  int      decimals;
  gint64   quantity;
  gint64   unit_price;
  char    *serial;
  char    *origin;
  gint64   sale_slip_line_id;
  gint64   received;
  gint64   inspected;
  gint64   disposed;
};

struct _RsReturnSignature
{
  GObject             parent_instance;
  guint               round;
  guint               level;
  RsRoles             role;
  char               *user;
  gint64              user_id;
  RsSignatureDecision decision;
  char               *comment;
  gint64              signed_at;
};

struct _RsReturnFlag
{
  GObject    parent_instance;
  RsFlagKind kind;
  gboolean   pending;
  gboolean   in_hours;
  gint64     limit;
  gint64     actual;
  gint64     detected_at;
};

/* One level of the chain as it applies to a round. */
typedef struct
{
  guint   level;
  RsRoles role;
  gint64  min_amount;   /* fen; -1: applies whatever the amount */
} RsApprovalStep;

struct _RsReturn
{
  GObject        parent_instance;
  gint64         id;
  char          *number;
  RsReturnState  state;
  gint64         customer_id;
  char          *customer_code;
  char          *customer_name;
  char          *customer_email;
  gint64         sale_slip_id;
  char          *sale_slip;
  char          *order_ref;
  char          *sale_date;
  char          *request_date;
  gint64         reason_id;
  char          *reason_code;
  char          *reason_name;
  char          *description;
  gint64         refund_value;
  guint          round;
  char          *last_comment;
  gint64         created_by_id;
  char          *created_by;
  gint64         created_at;
  gint64         updated_at;
  gint64         submitted_at;
  gint64         approved_at;
  gint64         receiving_at;
  gint64         received_at;
  gint64         inspected_at;
  gint64         disposed_at;
  gint64         settled_at;
  gint64         closed_at;
  GArray        *steps;        /* RsApprovalStep of the current round, by level */
  GListStore    *lines;        /* RsReturnLine */
  GListStore    *signatures;   /* RsReturnSignature of the current round */
  GListStore    *flags;        /* RsReturnFlag */
};

/* The header columns rs_return_from_row() reads; add "WHERE …". */
#define RS_RETURN_SELECT \
  "SELECT r.id, r.number, r.state, r.customer_id, c.code, c.name, c.email, r.sale_slip_id, s.number, " \
  "       r.order_ref, r.sale_date, r.request_date, r.reason_id, re.code, re.name, r.description, " \
  "       r.refund_value, r.round, r.last_comment, r.created_by, u.name, r.created_at, r.updated_at, " \
  "       r.submitted_at, r.approved_at, r.receiving_at, r.received_at, r.inspected_at, r.disposed_at, " \
  "       r.settled_at, r.closed_at " \
  "FROM customer_return r " \
  "JOIN customer c ON c.id = r.customer_id " \
  "LEFT JOIN slip s ON s.id = r.sale_slip_id " \
  "JOIN reason re ON re.id = r.reason_id " \
  "JOIN user u ON u.id = r.created_by "

/* The header only (lines, signatures and flags empty). */
RsReturn *rs_return_from_row   (RsStatement *stmt);
/* Reads the lines, the current round's steps and signatures, and the flags of a header. */
gboolean  rs_return_load_details (RsDatabase *database,
                                  RsReturn   *self,
                                  GError    **error);

/* The whole return with lines, steps, signatures and flags (pending ones as of now).
 * RS_ERROR_NOT_FOUND naming the number when there is none. No permission check. */
RsReturn *rs_return_load       (RsDatabase *database,
                                const char *number,
                                GError    **error);
RsReturn *rs_return_load_by_id (RsDatabase *database,
                                gint64      id,
                                GError    **error);

/* RS_ERROR_INVALID_STATE unless the return is in one of the states: "TH… is 已批准; you
 * can <what> only a return that is 草稿 or 已驳回." `what` is translated by the caller. */
gboolean  rs_return_require_state (RsReturn            *self,
                                   const RsReturnState *allowed,
                                   guint                n_allowed,
                                   const char          *what,
                                   GError             **error);

/* Inside the caller's transaction: moves the return to `to` (-1: stays where it is),
 * stamping the stage's time (submitted_at for SUBMITTED, approved_at for APPROVED,
 * receiving_at the first time it is RECEIVING, …, closed_at for REJECTED and CANCELLED)
 * and updated_at; appends the timeline event (kind = action without "return."),
 * reloads it and writes the audit row `action` with before → after. Returns the
 * return as it is now. comment and ref may be NULL. */
RsReturn *rs_return_change     (RsSession  *session,
                                RsReturn   *before,
                                const char *action,
                                int         to,
                                const char *comment,
                                const char *ref,
                                GError    **error);

/* After inserting a return (and its lines): the timeline's first event and the
 * audit row "return.new". Returns the return as written. */
RsReturn *rs_return_record_new (RsSession  *session,
                                gint64      id,
                                GError    **error);

/* "2026-11-26T10:00:00+08:00"; NULL for 0. */
char     *rs_return_format_time (gint64 when_us);
/* Today's local date by rs_clock_now(): "2026-11-26". */
char     *rs_return_today       (void);
/* Checks "YYYY-MM-DD" is a real date (RS_ERROR_VALIDATION naming `what` otherwise). */
gboolean  rs_return_check_date  (const char *text,
                                 const char *what,
                                 GError    **error);

/* Submitting: copies the levels of approval_level that apply to the refund value into
 * return_approval_step for the round, renumbered 1…n (rs-approval.c). */
gboolean rs_approval_steps_copy (RsDatabase *database,
                                 gint64      return_id,
                                 guint       round,
                                 gint64      refund_value,
                                 guint      *n_steps,
                                 GError    **error);

/* ---- the sale out-slip a return reverses (rs-return-sale.c) ---- */

/* The posted sale out-slip numbered `number`: its id, customer (0 for none) and date.
 * RS_ERROR_NOT_FOUND / RS_ERROR_VALIDATION when it is not a posted sale slip. */
gboolean rs_return_sale_resolve (RsDatabase *database,
                                 const char *number,
                                 gint64     *slip_id,
                                 gint64     *customer_id,
                                 char      **date,
                                 GError    **error);
/* The first line of the slip with the product: its id and unit price (-1: none). FALSE: not on it. */
gboolean rs_return_sale_line    (RsDatabase *database,
                                 gint64      slip_id,
                                 gint64      product_id,
                                 gint64     *slip_line_id,
                                 gint64     *unit_price,
                                 GError    **error);
/* Once the return's lines are written: each product at most what the slip shipped less
 * what other returns against it take (cancelled and rejected do not count).
 * RS_ERROR_VALIDATION naming product, shipped, taken (by which returns) and asked. */
gboolean rs_return_sale_check   (RsDatabase *database,
                                 gint64      return_id,
                                 gint64      slip_id,
                                 GError    **error);

/* ---- files (return attachments, inspection photos) ---- */

typedef struct
{
  char   *sha256;
  char   *file_name;
  char   *content_type;
  gint64  size;
} RsStoredFile;

/* Reads the file (≤ RS_ATTACHMENT_MAX_SIZE) into the attachment store; call inside
 * the transaction that records the reference. */
gboolean rs_return_store_file   (RsDatabase   *database,
                                 const char   *path,
                                 RsStoredFile *out,
                                 GError      **error);
void     rs_stored_file_clear   (RsStoredFile *file);

/* Constructors for the loaders. */
RsReturnFlag *rs_return_flag_new (RsFlagKind kind,
                                  gboolean   pending,
                                  gint64     limit,
                                  gint64     actual,
                                  gint64     detected_at);

G_END_DECLS
