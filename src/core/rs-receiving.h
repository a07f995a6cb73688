/* rs-receiving.h — goods arriving against an approved return (收货), and the discrepancies
 * customer service resolves (DESIGN §2).
 *
 * A receipt posts one return-in slip (RK…) into the warehouse's quarantine location QA,
 * linked to the return, in the same transaction. What the lines approved is counted as
 * received; a product the return does not list, or more than approved, is a discrepancy
 * that keeps the return RECEIVING until customer service accepts it or sends it back to
 * the customer on an out slip (CK…, purpose send-back). Every call checks permission and
 * state and writes its audit row and timeline event; a refused call changes nothing.
 */
#pragma once

#include <gio/gio.h>
#include "rs-return.h"
#include "rs-session.h"

G_BEGIN_DECLS

/* One product as it arrived; strings borrowed. */
typedef struct
{
  const char *sku;        /* a SKU or barcode */
  gint64      quantity;   /* thousandths, > 0, within the product's decimals */
} RsReceiptLineFields;

/* APPROVED or RECEIVING → RECEIVING (something still missing or a discrepancy open) or
 * RECEIVED (RS_ACTION_RETURN_RECEIVE). All goods of a return go to one warehouse (code).
 * comment may be NULL. */
RsReturn *rs_returns_receive (RsSession                 *session,
                              const char                *number,
                              const char                *warehouse,
                              const RsReceiptLineFields *lines,
                              guint                      n_lines,
                              const char                *comment,
                              GError                   **error);

typedef enum {
  RS_RESOLVE_ACCEPT,      /* the line (or a new line of origin "receipt") takes the goods */
  RS_RESOLVE_SEND_BACK,   /* an out slip takes them from QA back to the customer */
} RsResolveDecision;

/* "accept", "send-back" as typed. */
gboolean  rs_resolve_decision_parse (const char        *key,
                                     RsResolveDecision *decision,
                                     GError           **error);

/* Resolves the open discrepancies of the product (sku; NULL: all of the return)
 * (RS_ACTION_RETURN_RESOLVE); the return then goes on to RECEIVED when nothing is missing. */
RsReturn *rs_returns_resolve (RsSession        *session,
                              const char       *number,
                              const char       *sku,
                              RsResolveDecision decision,
                              const char       *comment,
                              GError          **error);

G_END_DECLS
