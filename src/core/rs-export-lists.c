/* rs-export-lists.c — the lists of the window as RsTables, read through the core API. */
#include "rs-export.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-partners.h"
#include "rs-products.h"
#include "rs-slips.h"
#include "rs-stock.h"

#include <stdio.h>

static const char *const list_keys[] = {
  [RS_EXPORT_PRODUCTS] = "products",
  [RS_EXPORT_CUSTOMERS] = "customers",
  [RS_EXPORT_SUPPLIERS] = "suppliers",
  [RS_EXPORT_STOCK] = "stock",
  [RS_EXPORT_LEDGER] = "ledger",
  [RS_EXPORT_SLIPS] = "slips",
};

const char *
rs_export_list_get_key (RsExportList list)
{
  g_return_val_if_fail ((guint) list < G_N_ELEMENTS (list_keys), NULL);
  return list_keys[list];
}

gboolean
rs_export_list_parse (const char *key, RsExportList *list, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_keys); i++)
    if (g_strcmp0 (key, list_keys[i]) == 0)
      return *list = (RsExportList) i, TRUE;
  return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                      _("“%s” is not a list that can be exported; choose products, customers, suppliers, "
                        "stock, ledger or slips."), key != NULL ? key : ""), FALSE;
}

static const char *
active_text (gboolean active)
{
  return active ? C_("status", "Active") : C_("status", "Inactive");
}

static RsTable *
products_table (RsSession *session, gboolean include_inactive, GError **error)
{
  g_autoptr(GListModel) products = rs_products_list (session, include_inactive, error);
  g_autoptr(RsTable) table = NULL;
  guint sku, name, spec, unit, decimals, barcode, category, cost, price, status;

  if (products == NULL)
    return NULL;
  table = rs_table_new (_("Products"));
  sku = rs_table_add_column (table, C_("column", "SKU"), RS_TABLE_TEXT);
  name = rs_table_add_column (table, C_("column", "Product name"), RS_TABLE_TEXT);
  spec = rs_table_add_column (table, C_("column", "Specification"), RS_TABLE_TEXT);
  unit = rs_table_add_column (table, C_("column", "Unit"), RS_TABLE_TEXT);
  decimals = rs_table_add_column (table, C_("column", "Decimals"), RS_TABLE_INTEGER);
  barcode = rs_table_add_column (table, C_("column", "Barcode"), RS_TABLE_TEXT);
  category = rs_table_add_column (table, C_("column", "Category"), RS_TABLE_TEXT);
  cost = rs_table_add_column (table, C_("column", "Cost"), RS_TABLE_MONEY);
  price = rs_table_add_column (table, C_("column", "Price"), RS_TABLE_MONEY);
  status = rs_table_add_column (table, C_("column", "Status"), RS_TABLE_TEXT);

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(RsProduct) p = g_list_model_get_item (products, i);
      guint row = rs_table_add_row (table);

      rs_table_set_text (table, row, sku, rs_product_get_sku (p));
      rs_table_set_text (table, row, name, rs_product_get_name (p));
      rs_table_set_text (table, row, spec, rs_product_get_spec (p));
      rs_table_set_text (table, row, unit, rs_product_get_unit (p));
      rs_table_set_int (table, row, decimals, rs_product_get_decimals (p));
      rs_table_set_text (table, row, barcode, rs_product_get_barcode (p));
      rs_table_set_text (table, row, category, rs_product_get_category (p));
      rs_table_set_int (table, row, cost, rs_product_get_avg_cost (p));
      rs_table_set_int (table, row, price, rs_product_get_list_price (p));
      rs_table_set_text (table, row, status, active_text (rs_product_get_active (p)));
    }
  return g_steal_pointer (&table);
}

static RsTable *
partners_table (RsSession *session, RsPartnerKind kind, gboolean include_inactive, GError **error)
{
  g_autoptr(GListModel) partners = rs_partners_list (session, kind, include_inactive, error);
  g_autoptr(RsTable) table = NULL;
  gboolean customers = kind == RS_PARTNER_CUSTOMER;
  guint code, name, contact, phone, email, address, remark, status;

  if (partners == NULL)
    return NULL;
  table = rs_table_new (customers ? _("Customers") : _("Suppliers"));
  code = rs_table_add_column (table, customers ? C_("column", "Customer code") : C_("column", "Supplier code"),
                              RS_TABLE_TEXT);
  name = rs_table_add_column (table, customers ? C_("column", "Customer name") : C_("column", "Supplier name"),
                              RS_TABLE_TEXT);
  contact = rs_table_add_column (table, C_("column", "Contact"), RS_TABLE_TEXT);
  phone = rs_table_add_column (table, C_("column", "Phone"), RS_TABLE_TEXT);
  email = rs_table_add_column (table, C_("column", "E-mail"), RS_TABLE_TEXT);
  address = rs_table_add_column (table, C_("column", "Address"), RS_TABLE_TEXT);
  remark = rs_table_add_column (table, C_("column", "Remark"), RS_TABLE_TEXT);
  status = rs_table_add_column (table, C_("column", "Status"), RS_TABLE_TEXT);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RsPartner) p = g_list_model_get_item (partners, i);
      guint row = rs_table_add_row (table);

      rs_table_set_text (table, row, code, rs_partner_get_code (p));
      rs_table_set_text (table, row, name, rs_partner_get_name (p));
      rs_table_set_text (table, row, contact, rs_partner_get_contact (p));
      rs_table_set_text (table, row, phone, rs_partner_get_phone (p));
      rs_table_set_text (table, row, email, rs_partner_get_email (p));
      rs_table_set_text (table, row, address, rs_partner_get_address (p));
      rs_table_set_text (table, row, remark, rs_partner_get_remark (p));
      rs_table_set_text (table, row, status, active_text (rs_partner_get_active (p)));
    }
  return g_steal_pointer (&table);
}

static RsTable *
stock_table (RsSession *session, GError **error)
{
  g_autoptr(GListModel) levels = rs_stock_list (session, NULL, NULL, error);
  g_autoptr(RsTable) table = NULL;
  guint warehouse, location, kind, sku, name, quantity, unit, cost;

  if (levels == NULL)
    return NULL;
  table = rs_table_new (_("Stock"));
  warehouse = rs_table_add_column (table, C_("column", "Warehouse"), RS_TABLE_TEXT);
  location = rs_table_add_column (table, C_("column", "Location"), RS_TABLE_TEXT);
  kind = rs_table_add_column (table, C_("column", "Location kind"), RS_TABLE_TEXT);
  sku = rs_table_add_column (table, C_("column", "SKU"), RS_TABLE_TEXT);
  name = rs_table_add_column (table, C_("column", "Product name"), RS_TABLE_TEXT);
  quantity = rs_table_add_column (table, C_("column", "Quantity"), RS_TABLE_QUANTITY);
  unit = rs_table_add_column (table, C_("column", "Unit"), RS_TABLE_TEXT);
  cost = rs_table_add_column (table, C_("column", "Cost"), RS_TABLE_MONEY);

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(RsStockLevel) level = g_list_model_get_item (levels, i);
      guint row = rs_table_add_row (table);

      rs_table_set_text (table, row, warehouse, rs_stock_level_get_warehouse_code (level));
      rs_table_set_text (table, row, location, rs_stock_level_get_location_code (level));
      rs_table_set_text (table, row, kind, rs_location_kind_get_display_name (rs_stock_level_get_location_kind (level)));
      rs_table_set_text (table, row, sku, rs_stock_level_get_sku (level));
      rs_table_set_text (table, row, name, rs_stock_level_get_product_name (level));
      rs_table_set_quantity (table, row, quantity, rs_stock_level_get_quantity (level),
                             rs_stock_level_get_decimals (level));
      rs_table_set_text (table, row, unit, rs_stock_level_get_unit (level));
      rs_table_set_int (table, row, cost, rs_stock_level_get_avg_cost (level));
    }
  return g_steal_pointer (&table);
}

static RsTable *
ledger_table (RsSession *session, GError **error)
{
  g_autoptr(GListModel) entries = rs_stock_ledger (session, NULL, 0, error);
  g_autoptr(RsTable) table = NULL;
  guint time, slip, sku, warehouse, location, quantity, unit, cost, reversal, user;

  if (entries == NULL)
    return NULL;
  table = rs_table_new (_("Stock ledger"));
  time = rs_table_add_column (table, C_("column", "Time"), RS_TABLE_DATETIME);
  slip = rs_table_add_column (table, C_("column", "Slip"), RS_TABLE_TEXT);
  sku = rs_table_add_column (table, C_("column", "SKU"), RS_TABLE_TEXT);
  warehouse = rs_table_add_column (table, C_("column", "Warehouse"), RS_TABLE_TEXT);
  location = rs_table_add_column (table, C_("column", "Location"), RS_TABLE_TEXT);
  quantity = rs_table_add_column (table, C_("column", "Quantity"), RS_TABLE_QUANTITY);
  unit = rs_table_add_column (table, C_("column", "Unit"), RS_TABLE_TEXT);
  cost = rs_table_add_column (table, C_("column", "Unit cost"), RS_TABLE_MONEY);
  reversal = rs_table_add_column (table, C_("column", "Reversal"), RS_TABLE_TEXT);
  user = rs_table_add_column (table, C_("column", "User"), RS_TABLE_TEXT);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RsLedgerEntry) e = g_list_model_get_item (entries, i);
      guint row = rs_table_add_row (table);

      rs_table_set_int (table, row, time, rs_ledger_entry_get_time (e));
      rs_table_set_text (table, row, slip, rs_ledger_entry_get_slip_number (e));
      rs_table_set_text (table, row, sku, rs_ledger_entry_get_sku (e));
      rs_table_set_text (table, row, warehouse, rs_ledger_entry_get_warehouse_code (e));
      rs_table_set_text (table, row, location, rs_ledger_entry_get_location_code (e));
      rs_table_set_quantity (table, row, quantity, rs_ledger_entry_get_quantity (e), rs_ledger_entry_get_decimals (e));
      rs_table_set_text (table, row, unit, rs_ledger_entry_get_unit (e));
      if (rs_ledger_entry_get_unit_cost (e) >= 0)
        rs_table_set_int (table, row, cost, rs_ledger_entry_get_unit_cost (e));
      rs_table_set_text (table, row, reversal, rs_ledger_entry_get_reversal (e) ? _("Yes") : _("No"));
      rs_table_set_text (table, row, user, rs_ledger_entry_get_user (e));
    }
  return g_steal_pointer (&table);
}

/* A slip's "2026-11-26" as the microsecond of its local midnight. */
static gboolean
date_to_us (const char *date, gint64 *when_us)
{
  guint year = 0, month = 0, day = 0;
  g_autoptr(GDateTime) when = NULL;

  if (date == NULL || sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;
  when = g_date_time_new_local ((int) year, (int) month, (int) day, 0, 0, 0);
  if (when == NULL)
    return FALSE;
  *when_us = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  return TRUE;
}

static RsTable *
slips_table (RsSession *session, GError **error)
{
  RsSlipFilter filter = { .kind = -1, .state = -1 };
  g_autoptr(GListModel) slips = rs_slips_list (session, &filter, error);
  g_autoptr(RsTable) table = NULL;
  guint number, kind, purpose, state, warehouse, to_warehouse, date, partner, remark, lines;
  guint created_by, created_at, posted_by, posted_at;

  if (slips == NULL)
    return NULL;
  table = rs_table_new (_("Slips"));
  number = rs_table_add_column (table, C_("column", "Number"), RS_TABLE_TEXT);
  kind = rs_table_add_column (table, C_("column", "Type"), RS_TABLE_TEXT);
  purpose = rs_table_add_column (table, C_("column", "Purpose"), RS_TABLE_TEXT);
  state = rs_table_add_column (table, C_("column", "State"), RS_TABLE_TEXT);
  warehouse = rs_table_add_column (table, C_("column", "Warehouse"), RS_TABLE_TEXT);
  to_warehouse = rs_table_add_column (table, C_("column", "To warehouse"), RS_TABLE_TEXT);
  date = rs_table_add_column (table, C_("column", "Date"), RS_TABLE_DATE);
  partner = rs_table_add_column (table, C_("column", "Partner"), RS_TABLE_TEXT);
  remark = rs_table_add_column (table, C_("column", "Remark"), RS_TABLE_TEXT);
  lines = rs_table_add_column (table, C_("column", "Lines"), RS_TABLE_INTEGER);
  created_by = rs_table_add_column (table, C_("column", "Created by"), RS_TABLE_TEXT);
  created_at = rs_table_add_column (table, C_("column", "Created at"), RS_TABLE_DATETIME);
  posted_by = rs_table_add_column (table, C_("column", "Posted by"), RS_TABLE_TEXT);
  posted_at = rs_table_add_column (table, C_("column", "Posted at"), RS_TABLE_DATETIME);

  for (guint i = 0; i < g_list_model_get_n_items (slips); i++)
    {
      g_autoptr(RsSlip) s = g_list_model_get_item (slips, i);
      guint row = rs_table_add_row (table);
      const char *partner_code = NULL, *partner_name = NULL;
      RsPartnerKind partner_kind;
      gint64 day;

      rs_table_set_text (table, row, number, rs_slip_get_number (s));
      rs_table_set_text (table, row, kind, rs_slip_kind_get_display_name (rs_slip_get_kind (s)));
      rs_table_set_text (table, row, purpose, rs_slip_purpose_get_display_name (rs_slip_get_purpose (s)));
      rs_table_set_text (table, row, state, rs_slip_state_get_display_name (rs_slip_get_state (s)));
      rs_table_set_text (table, row, warehouse, rs_slip_get_warehouse_code (s));
      rs_table_set_text (table, row, to_warehouse, rs_slip_get_to_warehouse_code (s));
      if (date_to_us (rs_slip_get_date (s), &day))
        rs_table_set_int (table, row, date, day);
      if (rs_slip_get_partner (s, &partner_kind, &partner_code, &partner_name))
        rs_table_set_text (table, row, partner, partner_name);
      rs_table_set_text (table, row, remark, rs_slip_get_remark (s));
      rs_table_set_int (table, row, lines, rs_slip_get_n_lines (s));
      rs_table_set_text (table, row, created_by, rs_slip_get_created_by (s));
      rs_table_set_int (table, row, created_at, rs_slip_get_created_at (s));
      rs_table_set_text (table, row, posted_by, rs_slip_get_posted_by (s));
      if (rs_slip_get_posted_at (s) != 0)
        rs_table_set_int (table, row, posted_at, rs_slip_get_posted_at (s));
    }
  return g_steal_pointer (&table);
}

RsTable *
rs_export_list_table (RsSession *session, RsExportList list, gboolean include_inactive, GError **error)
{
  switch (list)
    {
    case RS_EXPORT_PRODUCTS:
      return products_table (session, include_inactive, error);
    case RS_EXPORT_CUSTOMERS:
      return partners_table (session, RS_PARTNER_CUSTOMER, include_inactive, error);
    case RS_EXPORT_SUPPLIERS:
      return partners_table (session, RS_PARTNER_SUPPLIER, include_inactive, error);
    case RS_EXPORT_STOCK:
      return stock_table (session, error);
    case RS_EXPORT_LEDGER:
      return ledger_table (session, error);
    case RS_EXPORT_SLIPS:
      return slips_table (session, error);
    default:
      g_return_val_if_reached (NULL);
    }
}
