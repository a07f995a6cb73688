/* rs-pdf-settlement.c — the settlement sheet (报账单): the returns gathered, their costs by
 * kind, the total and the amount in words. */
#include "rs-pdf-writer.h"

enum { REFUND, FREIGHT, OTHER, CREDIT, TOTAL, N_SUMS };

/* A return's costs by column: handling, repair and scrap loss share one. */
static gboolean
return_costs (RsPdfWriter *w, const char *number, gint64 sums[N_SUMS], char **reason, GError **error)
{
  g_autoptr(JsonNode) described = rs_returns_describe (w->session, number, error);
  JsonObject *totals;

  if (described == NULL)
    return FALSE;
  totals = json_object_get_object_member (json_object_get_object_member (json_node_get_object (described), "costs"), "totals");
  sums[REFUND] = rs_pdf_writer_json_fen (rs_pdf_json_string (totals, "refund"));
  sums[FREIGHT] = rs_pdf_writer_json_fen (rs_pdf_json_string (totals, "freight"));
  sums[OTHER] = rs_pdf_writer_json_fen (rs_pdf_json_string (totals, "handling")) +
                rs_pdf_writer_json_fen (rs_pdf_json_string (totals, "repair")) +
                rs_pdf_writer_json_fen (rs_pdf_json_string (totals, "scrap-loss"));
  sums[CREDIT] = rs_pdf_writer_json_fen (rs_pdf_json_string (totals, "vendor-credit"));
  sums[TOTAL] = rs_pdf_writer_json_fen (rs_pdf_json_string (totals, "total"));
  *reason = g_strdup (rs_pdf_json_string (json_node_get_object (described), "reason_name"));
  return TRUE;
}

gboolean
rs_pdf_settlement_write (RsPdfWriter *w, const char *number, GError **error)
{
  g_autoptr(RsSettlement) settlement = rs_settlements_lookup (w->session, number, error);
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *words = NULL;
  JsonObject *object;
  JsonArray *returns;
  RsPdfTable *table;
  gint64 totals[N_SUMS] = { 0 };
  gboolean approved;

  if (settlement == NULL)
    return FALSE;
  json = rs_settlement_to_json (settlement);
  object = json_node_get_object (json);
  returns = rs_pdf_json_array (object, "returns");
  approved = rs_settlement_get_approved (settlement);

  rs_pdf_document_set_title (w->doc, C_("document", "Settlement sheet"), rs_settlement_get_number (settlement));
  rs_pdf_document_set_time (w->doc, rs_pdf_writer_parse_iso (rs_pdf_json_string (object, approved ? "approved_at" : "created_at")));

  rs_pdf_pairs_take (fields, C_("document", "Period"),
                     g_strdup_printf ("%s — %s", rs_settlement_get_period_from (settlement), rs_settlement_get_period_to (settlement)));
  rs_pdf_pairs_add (fields, C_("document", "State"), approved ? C_("document", "Approved") : C_("document", "Draft"));
  rs_pdf_pairs_take (fields, C_("document", "Returns"), g_strdup_printf ("%u", rs_settlement_get_n_returns (settlement)));
  rs_pdf_pairs_take (fields, C_("document", "Total"), rs_money_format (rs_settlement_get_total (settlement)));
  rs_pdf_pairs_add (fields, C_("document", "Prepared by"), rs_pdf_writer_user_name (w, rs_pdf_json_string (object, "created_by")));
  rs_pdf_pairs_take (fields, C_("document", "Prepared at"), rs_pdf_writer_format_iso (rs_pdf_json_string (object, "created_at")));
  if (approved)
    {
      rs_pdf_pairs_add (fields, C_("document", "Approved by"), rs_pdf_writer_user_name (w, rs_pdf_json_string (object, "approved_by")));
      rs_pdf_pairs_take (fields, C_("document", "Approved at"), rs_pdf_writer_format_iso (rs_pdf_json_string (object, "approved_at")));
    }
  rs_pdf_document_add_fieldsv (w->doc, 2, rs_pdf_pairs_end (fields));
  if (*rs_pdf_json_string (object, "remark") != '\0')
    rs_pdf_document_add_fields (w->doc, 1, C_("document", "Remark"), rs_pdf_json_string (object, "remark"), NULL);
  if (!approved)
    rs_pdf_document_add_text (w->doc, _("Draft: not approved yet; the returns are not settled."));

  table = rs_pdf_document_add_table (w->doc);
  /* An RMA number must not wrap: its column is sized for "TH20261126-0001" on A4. */
  rs_pdf_table_add_column (table, C_("document", "No."), 0.8, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Return"), 2.7, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Customer"), 2.5, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Return reason"), 1.6, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Refund"), 1.5, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "Freight"), 1.2, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "Other costs"), 1.5, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "Credit"), 1.2, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "Subtotal"), 1.5, RS_PDF_ALIGN_RIGHT);
  for (guint i = 0; i < json_array_get_length (returns); i++)
    {
      JsonObject *item = json_array_get_object_element (returns, i);
      const char *rma = rs_pdf_json_string (item, "number");
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *reason = NULL;
      gint64 sums[N_SUMS];

      if (!return_costs (w, rma, sums, &reason, error))
        return FALSE;
      /* The settlement keeps each return's total as approved; the columns add up to it. */
      sums[TOTAL] = rs_pdf_writer_json_fen (rs_pdf_json_string (item, "total"));
      g_ptr_array_add (cells, g_strdup_printf ("%u", i + 1));
      g_ptr_array_add (cells, g_strdup (rma));
      g_ptr_array_add (cells, g_strdup (rs_pdf_json_string (item, "customer_name")));
      g_ptr_array_add (cells, g_steal_pointer (&reason));
      for (int k = 0; k < N_SUMS; k++)
        {
          totals[k] += sums[k];
          g_ptr_array_add (cells, rs_money_format (sums[k]));
        }
      g_ptr_array_add (cells, NULL);
      rs_pdf_table_add_rowv (table, (const char * const *) cells->pdata);
    }
  {
    g_autofree char *refund = rs_money_format (totals[REFUND]);
    g_autofree char *freight = rs_money_format (totals[FREIGHT]);
    g_autofree char *other = rs_money_format (totals[OTHER]);
    g_autofree char *credit = rs_money_format (totals[CREDIT]);
    g_autofree char *total = rs_money_format (rs_settlement_get_total (settlement));

    rs_pdf_table_set_footer (table, "", C_("document", "Total"), "", "", refund, freight, other, credit, total, NULL);
  }
  rs_pdf_document_add_text (w->doc, _("Other costs: handling, repair and scrap loss. Credit: what suppliers pay back, deducted."));
  words = rs_money_to_words (rs_settlement_get_total (settlement));
  rs_pdf_document_add_fields (w->doc, 1, C_("document", "Total in words"), words, NULL);
  rs_pdf_document_add_signatures (w->doc,
                                  C_("document", "Prepared by"), rs_pdf_writer_user_name (w, rs_pdf_json_string (object, "created_by")),
                                  C_("document", "Approved by"), rs_pdf_writer_user_name (w, rs_pdf_json_string (object, "approved_by")),
                                  C_("document", "Finance manager"), NULL,
                                  C_("document", "Person in charge"), NULL, NULL);
  return TRUE;
}
