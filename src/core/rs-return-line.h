/* rs-return-line.h — one line of a return: a product, how many, at what price, and how far it got. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RS_TYPE_RETURN_LINE (rs_return_line_get_type ())
G_DECLARE_FINAL_TYPE (RsReturnLine, rs_return_line, RS, RETURN_LINE, GObject)

gint64      rs_return_line_get_id                 (RsReturnLine *self);
guint       rs_return_line_get_number             (RsReturnLine *self);   /* 1, 2, … */
gint64      rs_return_line_get_product_id         (RsReturnLine *self);
const char *rs_return_line_get_sku                (RsReturnLine *self);
const char *rs_return_line_get_product_name       (RsReturnLine *self);
const char *rs_return_line_get_unit               (RsReturnLine *self);
int         rs_return_line_get_decimals           (RsReturnLine *self);
/* Thousandths: what the return asks for (and approval grants). */
gint64      rs_return_line_get_quantity           (RsReturnLine *self);
/* fen per unit */
gint64      rs_return_line_get_unit_price         (RsReturnLine *self);
/* fen: quantity × unit price, rounded half up to the fen. */
gint64      rs_return_line_get_amount             (RsReturnLine *self);
const char *rs_return_line_get_serial             (RsReturnLine *self);
/* "intake", or "receipt" for a line added by accepting a discrepancy. */
const char *rs_return_line_get_origin             (RsReturnLine *self);
/* Thousandths, kept by receiving, inspection and disposition. */
gint64      rs_return_line_get_received_quantity  (RsReturnLine *self);
gint64      rs_return_line_get_inspected_quantity (RsReturnLine *self);
gint64      rs_return_line_get_disposed_quantity  (RsReturnLine *self);
JsonNode   *rs_return_line_to_json                (RsReturnLine *self);

/* quantity (thousandths) × unit price (fen) → fen, rounded half up; one rule for every amount. */
gint64      rs_return_line_amount                 (gint64 quantity,
                                                   gint64 unit_price);

G_END_DECLS
