/* rs-pdf-slip.c — the in, out and transfer slip (入库单 / 出库单 / 调拨单). */
#include "rs-pdf-writer.h"

static char *
warehouse_label (RsDatabase *db, const char *code)
{
  g_autoptr(RsWarehouse) warehouse = code != NULL ? rs_warehouses_lookup (db, code, NULL) : NULL;

  if (warehouse == NULL)
    return g_strdup (code != NULL ? code : "");
  return g_strdup_printf ("%s %s", code, rs_warehouse_get_name (warehouse));
}

/* "Name spec": what the 品名规格 column of a slip shows. */
static char *
product_label (RsDatabase *db, const char *sku, const char *name)
{
  g_autoptr(RsProduct) product = rs_products_lookup_by_sku (db, sku, NULL);
  const char *spec = product != NULL ? rs_product_get_spec (product) : NULL;

  if (spec == NULL || *spec == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%s %s", name, spec);
}

void
rs_pdf_slip_add_lines (RsPdfWriter *w, RsSlip *slip)
{
  GListModel *lines = rs_slip_get_lines (slip);
  guint n = g_list_model_get_n_items (lines);
  gboolean transfer = rs_slip_get_kind (slip) == RS_SLIP_TRANSFER;
  gboolean money = FALSE;
  gint64 total_quantity = 0, total_amount = 0;
  int decimals = 0;
  RsPdfTable *table;

  /* Money columns only when the lines carry costs (in-slips); out-slips move goods. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsSlipLine) line = g_list_model_get_item (lines, i);

      if (rs_slip_line_get_unit_cost (line) >= 0)
        money = TRUE;
    }

  table = rs_pdf_document_add_table (w->doc);
  rs_pdf_table_add_column (table, C_("document", "No."), 0.7, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "SKU"), 2, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Product and specification"), 4, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Unit"), 0.8, RS_PDF_ALIGN_CENTER);
  if (transfer)
    {
      rs_pdf_table_add_column (table, C_("document", "From location"), 1.3, RS_PDF_ALIGN_CENTER);
      rs_pdf_table_add_column (table, C_("document", "To location"), 1.3, RS_PDF_ALIGN_CENTER);
    }
  else
    rs_pdf_table_add_column (table, C_("document", "Location"), 1.2, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Quantity"), 1.2, RS_PDF_ALIGN_RIGHT);
  if (money)
    {
      rs_pdf_table_add_column (table, C_("document", "Unit cost"), 1.3, RS_PDF_ALIGN_RIGHT);
      rs_pdf_table_add_column (table, C_("document", "Amount"), 1.6, RS_PDF_ALIGN_RIGHT);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsSlipLine) line = g_list_model_get_item (lines, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      gint64 quantity = rs_slip_line_get_quantity (line);
      gint64 cost = rs_slip_line_get_unit_cost (line);

      total_quantity += quantity;
      decimals = MAX (decimals, rs_slip_line_get_decimals (line));
      g_ptr_array_add (cells, g_strdup_printf ("%u", rs_slip_line_get_number (line)));
      g_ptr_array_add (cells, g_strdup (rs_slip_line_get_sku (line)));
      g_ptr_array_add (cells, product_label (w->database, rs_slip_line_get_sku (line),
                                             rs_slip_line_get_product_name (line)));
      g_ptr_array_add (cells, g_strdup (rs_slip_line_get_unit (line)));
      g_ptr_array_add (cells, g_strdup (rs_slip_line_get_location_code (line)));
      if (transfer)
        g_ptr_array_add (cells, g_strdup (rs_slip_line_get_to_location_code (line)));
      g_ptr_array_add (cells, rs_quantity_format (quantity, rs_slip_line_get_decimals (line)));
      if (money)
        {
          gint64 amount = cost >= 0 ? rs_return_line_amount (quantity, cost) : 0;

          total_amount += amount;
          g_ptr_array_add (cells, cost >= 0 ? rs_money_format (cost) : g_strdup (""));
          g_ptr_array_add (cells, cost >= 0 ? rs_money_format (amount) : g_strdup (""));
        }
      g_ptr_array_add (cells, NULL);
      rs_pdf_table_add_rowv (table, (const char * const *) cells->pdata);
    }

  {
    g_autofree char *quantity = rs_quantity_format (total_quantity, decimals);
    g_autofree char *amount = rs_money_format (total_amount);

    if (transfer)
      rs_pdf_table_set_footer (table, "", C_("document", "Total"), "", "", "", "", quantity, NULL);
    else if (money)
      rs_pdf_table_set_footer (table, "", C_("document", "Total"), "", "", "", quantity, "", amount, NULL);
    else
      rs_pdf_table_set_footer (table, "", C_("document", "Total"), "", "", "", quantity, NULL);
  }
  if (money)
    {
      g_autofree char *words = rs_money_to_words (total_amount);
      rs_pdf_document_add_fields (w->doc, 1, C_("document", "Amount in words"), words, NULL);
    }
}

gboolean
rs_pdf_slip_write (RsPdfWriter *w, const char *number, GError **error)
{
  g_autoptr(RsSlip) slip = rs_slips_lookup (w->session, number, error);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func (g_free);
  RsSlipKind kind;
  RsSlipState state;
  RsPartnerKind partner_kind;
  const char *partner = NULL;
  gint64 when;

  if (slip == NULL)
    return FALSE;
  kind = rs_slip_get_kind (slip);
  state = rs_slip_get_state (slip);
  rs_pdf_document_set_title (w->doc, rs_slip_kind_get_display_name (kind), rs_slip_get_number (slip));
  /* Its own time: posting freezes the slip, so a reprint of a posted slip is the same. */
  when = rs_slip_get_posted_at (slip) != 0 ? rs_slip_get_posted_at (slip) : rs_slip_get_created_at (slip);
  rs_pdf_document_set_time (w->doc, when);

  if (kind == RS_SLIP_TRANSFER)
    {
      rs_pdf_pairs_take (fields, C_("document", "From warehouse"), warehouse_label (w->database, rs_slip_get_warehouse_code (slip)));
      rs_pdf_pairs_take (fields, C_("document", "To warehouse"), warehouse_label (w->database, rs_slip_get_to_warehouse_code (slip)));
    }
  else
    rs_pdf_pairs_take (fields, C_("document", "Warehouse"), warehouse_label (w->database, rs_slip_get_warehouse_code (slip)));
  rs_pdf_pairs_add (fields, C_("document", "Date"), rs_slip_get_date (slip));
  if (rs_slip_get_partner (slip, &partner_kind, NULL, &partner))
    rs_pdf_pairs_add (fields, partner_kind == RS_PARTNER_CUSTOMER ? C_("document", "Customer") : C_("document", "Supplier"),
                      partner);
  rs_pdf_pairs_add (fields, C_("document", "Purpose"), rs_slip_purpose_get_display_name (rs_slip_get_purpose (slip)));
  rs_pdf_pairs_add (fields, C_("document", "State"), rs_slip_state_get_display_name (state));
  if (rs_slip_get_amends (slip) != NULL)
    rs_pdf_pairs_add (fields, C_("document", "Replaces"), rs_slip_get_amends (slip));
  if (rs_slip_get_amended_by (slip) != NULL)
    rs_pdf_pairs_add (fields, C_("document", "Replaced by"), rs_slip_get_amended_by (slip));
  if (state == RS_SLIP_VOIDED)
    {
      rs_pdf_pairs_take (fields, C_("document", "Voided at"), rs_pdf_writer_format_time (rs_slip_get_voided_at (slip)));
      rs_pdf_pairs_add (fields, C_("document", "Voided by"), rs_pdf_writer_user_name (w, rs_slip_get_voided_by (slip)));
    }
  rs_pdf_document_add_fieldsv (w->doc, 2, rs_pdf_pairs_end (fields));
  if (state == RS_SLIP_VOIDED)
    rs_pdf_document_add_fields (w->doc, 1, C_("document", "Void reason"), rs_slip_get_void_reason (slip), NULL);
  if (*rs_slip_get_remark (slip) != '\0')
    rs_pdf_document_add_fields (w->doc, 1, C_("document", "Remark"), rs_slip_get_remark (slip), NULL);
  if (state == RS_SLIP_DRAFT)
    rs_pdf_document_add_text (w->doc, _("Draft: not posted, no stock has moved. Not valid as a receipt."));
  else if (state == RS_SLIP_VOIDED)
    rs_pdf_document_add_text (w->doc, _("Voided: its stock movement was reversed. Not valid as a receipt."));

  rs_pdf_slip_add_lines (w, slip);

  rs_pdf_pairs_add (signatures, C_("document", "Prepared by"), rs_pdf_writer_user_name (w, rs_slip_get_created_by (slip)));
  rs_pdf_pairs_add (signatures, C_("document", "Checked by"), rs_pdf_writer_user_name (w, rs_slip_get_posted_by (slip)));
  if (kind == RS_SLIP_TRANSFER)
    {
      rs_pdf_pairs_add (signatures, C_("document", "Keeper, sending"), "");
      rs_pdf_pairs_add (signatures, C_("document", "Keeper, receiving"), "");
    }
  else
    {
      rs_pdf_pairs_add (signatures, C_("document", "Storekeeper"), "");
      rs_pdf_pairs_add (signatures, kind == RS_SLIP_IN ? C_("document", "Delivered by") : C_("document", "Collected by"), "");
    }
  rs_pdf_document_add_signaturesv (w->doc, rs_pdf_pairs_end (signatures));
  return TRUE;
}
