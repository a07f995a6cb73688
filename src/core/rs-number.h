/* rs-number.h — gap-free document numbers: prefix + date + daily sequence (DESIGN §3). */
#pragma once

#include "rs-database.h"

G_BEGIN_DECLS

/* The prefixes of DESIGN §3. */
#define RS_NUMBER_PREFIX_RETURN     "TH"
#define RS_NUMBER_PREFIX_IN         "RK"
#define RS_NUMBER_PREFIX_OUT        "CK"
#define RS_NUMBER_PREFIX_TRANSFER   "DB"
#define RS_NUMBER_PREFIX_INSPECTION "JY"
#define RS_NUMBER_PREFIX_SETTLEMENT "BZ"

/* The next number for prefix on the local date of when_us: "RK20261126-0001".
 *
 * Must be called inside the caller's transaction (rs_transaction_begin), which
 * also writes the document: the counter and the document commit or roll back
 * together, so numbers have no gaps, and BEGIN IMMEDIATE serialises writers, so
 * no two get the same number. Past 9999 a day the sequence simply grows a digit. */
char *rs_number_next (RsDatabase *database,
                      const char *prefix,
                      gint64      when_us,
                      GError    **error);

G_END_DECLS
