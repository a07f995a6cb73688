/* rs-error.c */
#include "rs-error.h"

G_DEFINE_QUARK (rs-error-quark, rs_error)
