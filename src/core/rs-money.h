/* rs-money.h — money in fen and quantities in thousandths (DESIGN §4).
 *
 * Text in, integers out, text back: no floating point touches either.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount: 999,999,999,999.99 — also the range of the amount in words. */
#define RS_MONEY_MAX G_GINT64_CONSTANT (99999999999999)
/* The largest quantity: 999,999,999,999.999 units. */
#define RS_QUANTITY_MAX G_GINT64_CONSTANT (999999999999999)

/* "12.5", "12.50", "¥12.50", "￥1,234.50" → fen. Refuses negative amounts,
 * a third decimal place (even "12.500": a money column with three places is a
 * mistake worth hearing about), misplaced thousands separators and amounts
 * beyond RS_MONEY_MAX, with a message that says what to write instead. */
gboolean  rs_money_parse          (const char *text,
                                   gint64     *fen,
                                   GError    **error);
/* The same, allowing a leading minus ("-12.50", "-¥12.50", "¥-12.50"). */
gboolean  rs_money_parse_signed   (const char *text,
                                   gint64     *fen,
                                   GError    **error);
/* For people: "1,234.50", "-0.05". */
char     *rs_money_format         (gint64      fen);
/* For machines (JSON, CSV): "1234.50". */
char     *rs_money_to_decimal     (gint64      fen);
/* 人民币大写: 123450 → "壹仟贰佰叁拾肆元伍角整". Always Chinese: it is what
 * Chinese money documents print, whatever the user's language. */
char     *rs_money_to_words       (gint64      fen);

/* "2.5" with decimals 0..3 → thousandths (2500). A non-negative quantity with
 * at most `decimals` decimal places; "2.5" for a 0-decimal product is refused. */
gboolean  rs_quantity_parse       (const char *text,
                                   int         decimals,
                                   gint64     *milli,
                                   GError    **error);
/* For people, with the product's decimals: (2500, 1) → "2.5", (2500, 3) → "2.500". */
char     *rs_quantity_format      (gint64      milli,
                                   int         decimals);
/* For machines: the shortest exact form, (2500) → "2.5", (3000) → "3". */
char     *rs_quantity_to_decimal  (gint64      milli);

G_END_DECLS
