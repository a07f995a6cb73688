/* rs-check.h — `check`: is the database consistent? (DESIGN §3, §6) */
#pragma once

#include "rs-database.h"

G_BEGIN_DECLS

/* Runs every check — PRAGMA integrity_check and foreign_key_check, the audit
 * chain, on-hand against the ledger, and every stored file against its hash —
 * and returns one translated sentence per problem found (an empty array when all
 * is well). NULL with error only when a check could not run at all. */
GPtrArray *rs_check_database (RsDatabase *database,
                              GError    **error);

G_END_DECLS
