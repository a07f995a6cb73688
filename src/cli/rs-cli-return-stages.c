/* rs-cli-return-stages.c — return receive|resolve|inspect|dispose|repaired|cost (DESIGN §9):
 * what happens to a return after approval. rs-cli-return.c dispatches here. */
#include "rs-cli.h"
#include "rs-i18n.h"

#include <string.h>

#define RECEIVE_USAGE "return receive RMA --warehouse CODE --line SKU:QTY … [--comment TEXT]"
#define RESOLVE_USAGE "return resolve RMA accept|send-back [--line SKU] [--comment TEXT]"
#define INSPECT_USAGE "return inspect RMA --line SKU[:QTY] [--start] [--check KEY=pass|fail|na|VALUE …] " \
                      "[--photo [KEY=]FILE …] [--verdict fail] [--remark TEXT]"
#define DISPOSE_USAGE "return dispose RMA --line SKU:QTY:restock|repair|scrap|vendor|replace[@LOCATION|@SUPPLIER] …"
#define REPAIRED_USAGE "return repaired RMA --line SKU[:QTY][@LOCATION] …"
#define COST_USAGE "return cost RMA --kind refund|freight|handling|repair|vendor-credit --amount AMOUNT [--remark TEXT]"

/* With --json everything `return show --json` gives; otherwise the state, the slips the
 * step posted and the discrepancies still open. */
static gboolean
output_after (RsCli *cli, RsSession *session, RsReturn *ret, GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonNode *node = rs_returns_describe (session, rs_return_get_number (ret), error);
  JsonObject *object;
  JsonArray *events, *discrepancies;
  const char *ref;

  if (node == NULL)
    return FALSE;
  object = json_node_get_object (node);
  g_string_append_printf (text, _("%s is %s."), rs_return_get_number (ret),
                          rs_return_state_get_display_name (rs_return_get_state (ret)));
  events = json_object_get_array_member (object, "events");
  ref = json_object_get_string_member (json_array_get_object_element (events, json_array_get_length (events) - 1), "ref");
  if (ref != NULL && *ref != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Slips posted: %s"), ref);
    }
  discrepancies = json_object_get_array_member (object, "discrepancies");
  for (guint i = 0; i < json_array_get_length (discrepancies); i++)
    {
      JsonObject *d = json_array_get_object_element (discrepancies, i);

      if (!g_str_equal (json_object_get_string_member (d, "state"), "open"))
        continue;
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_str_equal (json_object_get_string_member (d, "kind"), "excess")
                                    ? _("Discrepancy: %s × %s more than approved; customer service accepts it or sends it back.")
                                    : _("Discrepancy: %s × %s is not on the return; customer service accepts it or sends it back."),
                              json_object_get_string_member (d, "sku"), json_object_get_string_member (d, "quantity"));
    }
  rs_cli_output_node (cli, node, text->str);
  return TRUE;
}

/* "SKU:QTY" → sku and thousandths; the text is cut up in place. */
static gboolean
parse_sku_quantity (char *text, guint number, const char *syntax, const char **sku, gint64 *quantity,
                    gboolean quantity_required, GError **error)
{
  char *colon = strchr (text, ':');
  GError *local_error = NULL;

  if (text[0] == ':' || text[0] == '\0' || (colon == NULL && quantity_required) || (colon != NULL && colon[1] == '\0'))
    return rs_cli_usage (error, _("Line %u: write %s."), number, syntax);
  *sku = text;
  *quantity = 0;
  if (colon == NULL)
    return TRUE;
  *colon++ = '\0';
  if (!rs_quantity_parse (colon, 3, quantity, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, _("Line %u: "), number);
      return FALSE;
    }
  return TRUE;
}

gboolean
rs_cli_return_receive (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *warehouse = NULL, *comment = NULL;
  g_auto(GStrv) line_texts = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsReceiptLineFields));
  g_autoptr(RsReturn) ret = NULL;
  GOptionEntry entries[] = {
    { "warehouse", 0, 0, G_OPTION_ARG_STRING, &warehouse, N_("The warehouse the goods arrive at"), N_("CODE") },
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_texts, N_("What arrived; repeat for more"), "SKU:QTY" },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("A comment for the timeline"), N_("TEXT") },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse (RECEIVE_USAGE, entries, &argc, &argv, 1, error))
    return FALSE;
  if (warehouse == NULL || line_texts == NULL)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), RECEIVE_USAGE);
  for (guint i = 0; line_texts[i] != NULL; i++)
    {
      RsReceiptLineFields line = { 0 };
      if (!parse_sku_quantity (line_texts[i], i + 1, "SKU:QTY", &line.sku, &line.quantity, TRUE, error))
        return FALSE;
      g_array_append_val (lines, line);
    }
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  ret = rs_returns_receive (session, argv[1], warehouse, (const RsReceiptLineFields *) (gpointer) lines->data,
                            lines->len, comment, error);
  return ret != NULL && output_after (cli, session, ret, error);
}

gboolean
rs_cli_return_resolve (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *sku = NULL, *comment = NULL;
  g_autoptr(RsReturn) ret = NULL;
  GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_STRING, &sku, N_("Only the discrepancies of this product"), "SKU" },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("Why, for the timeline"), N_("TEXT") },
    { NULL }
  };
  RsResolveDecision decision;
  RsSession *session;

  if (!rs_cli_parse (RESOLVE_USAGE, entries, &argc, &argv, 2, error) ||
      !rs_resolve_decision_parse (argv[2], &decision, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  ret = rs_returns_resolve (session, argv[1], sku, decision, comment, error);
  return ret != NULL && output_after (cli, session, ret, error);
}

gboolean
rs_cli_return_inspect (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *line_text = NULL, *verdict_text = NULL, *remark = NULL;
  g_auto(GStrv) checks = NULL;
  g_auto(GStrv) photo_texts = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (RsInspectionValue));
  g_autoptr(GArray) photos = g_array_new (FALSE, TRUE, sizeof (RsInspectionPhoto));
  g_autoptr(RsInspection) inspection = NULL;
  g_autofree char *text = NULL;
  gboolean start_only = FALSE;
  GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_STRING, &line_text, N_("The product inspected, and how many (default: all not yet inspected)"),
      "SKU[:QTY]" },
    { "start", 0, 0, G_OPTION_ARG_NONE, &start_only, N_("Only start the inspection; finish it with the results later"), NULL },
    { "check", 0, 0, G_OPTION_ARG_STRING_ARRAY, &checks, N_("The result of a checklist item; repeat for more"),
      "KEY=pass|fail|na|VALUE" },
    { "photo", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &photo_texts, N_("A photo of an item or of the whole line; repeat for more"),
      "[KEY=]FILE" },
    { "verdict", 0, 0, G_OPTION_ARG_STRING, &verdict_text, N_("Fail goods the checklist passes (never the other way)"), "fail" },
    { "remark", 0, 0, G_OPTION_ARG_STRING, &remark, N_("What the inspector adds"), N_("TEXT") },
    { NULL }
  };
  RsInspectionFields fields = { .verdict = -1 };
  const char *sku = NULL;
  gint64 quantity = 0;
  RsSession *session;

  if (!rs_cli_parse (INSPECT_USAGE, entries, &argc, &argv, 1, error))
    return FALSE;
  if (line_text == NULL)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), INSPECT_USAGE);
  if (!parse_sku_quantity (line_text, 1, "SKU[:QTY]", &sku, &quantity, FALSE, error))
    return FALSE;
  if (start_only && (checks != NULL || photo_texts != NULL || verdict_text != NULL || remark != NULL))
    return rs_cli_usage (error, _("--start only opens the inspection; give the results when finishing it."));
  for (guint i = 0; checks != NULL && checks[i] != NULL; i++)
    {
      char *equals = strchr (checks[i], '=');
      RsInspectionValue value;

      if (equals == NULL || equals == checks[i])
        return rs_cli_usage (error, _("Write each result as KEY=VALUE, e.g. --check appearance=pass."));
      *equals = '\0';
      value.key = checks[i];
      value.value = equals + 1;
      g_array_append_val (values, value);
    }
  for (guint i = 0; photo_texts != NULL && photo_texts[i] != NULL; i++)
    {
      char *equals = strchr (photo_texts[i], '=');
      RsInspectionPhoto photo = { NULL, photo_texts[i] };

      /* KEY=FILE when what comes before "=" is no file of its own. */
      if (equals != NULL && equals != photo_texts[i] && !g_file_test (photo_texts[i], G_FILE_TEST_EXISTS))
        {
          *equals = '\0';
          photo.key = photo_texts[i];
          photo.path = equals + 1;
        }
      g_array_append_val (photos, photo);
    }
  if (verdict_text != NULL)
    {
      RsVerdict verdict;
      if (!rs_verdict_parse (verdict_text, &verdict, error))
        return FALSE;
      fields.verdict = verdict;
    }
  fields.values = (const RsInspectionValue *) (gpointer) values->data;
  fields.n_values = values->len;
  fields.photos = (const RsInspectionPhoto *) (gpointer) photos->data;
  fields.n_photos = photos->len;
  fields.remark = remark;

  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  inspection = start_only ? rs_inspections_start (session, argv[1], sku, quantity, error)
                          : rs_inspections_record (session, argv[1], sku, quantity, &fields, error);
  if (inspection == NULL)
    return FALSE;
  if (start_only)
    text = g_strdup_printf (_("%s started."), rs_inspection_get_number (inspection));
  else
    text = g_strdup_printf (_("%s finished: %s."), rs_inspection_get_number (inspection),
                            rs_verdict_get_display_name (rs_inspection_get_verdict (inspection)));
  rs_cli_output_node (cli, rs_inspection_to_json (inspection), text);
  return TRUE;
}

/* "SKU:QTY:KIND[@TARGET]" → fields pointing into `text`, cut up in place. */
static gboolean
parse_disposition (char *text, guint number, RsDispositionFields *d, GError **error)
{
  char *first = strchr (text, ':');
  char *second = first != NULL ? strchr (first + 1, ':') : NULL;
  char *at;
  GError *local_error = NULL;

  if (first == NULL || second == NULL || first == text || second == first + 1 || second[1] == '\0')
    return rs_cli_usage (error, _("Line %u: write SKU:QTY:restock|repair|scrap|vendor|replace[@LOCATION], e.g. P-1:2:restock@A1."),
                         number);
  *first++ = '\0';
  *second++ = '\0';
  at = strchr (second, '@');
  if (at != NULL)
    {
      *at++ = '\0';
      if (*at == '\0')
        return rs_cli_usage (error, _("Line %u: write SKU:QTY:restock|repair|scrap|vendor|replace[@LOCATION], e.g. P-1:2:restock@A1."),
                             number);
    }
  d->sku = text;
  d->target = at;
  if (!rs_quantity_parse (first, 3, &d->quantity, &local_error) ||
      !rs_disposition_kind_parse (second, &d->kind, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, _("Line %u: "), number);
      return FALSE;
    }
  return TRUE;
}

gboolean
rs_cli_return_dispose (RsCli *cli, int argc, char **argv, GError **error)
{
  g_auto(GStrv) line_texts = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsDispositionFields));
  g_autoptr(RsReturn) ret = NULL;
  GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_texts, N_("What happens to how many; repeat for more"),
      "SKU:QTY:KIND[@LOCATION]" },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse (DISPOSE_USAGE, entries, &argc, &argv, 1, error))
    return FALSE;
  if (line_texts == NULL)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), DISPOSE_USAGE);
  for (guint i = 0; line_texts[i] != NULL; i++)
    {
      RsDispositionFields d = { 0 };
      if (!parse_disposition (line_texts[i], i + 1, &d, error))
        return FALSE;
      g_array_append_val (lines, d);
    }
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  ret = rs_returns_dispose (session, argv[1], (const RsDispositionFields *) (gpointer) lines->data, lines->len, error);
  return ret != NULL && output_after (cli, session, ret, error);
}

gboolean
rs_cli_return_repaired (RsCli *cli, int argc, char **argv, GError **error)
{
  g_auto(GStrv) line_texts = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsRepairFields));
  g_autoptr(RsReturn) ret = NULL;
  GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_texts, N_("What came back from repair, and where it goes; repeat for more"),
      "SKU[:QTY][@LOCATION]" },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse (REPAIRED_USAGE, entries, &argc, &argv, 1, error))
    return FALSE;
  if (line_texts == NULL)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), REPAIRED_USAGE);
  for (guint i = 0; line_texts[i] != NULL; i++)
    {
      RsRepairFields r = { 0 };
      char *at = strchr (line_texts[i], '@');

      if (at != NULL)
        {
          *at++ = '\0';
          if (*at == '\0')
            return rs_cli_usage (error, _("Line %u: write %s."), i + 1, "SKU[:QTY][@LOCATION]");
          r.location = at;
        }
      if (!parse_sku_quantity (line_texts[i], i + 1, "SKU[:QTY][@LOCATION]", &r.sku, &r.quantity, FALSE, error))
        return FALSE;
      g_array_append_val (lines, r);
    }
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  ret = rs_returns_repaired (session, argv[1], (const RsRepairFields *) (gpointer) lines->data, lines->len, error);
  return ret != NULL && output_after (cli, session, ret, error);
}

gboolean
rs_cli_return_cost (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *kind_text = NULL, *amount_text = NULL, *remark = NULL;
  g_autoptr(RsReturn) ret = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("refund, freight, handling, repair or vendor-credit"), N_("KIND") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("The amount in yuan, e.g. 12.50"), N_("AMOUNT") },
    { "remark", 0, 0, G_OPTION_ARG_STRING, &remark, N_("What it was for"), N_("TEXT") },
    { NULL }
  };
  RsCostKind kind;
  gint64 amount = 0;
  RsSession *session;

  if (!rs_cli_parse (COST_USAGE, entries, &argc, &argv, 1, error))
    return FALSE;
  if (kind_text == NULL || amount_text == NULL)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), COST_USAGE);
  if (!rs_cost_kind_parse (kind_text, &kind, error) || !rs_money_parse (amount_text, &amount, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  ret = rs_returns_add_cost (session, argv[1], kind, amount, remark, error);
  return ret != NULL && output_after (cli, session, ret, error);
}
