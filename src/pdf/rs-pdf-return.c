/* rs-pdf-return.c — the return authorisation (退货单): RMA number, customer, lines, reason,
 * amount in words and the approval signatures. */
#include "rs-pdf-writer.h"

/* The customer with contact details from master data (a renamed customer prints as now). */
static void
add_customer (RsPdfWriter *w, RsReturn *ret, GPtrArray *fields, char **address)
{
  g_autoptr(RsPartner) customer = rs_partners_lookup (w->database, RS_PARTNER_CUSTOMER,
                                                      rs_return_get_customer_code (ret), NULL);
  g_autofree char *contact = NULL;

  rs_pdf_pairs_take (fields, C_("document", "Customer"),
                     g_strdup_printf ("%s（%s）", rs_return_get_customer_name (ret), rs_return_get_customer_code (ret)));
  if (customer != NULL)
    contact = g_strjoin (" ", rs_partner_get_contact (customer), rs_partner_get_phone (customer), NULL);
  rs_pdf_pairs_add (fields, C_("document", "Contact"), contact != NULL ? g_strstrip (contact) : "");
  *address = customer != NULL ? g_strdup (rs_partner_get_address (customer)) : NULL;
}

void
rs_pdf_return_add_header (RsPdfWriter *w, RsReturn *ret, JsonObject *described)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *address = NULL;
  RsReturnState state = rs_return_get_state (ret);

  add_customer (w, ret, fields, &address);
  rs_pdf_pairs_add (fields, C_("document", "Return reason"), rs_return_get_reason_name (ret));
  /* An authorisation stays as approved; before that, or once cancelled, its state shows. */
  if (rs_return_get_approved_at (ret) != 0 && state != RS_RETURN_CANCELLED)
    rs_pdf_pairs_take (fields, C_("document", "Approved on"), rs_pdf_writer_format_time (rs_return_get_approved_at (ret)));
  else
    rs_pdf_pairs_add (fields, C_("document", "State"), rs_return_state_get_display_name (state));
  rs_pdf_pairs_add (fields, C_("document", "Requested on"), rs_return_get_request_date (ret));
  rs_pdf_pairs_add (fields, C_("document", "Sold on"), rs_return_get_sale_date (ret));
  rs_pdf_pairs_add (fields, C_("document", "Sale slip"), rs_return_get_sale_slip (ret));
  rs_pdf_pairs_add (fields, C_("document", "Order reference"), rs_return_get_order_ref (ret));
  rs_pdf_pairs_take (fields, C_("document", "Refund value"), rs_money_format (rs_return_get_refund_value (ret)));
  rs_pdf_pairs_add (fields, C_("document", "Registered by"), rs_pdf_writer_user_name (w, rs_return_get_created_by (ret)));
  rs_pdf_document_add_fieldsv (w->doc, 2, rs_pdf_pairs_end (fields));
  if (address != NULL && *address != '\0')
    rs_pdf_document_add_fields (w->doc, 1, C_("document", "Customer address"), address, NULL);
  if (*rs_return_get_description (ret) != '\0')
    rs_pdf_document_add_fields (w->doc, 1, C_("document", "Description"), rs_return_get_description (ret), NULL);
}

void
rs_pdf_return_add_lines (RsPdfWriter *w, RsReturn *ret, gboolean progress)
{
  GListModel *lines = rs_return_get_lines (ret);
  guint n = g_list_model_get_n_items (lines);
  RsPdfTable *table = rs_pdf_document_add_table (w->doc);
  gint64 total_quantity = 0, total_amount = 0;
  int decimals = 0;
  g_autofree char *quantity = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *words = NULL;

  rs_pdf_table_add_column (table, C_("document", "No."), 0.7, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "SKU"), 1.8, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Product"), 3.2, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Unit"), 0.8, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Quantity"), 1.1, RS_PDF_ALIGN_RIGHT);
  if (progress)
    {
      rs_pdf_table_add_column (table, C_("document", "Received"), 1.1, RS_PDF_ALIGN_RIGHT);
      rs_pdf_table_add_column (table, C_("document", "Inspected"), 1.1, RS_PDF_ALIGN_RIGHT);
      rs_pdf_table_add_column (table, C_("document", "Disposed"), 1.1, RS_PDF_ALIGN_RIGHT);
    }
  else
    rs_pdf_table_add_column (table, C_("document", "Unit price"), 1.3, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "Amount"), 1.5, RS_PDF_ALIGN_RIGHT);
  if (!progress)
    rs_pdf_table_add_column (table, C_("document", "Serial / lot"), 2, RS_PDF_ALIGN_LEFT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      int d = rs_return_line_get_decimals (line);

      total_quantity += rs_return_line_get_quantity (line);
      total_amount += rs_return_line_get_amount (line);
      decimals = MAX (decimals, d);
      g_ptr_array_add (cells, g_strdup_printf ("%u", rs_return_line_get_number (line)));
      g_ptr_array_add (cells, g_strdup (rs_return_line_get_sku (line)));
      g_ptr_array_add (cells, g_strdup (rs_return_line_get_product_name (line)));
      g_ptr_array_add (cells, g_strdup (rs_return_line_get_unit (line)));
      g_ptr_array_add (cells, rs_quantity_format (rs_return_line_get_quantity (line), d));
      if (progress)
        {
          g_ptr_array_add (cells, rs_quantity_format (rs_return_line_get_received_quantity (line), d));
          g_ptr_array_add (cells, rs_quantity_format (rs_return_line_get_inspected_quantity (line), d));
          g_ptr_array_add (cells, rs_quantity_format (rs_return_line_get_disposed_quantity (line), d));
        }
      else
        g_ptr_array_add (cells, rs_money_format (rs_return_line_get_unit_price (line)));
      g_ptr_array_add (cells, rs_money_format (rs_return_line_get_amount (line)));
      if (!progress)
        g_ptr_array_add (cells, g_strdup (rs_return_line_get_serial (line)));
      g_ptr_array_add (cells, NULL);
      rs_pdf_table_add_rowv (table, (const char * const *) cells->pdata);
    }

  quantity = rs_quantity_format (total_quantity, decimals);
  amount = rs_money_format (total_amount);
  if (progress)
    rs_pdf_table_set_footer (table, "", C_("document", "Total"), "", "", quantity, "", "", "", amount, NULL);
  else
    rs_pdf_table_set_footer (table, "", C_("document", "Total"), "", "", quantity, "", amount, "", NULL);
  words = rs_money_to_words (total_amount);
  rs_pdf_document_add_fields (w->doc, 1, C_("document", "Refund value in words"), words, NULL);
}

static RsReturnSignature *
find_signature (RsReturn *ret, guint level)
{
  GListModel *signatures = rs_return_get_signatures (ret);

  for (guint i = 0; i < g_list_model_get_n_items (signatures); i++)
    {
      RsReturnSignature *signature = g_list_model_get_item (signatures, i);

      if (rs_return_signature_get_level (signature) == level)
        return signature;
      g_object_unref (signature);
    }
  return NULL;
}

void
rs_pdf_return_add_approval (RsPdfWriter *w, RsReturn *ret, JsonObject *described)
{
  JsonArray *levels = rs_pdf_json_array (described, "levels");
  guint n = json_array_get_length (levels);
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func (g_free);
  RsPdfTable *table;

  rs_pdf_document_add_heading (w->doc, C_("document", "Approval"));
  if (n == 0)
    {
      rs_pdf_document_add_text (w->doc, _("Not yet submitted for approval."));
      return;
    }
  table = rs_pdf_document_add_table (w->doc);
  rs_pdf_table_add_column (table, C_("document", "Level"), 0.8, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Role"), 1.4, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Signed by"), 1.6, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Decision"), 1.2, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Comment"), 3.6, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Signed at"), 2.2, RS_PDF_ALIGN_CENTER);

  rs_pdf_pairs_add (signatures, C_("document", "Applicant"), rs_pdf_writer_user_name (w, rs_return_get_created_by (ret)));
  for (guint i = 0; i < n; i++)
    {
      JsonObject *level = json_array_get_object_element (levels, i);
      guint number = json_object_get_int_member (level, "level");
      const char *role = rs_role_get_display_name (rs_role_from_key (rs_pdf_json_string (level, "role")));
      g_autoptr(RsReturnSignature) signature = find_signature (ret, number);
      g_autofree char *when = NULL;
      g_autofree char *level_text = g_strdup_printf ("%u", number);
      const char *who = "", *decision = C_("document", "Pending"), *comment = "";

      if (signature != NULL)
        {
          who = rs_pdf_writer_user_name (w, rs_return_signature_get_user (signature));
          decision = rs_return_signature_get_decision (signature) == RS_SIGNATURE_APPROVE ? C_("document", "Approved")
                                                                                         : C_("document", "Rejected");
          comment = rs_return_signature_get_comment (signature);
          when = rs_pdf_writer_format_time (rs_return_signature_get_signed_at (signature));
        }
      rs_pdf_table_add_row (table, level_text, role, who, decision, comment, when != NULL ? when : "", NULL);
      rs_pdf_pairs_add (signatures, role, who);
    }
  /* Signature lines fit four to a row; longer chains are in the table above. */
  if (n <= 3)
    rs_pdf_document_add_signaturesv (w->doc, rs_pdf_pairs_end (signatures));
}

gboolean
rs_pdf_return_write (RsPdfWriter *w, const char *number, GError **error)
{
  g_autoptr(RsReturn) ret = rs_returns_lookup (w->session, number, error);
  g_autoptr(JsonNode) json = NULL;
  RsReturnState state;
  gint64 when;

  if (ret == NULL)
    return FALSE;
  json = rs_return_to_json (ret);
  state = rs_return_get_state (ret);
  rs_pdf_document_set_title (w->doc, C_("document", "Return authorisation"), rs_return_get_number (ret));
  when = rs_return_get_approved_at (ret);
  if (when == 0)
    when = rs_return_get_submitted_at (ret) != 0 ? rs_return_get_submitted_at (ret) : rs_return_get_created_at (ret);
  rs_pdf_document_set_time (w->doc, when);

  rs_pdf_return_add_header (w, ret, json_node_get_object (json));
  if (rs_return_get_approved_at (ret) == 0 || state == RS_RETURN_CANCELLED)
    rs_pdf_document_add_text (w->doc, state == RS_RETURN_CANCELLED ?
                                      _("Cancelled: this return is not authorised. Do not send goods against it.") :
                                      _("Not approved yet: this is not a return authorisation. Do not send goods against it."));
  rs_pdf_return_add_lines (w, ret, FALSE);
  if (rs_return_get_approved_at (ret) != 0 && state != RS_RETURN_CANCELLED)
    rs_pdf_document_add_text (w->doc, _("Please send the goods with this RMA number on the parcel. "
                                        "Goods without it, or other than listed, may be refused."));
  rs_pdf_return_add_approval (w, ret, json_node_get_object (json));
  return TRUE;
}
