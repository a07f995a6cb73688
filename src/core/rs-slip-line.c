/* rs-slip-line.c */
#include "rs-slip-private.h"
#include "rs-money.h"

G_DEFINE_FINAL_TYPE (RsSlipLine, rs_slip_line, G_TYPE_OBJECT)

static void
rs_slip_line_finalize (GObject *object)
{
  RsSlipLine *self = RS_SLIP_LINE (object);

  g_free (self->sku);
  g_free (self->product_name);
  g_free (self->unit);
  g_free (self->location_code);
  g_free (self->to_location_code);
  G_OBJECT_CLASS (rs_slip_line_parent_class)->finalize (object);
}

static void
rs_slip_line_class_init (RsSlipLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_slip_line_finalize;
}

static void
rs_slip_line_init (RsSlipLine *self)
{
  self->unit_cost = -1;
}

guint rs_slip_line_get_number (RsSlipLine *self) { return self->number; }
gint64 rs_slip_line_get_product_id (RsSlipLine *self) { return self->product_id; }
const char *rs_slip_line_get_sku (RsSlipLine *self) { return self->sku; }
const char *rs_slip_line_get_product_name (RsSlipLine *self) { return self->product_name; }
const char *rs_slip_line_get_unit (RsSlipLine *self) { return self->unit; }
int rs_slip_line_get_decimals (RsSlipLine *self) { return self->decimals; }
gint64 rs_slip_line_get_location_id (RsSlipLine *self) { return self->location_id; }
const char *rs_slip_line_get_location_code (RsSlipLine *self) { return self->location_code; }
gint64 rs_slip_line_get_to_location_id (RsSlipLine *self) { return self->to_location_id; }
const char *rs_slip_line_get_to_location_code (RsSlipLine *self) { return self->to_location_code; }
gint64 rs_slip_line_get_quantity (RsSlipLine *self) { return self->quantity; }
gint64 rs_slip_line_get_unit_cost (RsSlipLine *self) { return self->unit_cost; }

JsonNode *
rs_slip_line_to_json (RsSlipLine *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *quantity = rs_quantity_to_decimal (self->quantity);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "line");
  json_builder_add_int_value (builder, self->number);
  json_builder_set_member_name (builder, "sku");
  json_builder_add_string_value (builder, self->sku);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->product_name);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, self->unit);
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, self->location_code);
  if (self->to_location_code != NULL)
    {
      json_builder_set_member_name (builder, "to_location");
      json_builder_add_string_value (builder, self->to_location_code);
    }
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_string_value (builder, quantity);
  json_builder_set_member_name (builder, "unit_cost");
  if (self->unit_cost >= 0)
    {
      g_autofree char *cost = rs_money_to_decimal (self->unit_cost);
      json_builder_add_string_value (builder, cost);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
