/* rs-password.c — Argon2id through crypto_pwhash_str; the hash string carries its own salt and cost. */
#include "rs-password.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <sodium.h>
#include <string.h>

#define MAX_PASSWORD_BYTES 1024

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_FAILED, _("The password library could not start."));
      return FALSE;
    }
  return TRUE;
}

gboolean
rs_password_validate (const char *password, GError **error)
{
  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("The password is not valid text."));
      return FALSE;
    }
  if (g_utf8_strlen (password, -1) < RS_PASSWORD_MIN_CHARS)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The password must have at least %d character.",
                                "The password must have at least %d characters.",
                                RS_PASSWORD_MIN_CHARS),
                   RS_PASSWORD_MIN_CHARS);
      return FALSE;
    }
  if (strlen (password) > MAX_PASSWORD_BYTES)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The password is too long (at most %d bytes)."), MAX_PASSWORD_BYTES);
      return FALSE;
    }
  return TRUE;
}

char *
rs_password_hash (const char *password, GError **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!rs_password_validate (password, error) || !ensure_sodium (error))
    return NULL;

  if (crypto_pwhash_str_alg (hash, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_FAILED,
                           _("Not enough memory to hash the password."));
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
rs_password_verify (const char *hash, const char *password)
{
  if (hash == NULL || password == NULL || sodium_init () < 0)
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}
