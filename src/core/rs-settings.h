/* rs-settings.h — company-wide settings kept in the database (not per desktop). */
#pragma once

#include "rs-database.h"

G_BEGIN_DECLS

#define RS_SETTING_COMPANY_NAME "company.name"

/* The stored value, or a copy of fallback when the key is unset. */
char     *rs_settings_get         (RsDatabase *database,
                                   const char *key,
                                   const char *fallback);
/* Writes without asking permission: for core code that has already checked. */
gboolean  rs_settings_store       (RsDatabase *database,
                                   const char *key,
                                   const char *value,
                                   GError    **error);

G_END_DECLS
