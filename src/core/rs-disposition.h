/* rs-disposition.h — what happens to inspected goods (处理), per line and quantity (DESIGN §2).
 *
 *   restock  QA → a storage location (transfer slip, purpose restock)
 *   repair   QA → a repair location (transfer, purpose repair); back to storage when repaired
 *            (transfer, purpose repair-back)
 *   scrap    out of QA (out slip, purpose scrap); the scrap loss, quantity × moving-average
 *            cost, becomes a cost line of the return
 *   vendor   out of QA to the supplier (out slip, purpose return-to-vendor)
 *   replace  new goods from storage out to the customer (out slip, purpose replacement);
 *            the returned goods stay in quarantine
 *
 * Each disposition posts its slip in the same transaction; a disposition whose goods are
 * not there moves nothing (RS_ERROR_INSUFFICIENT_STOCK). When every inspected quantity is
 * disposed the return is DISPOSED.
 */
#pragma once

#include <gio/gio.h>
#include "rs-return.h"
#include "rs-session.h"

G_BEGIN_DECLS

typedef enum {
  RS_DISPOSITION_RESTOCK,
  RS_DISPOSITION_REPAIR,
  RS_DISPOSITION_SCRAP,
  RS_DISPOSITION_VENDOR,
  RS_DISPOSITION_REPLACE,
} RsDispositionKind;

/* "restock", "repair", "scrap", "vendor", "replace" as stored and typed. */
const char *rs_disposition_kind_get_key          (RsDispositionKind  kind);
const char *rs_disposition_kind_get_display_name (RsDispositionKind  kind);
gboolean    rs_disposition_kind_parse            (const char        *key,
                                                  RsDispositionKind *kind,
                                                  GError           **error);

/* One disposition as typed; strings borrowed. */
typedef struct
{
  const char        *sku;
  gint64             quantity;   /* thousandths, > 0 */
  RsDispositionKind  kind;
  /* restock, repair: the location code in the receiving warehouse (NULL: its only storage
   * or repair location); replace: where the new goods come from (NULL: the only storage
   * location); vendor: the supplier's code or name (NULL: who the product was last bought
   * from); scrap: NULL. */
  const char        *target;
} RsDispositionFields;

/* Inspected goods of a return that is RECEIVING, RECEIVED or INSPECTED
 * (RS_ACTION_RETURN_DISPOSE). Refuses more than inspected and not yet disposed. */
RsReturn *rs_returns_dispose  (RsSession                 *session,
                               const char                *number,
                               const RsDispositionFields *lines,
                               guint                      n_lines,
                               GError                   **error);

/* Goods back from repair; strings borrowed. */
typedef struct
{
  const char *sku;
  gint64      quantity;   /* 0: all of the line still in repair */
  const char *location;   /* a storage location; NULL: the warehouse's only one */
} RsRepairFields;

/* Moves repaired goods from the repair location back to storage (RS_ACTION_RETURN_DISPOSE).
 * Repairs come back whole: the quantity is the sum of whole repair dispositions. */
RsReturn *rs_returns_repaired (RsSession            *session,
                               const char           *number,
                               const RsRepairFields *lines,
                               guint                 n_lines,
                               GError              **error);

G_END_DECLS
