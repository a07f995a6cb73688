/* rs-password.h — password rules and Argon2id hashes (libsodium). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RS_PASSWORD_MIN_CHARS 8

gboolean rs_password_validate (const char *password,
                               GError    **error);
char    *rs_password_hash     (const char *password,
                               GError    **error);
gboolean rs_password_verify   (const char *hash,
                               const char *password);

G_END_DECLS
