/* rs-return-line.c */
#include "rs-return-private.h"
#include "rs-master-private.h"
#include "rs-money.h"

G_DEFINE_FINAL_TYPE (RsReturnLine, rs_return_line, G_TYPE_OBJECT)

static void
rs_return_line_finalize (GObject *object)
{
  RsReturnLine *self = RS_RETURN_LINE (object);

  g_free (self->sku);
  g_free (self->product_name);
  g_free (self->unit);
  g_free (self->serial);
  g_free (self->origin);
  G_OBJECT_CLASS (rs_return_line_parent_class)->finalize (object);
}

static void
rs_return_line_class_init (RsReturnLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_return_line_finalize;
}

static void
rs_return_line_init (RsReturnLine *self)
{
}

gint64 rs_return_line_get_id (RsReturnLine *self) { return self->id; }
guint rs_return_line_get_number (RsReturnLine *self) { return self->number; }
gint64 rs_return_line_get_product_id (RsReturnLine *self) { return self->product_id; }
const char *rs_return_line_get_sku (RsReturnLine *self) { return self->sku; }
const char *rs_return_line_get_product_name (RsReturnLine *self) { return self->product_name; }
const char *rs_return_line_get_unit (RsReturnLine *self) { return self->unit; }
int rs_return_line_get_decimals (RsReturnLine *self) { return self->decimals; }
gint64 rs_return_line_get_quantity (RsReturnLine *self) { return self->quantity; }
gint64 rs_return_line_get_unit_price (RsReturnLine *self) { return self->unit_price; }
const char *rs_return_line_get_serial (RsReturnLine *self) { return self->serial; }
const char *rs_return_line_get_origin (RsReturnLine *self) { return self->origin; }
gint64 rs_return_line_get_received_quantity (RsReturnLine *self) { return self->received; }
gint64 rs_return_line_get_inspected_quantity (RsReturnLine *self) { return self->inspected; }
gint64 rs_return_line_get_disposed_quantity (RsReturnLine *self) { return self->disposed; }

gint64
rs_return_line_amount (gint64 quantity, gint64 unit_price)
{
  /* Both are bounded (RS_QUANTITY_MAX, RS_MONEY_MAX), their product is not: 128 bits. */
  __int128 milli_fen = (__int128) quantity * unit_price;
  return (gint64) ((milli_fen + 500) / 1000);
}

gint64
rs_return_line_get_amount (RsReturnLine *self)
{
  return rs_return_line_amount (self->quantity, self->unit_price);
}

static void
add_quantity (JsonBuilder *builder, const char *member, gint64 milli)
{
  g_autofree char *text = rs_quantity_to_decimal (milli);
  rs_json_add_string (builder, member, text);
}

JsonNode *
rs_return_line_to_json (RsReturnLine *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rs_json_add_int (builder, "line", self->number);
  rs_json_add_string (builder, "sku", self->sku);
  rs_json_add_string (builder, "name", self->product_name);
  rs_json_add_string (builder, "unit", self->unit);
  add_quantity (builder, "quantity", self->quantity);
  rs_json_add_money (builder, "unit_price", self->unit_price);
  rs_json_add_money (builder, "amount", rs_return_line_get_amount (self));
  rs_json_add_string (builder, "serial", self->serial);
  rs_json_add_string (builder, "origin", self->origin);
  add_quantity (builder, "received", self->received);
  add_quantity (builder, "inspected", self->inspected);
  add_quantity (builder, "disposed", self->disposed);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
