/* test-money.c — amounts in fen, quantities in thousandths, amounts in words. */
#include "rs-test-util.h"
#include "rs-money.h"

static void
test_money_parse (void)
{
  static const struct { const char *text; gint64 fen; } good[] = {
    { "12.5", 1250 }, { "12.50", 1250 }, { "¥12.50", 1250 }, { "￥12.50", 1250 },
    { "1,234.50", 123450 }, { "¥1,234,567.89", 123456789 }, { "0", 0 }, { "0.05", 5 },
    { " 7 ", 700 }, { "999,999,999,999.99", 99999999999999 },
    { "-0", 0 }, { "+3", 300 }, { "007.1", 710 },
  };
  static const char *const bad[] = {
    "12.345", "12.500", "abc", "12,34", "1,2345.00", ",123", "12.", ".5", "1.2.3", "12 元", "¥",
    "1000000000000", "999999999999.995", "1e3", "0x10", "12.5.", "--1", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      g_test_message ("parsing %s", good[i].text);
      g_assert_true (rs_money_parse (good[i].text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, good[i].fen);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;

      g_test_message ("refusing %s", bad[i]);
      g_assert_false (rs_money_parse (bad[i], &fen, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
      g_assert_cmpint (fen, ==, -1);
    }
}

static void
test_money_messages (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "12.345", "“12.345” has more than two decimal places; amounts are in yuan and fen, like 12.34." },
    { "-5", "The amount “-5” is negative; give an amount of zero or more." },
    { "1000000000000", "The amount “1000000000000” is too large; the largest is 999,999,999,999.99." },
    { "12,34", "“12,34” is not an amount of money; write it like 1,234.50." },
    { "  ", "No amount given." },
    { "\xff" "12", "“\xef\xbf\xbd" "12” is not an amount of money; write it like 1,234.50." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 0;

      g_assert_false (rs_money_parse (cases[i].text, &fen, &error));
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_money_signed (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 0;

  g_assert_true (rs_money_parse_signed ("-12.50", &fen, &error));
  g_assert_cmpint (fen, ==, -1250);
  g_assert_true (rs_money_parse_signed ("-¥1,000", &fen, &error));
  g_assert_cmpint (fen, ==, -100000);
  g_assert_true (rs_money_parse_signed ("¥-0.01", &fen, &error));
  g_assert_cmpint (fen, ==, -1);
  g_assert_no_error (error);
  g_assert_false (rs_money_parse_signed ("-1,000,000,000,000", &fen, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
}

static void
test_money_format (void)
{
  static const struct { gint64 fen; const char *shown; const char *plain; } cases[] = {
    { 0, "0.00", "0.00" }, { 5, "0.05", "0.05" }, { 1250, "12.50", "12.50" },
    { 123450, "1,234.50", "1234.50" }, { 100000000, "1,000,000.00", "1000000.00" },
    { -5, "-0.05", "-0.05" }, { -123456789, "-1,234,567.89", "-1234567.89" },
    { 99999999999999, "999,999,999,999.99", "999999999999.99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = rs_money_format (cases[i].fen);
      g_autofree char *plain = rs_money_to_decimal (cases[i].fen);
      gint64 back = 0;

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpstr (plain, ==, cases[i].plain);
      /* What we print, we read back. */
      g_assert_true (rs_money_parse_signed (shown, &back, NULL));
      g_assert_cmpint (back, ==, cases[i].fen);
    }
}

static void
test_money_words (void)
{
  /* Written by the rules of the People's Bank of China for 大写 amounts. */
  static const struct { gint64 fen; const char *words; } cases[] = {
    { 0, "零元整" },
    { 5, "伍分" },
    { 50, "伍角整" },
    { 1000, "壹拾元整" },
    { 1600, "壹拾陆元整" },
    { 10000000001, "壹亿元零壹分" },
    { 123450, "壹仟贰佰叁拾肆元伍角整" },
    { 140950, "壹仟肆佰零玖元伍角整" },
    { 600714, "陆仟零柒元壹角肆分" },
    { 10700053, "壹拾万零柒仟元伍角叁分" },   /* the 零 for the 万 place is optional; we write it */
    { 32504, "叁佰贰拾伍元零肆分" },
    { 168032, "壹仟陆佰捌拾元叁角贰分" },
    { 1000100000, "壹仟万零壹仟元整" },
    { 10001000000, "壹亿零壹万元整" },
    { 20100000000, "贰亿零壹佰万元整" },
    { 10000010000, "壹亿零壹佰元整" },
    { 99999999999999, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
    { -500, "负伍元整" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = rs_money_to_words (cases[i].fen);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_quantity (void)
{
  static const struct { const char *text; int decimals; gint64 milli; } good[] = {
    { "2", 0, 2000 }, { "2.0", 0, 2000 }, { "2.5", 1, 2500 }, { "2.50", 1, 2500 },
    { "0.125", 3, 125 }, { "1,000", 0, 1000000 }, { "0", 0, 0 }, { "12.34", 2, 12340 },
  };
  static const struct { const char *text; int decimals; const char *message; } bad[] = {
    { "2.5", 0, "“2.5” has decimal places, but this product is counted in whole units." },
    { "2.55", 1, "“2.55” has too many decimal places; this product takes at most 1." },
    { "0.1255", 3, "“0.1255” has too many decimal places; this product takes at most 3." },
    { "-1", 0, "The quantity “-1” is negative; give a quantity of zero or more." },
    { "two", 0, "“two” is not a quantity; write a number like 12 or 2.5." },
    { "¥2", 0, "“¥2” is not a quantity; write a number like 12 or 2.5." },
    { "", 0, "No quantity given." },
    { "1000000000000000", 0, "The quantity “1000000000000000” is too large." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 milli = -1;

      g_assert_true (rs_quantity_parse (good[i].text, good[i].decimals, &milli, &error));
      g_assert_no_error (error);
      g_assert_cmpint (milli, ==, good[i].milli);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 milli = -1;

      g_assert_false (rs_quantity_parse (bad[i].text, bad[i].decimals, &milli, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      g_assert_cmpint (milli, ==, -1);
    }
}

static void
test_quantity_format (void)
{
  static const struct { gint64 milli; int decimals; const char *shown; const char *plain; } cases[] = {
    { 2500, 1, "2.5", "2.5" }, { 2500, 3, "2.500", "2.5" }, { 3000, 0, "3", "3" },
    { 0, 2, "0.00", "0" }, { 125, 3, "0.125", "0.125" }, { -1500, 1, "-1.5", "-1.5" },
    { 10000, 0, "10", "10" }, { 10010, 2, "10.01", "10.01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = rs_quantity_format (cases[i].milli, cases[i].decimals);
      g_autofree char *plain = rs_quantity_to_decimal (cases[i].milli);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/messages", test_money_messages);
  g_test_add_func ("/money/signed", test_money_signed);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/words", test_money_words);
  g_test_add_func ("/quantity/parse", test_quantity);
  g_test_add_func ("/quantity/format", test_quantity_format);
  return g_test_run ();
}
