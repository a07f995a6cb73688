/* rs-error.h — the RS_ERROR domain: what went wrong, in words a user can act on. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RS_ERROR (rs_error_quark ())

typedef enum {
  RS_ERROR_FAILED,              /* nothing more specific applies */
  RS_ERROR_PERMISSION,          /* the session's user may not do this */
  RS_ERROR_INSUFFICIENT_STOCK,  /* a movement would make on-hand negative */
  RS_ERROR_INVALID_STATE,       /* the object is not in a state that allows this */
  RS_ERROR_VALIDATION,          /* input is malformed or out of range */
  RS_ERROR_NOT_FOUND,           /* no such object */
  RS_ERROR_STORAGE,             /* the database or a file could not be read or written */
  RS_ERROR_AUTH,                /* wrong user name or password, or the account cannot log in */
  RS_ERROR_LOCKED,              /* too many wrong passwords: wait */
  RS_ERROR_NOT_RESTOCK,         /* the file is not a Restock database */
  RS_ERROR_TOO_NEW,             /* the database was made by a newer Restock */
  RS_ERROR_EXISTS,              /* the object already exists */
} RsError;

GQuark rs_error_quark (void);

G_END_DECLS
