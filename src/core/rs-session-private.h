/* rs-session-private.h: what core alone asks of a session. */
#pragma once

#include "rs-permission.h"
#include "rs-session.h"

G_BEGIN_DECLS

/* A bulk change (an import) checks its permission once, inside its write transaction, and
 * vouches for it: until the matching unvouch, rs_permission_check() of that action passes
 * without reading the user again. Inside the transaction nobody else can change the user
 * (BEGIN IMMEDIATE holds the write lock), so the answer cannot go stale. */
void     rs_session_vouch       (RsSession *self,
                                 RsAction   action);
void     rs_session_unvouch     (RsSession *self);
gboolean rs_session_is_vouched  (RsSession *self,
                                 RsAction   action);

G_END_DECLS
