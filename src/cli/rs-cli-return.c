/* rs-cli-return.c — return new|edit|submit|approve|reject|cancel|revise|show|list|attach|mail|chain|policy
 * (DESIGN §9). Receiving, inspection, disposition and costs add their commands to the table at the end. */
#include "rs-cli.h"
#include "rs-i18n.h"

#include <string.h>

#define NEW_USAGE "return new --customer NAME --reason CODE [--slip CK…] [--order REF] [--sold-on YYYY-MM-DD] " \
                  "[--requested-on YYYY-MM-DD] [--note TEXT] [--attach FILE …] --line SKU:QTY[:PRICE[:SERIAL]] …"
#define EDIT_USAGE "return edit RMA [--customer NAME] [--reason CODE] [--slip CK…] [--order REF] " \
                   "[--sold-on YYYY-MM-DD] [--requested-on YYYY-MM-DD] [--note TEXT] [--line SKU:QTY[:PRICE[:SERIAL]] …]"
#define LINE_SYNTAX "SKU:QTY[:PRICE[:SERIAL]]"

/* "SKU:QTY[:PRICE[:SERIAL]]" → fields pointing into `text`, cut up in place. The serial is
 * the rest of the text, colons included; an empty price ("P-1:2::SN1") means none given. */
static gboolean
parse_line (char *text, guint number, RsReturnLineFields *line, GError **error)
{
  char *quantity = strchr (text, ':');
  char *price, *serial = NULL;
  GError *local_error = NULL;

  if (quantity == NULL || quantity == text || quantity[1] == '\0')
    return rs_cli_usage (error, _("Line %u: write %s, e.g. P-1:2:99.00."), number, LINE_SYNTAX);
  *quantity++ = '\0';
  price = strchr (quantity, ':');
  if (price != NULL)
    {
      *price++ = '\0';
      serial = strchr (price, ':');
      if (serial != NULL)
        *serial++ = '\0';
    }
  line->sku = text;
  line->serial = serial;
  line->unit_price = -1;
  if (!rs_quantity_parse (quantity, 3, &line->quantity, &local_error) ||
      (price != NULL && *price != '\0' && !rs_money_parse (price, &line->unit_price, &local_error)))
    {
      g_propagate_prefixed_error (error, local_error, _("Line %u: "), number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_lines (GStrv texts, GArray *lines, GError **error)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      RsReturnLineFields line = { 0 };
      if (!parse_line (texts[i], i + 1, &line, error))
        return FALSE;
      g_array_append_val (lines, line);
    }
  return TRUE;
}

/* With --json the return's object, plus the confirmation e-mail once approved. */
static void
output_return (RsCli *cli, RsSession *session, RsReturn *ret, const char *text)
{
  JsonNode *node = rs_return_to_json (ret);

  if (rs_return_get_state (ret) == RS_RETURN_APPROVED)
    {
      g_autofree char *mailto = rs_returns_confirmation_mailto (session, rs_return_get_number (ret), NULL);
      if (mailto != NULL)
        json_object_set_string_member (json_node_get_object (node), "confirmation_mailto", mailto);
    }
  rs_cli_output_node (cli, node, text);
}

static gboolean
return_new (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *customer = NULL, *reason = NULL, *slip = NULL, *order = NULL;
  g_autofree char *sold_on = NULL, *requested_on = NULL, *note = NULL;
  g_auto(GStrv) line_texts = NULL;
  g_auto(GStrv) attachments = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsReturnLineFields));
  g_autoptr(RsReturn) ret = NULL;
  GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer, by name or code (with --slip: the slip’s)"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("The reason code: quality, damaged, wrong-item, not-as-described, no-reason, other"), N_("CODE") },
    { "slip", 0, 0, G_OPTION_ARG_STRING, &slip, N_("The sale out-slip the goods were shipped on"), "CK…" },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_("The customer’s order or invoice reference"), N_("REF") },
    { "sold-on", 0, 0, G_OPTION_ARG_STRING, &sold_on, N_("The sale date (with --slip: the slip’s)"), "YYYY-MM-DD" },
    { "requested-on", 0, 0, G_OPTION_ARG_STRING, &requested_on, N_("When the customer asked (default: today)"), "YYYY-MM-DD" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the customer says is wrong"), N_("TEXT") },
    { "attach", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &attachments, N_("A photo or document; repeat for more"), N_("FILE") },
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_texts, N_("A line; repeat for more"), LINE_SYNTAX },
    { NULL }
  };
  RsReturnFields fields = { 0 };
  RsSession *session;

  if (!rs_cli_parse (NEW_USAGE, entries, &argc, &argv, 0, error))
    return FALSE;
  if (reason == NULL || line_texts == NULL || (customer == NULL && slip == NULL))
    return rs_cli_usage (error, _("Usage: restock-cli %s"), NEW_USAGE);
  if (!parse_lines (line_texts, lines, error))
    return FALSE;

  fields.customer = customer;
  fields.reason = reason;
  fields.sale_slip = slip;
  fields.order_ref = order;
  fields.sale_date = sold_on;
  fields.request_date = requested_on;
  fields.description = note;
  fields.lines = (const RsReturnLineFields *) (gpointer) lines->data;
  fields.n_lines = lines->len;
  fields.attachments = (const char * const *) attachments;

  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  ret = rs_returns_create (session, &fields, error);
  if (ret == NULL)
    return FALSE;
  output_return (cli, session, ret, rs_return_get_number (ret));
  return TRUE;
}

/* What is not given stays as it is; --line replaces all lines. */
static gboolean
return_edit (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *customer = NULL, *reason = NULL, *slip = NULL, *order = NULL;
  g_autofree char *sold_on = NULL, *requested_on = NULL, *note = NULL;
  g_auto(GStrv) line_texts = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsReturnLineFields));
  g_autoptr(RsReturn) current = NULL;
  g_autoptr(RsReturn) ret = NULL;
  GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer, by name or code"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("The reason code"), N_("CODE") },
    { "slip", 0, 0, G_OPTION_ARG_STRING, &slip, N_("The sale out-slip the goods were shipped on"), "CK…" },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_("The customer’s order or invoice reference"), N_("REF") },
    { "sold-on", 0, 0, G_OPTION_ARG_STRING, &sold_on, N_("The sale date"), "YYYY-MM-DD" },
    { "requested-on", 0, 0, G_OPTION_ARG_STRING, &requested_on, N_("When the customer asked"), "YYYY-MM-DD" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the customer says is wrong"), N_("TEXT") },
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_texts, N_("A line; repeat for more"), LINE_SYNTAX },
    { NULL }
  };
  RsReturnFields fields = { 0 };
  RsSession *session;
  GListModel *current_lines;

  if (!rs_cli_parse (EDIT_USAGE, entries, &argc, &argv, 1, error) || !parse_lines (line_texts, lines, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  current = rs_returns_lookup (session, argv[1], error);
  if (current == NULL)
    return FALSE;

  current_lines = rs_return_get_lines (current);
  if (line_texts == NULL)
    for (guint i = 0; i < g_list_model_get_n_items (current_lines); i++)
      {
        g_autoptr(RsReturnLine) line = g_list_model_get_item (current_lines, i);
        RsReturnLineFields kept = {
          rs_return_line_get_sku (line), rs_return_line_get_quantity (line),
          rs_return_line_get_unit_price (line), rs_return_line_get_serial (line),
        };
        g_array_append_val (lines, kept);   /* the strings live as long as `current` */
      }
  fields.customer = customer != NULL ? customer : (slip == NULL ? rs_return_get_customer_code (current) : NULL);
  fields.reason = reason != NULL ? reason : rs_return_get_reason_code (current);
  fields.sale_slip = slip != NULL ? slip : rs_return_get_sale_slip (current);
  fields.order_ref = order != NULL ? order : rs_return_get_order_ref (current);
  fields.sale_date = sold_on != NULL ? sold_on : (slip == NULL ? rs_return_get_sale_date (current) : NULL);
  fields.request_date = requested_on != NULL ? requested_on : rs_return_get_request_date (current);
  fields.description = note != NULL ? note : rs_return_get_description (current);
  fields.lines = (const RsReturnLineFields *) (gpointer) lines->data;
  fields.n_lines = lines->len;

  ret = rs_returns_update (session, argv[1], &fields, error);
  if (ret == NULL)
    return FALSE;
  output_return (cli, session, ret, rs_return_get_number (ret));
  return TRUE;
}

typedef RsReturn *(*MoveFunc) (RsSession *session, const char *number, const char *comment, GError **error);

static char *
describe_state (RsReturn *ret)
{
  if (rs_return_get_state (ret) == RS_RETURN_SUBMITTED && rs_return_get_next_level (ret) > 0)
    return g_strdup_printf (_("%s is %s; it waits for level %u (%s)."), rs_return_get_number (ret),
                            rs_return_state_get_display_name (rs_return_get_state (ret)),
                            rs_return_get_next_level (ret), rs_role_get_display_name (rs_return_get_next_role (ret)));
  return g_strdup_printf (_("%s is %s."), rs_return_get_number (ret),
                          rs_return_state_get_display_name (rs_return_get_state (ret)));
}

/* submit, approve, reject, cancel, revise: RMA [--comment TEXT]. */
static gboolean
return_move (RsCli *cli, int argc, char **argv, MoveFunc move, GError **error)
{
  g_autofree char *comment = NULL;
  g_autofree char *usage = g_strdup_printf ("return %s RMA [--comment TEXT]", argv[0]);
  g_autofree char *text = NULL;
  g_autoptr(RsReturn) ret = NULL;
  GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("A comment; for reject the reason, which is required"), N_("TEXT") },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse (usage, entries, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  ret = move (session, argv[1], comment, error);
  if (ret == NULL)
    return FALSE;

  text = describe_state (ret);
  if (rs_return_get_state (ret) == RS_RETURN_APPROVED)
    {
      g_autofree char *mailto = rs_returns_confirmation_mailto (session, rs_return_get_number (ret), NULL);
      g_autofree char *with_mail = g_strdup_printf ("%s\n%s %s", text, _("Confirmation e-mail:"), mailto);
      g_free (text);
      text = g_steal_pointer (&with_mail);
    }
  output_return (cli, session, ret, text);
  return TRUE;
}

static gboolean
return_submit (RsCli *cli, int argc, char **argv, GError **error)
{
  return return_move (cli, argc, argv, rs_returns_submit, error);
}

static gboolean
return_approve (RsCli *cli, int argc, char **argv, GError **error)
{
  return return_move (cli, argc, argv, rs_returns_approve, error);
}

static gboolean
return_reject (RsCli *cli, int argc, char **argv, GError **error)
{
  return return_move (cli, argc, argv, rs_returns_reject, error);
}

static gboolean
return_cancel (RsCli *cli, int argc, char **argv, GError **error)
{
  return return_move (cli, argc, argv, rs_returns_cancel, error);
}

static gboolean
return_revise (RsCli *cli, int argc, char **argv, GError **error)
{
  return return_move (cli, argc, argv, rs_returns_revise, error);
}

static void
append_flags (GString *text, RsReturn *ret, const char *indent)
{
  GListModel *flags = rs_return_get_flags (ret);

  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(RsReturnFlag) flag = g_list_model_get_item (flags, i);
      g_autofree char *message = rs_return_flag_describe (flag);

      g_string_append_printf (text, "%s⚑ %s: %s\n", indent,
                              rs_flag_kind_get_display_name (rs_return_flag_get_kind (flag)), message);
    }
}

static char *
describe_return (RsReturn *ret)
{
  GString *text = g_string_new (NULL);
  GListModel *lines = rs_return_get_lines (ret);
  GListModel *signatures = rs_return_get_signatures (ret);
  g_autofree char *value = rs_money_format (rs_return_get_refund_value (ret));
  g_autofree char *state = describe_state (ret);

  g_string_append_printf (text, "%s\n", state);
  g_string_append_printf (text, _("Customer: %s %s"), rs_return_get_customer_code (ret), rs_return_get_customer_name (ret));
  g_string_append_c (text, '\n');
  if (rs_return_get_sale_slip (ret) != NULL)
    {
      g_string_append_printf (text, _("Sale slip: %s"), rs_return_get_sale_slip (ret));
      g_string_append_c (text, '\n');
    }
  if (*rs_return_get_order_ref (ret) != '\0')
    {
      g_string_append_printf (text, _("Order: %s"), rs_return_get_order_ref (ret));
      g_string_append_c (text, '\n');
    }
  g_string_append_printf (text, _("Sold on %s, requested on %s; reason: %s"),
                          rs_return_get_sale_date (ret) != NULL ? rs_return_get_sale_date (ret) : "—",
                          rs_return_get_request_date (ret), rs_return_get_reason_name (ret));
  g_string_append_c (text, '\n');
  if (*rs_return_get_description (ret) != '\0')
    g_string_append_printf (text, "%s\n", rs_return_get_description (ret));
  g_string_append_printf (text, _("Refund value: ¥%s"), value);
  g_string_append_c (text, '\n');

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      int decimals = rs_return_line_get_decimals (line);
      g_autofree char *quantity = rs_quantity_format (rs_return_line_get_quantity (line), decimals);
      g_autofree char *price = rs_money_format (rs_return_line_get_unit_price (line));
      g_autofree char *received = rs_quantity_format (rs_return_line_get_received_quantity (line), decimals);
      g_autofree char *inspected = rs_quantity_format (rs_return_line_get_inspected_quantity (line), decimals);
      g_autofree char *disposed = rs_quantity_format (rs_return_line_get_disposed_quantity (line), decimals);

      g_string_append_printf (text, "  %u. %-12s %s  %s %s × %s", rs_return_line_get_number (line),
                              rs_return_line_get_sku (line), rs_return_line_get_product_name (line),
                              quantity, rs_return_line_get_unit (line), price);
      g_string_append (text, "  ");
      g_string_append_printf (text, _("received %s, inspected %s, disposed %s"), received, inspected, disposed);
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; i < g_list_model_get_n_items (signatures); i++)
    {
      g_autoptr(RsReturnSignature) signature = g_list_model_get_item (signatures, i);
      g_autofree char *when = rs_cli_format_time (rs_return_signature_get_signed_at (signature));

      g_string_append_printf (text, "  ");
      g_string_append_printf (text, rs_return_signature_get_decision (signature) == RS_SIGNATURE_APPROVE
                                    ? _("Level %u (%s) approved by %s at %s")
                                    : _("Level %u (%s) rejected by %s at %s"),
                              rs_return_signature_get_level (signature),
                              rs_role_get_display_name (rs_return_signature_get_role (signature)),
                              rs_return_signature_get_user (signature), when);
      if (*rs_return_signature_get_comment (signature) != '\0')
        g_string_append_printf (text, ": %s", rs_return_signature_get_comment (signature));
      g_string_append_c (text, '\n');
    }
  append_flags (text, ret, "  ");
  return g_string_free (text, FALSE);
}

static gboolean
return_show (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsReturn) ret = NULL;
  g_autofree char *text = NULL;
  JsonNode *node;
  RsSession *session;

  if (!rs_cli_parse ("return show RMA", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  ret = rs_returns_lookup (session, argv[1], error);
  if (ret == NULL)
    return FALSE;
  node = rs_returns_describe (session, argv[1], error);
  if (node == NULL)
    return FALSE;
  text = describe_return (ret);
  rs_cli_output_node (cli, node, text);
  return TRUE;
}

static gboolean
return_list (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *state = NULL;
  g_autofree char *customer = NULL;
  gboolean flagged = FALSE;
  int limit = 0;
  GOptionEntry entries[] = {
    { "flagged", 0, 0, G_OPTION_ARG_NONE, &flagged, N_("Only returns that broke a time check"), NULL },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only returns in this state: draft, submitted, approved, …"), N_("STATE") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("Only returns of this customer code"), N_("CODE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many, newest first"), "N" },
    { NULL }
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) returns = NULL;
  RsReturnFilter filter = { -1, FALSE, NULL, 0 };
  RsSession *session;

  if (!rs_cli_parse ("return list [--flagged] [--state STATE] [--customer CODE] [--limit N]", entries, &argc, &argv, 0, error))
    return FALSE;
  if (state != NULL)
    {
      RsReturnState parsed;
      if (!rs_return_state_parse (state, &parsed, error))
        return FALSE;
      filter.state = parsed;
    }
  if (limit < 0)
    return rs_cli_usage (error, _("--limit takes a number of 0 or more."));
  filter.flagged = flagged;
  filter.customer = customer;
  filter.limit = limit;

  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  returns = rs_returns_list (session, &filter, error);
  if (returns == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "returns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (returns); i++)
    {
      g_autoptr(RsReturn) ret = g_list_model_get_item (returns, i);
      g_autofree char *value = rs_money_format (rs_return_get_refund_value (ret));

      json_builder_add_value (builder, rs_return_to_json (ret));
      g_string_append_printf (text, "%-16s %-8s %-10s %-20s %12s%s\n", rs_return_get_number (ret),
                              rs_return_state_get_display_name (rs_return_get_state (ret)),
                              rs_return_get_request_date (ret), rs_return_get_customer_name (ret), value,
                              rs_return_get_n_flags (ret) > 0 ? "  ⚑" : "");
      append_flags (text, ret, "    ");
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

static gboolean
return_attach (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsReturn) ret = NULL;
  RsSession *session;

  if (!rs_cli_parse ("return attach RMA FILE", NULL, &argc, &argv, 2, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  ret = rs_returns_attach (session, argv[1], argv[2], error);
  if (ret == NULL)
    return FALSE;
  output_return (cli, session, ret, rs_return_get_number (ret));
  return TRUE;
}

static gboolean
return_mail (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *mailto = NULL;
  RsSession *session;

  if (!rs_cli_parse ("return mail RMA", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  mailto = rs_returns_confirmation_mailto (session, argv[1], error);
  if (mailto == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mailto");
  json_builder_add_string_value (builder, mailto);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, mailto);
  return TRUE;
}

/* "manager" or "admin@5000" → a level. */
static gboolean
parse_level (const char *text, guint number, RsApprovalLevel *level, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "@", 2);
  GError *local_error = NULL;

  level->role = rs_role_from_key (parts[0] != NULL ? parts[0] : "");
  level->min_amount = -1;
  if (level->role == RS_ROLE_NONE)
    return rs_cli_usage (error, _("Level %u: write ROLE[@AMOUNT], e.g. manager or admin@5000."), number);
  if (parts[1] != NULL && !rs_money_parse (parts[1], &level->min_amount, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, _("Level %u: "), number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
return_chain (RsCli *cli, int argc, char **argv, GError **error)
{
  g_auto(GStrv) level_texts = NULL;
  GOptionEntry entries[] = {
    { "level", 0, 0, G_OPTION_ARG_STRING_ARRAY, &level_texts, N_("A level in order; repeat for more (replaces the chain)"),
      N_("ROLE[@AMOUNT]") },
    { NULL }
  };
  g_autoptr(GArray) levels = g_array_new (FALSE, TRUE, sizeof (RsApprovalLevel));
  g_autoptr(GArray) chain = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  RsSession *session;

  if (!rs_cli_parse ("return chain [--level ROLE[@AMOUNT] …]", entries, &argc, &argv, 0, error))
    return FALSE;
  for (guint i = 0; level_texts != NULL && level_texts[i] != NULL; i++)
    {
      RsApprovalLevel level;
      if (!parse_level (level_texts[i], i + 1, &level, error))
        return FALSE;
      g_array_append_val (levels, level);
    }
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  if (levels->len > 0 &&
      !rs_approval_chain_set (session, (const RsApprovalLevel *) (gpointer) levels->data, levels->len, error))
    return FALSE;
  chain = rs_approval_chain_get (rs_session_get_database (session), error);
  if (chain == NULL)
    return FALSE;
  for (guint i = 0; i < chain->len; i++)
    {
      const RsApprovalLevel *level = &g_array_index (chain, RsApprovalLevel, i);

      g_string_append_printf (text, "%u. %s", i + 1, rs_role_get_display_name (level->role));
      if (level->min_amount >= 0)
        {
          g_autofree char *amount = rs_money_format (level->min_amount);
          g_string_append (text, "  ");
          g_string_append_printf (text, _("from ¥%s"), amount);
        }
      g_string_append_c (text, '\n');
    }
  rs_cli_output_node (cli, rs_approval_chain_to_json (chain), text->str);
  return TRUE;
}

/* "no-reason=7" sets a reason's window; "quality=default" makes it follow the default again. */
static gboolean
set_reason_window (RsSession *session, const char *text, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "=", 2);
  guint64 days = 0;

  if (parts[0] == NULL || parts[1] == NULL)
    return rs_cli_usage (error, _("Write --window REASON=DAYS or REASON=default, e.g. no-reason=7."));
  if (g_str_equal (parts[1], "default"))
    return rs_time_policy_set_reason_window (session, parts[0], -1, error);
  if (!g_ascii_string_to_unsigned (parts[1], 10, 0, RS_TIME_POLICY_MAX_DAYS, &days, NULL))
    return rs_cli_usage (error, _("Write --window REASON=DAYS or REASON=default, e.g. no-reason=7."));
  return rs_time_policy_set_reason_window (session, parts[0], days, error);
}

static gboolean
return_policy (RsCli *cli, int argc, char **argv, GError **error)
{
  int window_days = -1, receiving_days = -1, inspection_hours = -1;
  g_auto(GStrv) windows = NULL;
  GOptionEntry entries[] = {
    { "window-days", 0, 0, G_OPTION_ARG_INT, &window_days, N_("Days from sale to request, for reasons without their own"), "N" },
    { "window", 0, 0, G_OPTION_ARG_STRING_ARRAY, &windows, N_("One reason’s return window; repeat for more"), N_("REASON=DAYS|default") },
    { "receiving-days", 0, 0, G_OPTION_ARG_INT, &receiving_days, N_("Days from approval until the goods must arrive"), "N" },
    { "inspection-hours", 0, 0, G_OPTION_ARG_INT, &inspection_hours, N_("Hours from receipt until inspection"), "N" },
    { NULL }
  };
  g_autoptr(JsonNode) policy = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *object, *reasons;
  RsSession *session;

  if (!rs_cli_parse ("return policy [--window-days N] [--window REASON=DAYS|default …] [--receiving-days N] "
                     "[--inspection-hours N]", entries, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  /* Each setting is its own change; a refusal stops at the first and says which. */
  if ((window_days >= 0 && !rs_time_policy_set (session, RS_SETTING_RETURN_WINDOW_DAYS, window_days, error)) ||
      (receiving_days >= 0 && !rs_time_policy_set (session, RS_SETTING_RECEIVING_DEADLINE_DAYS, receiving_days, error)) ||
      (inspection_hours >= 0 && !rs_time_policy_set (session, RS_SETTING_INSPECTION_DEADLINE_HOURS, inspection_hours, error)))
    return FALSE;
  for (guint i = 0; windows != NULL && windows[i] != NULL; i++)
    if (!set_reason_window (session, windows[i], error))
      return FALSE;

  policy = rs_time_policy_to_json (rs_session_get_database (session), error);
  if (policy == NULL)
    return FALSE;
  object = json_node_get_object (policy);
  g_string_append_printf (text, _("Return window: %u days"), (guint) json_object_get_int_member (object, "return_window_days"));
  reasons = json_object_get_object_member (object, "windows");
  {
    g_autoptr(GList) names = json_object_get_members (reasons);
    for (GList *l = names; l != NULL; l = l->next)
      g_string_append_printf (text, "; %s %u", (const char *) l->data, (guint) json_object_get_int_member (reasons, l->data));
  }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Receiving deadline: %u days after approval"),
                          (guint) json_object_get_int_member (object, "receiving_deadline_days"));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Inspection deadline: %u hours after receipt"),
                          (guint) json_object_get_int_member (object, "inspection_deadline_hours"));
  rs_cli_output_node (cli, g_steal_pointer (&policy), text->str);
  return TRUE;
}

gboolean
rs_cli_return (RsCli *cli, int argc, char **argv, GError **error)
{
  static const struct {
    const char *name;
    RsCliGroupFunc func;
  } commands[] = {
    { "new", return_new }, { "edit", return_edit }, { "submit", return_submit }, { "approve", return_approve },
    { "reject", return_reject }, { "cancel", return_cancel }, { "revise", return_revise }, { "show", return_show },
    { "list", return_list }, { "attach", return_attach }, { "mail", return_mail }, { "chain", return_chain },
    { "policy", return_policy }, { "receive", rs_cli_return_receive }, { "resolve", rs_cli_return_resolve },
    { "inspect", rs_cli_return_inspect }, { "dispose", rs_cli_return_dispose }, { "repaired", rs_cli_return_repaired },
    { "cost", rs_cli_return_cost },
  };

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli return new|edit|submit|approve|reject|cancel|revise|show|list|attach|mail|chain|policy|"
                                "receive|resolve|inspect|dispose|repaired|cost …"));
}
