/* rs-money.c — decimal text ↔ scaled integers, and amounts in words. */
#include "rs-money.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <string.h>

/* The parts of a decimal number as typed: sign, whole digits (separators
 * removed) and fraction digits, each checked for shape only. */
typedef struct
{
  gboolean negative;
  GString *whole;
  GString *fraction;
} Decimal;

static void
decimal_clear (Decimal *d)
{
  g_string_free (d->whole, TRUE);
  g_string_free (d->fraction, TRUE);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Decimal, decimal_clear)

/* Skips a currency sign: "¥" (U+00A5) or the full-width "￥" (U+FFE5). */
static const char *
skip_currency (const char *p, gboolean *seen)
{
  if (g_str_has_prefix (p, "¥"))
    return *seen = TRUE, p + strlen ("¥");
  if (g_str_has_prefix (p, "￥"))
    return *seen = TRUE, p + strlen ("￥");
  return p;
}

/* Splits "-¥1,234.50" into its parts. FALSE when the text is not shaped like a
 * number; thousands separators must group by three. */
static gboolean
decimal_split (const char *text, gboolean currency_allowed, Decimal *d)
{
  const char *p = text;
  gboolean currency = FALSE;
  int group = -1;   /* digits since the last separator; -1 before any separator */

  if (currency_allowed)
    p = skip_currency (p, &currency);
  if (*p == '-' || *p == '+')
    d->negative = *p++ == '-';
  if (currency_allowed && !currency)
    p = skip_currency (p, &currency);

  for (; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      if (*p == ',')
        {
          if (d->whole->len == 0 || (group != -1 && group != 3))
            return FALSE;
          group = 0;
          continue;
        }
      g_string_append_c (d->whole, *p);
      if (group != -1)
        group++;
    }
  if (d->whole->len == 0 || (group != -1 && group != 3))
    return FALSE;

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        g_string_append_c (d->fraction, *p);
      if (d->fraction->len == 0)
        return FALSE;
    }
  return *p == '\0';
}

/* Parses text into an integer scaled by 10^scale. `places` is how many decimal
 * places the caller accepts (≤ scale); with `lenient_zeros`, trailing zeros
 * beyond them are not counted. The error messages are the caller's. */
typedef enum { PARSE_OK, PARSE_EMPTY, PARSE_SHAPE, PARSE_PLACES, PARSE_NEGATIVE, PARSE_RANGE } ParseResult;

static ParseResult
parse_scaled (const char *text, gboolean currency, gboolean signed_ok, int scale, int places,
              gboolean lenient_zeros, gint64 max, gint64 *out)
{
  g_auto(Decimal) d = { FALSE, g_string_new (NULL), g_string_new (NULL) };
  g_autofree char *copy = NULL;
  const char *digits;
  guint64 value = 0;

  if (text == NULL)
    return PARSE_EMPTY;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return PARSE_EMPTY;
  if (!g_utf8_validate (copy, -1, NULL) || !decimal_split (copy, currency, &d))
    return PARSE_SHAPE;

  while (lenient_zeros && d.fraction->len > 0 && d.fraction->str[d.fraction->len - 1] == '0')
    g_string_truncate (d.fraction, d.fraction->len - 1);
  if ((int) d.fraction->len > places)
    return PARSE_PLACES;

  digits = d.whole->str;
  while (*digits == '0' && digits[1] != '\0')
    digits++;
  if (strlen (digits) > 15)
    return PARSE_RANGE;
  for (const char *c = digits; *c != '\0'; c++)
    value = value * 10 + (guint64) (*c - '0');
  for (int i = 0; i < scale; i++)
    value = value * 10 + (guint64) (i < (int) d.fraction->len ? d.fraction->str[i] - '0' : 0);
  if (value > (guint64) max)
    return PARSE_RANGE;

  if (d.negative && value != 0 && !signed_ok)
    return PARSE_NEGATIVE;
  *out = d.negative ? -(gint64) value : (gint64) value;
  return PARSE_OK;
}

static gboolean
money_parse (const char *text, gboolean signed_ok, gint64 *fen, GError **error)
{
  g_autofree char *shown = g_utf8_make_valid (text != NULL ? text : "", -1);

  switch (parse_scaled (text, TRUE, signed_ok, 2, 2, FALSE, RS_MONEY_MAX, fen))
    {
    case PARSE_OK:
      return TRUE;
    case PARSE_EMPTY:
      g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("No amount given."));
      break;
    case PARSE_SHAPE:
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("“%s” is not an amount of money; write it like 1,234.50."), shown);
      break;
    case PARSE_PLACES:
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("“%s” has more than two decimal places; amounts are in yuan and fen, like 12.34."),
                   shown);
      break;
    case PARSE_NEGATIVE:
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The amount “%s” is negative; give an amount of zero or more."), shown);
      break;
    case PARSE_RANGE:
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The amount “%s” is too large; the largest is 999,999,999,999.99."), shown);
      break;
    }
  return FALSE;
}

gboolean
rs_money_parse (const char *text, gint64 *fen, GError **error)
{
  return money_parse (text, FALSE, fen, error);
}

gboolean
rs_money_parse_signed (const char *text, gint64 *fen, GError **error)
{
  return money_parse (text, TRUE, fen, error);
}

/* "1234567" → "1,234,567" */
static void
append_grouped (GString *out, guint64 whole)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, whole);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

static char *
format_scaled (gint64 value, guint64 unit, int places, gboolean grouped)
{
  GString *out = g_string_new (value < 0 ? "-" : "");
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  if (grouped)
    append_grouped (out, magnitude / unit);
  else
    g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / unit);
  if (places > 0)
    {
      /* unit is 100 or 1000: the fraction at its full width, cut to `places`. */
      int width = unit == 100 ? 2 : 3;
      g_autofree char *fraction = g_strdup_printf ("%0*" G_GUINT64_FORMAT, width, magnitude % unit);
      g_string_append_printf (out, ".%.*s", places, fraction);
    }
  return g_string_free (out, FALSE);
}

char *
rs_money_format (gint64 fen)
{
  return format_scaled (fen, 100, 2, TRUE);
}

char *
rs_money_to_decimal (gint64 fen)
{
  return format_scaled (fen, 100, 2, FALSE);
}

/* ---- 人民币大写 --------------------------------------------------------- */

static const char *const digit_words[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };

/* Whole yuan in words, without 元: 10 → 壹拾 (banks write the 壹), one 零 for a
 * run of zeros between non-zero digits, none at the end of a section. */
static void
append_yuan_words (GString *out, guint64 yuan)
{
  static const char *const units[] = { "", "拾", "佰", "仟" };
  static const char *const sections[] = { "", "万", "亿" };
  char digits[16];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, yuan);
  gboolean zero_pending = FALSE;
  gboolean section_used = FALSE;

  for (int i = 0; i < len; i++)
    {
      int d = digits[i] - '0';
      int position = len - 1 - i;

      if (d == 0)
        zero_pending = TRUE;
      else
        {
          if (zero_pending && out->len > 0)
            g_string_append (out, "零");
          zero_pending = FALSE;
          section_used = TRUE;
          g_string_append (out, digit_words[d]);
          g_string_append (out, units[position % 4]);
        }
      if (position % 4 == 0 && position > 0)
        {
          if (section_used)
            g_string_append (out, sections[position / 4]);
          section_used = FALSE;
        }
    }
}

char *
rs_money_to_words (gint64 fen)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude;
  guint64 yuan;
  int jiao, fen_digit;

  g_return_val_if_fail (fen >= -RS_MONEY_MAX && fen <= RS_MONEY_MAX, g_strdup (""));

  magnitude = fen < 0 ? -(guint64) fen : (guint64) fen;
  yuan = magnitude / 100;
  jiao = (int) (magnitude / 10 % 10);
  fen_digit = (int) (magnitude % 10);

  if (fen < 0)
    g_string_append (out, "负");
  if (magnitude == 0)
    return g_string_free (g_string_append (out, "零元整"), FALSE);

  if (yuan > 0)
    {
      append_yuan_words (out, yuan);
      g_string_append (out, "元");
    }
  if (jiao > 0)
    g_string_append_printf (out, "%s角", digit_words[jiao]);
  else if (yuan > 0 && fen_digit > 0)
    g_string_append (out, "零");
  if (fen_digit > 0)
    g_string_append_printf (out, "%s分", digit_words[fen_digit]);
  else
    g_string_append (out, "整");
  return g_string_free (out, FALSE);
}

/* ---- quantities ------------------------------------------------------ */

gboolean
rs_quantity_parse (const char *text, int decimals, gint64 *milli, GError **error)
{
  g_autofree char *shown = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_return_val_if_fail (decimals >= 0 && decimals <= 3, FALSE);

  switch (parse_scaled (text, FALSE, FALSE, 3, decimals, TRUE, RS_QUANTITY_MAX, milli))
    {
    case PARSE_OK:
      return TRUE;
    case PARSE_EMPTY:
      g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("No quantity given."));
      break;
    case PARSE_SHAPE:
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("“%s” is not a quantity; write a number like 12 or 2.5."), shown);
      break;
    case PARSE_PLACES:
      if (decimals == 0)
        g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                     _("“%s” has decimal places, but this product is counted in whole units."), shown);
      else
        g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "“%s” has too many decimal places; this product takes at most %d.",
                                  "“%s” has too many decimal places; this product takes at most %d.",
                                  decimals),
                     shown, decimals);
      break;
    case PARSE_NEGATIVE:
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The quantity “%s” is negative; give a quantity of zero or more."), shown);
      break;
    case PARSE_RANGE:
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("The quantity “%s” is too large."), shown);
      break;
    }
  return FALSE;
}

char *
rs_quantity_format (gint64 milli, int decimals)
{
  g_return_val_if_fail (decimals >= 0 && decimals <= 3, NULL);
  return format_scaled (milli, 1000, decimals, FALSE);
}

char *
rs_quantity_to_decimal (gint64 milli)
{
  char *text = format_scaled (milli, 1000, 3, FALSE);
  gsize len = strlen (text);

  while (text[len - 1] == '0')
    len--;
  if (text[len - 1] == '.')
    len--;
  text[len] = '\0';
  return text;
}
