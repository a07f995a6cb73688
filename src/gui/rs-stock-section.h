/* rs-stock-section.h — 库存: on hand by product, warehouse and location, quarantine apart,
 * and a product's movements with the running balance, each linking to its slip. */
#pragma once

#include "rs-section.h"

G_BEGIN_DECLS

#define RS_TYPE_STOCK_SECTION (rs_stock_section_get_type ())
G_DECLARE_FINAL_TYPE (RsStockSection, rs_stock_section, RS, STOCK_SECTION, AdwBin)

/* Reads the list again with the filters as they are now (without waiting for the
 * search entry's delay); tests and open() use it. */
void rs_stock_section_reload (RsStockSection *self);

G_END_DECLS
