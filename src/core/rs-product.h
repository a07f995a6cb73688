/* rs-product.h — an article the company stocks, as stored (DESIGN §3, §4). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RS_TYPE_PRODUCT (rs_product_get_type ())
G_DECLARE_FINAL_TYPE (RsProduct, rs_product, RS, PRODUCT, GObject)

/* What a product is made from; the strings are borrowed. `barcode` NULL or ""
 * for none; `category` a category name (created when missing), NULL or "" for none. */
typedef struct
{
  const char *sku;
  const char *name;
  const char *spec;
  const char *unit;
  int         decimals;      /* 0…3: the decimal places its quantities take */
  const char *barcode;
  const char *category;
  gint64      avg_cost;      /* fen */
  gint64      list_price;    /* fen */
} RsProductFields;

gint64      rs_product_get_id          (RsProduct *self);
const char *rs_product_get_sku         (RsProduct *self);
const char *rs_product_get_name        (RsProduct *self);
const char *rs_product_get_spec        (RsProduct *self);
const char *rs_product_get_unit        (RsProduct *self);
int         rs_product_get_decimals    (RsProduct *self);
/* NULL when the product has no barcode. */
const char *rs_product_get_barcode     (RsProduct *self);
gint64      rs_product_get_category_id (RsProduct *self);   /* 0 for none */
const char *rs_product_get_category    (RsProduct *self);   /* "" for none */
gint64      rs_product_get_avg_cost    (RsProduct *self);   /* fen */
gint64      rs_product_get_list_price  (RsProduct *self);   /* fen */
gboolean    rs_product_get_active      (RsProduct *self);
/* The product as the audit log and `--json` show it (amounts as decimal strings). */
JsonNode   *rs_product_to_json         (RsProduct *self);

G_END_DECLS
