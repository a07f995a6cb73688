/* rs-settings.h — company-wide settings kept in the database (not per desktop). */
#pragma once

#include "rs-database.h"
#include "rs-session.h"

G_BEGIN_DECLS

#define RS_SETTING_COMPANY_NAME "company.name"

/* The stored value, or a copy of fallback when the key is unset. */
char     *rs_settings_get         (RsDatabase *database,
                                   const char *key,
                                   const char *fallback);
/* The entry point for people: needs RS_ACTION_SETTINGS_EDIT, checks the text
 * and records "setting.change" with the value before and after. */
gboolean  rs_settings_set         (RsSession  *session,
                                   const char *key,
                                   const char *value,
                                   GError    **error);
/* Writes without asking permission: for core code that has already checked. */
gboolean  rs_settings_store       (RsDatabase *database,
                                   const char *key,
                                   const char *value,
                                   GError    **error);

G_END_DECLS
