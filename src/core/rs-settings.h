/* rs-settings.h — company-wide settings kept in the database (not per desktop). */
#pragma once

#include <json-glib/json-glib.h>
#include "rs-database.h"
#include "rs-session.h"

G_BEGIN_DECLS

#define RS_SETTING_COMPANY_NAME "company.name"
/* What printed documents show and how they are made (DESIGN §7). */
#define RS_SETTING_COMPANY_ADDRESS "company.address"
#define RS_SETTING_COMPANY_PHONE   "company.phone"
/* The SHA-256 of the logo in the file store (rs_settings_set_logo); "" for none. */
#define RS_SETTING_COMPANY_LOGO    "company.logo"
/* The CJK font file documents are set in; "" finds WenQuanYi Micro Hei through fontconfig. */
#define RS_SETTING_PRINT_FONT      "print.font"
/* The paper documents are printed on unless the print names one: a4 (default), a5, form241. */
#define RS_SETTING_PRINT_TEMPLATE  "print.template"

/* The stored value, or a copy of fallback when the key is unset. */
char     *rs_settings_get         (RsDatabase *database,
                                   const char *key,
                                   const char *fallback);
/* The entry point for people: needs RS_ACTION_SETTINGS_EDIT, checks the text
 * and records "setting.change" with the value before and after. The keys above
 * are checked further: one-line name and phone, a template nick, a font path
 * that is an existing file, a logo hash of a stored picture ("" clears each). */
gboolean  rs_settings_set         (RsSession  *session,
                                   const char *key,
                                   const char *value,
                                   GError    **error);
/* Stores the picture (PNG or JPEG, at most RS_ATTACHMENT_MAX_SIZE) in the file store
 * and makes it the logo, as rs_settings_set() does; NULL or "" removes the logo. */
gboolean  rs_settings_set_logo    (RsSession  *session,
                                   const char *path,
                                   GError    **error);
/* The keys people set one by one (`settings set`), in the order they are shown:
 * company name, address, phone, logo, print font, print template. */
const char * const *rs_settings_get_keys (void);
/* What a key means, for people: "Company address". NULL for keys not listed above. */
const char *rs_settings_key_get_display_name (const char *key);
/* Those settings as {"company.name": "…", …}, "" for unset ones (RS_ACTION_VIEW). */
JsonNode *rs_settings_to_json     (RsSession  *session,
                                   GError    **error);
/* Writes without asking permission: for core code that has already checked. */
gboolean  rs_settings_store       (RsDatabase *database,
                                   const char *key,
                                   const char *value,
                                   GError    **error);

G_END_DECLS
