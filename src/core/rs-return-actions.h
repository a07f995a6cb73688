/* rs-return-actions.h — what a user may do with a return now: the buttons a window offers.
 *
 * The same rules the calls themselves enforce (permission, state, signer, quantities left),
 * asked without trying: a window shows a button for each action this answers, and the call
 * still checks everything again when it is pressed.
 */
#pragma once

#include <gio/gio.h>
#include "rs-return.h"
#include "rs-session.h"

G_BEGIN_DECLS

typedef enum {
  RS_RETURN_ACTION_EDIT     = 1 << 0,   /* a draft: change header and lines (rs_returns_update) */
  RS_RETURN_ACTION_SUBMIT   = 1 << 1,   /* a draft: rs_returns_submit */
  RS_RETURN_ACTION_APPROVE  = 1 << 2,   /* sign the level that is due */
  RS_RETURN_ACTION_REJECT   = 1 << 3,   /* reject at the level that is due */
  RS_RETURN_ACTION_REVISE   = 1 << 4,   /* a rejected return back to draft */
  RS_RETURN_ACTION_CANCEL   = 1 << 5,
  RS_RETURN_ACTION_RECEIVE  = 1 << 6,
  RS_RETURN_ACTION_RESOLVE  = 1 << 7,   /* an open receiving discrepancy */
  RS_RETURN_ACTION_INSPECT  = 1 << 8,   /* received goods not yet inspected */
  RS_RETURN_ACTION_DISPOSE  = 1 << 9,   /* inspected goods not yet disposed */
  RS_RETURN_ACTION_ADD_COST = 1 << 10,
  RS_RETURN_ACTION_ATTACH   = 1 << 11,  /* add photos and files */
  RS_RETURN_ACTION_PRINT    = 1 << 12,  /* print its documents */
  RS_RETURN_ACTION_MAIL     = 1 << 13,  /* the confirmation e-mail (rs_returns_confirmation_mailto) */
  RS_RETURN_ACTION_SETTLE   = 1 << 14,  /* disposed, in no settlement yet: rs_settlements_create */
} RsReturnActions;

/* The actions the session's user may take on `ret` now (roles read from the database now,
 * as rs_permission_check() does). 0 with error set when reading fails; a disabled account
 * may do nothing (0, no error). */
RsReturnActions rs_returns_get_actions (RsSession  *session,
                                        RsReturn   *ret,
                                        GError    **error);

G_END_DECLS
