/* rs-validate.c */
#include "rs-validate.h"
#include "rs-error.h"
#include "rs-i18n.h"

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
rs_validate_text (const char *text, const char *what, gsize max_chars, RsTextFlags flags, GError **error)
{
  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("The %s is not valid text."), what), FALSE;
  if ((flags & RS_TEXT_REQUIRED) && is_blank (text))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("The %s is empty."), what), FALSE;
  /* Counting stops early: a 10 MB paste is refused without walking all of it. */
  if (g_utf8_strlen (text, (gssize) (max_chars + 1) * 4) > (glong) max_chars)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The %s is too long (at most %zu characters)."), what, max_chars), FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((flags & RS_TEXT_CODE) && (g_unichar_isspace (c) || c == ':' || c == '@' || c == '>' || c == ','))
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("The %s may not contain spaces or the characters : @ > ,"), what), FALSE;
      if (g_unichar_iscntrl (c) && !((flags & RS_TEXT_MULTILINE) && (c == '\n' || c == '\t' || c == '\r')))
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("The %s may not contain control characters."), what), FALSE;
    }
  return TRUE;
}
