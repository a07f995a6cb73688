/* rs-cli-slip.c — slip new|post|void|amend|show|list|attach (DESIGN §9). */
#include "rs-cli.h"
#include "rs-i18n.h"

#include <string.h>

#define NEW_USAGE "slip new --kind in|out|transfer --purpose PURPOSE --warehouse CODE [--to WAREHOUSE] " \
                  "[--partner NAME] [--remark TEXT] [--date YYYY-MM-DD] " \
                  "--line SKU:QTY[@LOCATION[>LOCATION]][:UNITCOST] ..."

/* "SKU:QTY[@LOCATION[>LOCATION]][:UNITCOST]" → fields; the strings point into `text`,
 * which is cut up in place. Quantities take up to 3 decimals here; the product's own
 * number of decimals is core's to check. */
static gboolean
parse_line (char *text, guint number, RsSlipLineFields *line, GError **error)
{
  char *quantity = strchr (text, ':');
  char *cost, *at, *arrow;
  GError *local_error = NULL;

  if (quantity == NULL || quantity == text)
    return rs_cli_usage (error, _("Line %u: write SKU:QTY[@LOCATION[>LOCATION]][:UNITCOST], e.g. P-1:5@A1:12.50."),
                         number);
  *quantity++ = '\0';
  line->sku = text;

  cost = strchr (quantity, ':');
  if (cost != NULL)
    *cost++ = '\0';
  at = strchr (quantity, '@');
  if (at != NULL)
    *at++ = '\0';
  arrow = at != NULL ? strchr (at, '>') : NULL;
  if (arrow != NULL)
    *arrow++ = '\0';
  if (strchr (quantity, '>') != NULL || (at != NULL && *at == '\0') || (arrow != NULL && *arrow == '\0') ||
      (cost != NULL && (*cost == '\0' || strchr (cost, ':') != NULL)))
    return rs_cli_usage (error, _("Line %u: write SKU:QTY[@LOCATION[>LOCATION]][:UNITCOST], e.g. P-1:5@A1:12.50."),
                         number);

  line->location = at;
  line->to_location = arrow;
  line->unit_cost = -1;
  if (!rs_quantity_parse (quantity, 3, &line->quantity, &local_error) ||
      (cost != NULL && !rs_money_parse (cost, &line->unit_cost, &local_error)))
    {
      g_propagate_prefixed_error (error, local_error, _("Line %u: "), number);
      return FALSE;
    }
  return TRUE;
}

/* The builder holds the members of object (taken) as its own object. */
static void
build_from_object (JsonBuilder *builder, JsonNode *object)
{
  JsonObject *members = json_node_get_object (object);
  g_autoptr(GList) names = json_object_get_members (members);   /* in insertion order */

  json_builder_begin_object (builder);
  for (GList *l = names; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, json_object_dup_member (members, l->data));
    }
  json_builder_end_object (builder);
  json_node_unref (object);
}

static void
output_slip (RsCli *cli, RsSlip *slip, const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  build_from_object (builder, rs_slip_to_json (slip));
  rs_cli_output (cli, builder, text);
}

static gboolean
slip_new (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *kind_text = NULL, *purpose = NULL, *warehouse = NULL, *to = NULL;
  g_autofree char *partner = NULL, *remark = NULL, *date = NULL;
  g_auto(GStrv) line_texts = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsSlipLineFields));
  g_autoptr(RsSlip) slip = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("in, out or transfer"), "KIND" },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose, N_("What the slip is for: purchase, sale, scrap, …"), N_("PURPOSE") },
    { "warehouse", 0, 0, G_OPTION_ARG_STRING, &warehouse, N_("The warehouse (for transfers: where goods leave)"), N_("CODE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Transfers: the receiving warehouse"), N_("WAREHOUSE") },
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, N_("The customer or supplier, by name or code"), N_("NAME") },
    { "remark", 0, 0, G_OPTION_ARG_STRING, &remark, N_("A remark printed on the slip"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The slip’s date (default: today)"), "YYYY-MM-DD" },
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &line_texts, N_("A line; repeat for more"),
      "SKU:QTY[@LOCATION[>LOCATION]][:UNITCOST]" },
    { NULL }
  };
  RsSlipFields fields = { 0 };
  RsSession *session;

  if (!rs_cli_parse (NEW_USAGE, entries, &argc, &argv, 0, error))
    return FALSE;
  if (kind_text == NULL || purpose == NULL || warehouse == NULL || line_texts == NULL)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), NEW_USAGE);
  if (!rs_slip_kind_parse (kind_text, &fields.kind, error))
    return FALSE;

  for (guint i = 0; line_texts[i] != NULL; i++)
    {
      RsSlipLineFields line = { 0 };
      if (!parse_line (line_texts[i], i + 1, &line, error))
        return FALSE;
      g_array_append_val (lines, line);
    }
  fields.purpose = purpose;
  fields.warehouse = warehouse;
  fields.to_warehouse = to;
  fields.partner = partner;
  fields.remark = remark;
  fields.date = date;
  fields.lines = (const RsSlipLineFields *) (gpointer) lines->data;
  fields.n_lines = lines->len;

  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  slip = rs_slips_create (session, &fields, error);
  if (slip == NULL)
    return FALSE;
  output_slip (cli, slip, rs_slip_get_number (slip));
  return TRUE;
}

static gboolean
slip_post (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsSlip) slip = NULL;
  g_autofree char *text = NULL;
  RsSession *session;

  if (!rs_cli_parse ("slip post NUMBER", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  slip = rs_slips_post (session, argv[1], error);
  if (slip == NULL)
    return FALSE;
  text = g_strdup_printf (_("Posted %s."), rs_slip_get_number (slip));
  output_slip (cli, slip, text);
  return TRUE;
}

static gboolean
slip_void (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *reason = NULL;
  g_autoptr(RsSlip) slip = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the slip is voided"), N_("TEXT") },
    { NULL }
  };
  RsSession *session;

  if (!rs_cli_parse ("slip void NUMBER --reason TEXT", entries, &argc, &argv, 1, error))
    return FALSE;
  if (reason == NULL)
    return rs_cli_usage (error, _("Say why the slip is voided with --reason."));
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  slip = rs_slips_void (session, argv[1], reason, error);
  if (slip == NULL)
    return FALSE;
  text = g_strdup_printf (_("Voided %s."), rs_slip_get_number (slip));
  output_slip (cli, slip, text);
  return TRUE;
}

static gboolean
slip_amend (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsSlip) copy = NULL;
  RsSession *session;

  if (!rs_cli_parse ("slip amend NUMBER", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  copy = rs_slips_amend (session, argv[1], error);
  if (copy == NULL)
    return FALSE;
  output_slip (cli, copy, rs_slip_get_number (copy));
  return TRUE;
}

static char *
format_cost (gint64 fen)
{
  return fen >= 0 ? rs_money_format (fen) : g_strdup ("");
}

static char *
describe_slip (RsSlip *slip, GPtrArray *damaged)
{
  GString *text = g_string_new (NULL);
  GListModel *lines = rs_slip_get_lines (slip);
  GListModel *attachments = rs_slip_get_attachments (slip);
  g_autofree char *created_at = rs_cli_format_time (rs_slip_get_created_at (slip));
  RsPartnerKind partner_kind;
  const char *partner_code, *partner_name;

  g_string_append_printf (text, "%s  %s · %s  %s\n", rs_slip_get_number (slip),
                          rs_slip_kind_get_display_name (rs_slip_get_kind (slip)),
                          rs_slip_purpose_get_display_name (rs_slip_get_purpose (slip)),
                          rs_slip_state_get_display_name (rs_slip_get_state (slip)));
  g_string_append_printf (text, _("Warehouse: %s"), rs_slip_get_warehouse_code (slip));
  if (rs_slip_get_kind (slip) == RS_SLIP_TRANSFER)
    g_string_append_printf (text, " → %s", rs_slip_get_to_warehouse_code (slip));
  g_string_append (text, "   ");
  g_string_append_printf (text, _("Date: %s"), rs_slip_get_date (slip));
  if (rs_slip_get_partner (slip, &partner_kind, &partner_code, &partner_name))
    {
      g_string_append (text, "   ");
      g_string_append_printf (text, partner_kind == RS_PARTNER_CUSTOMER ? _("Customer: %s (%s)") : _("Supplier: %s (%s)"),
                              partner_name, partner_code);
    }
  g_string_append_c (text, '\n');
  if (*rs_slip_get_remark (slip) != '\0')
    {
      g_string_append_printf (text, _("Remark: %s"), rs_slip_get_remark (slip));
      g_string_append_c (text, '\n');
    }
  g_string_append_printf (text, _("Made by %s at %s"), rs_slip_get_created_by (slip), created_at);
  g_string_append_c (text, '\n');
  if (rs_slip_get_posted_by (slip) != NULL)
    {
      g_autofree char *when = rs_cli_format_time (rs_slip_get_posted_at (slip));
      g_string_append_printf (text, _("Posted by %s at %s"), rs_slip_get_posted_by (slip), when);
      g_string_append_c (text, '\n');
    }
  if (rs_slip_get_voided_by (slip) != NULL)
    {
      g_autofree char *when = rs_cli_format_time (rs_slip_get_voided_at (slip));
      g_string_append_printf (text, _("Voided by %s at %s: %s"), rs_slip_get_voided_by (slip), when,
                              rs_slip_get_void_reason (slip));
      g_string_append_c (text, '\n');
    }
  if (rs_slip_get_amends (slip) != NULL)
    {
      g_string_append_printf (text, _("Replaces %s"), rs_slip_get_amends (slip));
      g_string_append_c (text, '\n');
    }
  if (rs_slip_get_amended_by (slip) != NULL)
    {
      g_string_append_printf (text, _("Replaced by %s"), rs_slip_get_amended_by (slip));
      g_string_append_c (text, '\n');
    }

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsSlipLine) line = g_list_model_get_item (lines, i);
      g_autofree char *quantity = rs_quantity_format (rs_slip_line_get_quantity (line), rs_slip_line_get_decimals (line));
      g_autofree char *cost = format_cost (rs_slip_line_get_unit_cost (line));
      g_autofree char *place = rs_slip_line_get_to_location_code (line) != NULL
                               ? g_strdup_printf ("%s>%s", rs_slip_line_get_location_code (line),
                                                  rs_slip_line_get_to_location_code (line))
                               : g_strdup (rs_slip_line_get_location_code (line));

      g_string_append_printf (text, "%3u  %-16s %-20s %-10s %12s %-4s %12s\n", rs_slip_line_get_number (line),
                              rs_slip_line_get_sku (line), rs_slip_line_get_product_name (line), place,
                              quantity, rs_slip_line_get_unit (line), cost);
    }

  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(RsSlipAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autofree char *size = g_format_size (rs_slip_attachment_get_size (attachment));

      g_string_append_printf (text, _("Attachment: %s (%s, %s, SHA-256 %.12s…)"),
                              rs_slip_attachment_get_file_name (attachment), rs_slip_attachment_get_content_type (attachment),
                              size, rs_slip_attachment_get_sha256 (attachment));
      if (g_ptr_array_find_with_equal_func (damaged, rs_slip_attachment_get_sha256 (attachment), g_str_equal, NULL))
        g_string_append_printf (text, " — %s", _("DAMAGED: its contents no longer match their checksum"));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static gboolean
slip_show (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsSlip) slip = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) damaged = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  JsonArray *attachments;
  RsSession *session;

  if (!rs_cli_parse ("slip show NUMBER", NULL, &argc, &argv, 1, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  slip = rs_slips_lookup (session, argv[1], error);
  if (slip == NULL)
    return FALSE;

  /* Each attachment is read and checked: a damaged one is said to be, never shown as fine. */
  node = rs_slip_to_json (slip);
  attachments = json_object_get_array_member (json_node_get_object (node), "attachments");
  for (guint i = 0; i < g_list_model_get_n_items (rs_slip_get_attachments (slip)); i++)
    {
      g_autoptr(RsSlipAttachment) attachment = g_list_model_get_item (rs_slip_get_attachments (slip), i);
      g_autoptr(GBytes) bytes = rs_slips_read_attachment (session, attachment, NULL);

      if (bytes == NULL)
        g_ptr_array_add (damaged, g_strdup (rs_slip_attachment_get_sha256 (attachment)));
      json_object_set_boolean_member (json_array_get_object_element (attachments, i), "intact", bytes != NULL);
    }

  text = describe_slip (slip, damaged);
  build_from_object (builder, g_steal_pointer (&node));
  rs_cli_output (cli, builder, text);
  return TRUE;
}

static gboolean
slip_list (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *kind_text = NULL, *state_text = NULL, *warehouse = NULL;
  int limit = 0;
  g_autoptr(GListModel) slips = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Only slips of this kind"), "in|out|transfer" },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_text, N_("Only slips in this state"), "draft|posted|voided" },
    { "warehouse", 0, 0, G_OPTION_ARG_STRING, &warehouse, N_("Only slips of this warehouse"), N_("CODE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many, newest first"), "N" },
    { NULL }
  };
  RsSlipFilter filter = { -1, -1, NULL, 0 };
  RsSession *session;

  if (!rs_cli_parse ("slip list [--kind KIND] [--state STATE] [--warehouse CODE] [--limit N]",
                     entries, &argc, &argv, 0, error))
    return FALSE;
  if (limit < 0)
    return rs_cli_usage (error, _("--limit takes a number of slips, 1 or more."));
  if (kind_text != NULL)
    {
      RsSlipKind kind;
      if (!rs_slip_kind_parse (kind_text, &kind, error))
        return FALSE;
      filter.kind = kind;
    }
  if (state_text != NULL)
    {
      RsSlipState state;
      if (!rs_slip_state_parse (state_text, &state, error))
        return FALSE;
      filter.state = state;
    }
  filter.warehouse = warehouse;
  filter.limit = (guint) limit;

  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  slips = rs_slips_list (session, &filter, error);
  if (slips == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "slips");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (slips); i++)
    {
      g_autoptr(RsSlip) slip = g_list_model_get_item (slips, i);

      json_builder_add_value (builder, rs_slip_to_json (slip));
      g_string_append_printf (text, "%-20s %-8s %-10s %-14s %-8s %s %3u\n", rs_slip_get_number (slip),
                              rs_slip_kind_get_display_name (rs_slip_get_kind (slip)),
                              rs_slip_state_get_display_name (rs_slip_get_state (slip)),
                              rs_slip_purpose_get_display_name (rs_slip_get_purpose (slip)),
                              rs_slip_get_warehouse_code (slip), rs_slip_get_date (slip),
                              rs_slip_get_n_lines (slip));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

static gboolean
slip_attach (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(RsSlip) slip = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  RsSession *session;

  if (!rs_cli_parse ("slip attach NUMBER FILE", NULL, &argc, &argv, 2, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  slip = rs_slips_attach (session, argv[1], argv[2], error);
  if (slip == NULL)
    return FALSE;
  name = g_filename_display_basename (argv[2]);
  text = g_strdup_printf (_("Attached “%s” to %s."), name, rs_slip_get_number (slip));
  output_slip (cli, slip, text);
  return TRUE;
}

gboolean
rs_cli_slip (RsCli *cli, int argc, char **argv, GError **error)
{
  static const struct {
    const char *name;
    RsCliGroupFunc func;
  } commands[] = {
    { "new", slip_new }, { "post", slip_post }, { "void", slip_void }, { "amend", slip_amend },
    { "show", slip_show }, { "list", slip_list }, { "attach", slip_attach },
  };

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli slip new|post|void|amend|show|list|attach …"));
}
