/* rs-pdf-dossier.c — the return dossier (退货档案): everything about one return in one PDF,
 * the evidence pack for a carrier claim or a customer dispute — the authorisation with its
 * signatures, receipts, inspections with every photo, dispositions, linked slips, costs,
 * attachments and the timeline. It reads what `return show --json` shows. */
#include "rs-pdf-writer.h"

/* Timeline events: the action that made them, for people. */
static const struct {
  const char *kind;
  const char *name;
} events[] = {
  { "new", NC_("event", "Registered") },
  { "edit", NC_("event", "Edited") },
  { "attach", NC_("event", "File attached") },
  { "submit", NC_("event", "Submitted") },
  { "approve", NC_("event", "Approved") },
  { "reject", NC_("event", "Rejected") },
  { "revise", NC_("event", "Sent back for revision") },
  { "cancel", NC_("event", "Cancelled") },
  { "receive", NC_("event", "Goods received") },
  { "resolve", NC_("event", "Discrepancy resolved") },
  { "inspection-start", NC_("event", "Inspection started") },
  { "inspect", NC_("event", "Inspected") },
  { "dispose", NC_("event", "Disposed") },
  { "repair-back", NC_("event", "Back from repair") },
  { "cost", NC_("event", "Cost recorded") },
  { "settle", NC_("event", "Settled") },
};

static const char *
event_name (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    if (g_str_equal (kind, events[i].kind))
      return g_dpgettext2 (GETTEXT_PACKAGE, "event", events[i].name);
  return kind;
}

static const char *
state_name (const char *key)
{
  RsReturnState state;

  if (*key != '\0' && rs_return_state_parse (key, &state, NULL))
    return rs_return_state_get_display_name (state);
  return key;
}

static RsReturnLine *
line_by_number (RsReturn *ret, guint number)
{
  GListModel *lines = rs_return_get_lines (ret);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      RsReturnLine *line = g_list_model_get_item (lines, i);

      if (rs_return_line_get_number (line) == number)
        return line;
      g_object_unref (line);
    }
  return NULL;
}

/* A quantity from the JSON with its line's decimals and unit. */
static char *
line_quantity (RsReturn *ret, JsonObject *object, const char *member)
{
  g_autoptr(RsReturnLine) line = line_by_number (ret, json_object_get_int_member_with_default (object, "line", 0));
  gint64 milli = 0;

  if (line == NULL || !rs_quantity_parse (rs_pdf_json_string (object, member), 3, &milli, NULL))
    return g_strdup (rs_pdf_json_string (object, member));
  return rs_pdf_writer_quantity (milli, rs_return_line_get_decimals (line), rs_return_line_get_unit (line));
}

static void
add_state (RsPdfWriter *w, RsReturn *ret, JsonObject *described)
{
  JsonObject *settlement = NULL;
  JsonArray *flags = rs_pdf_json_array (described, "flags");
  g_autoptr(GString) checks = g_string_new (NULL);
  JsonNode *node = json_object_get_member (described, "settlement");

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    settlement = json_node_get_object (node);
  rs_pdf_document_add_fields (w->doc, 2,
                              C_("document", "State"), rs_return_state_get_display_name (rs_return_get_state (ret)),
                              C_("document", "Settlement"), rs_pdf_json_string (settlement, "number"), NULL);
  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      JsonObject *flag = json_array_get_object_element (flags, i);
      RsFlagKind kind;

      /* A deadline still running late is measured against now; only recorded breaches are
       * facts of the return, and a reprint must not change with the clock. */
      if (json_object_get_boolean_member_with_default (flag, "pending", FALSE))
        continue;
      if (checks->len > 0)
        g_string_append_c (checks, '\n');
      if (rs_flag_kind_parse (rs_pdf_json_string (flag, "kind"), &kind))
        g_string_append_printf (checks, "%s：", rs_flag_kind_get_display_name (kind));
      g_string_append (checks, rs_pdf_json_string (flag, "message"));
    }
  if (checks->len > 0)
    rs_pdf_document_add_fields (w->doc, 1, C_("document", "Time checks"), checks->str, NULL);
}

static void
add_receipts (RsPdfWriter *w, RsReturn *ret, JsonObject *described)
{
  JsonArray *receipts = rs_pdf_json_array (described, "receipts");
  JsonArray *discrepancies = rs_pdf_json_array (described, "discrepancies");
  RsPdfTable *table;

  rs_pdf_document_add_heading (w->doc, C_("document", "Receiving"));
  if (json_array_get_length (receipts) == 0)
    {
      rs_pdf_document_add_text (w->doc, _("No goods received yet."));
      return;
    }
  table = rs_pdf_document_add_table (w->doc);
  rs_pdf_table_add_column (table, C_("document", "Slip"), 2.2, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Warehouse"), 1.2, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Received by"), 1.3, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Received at"), 2, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Goods"), 3.5, RS_PDF_ALIGN_LEFT);
  for (guint i = 0; i < json_array_get_length (receipts); i++)
    {
      JsonObject *receipt = json_array_get_object_element (receipts, i);
      JsonArray *lines = rs_pdf_json_array (receipt, "lines");
      g_autoptr(GString) goods = g_string_new (NULL);
      g_autofree char *when = rs_pdf_writer_format_iso (rs_pdf_json_string (receipt, "received_at"));

      for (guint l = 0; l < json_array_get_length (lines); l++)
        {
          JsonObject *line = json_array_get_object_element (lines, l);
          g_autofree char *quantity = line_quantity (ret, line, "quantity");

          g_string_append_printf (goods, "%s%s × %s", l > 0 ? "\n" : "", rs_pdf_json_string (line, "sku"), quantity);
        }
      rs_pdf_table_add_row (table, rs_pdf_json_string (receipt, "slip"), rs_pdf_json_string (receipt, "warehouse"),
                            rs_pdf_writer_user_name (w, rs_pdf_json_string (receipt, "received_by")), when, goods->str, NULL);
    }

  if (json_array_get_length (discrepancies) == 0)
    return;
  table = rs_pdf_document_add_table (w->doc);
  rs_pdf_table_add_column (table, C_("document", "Discrepancy"), 2, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "SKU"), 1.6, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Quantity"), 1, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "Resolution"), 1.6, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Resolved by"), 1.3, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Comment"), 2.7, RS_PDF_ALIGN_LEFT);
  for (guint i = 0; i < json_array_get_length (discrepancies); i++)
    {
      JsonObject *d = json_array_get_object_element (discrepancies, i);
      const char *kind = rs_pdf_json_string (d, "kind");
      const char *state = rs_pdf_json_string (d, "state");
      const char *resolution = g_str_equal (state, "accepted") ? C_("document", "Accepted") :
                               g_str_equal (state, "sent-back") ? C_("document", "Sent back") : C_("document", "Open");
      g_autofree char *with_slip = *rs_pdf_json_string (d, "slip") != '\0' ?
                                   g_strdup_printf ("%s %s", resolution, rs_pdf_json_string (d, "slip")) : g_strdup (resolution);

      rs_pdf_table_add_row (table,
                            g_str_equal (kind, "excess") ? C_("document", "More than approved") : C_("document", "Product not on the return"),
                            rs_pdf_json_string (d, "sku"), rs_pdf_json_string (d, "quantity"), with_slip,
                            rs_pdf_writer_user_name (w, rs_pdf_json_string (d, "resolved_by")), rs_pdf_json_string (d, "comment"), NULL);
    }
}

static void
add_inspections (RsPdfWriter *w, RsReturn *ret, JsonObject *described)
{
  JsonArray *inspections = rs_pdf_json_array (described, "inspections");

  if (json_array_get_length (inspections) == 0)
    {
      rs_pdf_document_add_heading (w->doc, C_("document", "Inspection"));
      rs_pdf_document_add_text (w->doc, _("Not inspected yet."));
      return;
    }
  for (guint i = 0; i < json_array_get_length (inspections); i++)
    {
      JsonObject *inspection = json_array_get_object_element (inspections, i);
      /* TRANSLATORS: a heading in the return dossier: "Inspection JY20261126-0001". */
      g_autofree char *heading = g_strdup_printf (C_("document", "Inspection %s"), rs_pdf_json_string (inspection, "number"));

      rs_pdf_document_add_heading (w->doc, heading);
      rs_pdf_inspection_add_body (w, ret, inspection);
      rs_pdf_inspection_add_photos (w, inspection);
    }
}

static void
add_dispositions (RsPdfWriter *w, RsReturn *ret, JsonObject *described)
{
  JsonArray *dispositions = rs_pdf_json_array (described, "dispositions");
  RsPdfTable *table;

  rs_pdf_document_add_heading (w->doc, C_("document", "Disposition"));
  if (json_array_get_length (dispositions) == 0)
    {
      rs_pdf_document_add_text (w->doc, _("Not disposed of yet."));
      return;
    }
  table = rs_pdf_document_add_table (w->doc);
  rs_pdf_table_add_column (table, C_("document", "SKU"), 1.5, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Disposition"), 1.3, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Quantity"), 1, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "Destination"), 1.3, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Slip"), 2.2, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Scrap loss"), 1.2, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "By"), 1.1, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Time"), 2, RS_PDF_ALIGN_CENTER);
  for (guint i = 0; i < json_array_get_length (dispositions); i++)
    {
      JsonObject *d = json_array_get_object_element (dispositions, i);
      RsDispositionKind kind;
      const char *kind_name = rs_pdf_json_string (d, "kind");
      const char *destination = *rs_pdf_json_string (d, "supplier") != '\0' ? rs_pdf_json_string (d, "supplier")
                                                                            : rs_pdf_json_string (d, "location");
      g_autofree char *quantity = line_quantity (ret, d, "quantity");
      g_autofree char *loss = rs_pdf_writer_json_money (rs_pdf_json_string (d, "scrap_loss"));
      g_autofree char *when = rs_pdf_writer_format_iso (rs_pdf_json_string (d, "created_at"));
      g_autofree char *slips = NULL;

      if (rs_disposition_kind_parse (kind_name, &kind, NULL))
        kind_name = rs_disposition_kind_get_display_name (kind);
      slips = *rs_pdf_json_string (d, "back_slip") != '\0' ?
              g_strdup_printf ("%s\n%s", rs_pdf_json_string (d, "slip"), rs_pdf_json_string (d, "back_slip")) :
              g_strdup (rs_pdf_json_string (d, "slip"));
      rs_pdf_table_add_row (table, rs_pdf_json_string (d, "sku"), kind_name, quantity, destination, slips, loss,
                            rs_pdf_writer_user_name (w, rs_pdf_json_string (d, "created_by")), when, NULL);
    }
}

/* Every slip the return touched, and what each moved. */
static gboolean
add_slips (RsPdfWriter *w, JsonObject *described, GError **error)
{
  static const struct { const char *role, *name; } roles[] = {
    { "sale", NC_("slip role", "Sale") },
    { "receipt", NC_("slip role", "Receipt") },
    { "send-back", NC_("slip role", "Sent back") },
    { "disposition", NC_("slip role", "Disposition") },
    { "repair-back", NC_("slip role", "Back from repair") },
  };
  JsonArray *slips = rs_pdf_json_array (described, "slips");
  RsPdfTable *table;

  rs_pdf_document_add_heading (w->doc, C_("document", "Linked slips"));
  if (json_array_get_length (slips) == 0)
    {
      rs_pdf_document_add_text (w->doc, _("No slips yet."));
      return TRUE;
    }
  table = rs_pdf_document_add_table (w->doc);
  rs_pdf_table_add_column (table, C_("document", "Slip"), 2.2, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Role"), 1.2, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Purpose"), 1.6, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Date"), 1.3, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "State"), 1, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Goods"), 3.5, RS_PDF_ALIGN_LEFT);
  for (guint i = 0; i < json_array_get_length (slips); i++)
    {
      JsonObject *item = json_array_get_object_element (slips, i);
      const char *role = rs_pdf_json_string (item, "role");
      g_autoptr(RsSlip) slip = rs_slips_lookup (w->session, rs_pdf_json_string (item, "number"), error);
      g_autoptr(GString) goods = g_string_new (NULL);
      GListModel *lines;

      if (slip == NULL)
        return FALSE;
      for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
        if (g_str_equal (role, roles[r].role))
          role = g_dpgettext2 (GETTEXT_PACKAGE, "slip role", roles[r].name);
      lines = rs_slip_get_lines (slip);
      for (guint l = 0; l < g_list_model_get_n_items (lines); l++)
        {
          g_autoptr(RsSlipLine) line = g_list_model_get_item (lines, l);
          g_autofree char *quantity = rs_pdf_writer_quantity (rs_slip_line_get_quantity (line), rs_slip_line_get_decimals (line),
                                                              rs_slip_line_get_unit (line));

          g_string_append_printf (goods, "%s%s %s × %s", l > 0 ? "\n" : "", rs_slip_line_get_sku (line),
                                  rs_slip_line_get_location_code (line), quantity);
          if (rs_slip_line_get_to_location_code (line) != NULL)
            g_string_append_printf (goods, " → %s", rs_slip_line_get_to_location_code (line));
        }
      rs_pdf_table_add_row (table, rs_slip_get_number (slip), role, rs_slip_purpose_get_display_name (rs_slip_get_purpose (slip)),
                            rs_slip_get_date (slip), rs_slip_state_get_display_name (rs_slip_get_state (slip)), goods->str, NULL);
    }
  return TRUE;
}

static void
add_costs (RsPdfWriter *w, JsonObject *described)
{
  JsonObject *costs = json_object_get_object_member (described, "costs");
  JsonArray *lines = rs_pdf_json_array (costs, "lines");
  JsonObject *totals = costs != NULL ? json_object_get_object_member (costs, "totals") : NULL;
  gint64 total = rs_pdf_writer_json_fen (rs_pdf_json_string (totals, "total"));
  g_autofree char *total_text = rs_money_format (total);
  g_autofree char *words = rs_money_to_words (total);
  RsPdfTable *table;

  rs_pdf_document_add_heading (w->doc, C_("document", "Costs"));
  if (json_array_get_length (lines) == 0)
    {
      rs_pdf_document_add_text (w->doc, _("No costs recorded."));
      return;
    }
  table = rs_pdf_document_add_table (w->doc);
  rs_pdf_table_add_column (table, C_("document", "Cost"), 1.5, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Amount"), 1.4, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "Remark"), 3.6, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Recorded by"), 1.3, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Recorded at"), 2, RS_PDF_ALIGN_CENTER);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      const char *kind_key = rs_pdf_json_string (line, "kind");
      g_autofree char *amount = rs_pdf_writer_json_money (rs_pdf_json_string (line, "amount"));
      g_autofree char *when = rs_pdf_writer_format_iso (rs_pdf_json_string (line, "created_at"));
      const char *kind_name = kind_key;

      for (int k = RS_COST_REFUND; k <= RS_COST_SCRAP_LOSS; k++)
        if (g_str_equal (kind_key, rs_cost_kind_get_key (k)))
          kind_name = rs_cost_kind_get_display_name (k);
      if (g_str_equal (kind_key, "vendor-credit"))
        {
          g_autofree char *credit = g_strconcat ("-", amount, NULL);
          g_free (amount);
          amount = g_steal_pointer (&credit);
        }
      rs_pdf_table_add_row (table, kind_name, amount, rs_pdf_json_string (line, "remark"),
                            rs_pdf_writer_user_name (w, rs_pdf_json_string (line, "created_by")), when, NULL);
    }
  rs_pdf_table_set_footer (table, C_("document", "Total"), total_text, "", "", "", NULL);
  rs_pdf_document_add_fields (w->doc, 1, C_("document", "Total in words"), words, NULL);
}

static void
add_attachments (RsPdfWriter *w, JsonObject *described)
{
  JsonArray *attachments = rs_pdf_json_array (described, "attachments");
  g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func (g_free);
  RsPdfTable *table;

  if (json_array_get_length (attachments) == 0)
    return;
  rs_pdf_document_add_heading (w->doc, C_("document", "Attachments"));
  table = rs_pdf_document_add_table (w->doc);
  rs_pdf_table_add_column (table, C_("document", "File"), 2.6, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Size"), 1, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, C_("document", "Added by"), 1.3, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Added at"), 2, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "SHA-256"), 3.2, RS_PDF_ALIGN_LEFT);
  for (guint i = 0; i < json_array_get_length (attachments); i++)
    {
      JsonObject *a = json_array_get_object_element (attachments, i);
      g_autofree char *size = g_format_size (json_object_get_int_member_with_default (a, "size", 0));
      g_autofree char *when = rs_pdf_writer_format_iso (rs_pdf_json_string (a, "added_at"));
      /* The start of the checksum identifies the file in the store. */
      g_autofree char *hash = g_strndup (rs_pdf_json_string (a, "sha256"), 16);

      rs_pdf_table_add_row (table, rs_pdf_json_string (a, "file_name"), size,
                            rs_pdf_writer_user_name (w, rs_pdf_json_string (a, "added_by")), when, hash, NULL);
    }
  for (guint i = 0; i < json_array_get_length (attachments); i++)
    {
      JsonObject *a = json_array_get_object_element (attachments, i);

      if (g_str_has_prefix (rs_pdf_json_string (a, "content_type"), "image/"))
        rs_pdf_pairs_add (pictures, rs_pdf_json_string (a, "sha256"), rs_pdf_json_string (a, "file_name"));
    }
  rs_pdf_writer_add_stored_photos (w, pictures);
}

static void
add_timeline (RsPdfWriter *w, JsonObject *described)
{
  JsonArray *list = rs_pdf_json_array (described, "events");
  RsPdfTable *table;

  rs_pdf_document_add_heading (w->doc, C_("document", "Timeline"));
  table = rs_pdf_document_add_table (w->doc);
  rs_pdf_table_add_column (table, C_("document", "Time"), 2, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "By"), 1.2, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Event"), 1.8, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "State"), 1.8, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Details"), 3.2, RS_PDF_ALIGN_LEFT);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      const char *from = rs_pdf_json_string (e, "from");
      const char *to = rs_pdf_json_string (e, "to");
      const char *comment = rs_pdf_json_string (e, "comment");
      const char *ref = rs_pdf_json_string (e, "ref");
      g_autofree char *when = rs_pdf_writer_format_iso (rs_pdf_json_string (e, "at"));
      g_autofree char *states = NULL;
      g_autofree char *details = NULL;

      if (*to != '\0' && g_strcmp0 (from, to) != 0)
        states = *from != '\0' ? g_strdup_printf ("%s → %s", state_name (from), state_name (to)) : g_strdup (state_name (to));
      details = g_strjoin (*comment != '\0' && *ref != '\0' ? " " : "", comment, ref, NULL);
      rs_pdf_table_add_row (table, when, rs_pdf_writer_user_name (w, rs_pdf_json_string (e, "user")),
                            event_name (rs_pdf_json_string (e, "kind")), states != NULL ? states : "", details, NULL);
    }
}

gboolean
rs_pdf_dossier_write (RsPdfWriter *w, const char *number, GError **error)
{
  g_autoptr(RsReturn) ret = rs_returns_lookup (w->session, number, error);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *described;
  JsonArray *list;
  gint64 when = 0;

  if (ret == NULL)
    return FALSE;
  json = rs_returns_describe (w->session, number, error);
  if (json == NULL)
    return FALSE;
  described = json_node_get_object (json);
  rs_pdf_document_set_title (w->doc, C_("document", "Return dossier"), rs_return_get_number (ret));
  /* As of its last event: nothing later can be in it. */
  list = rs_pdf_json_array (described, "events");
  for (guint i = 0; i < json_array_get_length (list); i++)
    when = MAX (when, rs_pdf_writer_parse_iso (rs_pdf_json_string (json_array_get_object_element (list, i), "at")));
  rs_pdf_document_set_time (w->doc, when != 0 ? when : rs_return_get_created_at (ret));

  rs_pdf_return_add_header (w, ret, described);
  add_state (w, ret, described);
  rs_pdf_document_add_heading (w->doc, C_("document", "Returned goods"));
  rs_pdf_return_add_lines (w, ret, TRUE);
  rs_pdf_return_add_approval (w, ret, described);
  add_receipts (w, ret, described);
  add_inspections (w, ret, described);
  add_dispositions (w, ret, described);
  if (!add_slips (w, described, error))
    return FALSE;
  add_costs (w, described);
  add_attachments (w, described);
  add_timeline (w, described);
  return TRUE;
}
