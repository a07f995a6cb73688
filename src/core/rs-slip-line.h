/* rs-slip-line.h — one line of a slip: a product, where it moves, how many, at what cost. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RS_TYPE_SLIP_LINE (rs_slip_line_get_type ())
G_DECLARE_FINAL_TYPE (RsSlipLine, rs_slip_line, RS, SLIP_LINE, GObject)

guint       rs_slip_line_get_number           (RsSlipLine *self);   /* 1, 2, … */
gint64      rs_slip_line_get_product_id       (RsSlipLine *self);
const char *rs_slip_line_get_sku              (RsSlipLine *self);
const char *rs_slip_line_get_product_name     (RsSlipLine *self);
const char *rs_slip_line_get_unit             (RsSlipLine *self);
int         rs_slip_line_get_decimals         (RsSlipLine *self);
/* In: where it arrives. Out and transfer: where it leaves. */
gint64      rs_slip_line_get_location_id      (RsSlipLine *self);
const char *rs_slip_line_get_location_code    (RsSlipLine *self);
/* Transfers: where it arrives; otherwise 0 / NULL. */
gint64      rs_slip_line_get_to_location_id   (RsSlipLine *self);
const char *rs_slip_line_get_to_location_code (RsSlipLine *self);
gint64      rs_slip_line_get_quantity         (RsSlipLine *self);   /* thousandths */
/* fen; -1 when none was given. */
gint64      rs_slip_line_get_unit_cost        (RsSlipLine *self);
JsonNode   *rs_slip_line_to_json              (RsSlipLine *self);

G_END_DECLS
