/* rs-session.h — a logged-in user on an open database: what every core call acts as. */
#pragma once

#include <glib-object.h>
#include "rs-database.h"
#include "rs-user.h"

G_BEGIN_DECLS

#define RS_LOGIN_MAX_FAILURES 5
#define RS_LOGIN_LOCK_SECONDS 30

#define RS_TYPE_SESSION (rs_session_get_type ())
G_DECLARE_FINAL_TYPE (RsSession, rs_session, RS, SESSION, GObject)

/* Wrong user name and wrong password get the same answer (RS_ERROR_AUTH).
 * After RS_LOGIN_MAX_FAILURES wrong passwords in a row the account waits
 * RS_LOGIN_LOCK_SECONDS (RS_ERROR_LOCKED). */
RsSession  *rs_session_login        (RsDatabase *database,
                                     const char *name,
                                     const char *password,
                                     GError    **error);
/* The same user on a second connection to the same database file, for a worker thread
 * (a connection is used by one thread at a time). Reads the account again: refused
 * (RS_ERROR_AUTH) when it has been disabled since. */
RsSession  *rs_session_reopen       (RsSession  *self,
                                     GError    **error);
RsDatabase *rs_session_get_database (RsSession  *self);
RsUser     *rs_session_get_user     (RsSession  *self);

G_END_DECLS
