/* rs-pdf-inspection.c — the inspection report (检验报告): checklist results, verdict, inspector,
 * times and every photo. */
#include "rs-pdf-writer.h"

static RsReturnLine *
find_line (RsReturn *ret, guint number)
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

static const char *
check_value_name (const char *value)
{
  if (g_str_equal (value, "pass"))
    return rs_verdict_get_display_name (RS_VERDICT_PASS);
  if (g_str_equal (value, "fail"))
    return rs_verdict_get_display_name (RS_VERDICT_FAIL);
  if (g_str_equal (value, "na"))
    return C_("document", "Not applicable");
  return value;
}

/* What a measurement must be: "18–21 V", "≥ 18 V", "≤ 21 V". */
static char *
measure_range (const char *min, const char *max, const char *unit)
{
  const char *space = *unit != '\0' ? " " : "";

  if (*min != '\0' && *max != '\0')
    return g_strdup_printf ("%s–%s%s%s", min, max, space, unit);
  if (*min != '\0')
    return g_strdup_printf ("≥ %s%s%s", min, space, unit);
  if (*max != '\0')
    return g_strdup_printf ("≤ %s%s%s", max, space, unit);
  return g_strdup ("");
}

static guint
count_photos (JsonArray *photos, const char *key)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (photos); i++)
    if (g_str_equal (rs_pdf_json_string (json_array_get_object_element (photos, i), "item"), key))
      n++;
  return n;
}

static void
add_results (RsPdfWriter *w, JsonArray *results, JsonArray *photos)
{
  RsPdfTable *table = rs_pdf_document_add_table (w->doc);

  rs_pdf_table_add_column (table, C_("document", "No."), 0.6, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Item"), 2.4, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Requirement"), 1.8, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, C_("document", "Result"), 2.6, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, C_("document", "Judgement"), 1.1, RS_PDF_ALIGN_CENTER);

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *kind = rs_pdf_json_string (result, "kind");
      const char *value = rs_pdf_json_string (result, "value");
      const char *unit = rs_pdf_json_string (result, "unit");
      gboolean required = json_object_get_boolean_member_with_default (result, "required", TRUE);
      gboolean recorded = *value != '\0' || g_str_equal (kind, "photo");
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autofree char *item = NULL;
      g_autofree char *requirement = NULL;
      g_autofree char *shown = NULL;
      const char *judgement;

      item = required ? g_strdup (rs_pdf_json_string (result, "name"))
                      /* TRANSLATORS: an inspection item whose failure does not fail the goods. */
                      : g_strdup_printf (C_("document", "%s (optional)"), rs_pdf_json_string (result, "name"));
      if (g_str_equal (kind, "measure"))
        {
          requirement = measure_range (rs_pdf_json_string (result, "min"), rs_pdf_json_string (result, "max"), unit);
          shown = *value != '\0' && *unit != '\0' ? g_strdup_printf ("%s %s", value, unit) : g_strdup (value);
        }
      else if (g_str_equal (kind, "photo"))
        {
          guint photo_count = count_photos (photos, rs_pdf_json_string (result, "key"));

          requirement = g_strdup (C_("document", "Photo"));
          shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u photo", "%u photos", photo_count), photo_count);
        }
      else if (g_str_equal (kind, "check"))
        shown = g_strdup (check_value_name (value));
      else
        shown = g_strdup (value);

      if (!recorded)
        judgement = C_("document", "Not checked");
      else if (g_str_equal (value, "na"))
        judgement = "—";
      else
        judgement = json_object_get_boolean_member_with_default (result, "passed", TRUE) ?
                    rs_verdict_get_display_name (RS_VERDICT_PASS) : rs_verdict_get_display_name (RS_VERDICT_FAIL);
      rs_pdf_table_add_row (table, n, item, requirement != NULL ? requirement : "—", shown, judgement, NULL);
    }
}

static void
add_photos (RsPdfWriter *w, JsonArray *results, JsonArray *photos)
{
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_free);

  if (json_array_get_length (photos) > 0)
    rs_pdf_document_add_heading (w->doc, C_("document", "Photos"));
  for (guint i = 0; i < json_array_get_length (photos); i++)
    {
      JsonObject *photo = json_array_get_object_element (photos, i);
      const char *key = rs_pdf_json_string (photo, "item");
      const char *about = C_("document", "the goods");
      g_autofree char *caption = NULL;

      for (guint r = 0; *key != '\0' && r < json_array_get_length (results); r++)
        {
          JsonObject *result = json_array_get_object_element (results, r);

          if (g_str_equal (rs_pdf_json_string (result, "key"), key))
            about = rs_pdf_json_string (result, "name");
        }
      /* TRANSLATORS: under a photo: "Photo 1: Appearance · IMG_2021.jpg". */
      caption = g_strdup_printf (C_("document", "Photo %u: %s · %s"), i + 1, about, rs_pdf_json_string (photo, "file_name"));
      rs_pdf_pairs_add (stored, rs_pdf_json_string (photo, "sha256"), caption);
    }
  rs_pdf_writer_add_stored_photos (w, stored);
}

static char *
verdict_text (JsonObject *inspection)
{
  const char *verdict = rs_pdf_json_string (inspection, "verdict");
  const char *computed = rs_pdf_json_string (inspection, "computed_verdict");
  RsVerdict v = RS_VERDICT_PASS, c = RS_VERDICT_PASS;

  if (*verdict == '\0')
    return g_strdup (C_("document", "Inspection under way"));
  rs_verdict_parse (verdict, &v, NULL);
  rs_verdict_parse (computed, &c, NULL);
  if (v == c)
    return g_strdup (rs_verdict_get_display_name (v));
  /* TRANSLATORS: the inspector failed goods the checklist passed. */
  return g_strdup_printf (C_("document", "%s (by the inspector; by the checklist: %s)"),
                          rs_verdict_get_display_name (v), rs_verdict_get_display_name (c));
}

void
rs_pdf_inspection_add_body (RsPdfWriter *w, RsReturn *ret, JsonObject *inspection)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RsReturnLine) line = find_line (ret, json_object_get_int_member_with_default (inspection, "line", 0));
  JsonArray *results = rs_pdf_json_array (inspection, "results");
  JsonArray *photos = rs_pdf_json_array (inspection, "photos");
  const char *inspector = rs_pdf_json_string (inspection, "finished_by");
  gint64 quantity = 0;

  rs_quantity_parse (rs_pdf_json_string (inspection, "quantity"), 3, &quantity, NULL);
  if (*inspector == '\0')
    inspector = rs_pdf_json_string (inspection, "started_by");
  rs_pdf_pairs_add (fields, C_("document", "Return"), rs_return_get_number (ret));
  rs_pdf_pairs_take (fields, C_("document", "Customer"),
                     g_strdup_printf ("%s（%s）", rs_return_get_customer_name (ret), rs_return_get_customer_code (ret)));
  rs_pdf_pairs_take (fields, C_("document", "Product"),
                     line != NULL ? g_strdup_printf ("%s %s", rs_return_line_get_sku (line), rs_return_line_get_product_name (line))
                                  : g_strdup (rs_pdf_json_string (inspection, "sku")));
  rs_pdf_pairs_take (fields, C_("document", "Quantity"),
                     line != NULL ? rs_pdf_writer_quantity (quantity, rs_return_line_get_decimals (line), rs_return_line_get_unit (line))
                                  : g_strdup (rs_pdf_json_string (inspection, "quantity")));
  rs_pdf_pairs_add (fields, C_("document", "Checklist"), rs_pdf_json_string (inspection, "template_name"));
  rs_pdf_pairs_add (fields, C_("document", "Inspector"), rs_pdf_writer_user_name (w, inspector));
  rs_pdf_pairs_take (fields, C_("document", "Started at"), rs_pdf_writer_format_iso (rs_pdf_json_string (inspection, "started_at")));
  rs_pdf_pairs_take (fields, C_("document", "Finished at"), rs_pdf_writer_format_iso (rs_pdf_json_string (inspection, "finished_at")));
  rs_pdf_pairs_take (fields, C_("document", "Verdict"), verdict_text (inspection));
  rs_pdf_document_add_fieldsv (w->doc, 2, rs_pdf_pairs_end (fields));

  add_results (w, results, photos);
  if (*rs_pdf_json_string (inspection, "remark") != '\0')
    rs_pdf_document_add_fields (w->doc, 1, C_("document", "Remark"), rs_pdf_json_string (inspection, "remark"), NULL);
}

void
rs_pdf_inspection_add_photos (RsPdfWriter *w, JsonObject *inspection)
{
  add_photos (w, rs_pdf_json_array (inspection, "results"), rs_pdf_json_array (inspection, "photos"));
}

gboolean
rs_pdf_inspection_write (RsPdfWriter *w, const char *number, GError **error)
{
  g_autoptr(RsInspection) inspection = rs_inspections_lookup (w->session, number, error);
  g_autoptr(RsReturn) ret = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *object;
  const char *inspector;

  if (inspection == NULL)
    return FALSE;
  ret = rs_returns_lookup (w->session, rs_inspection_get_return_number (inspection), error);
  if (ret == NULL)
    return FALSE;
  json = rs_inspection_to_json (inspection);
  object = json_node_get_object (json);
  rs_pdf_document_set_title (w->doc, C_("document", "Inspection report"), rs_inspection_get_number (inspection));
  rs_pdf_document_set_time (w->doc, rs_inspection_get_finished (inspection) ? rs_inspection_get_finished_at (inspection)
                                                                           : rs_inspection_get_started_at (inspection));
  rs_pdf_inspection_add_body (w, ret, object);
  inspector = rs_pdf_json_string (object, "finished_by");
  /* Signed under the results; the photos follow as the report's evidence. */
  rs_pdf_document_add_signatures (w->doc, C_("document", "Inspector"), rs_pdf_writer_user_name (w, inspector),
                                  C_("document", "Reviewed by"), NULL, C_("document", "Storekeeper"), NULL, NULL);
  rs_pdf_inspection_add_photos (w, object);
  return TRUE;
}
