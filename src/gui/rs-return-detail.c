/* rs-return-detail.c */
#include "rs-return-detail.h"
#include "rs-return-action-dialogs.h"
#include "rs-gui-util.h"
#include "rs-intake-window.h"
#include "rs-mail.h"
#include "rs-photo-strip.h"
#include "rs-print-dialog.h"

struct _RsReturnDetail
{
  AdwBin parent_instance;

  RsSession *session;
  RsReturn *ret;
  RsReturnActions actions;

  GtkLabel *number_label;
  GtkLabel *state_label;
  GtkImage *flag_icon;
  GtkLabel *subtitle_label;
  GtkLabel *amount_label;
  GtkLabel *amount_caption;
  GtkWidget *actions_box;
  GtkWidget *edit_button;
  GtkWidget *submit_button;
  GtkWidget *approve_button;
  GtkWidget *reject_button;
  GtkWidget *revise_button;
  GtkWidget *receive_button;
  GtkWidget *inspect_button;
  GtkWidget *dispose_button;
  GtkWidget *cost_button;
  GtkWidget *settle_button;
  GtkWidget *cancel_button;
  GtkWidget *print_button;
  GtkWidget *mail_button;
  GtkScrolledWindow *scroller;
  GtkWidget *summary_group;
  GtkWidget *flags_group;
  GtkWidget *lines_group;
  GtkWidget *discrepancies_group;
  GtkWidget *approval_group;
  GtkWidget *inspections_group;
  GtkWidget *dispositions_group;
  GtkWidget *costs_group;
  GtkWidget *slips_group;
  GtkWidget *photos_group;
  GtkWidget *timeline_group;
  GtkListBox *summary_list;
  GtkListBox *flags_list;
  GtkListBox *lines_list;
  GtkListBox *discrepancies_list;
  GtkListBox *approval_list;
  GtkListBox *inspections_list;
  GtkListBox *dispositions_list;
  GtkListBox *costs_list;
  GtkListBox *slips_list;
  GtkListBox *timeline_list;
  GtkWidget *photos_box;
  RsPhotoStrip *photo_strip;
};

G_DEFINE_FINAL_TYPE (RsReturnDetail, rs_return_detail, ADW_TYPE_BIN)

enum {
  SIGNAL_BACK,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- small pieces ----------------------------------------------------------- */

void
rs_return_state_tag_set (GtkLabel *label, RsReturnState state)
{
  g_autofree char *css = g_strconcat ("rs-state-", rs_return_state_get_key (state), NULL);
  const char *classes[] = { "rs-state", css, NULL };

  gtk_label_set_text (label, rs_return_state_get_display_name (state));
  gtk_widget_set_css_classes (GTK_WIDGET (label), classes);
}

/* "2026-11-14T03:37:00Z" → "2026-11-14 11:37" in local time; "" for none. */
static char *
format_iso (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static char *
format_time (gint64 when_us)
{
  g_autoptr(GDateTime) time = when_us != 0 ? g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC) : NULL;

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static char *
format_money (gint64 fen)
{
  g_autofree char *text = rs_money_format (fen);

  return g_strconcat ("¥", text, NULL);
}

/* A decimal string from core's JSON ("12.50", "-3.00") for people: "¥12.50". */
static char *
format_money_text (const char *decimal)
{
  gint64 fen = 0;

  if (decimal == NULL || !rs_money_parse_signed (decimal, &fen, NULL))
    return g_strdup (decimal != NULL ? decimal : "");
  return format_money (fen);
}

static const char *
member_string (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row with title, subtitle and an optional value at its end. */
static GtkWidget *
add_row (GtkListBox *list, const char *title, const char *subtitle, const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (value != NULL && *value != '\0')
    {
      GtkWidget *label = gtk_label_new (value);

      /* Short values end the row whole; a long one is cut, the tooltip has it all. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_tooltip_text (label, value);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (list, row);
  return row;
}

/* A group shows only when it has rows. */
static void
show_group (GtkWidget *group, GtkListBox *list)
{
  gtk_widget_set_visible (group, gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL);
}

/* ---- what each part shows -------------------------------------------------- */

static const char *
event_name (const char *kind)
{
  static const struct { const char *kind; const char *name; } names[] = {
    { "new", N_("Created") },
    { "edit", N_("Changed") },
    { "attach", N_("File attached") },
    { "submit", N_("Submitted") },
    { "approve", N_("Approved") },
    { "reject", N_("Rejected") },
    { "revise", N_("Revised") },
    { "cancel", N_("Cancelled") },
    { "receive", N_("Goods received") },
    { "resolve", N_("Discrepancy resolved") },
    { "inspection-start", N_("Inspection started") },
    { "inspect", N_("Inspected") },
    { "dispose", N_("Disposed of") },
    { "repair-back", N_("Back from repair") },
    { "cost", N_("Cost recorded") },
    { "settle", N_("Settled") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (kind, names[i].kind) == 0)
      return _(names[i].name);
  return kind;
}

static const char *
slip_role_name (const char *role)
{
  if (g_strcmp0 (role, "sale") == 0)
    return _("Sale the return reverses");
  if (g_strcmp0 (role, "receipt") == 0)
    return _("Goods received");
  if (g_strcmp0 (role, "send-back") == 0)
    return _("Sent back to the customer");
  if (g_strcmp0 (role, "disposition") == 0)
    return _("Disposition");
  if (g_strcmp0 (role, "repair-back") == 0)
    return _("Back from repair");
  return role;
}

static const char *
slip_state_name (const char *state)
{
  if (g_strcmp0 (state, "draft") == 0)
    return _("Draft");
  if (g_strcmp0 (state, "posted") == 0)
    return _("Posted");
  if (g_strcmp0 (state, "voided") == 0)
    return _("Voided");
  return state;
}

static void
fill_summary (RsReturnDetail *self, JsonObject *described)
{
  RsReturn *ret = self->ret;
  g_autofree char *customer = g_strdup_printf ("%s %s", rs_return_get_customer_code (ret), rs_return_get_customer_name (ret));
  g_autofree char *created = format_time (rs_return_get_created_at (ret));
  g_autofree char *created_by = NULL;
  JsonObject *costs = json_object_get_object_member (described, "costs");
  JsonObject *totals = costs != NULL ? json_object_get_object_member (costs, "totals") : NULL;
  g_autofree char *cost_total = format_money_text (totals != NULL ? member_string (totals, "total") : NULL);
  JsonObject *settlement = json_object_has_member (described, "settlement") &&
                           JSON_NODE_HOLDS_OBJECT (json_object_get_member (described, "settlement"))
                           ? json_object_get_object_member (described, "settlement") : NULL;

  clear_list (self->summary_list);
  add_row (self->summary_list, _("Customer"), NULL, customer);
  add_row (self->summary_list, _("Reason"), NULL, rs_return_get_reason_name (ret));
  if (rs_return_get_sale_slip (ret) != NULL)
    {
      GtkWidget *row = add_row (self->summary_list, _("Sale slip"), NULL, rs_return_get_sale_slip (ret));

      gtk_widget_set_name (row, rs_return_get_sale_slip (ret));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  if (*rs_return_get_order_ref (ret) != '\0')
    add_row (self->summary_list, _("Order reference"), NULL, rs_return_get_order_ref (ret));
  if (rs_return_get_sale_date (ret) != NULL)
    add_row (self->summary_list, _("Sale date"), NULL, rs_return_get_sale_date (ret));
  add_row (self->summary_list, _("Request date"), NULL, rs_return_get_request_date (ret));
  /* TRANSLATORS: who created a return and when: "wangfang, 2026-11-20 10:00" */
  created_by = g_strdup_printf (_("%s, %s"), rs_return_get_created_by (ret), created);
  add_row (self->summary_list, _("Created"), NULL, created_by);
  /* Long texts as the row's subtitle, wrapped. */
  if (*rs_return_get_description (ret) != '\0')
    add_row (self->summary_list, _("Description"), rs_return_get_description (ret), NULL);
  if (*rs_return_get_last_comment (ret) != '\0')
    add_row (self->summary_list, rs_return_get_state (ret) == RS_RETURN_CANCELLED ? _("Reason for cancelling")
                                                                                    : _("Last comment"),
             rs_return_get_last_comment (ret), NULL);
  add_row (self->summary_list, _("Costs"), NULL, cost_total);
  if (settlement != NULL && member_string (settlement, "number") != NULL)
    add_row (self->summary_list, _("Settlement"), NULL, member_string (settlement, "number"));
}

static void
fill_flags (RsReturnDetail *self)
{
  GListModel *flags = rs_return_get_flags (self->ret);

  clear_list (self->flags_list);
  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(RsReturnFlag) flag = g_list_model_get_item (flags, i);
      g_autofree char *text = rs_return_flag_describe (flag);
      GtkWidget *row = add_row (self->flags_list, rs_flag_kind_get_display_name (rs_return_flag_get_kind (flag)), text,
                                rs_return_flag_get_pending (flag) ? _("Running late") : NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flag_icon), g_list_model_get_n_items (flags) > 0);
  show_group (self->flags_group, self->flags_list);
}

static void
fill_lines (RsReturnDetail *self)
{
  GListModel *lines = rs_return_get_lines (self->ret);
  RsReturnState state = rs_return_get_state (self->ret);
  gboolean goods = state >= RS_RETURN_APPROVED && state <= RS_RETURN_SETTLED;

  clear_list (self->lines_list);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      int decimals = rs_return_line_get_decimals (line);
      g_autofree char *title = g_strdup_printf ("%u. %s %s", rs_return_line_get_number (line),
                                                rs_return_line_get_sku (line), rs_return_line_get_product_name (line));
      g_autofree char *quantity = rs_quantity_format (rs_return_line_get_quantity (line), decimals);
      g_autofree char *price = format_money (rs_return_line_get_unit_price (line));
      g_autofree char *amount = format_money (rs_return_line_get_amount (line));
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* TRANSLATORS: quantity, unit and unit price of a line: "2 把 × ¥99.00" */
      g_string_printf (subtitle, _("%s %s × %s"), quantity, rs_return_line_get_unit (line), price);
      if (goods)
        {
          g_autofree char *received = rs_quantity_format (rs_return_line_get_received_quantity (line), decimals);
          g_autofree char *inspected = rs_quantity_format (rs_return_line_get_inspected_quantity (line), decimals);
          g_autofree char *disposed = rs_quantity_format (rs_return_line_get_disposed_quantity (line), decimals);

          g_string_append (subtitle, " · ");
          /* TRANSLATORS: how far a line got: received, inspected, disposed quantities */
          g_string_append_printf (subtitle, _("received %s, inspected %s, disposed of %s"), received, inspected, disposed);
        }
      if (*rs_return_line_get_serial (line) != '\0')
        {
          g_string_append (subtitle, " · ");
          /* TRANSLATORS: %s is the serial or lot numbers of a line */
          g_string_append_printf (subtitle, _("serial %s"), rs_return_line_get_serial (line));
        }
      if (g_strcmp0 (rs_return_line_get_origin (line), "receipt") == 0)
        {
          g_string_append (subtitle, " · ");
          g_string_append (subtitle, _("accepted on receipt"));
        }
      add_row (self->lines_list, title, subtitle->str, amount);
    }
  show_group (self->lines_group, self->lines_list);
}

static void resolve_clicked (GtkButton *button, RsReturnDetail *self);

static void
fill_discrepancies (RsReturnDetail *self, JsonArray *discrepancies)
{
  clear_list (self->discrepancies_list);
  for (guint i = 0; discrepancies != NULL && i < json_array_get_length (discrepancies); i++)
    {
      JsonObject *d = json_array_get_object_element (discrepancies, i);
      const char *sku = member_string (d, "sku");
      const char *state = member_string (d, "state");
      const char *kind = member_string (d, "kind");
      gboolean open = g_strcmp0 (state, "open") == 0;
      g_autofree char *title = g_strdup_printf ("%s × %s", sku, member_string (d, "quantity"));
      const char *what = g_strcmp0 (kind, "other-product") == 0 ? _("A product the return does not list")
                                                                 : _("More than approved");
      const char *status = open ? _("Open") : g_strcmp0 (state, "accepted") == 0 ? _("Accepted") : _("Sent back");
      GtkWidget *row = add_row (self->discrepancies_list, title, what, status);

      if (open && (self->actions & RS_RETURN_ACTION_RESOLVE))
        {
          GtkWidget *accept = gtk_button_new_with_label (_("Accept…"));
          GtkWidget *back = gtk_button_new_with_label (_("Send Back…"));
          /* TRANSLATORS: %s is a product's SKU */
          g_autofree char *accept_name = g_strdup_printf (_("Accept %s…"), sku);
          g_autofree char *back_name = g_strdup_printf (_("Send %s back…"), sku);

          gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
          gtk_widget_set_valign (back, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (accept), GTK_ACCESSIBLE_PROPERTY_LABEL, accept_name, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, back_name, -1);
          g_object_set_data_full (G_OBJECT (accept), "rs-sku", g_strdup (sku), g_free);
          g_object_set_data_full (G_OBJECT (back), "rs-sku", g_strdup (sku), g_free);
          g_object_set_data (G_OBJECT (back), "rs-send-back", GINT_TO_POINTER (TRUE));
          g_signal_connect (accept, "clicked", G_CALLBACK (resolve_clicked), self);
          g_signal_connect (back, "clicked", G_CALLBACK (resolve_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), back);
        }
    }
  show_group (self->discrepancies_group, self->discrepancies_list);
}

static void
fill_approval (RsReturnDetail *self, JsonObject *described)
{
  JsonArray *levels = json_object_get_array_member (described, "levels");
  GListModel *signatures = rs_return_get_signatures (self->ret);
  guint next = rs_return_get_next_level (self->ret);

  clear_list (self->approval_list);
  for (guint i = 0; levels != NULL && i < json_array_get_length (levels); i++)
    {
      JsonObject *level = json_array_get_object_element (levels, i);
      guint number = json_object_get_int_member (level, "level");
      RsRoles role = rs_role_from_key (member_string (level, "role"));
      /* TRANSLATORS: an approval level and its role: "Level 1 · Customer service" */
      g_autofree char *title = g_strdup_printf (_("Level %u · %s"), number, rs_role_get_display_name (role));
      g_autofree char *subtitle = NULL;
      const char *value = number == next ? _("Waiting") : _("Not yet");
      GtkWidget *row;

      for (guint j = 0; j < g_list_model_get_n_items (signatures); j++)
        {
          g_autoptr(RsReturnSignature) signature = g_list_model_get_item (signatures, j);
          g_autofree char *when = NULL;

          if (rs_return_signature_get_level (signature) != number)
            continue;
          when = format_time (rs_return_signature_get_signed_at (signature));
          value = rs_return_signature_get_decision (signature) == RS_SIGNATURE_APPROVE ? _("Approved") : _("Rejected");
          subtitle = *rs_return_signature_get_comment (signature) != '\0'
            /* TRANSLATORS: who signed, when, and their comment */
            ? g_strdup_printf (_("%s, %s: %s"), rs_return_signature_get_user (signature), when,
                               rs_return_signature_get_comment (signature))
            : g_strdup_printf (_("%s, %s"), rs_return_signature_get_user (signature), when);
        }
      row = add_row (self->approval_list, title, subtitle, value);
      (void) row;
    }
  show_group (self->approval_group, self->approval_list);
}

static void
fill_inspections (RsReturnDetail *self, JsonArray *inspections)
{
  clear_list (self->inspections_list);
  for (guint i = 0; inspections != NULL && i < json_array_get_length (inspections); i++)
    {
      JsonObject *inspection = json_array_get_object_element (inspections, i);
      const char *number = member_string (inspection, "number");
      gboolean finished = g_strcmp0 (member_string (inspection, "state"), "finished") == 0;
      const char *verdict = member_string (inspection, "verdict");
      g_autofree char *title = g_strdup_printf ("%s · %s × %s", number, member_string (inspection, "sku"),
                                                member_string (inspection, "quantity"));
      g_autofree char *when = format_iso (member_string (inspection, finished ? "finished_at" : "started_at"));
      g_autofree char *subtitle = g_strdup_printf (_("%s, %s"), member_string (inspection, finished ? "finished_by" : "started_by"),
                                                   when);
      const char *value = !finished ? _("In progress")
                        : g_strcmp0 (verdict, "pass") == 0 ? rs_verdict_get_display_name (RS_VERDICT_PASS)
                        : rs_verdict_get_display_name (RS_VERDICT_FAIL);
      GtkWidget *row = add_row (self->inspections_list, title, subtitle, value);

      gtk_widget_set_name (row, number);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  show_group (self->inspections_group, self->inspections_list);
}

static void
fill_dispositions (RsReturnDetail *self, JsonArray *dispositions)
{
  clear_list (self->dispositions_list);
  for (guint i = 0; dispositions != NULL && i < json_array_get_length (dispositions); i++)
    {
      JsonObject *disposition = json_array_get_object_element (dispositions, i);
      RsDispositionKind kind = RS_DISPOSITION_RESTOCK;
      g_autofree char *title = NULL;
      g_autofree char *when = format_iso (member_string (disposition, "created_at"));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *where = member_string (disposition, "location") != NULL ? member_string (disposition, "location")
                                                                          : member_string (disposition, "supplier");

      rs_disposition_kind_parse (member_string (disposition, "kind"), &kind, NULL);
      title = g_strdup_printf ("%s · %s × %s", rs_disposition_kind_get_display_name (kind),
                               member_string (disposition, "sku"), member_string (disposition, "quantity"));
      g_string_printf (subtitle, _("%s, %s"), member_string (disposition, "created_by"), when);
      if (where != NULL)
        g_string_append_printf (subtitle, " · %s", where);
      add_row (self->dispositions_list, title, subtitle->str, member_string (disposition, "slip"));
    }
  show_group (self->dispositions_group, self->dispositions_list);
}

static void
fill_costs (RsReturnDetail *self, JsonObject *costs)
{
  JsonArray *lines = costs != NULL ? json_object_get_array_member (costs, "lines") : NULL;
  JsonObject *totals = costs != NULL ? json_object_get_object_member (costs, "totals") : NULL;

  clear_list (self->costs_list);
  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      const char *key = member_string (line, "kind");
      const char *name = key;
      g_autofree char *amount = format_money_text (member_string (line, "amount"));
      g_autofree char *when = format_iso (member_string (line, "created_at"));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      RsCostKind kind;

      if (rs_cost_kind_parse (key, &kind, NULL))
        name = rs_cost_kind_get_display_name (kind);
      else if (g_strcmp0 (key, "scrap-loss") == 0)
        name = rs_cost_kind_get_display_name (RS_COST_SCRAP_LOSS);
      g_string_printf (subtitle, _("%s, %s"), member_string (line, "created_by"), when);
      if (member_string (line, "remark") != NULL && *member_string (line, "remark") != '\0')
        g_string_append_printf (subtitle, " · %s", member_string (line, "remark"));
      add_row (self->costs_list, name, subtitle->str, amount);
    }
  if (lines != NULL && json_array_get_length (lines) > 0 && totals != NULL)
    {
      g_autofree char *total = format_money_text (member_string (totals, "total"));
      GtkWidget *row = add_row (self->costs_list, _("Total cost"), _("Vendor credit counts against the costs"), total);

      gtk_widget_add_css_class (row, "rs-total-row");
    }
  show_group (self->costs_group, self->costs_list);
}

static void
fill_slips (RsReturnDetail *self, JsonArray *slips)
{
  clear_list (self->slips_list);
  for (guint i = 0; slips != NULL && i < json_array_get_length (slips); i++)
    {
      JsonObject *slip = json_array_get_object_element (slips, i);
      const char *number = member_string (slip, "number");
      GtkWidget *row = add_row (self->slips_list, number, slip_role_name (member_string (slip, "role")),
                                slip_state_name (member_string (slip, "state")));

      gtk_widget_set_name (row, number);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  show_group (self->slips_group, self->slips_list);
}

static void
fill_timeline (RsReturnDetail *self, JsonArray *events)
{
  clear_list (self->timeline_list);
  /* Newest last, as it happened. */
  for (guint i = 0; events != NULL && i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      g_autofree char *when = format_iso (member_string (event, "at"));
      const char *user = member_string (event, "user");
      const char *comment = member_string (event, "comment");
      const char *ref = member_string (event, "ref");
      const char *to = member_string (event, "to");
      const char *from = member_string (event, "from");
      g_autoptr(GString) subtitle = g_string_new (user != NULL ? user : "");
      g_autofree char *title = NULL;
      RsReturnState state;

      if (to != NULL && g_strcmp0 (to, from) != 0 && rs_return_state_parse (to, &state, NULL) &&
          g_strcmp0 (event_name (member_string (event, "kind")), rs_return_state_get_display_name (state)) != 0)
        /* TRANSLATORS: what happened and the state it led to: "Approved → 已批准" */
        title = g_strdup_printf (_("%s → %s"), event_name (member_string (event, "kind")),
                                 rs_return_state_get_display_name (state));
      else
        title = g_strdup (event_name (member_string (event, "kind")));
      if (ref != NULL && *ref != '\0')
        g_string_append_printf (subtitle, " · %s", ref);
      if (comment != NULL && *comment != '\0')
        g_string_append_printf (subtitle, " · “%s”", comment);
      add_row (self->timeline_list, title, subtitle->str, when);
    }
  show_group (self->timeline_group, self->timeline_list);
}

static void
fill_photos (RsReturnDetail *self, JsonArray *attachments)
{
  g_autoptr(GError) error = NULL;
  gboolean any = attachments != NULL && json_array_get_length (attachments) > 0;

  rs_photo_strip_set_editable (self->photo_strip, FALSE);
  if (any && !rs_photo_strip_set_return (self->photo_strip, rs_return_get_number (self->ret), &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
  if (!any)
    rs_photo_strip_clear (self->photo_strip);
  gtk_widget_set_visible (self->photos_group, any);
}

static void
fill_header (RsReturnDetail *self)
{
  RsReturn *ret = self->ret;
  g_autofree char *amount = format_money (rs_return_get_refund_value (ret));
  g_autofree char *age_text = NULL;
  gint64 days = rs_return_get_age (ret) / (G_USEC_PER_SEC * G_GINT64_CONSTANT (86400));
  g_autofree char *subtitle = NULL;

  gtk_label_set_text (self->number_label, rs_return_get_number (ret));
  rs_return_state_tag_set (self->state_label, rs_return_get_state (ret));
  age_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "open %d day", "open %d days", days), (int) days);
  /* TRANSLATORS: customer, reason and how long the return has been open */
  subtitle = g_strdup_printf (_("%s · %s · %s"), rs_return_get_customer_name (ret), rs_return_get_reason_name (ret), age_text);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->amount_label, amount);
  gtk_label_set_text (self->amount_caption, _("Refund value"));
  if (rs_return_get_n_flags (ret) > 0)
    {
      g_autofree char *tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u flag: see Flags below", "%u flags: see Flags below",
                                                           rs_return_get_n_flags (ret)),
                                              rs_return_get_n_flags (ret));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->flag_icon), tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->flag_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
    }
}

static void
fill_actions (RsReturnDetail *self)
{
  RsReturnActions a = self->actions;

  gtk_widget_set_visible (self->edit_button, (a & RS_RETURN_ACTION_EDIT) != 0);
  gtk_widget_set_visible (self->submit_button, (a & RS_RETURN_ACTION_SUBMIT) != 0);
  gtk_widget_set_visible (self->approve_button, (a & RS_RETURN_ACTION_APPROVE) != 0);
  gtk_widget_set_visible (self->reject_button, (a & RS_RETURN_ACTION_REJECT) != 0);
  gtk_widget_set_visible (self->revise_button, (a & RS_RETURN_ACTION_REVISE) != 0);
  gtk_widget_set_visible (self->receive_button, (a & RS_RETURN_ACTION_RECEIVE) != 0);
  gtk_widget_set_visible (self->inspect_button, (a & RS_RETURN_ACTION_INSPECT) != 0);
  gtk_widget_set_visible (self->dispose_button, (a & RS_RETURN_ACTION_DISPOSE) != 0);
  gtk_widget_set_visible (self->cost_button, (a & RS_RETURN_ACTION_ADD_COST) != 0);
  gtk_widget_set_visible (self->settle_button, (a & RS_RETURN_ACTION_SETTLE) != 0);
  gtk_widget_set_visible (self->cancel_button, (a & RS_RETURN_ACTION_CANCEL) != 0);
  gtk_widget_set_visible (self->print_button, (a & RS_RETURN_ACTION_PRINT) != 0);
  gtk_widget_set_visible (self->mail_button, (a & RS_RETURN_ACTION_MAIL) != 0);
}

gboolean
rs_return_detail_show (RsReturnDetail *self, const char *number, GError **error)
{
  g_autoptr(RsReturn) ret = NULL;
  g_autoptr(JsonNode) described = NULL;
  JsonObject *object;
  RsReturnActions actions;
  GError *local_error = NULL;
  gboolean same;

  g_return_val_if_fail (RS_IS_RETURN_DETAIL (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  ret = rs_returns_lookup (self->session, number, error);
  if (ret == NULL)
    return FALSE;
  described = rs_returns_describe (self->session, number, error);
  if (described == NULL)
    return FALSE;
  actions = rs_returns_get_actions (self->session, ret, &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;

  same = self->ret != NULL && g_strcmp0 (rs_return_get_number (self->ret), number) == 0;
  g_set_object (&self->ret, ret);
  self->actions = actions;
  object = json_node_get_object (described);

  fill_header (self);
  fill_actions (self);
  fill_summary (self, object);
  fill_flags (self);
  fill_lines (self);
  fill_discrepancies (self, json_object_get_array_member (object, "discrepancies"));
  fill_approval (self, object);
  fill_inspections (self, json_object_get_array_member (object, "inspections"));
  fill_dispositions (self, json_object_get_array_member (object, "dispositions"));
  fill_costs (self, json_object_get_object_member (object, "costs"));
  fill_slips (self, json_object_get_array_member (object, "slips"));
  fill_photos (self, json_object_get_array_member (object, "attachments"));
  fill_timeline (self, json_object_get_array_member (object, "events"));
  if (!same)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

void
rs_return_detail_reload (RsReturnDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  g_return_if_fail (RS_IS_RETURN_DETAIL (self));
  if (self->ret == NULL)
    return;
  number = g_strdup (rs_return_get_number (self->ret));
  if (!rs_return_detail_show (self, number, &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
}

RsReturn *
rs_return_detail_get_return (RsReturnDetail *self)
{
  g_return_val_if_fail (RS_IS_RETURN_DETAIL (self), NULL);
  return self->ret;
}

void
rs_return_detail_set_session (RsReturnDetail *self, RsSession *session)
{
  g_return_if_fail (RS_IS_RETURN_DETAIL (self));
  g_set_object (&self->session, session);
  rs_photo_strip_set_session (self->photo_strip, session);
}

/* ---- actions ------------------------------------------------------------------ */

static char *
done_message (RsReturn *after)
{
  const char *number = rs_return_get_number (after);

  switch (rs_return_get_state (after))
    {
    case RS_RETURN_SUBMITTED:
      if (rs_return_get_next_level (after) > 1)
        /* TRANSLATORS: %s is a return number */
        return g_strdup_printf (_("%s: your approval is signed; the next level is due."), number);
      return g_strdup_printf (_("%s is submitted for approval."), number);
    case RS_RETURN_APPROVED:
      return g_strdup_printf (_("%s is approved."), number);
    case RS_RETURN_REJECTED:
      return g_strdup_printf (_("%s is rejected and back with its creator."), number);
    case RS_RETURN_DRAFT:
      return g_strdup_printf (_("%s is a draft again."), number);
    case RS_RETURN_CANCELLED:
      return g_strdup_printf (_("%s is cancelled."), number);
    case RS_RETURN_SETTLED:
      return g_strdup_printf (_("%s is settled."), number);
    default:
      return g_strdup_printf (_("%s is saved."), number);
    }
}

static void
action_done (gpointer user_data, RsReturn *after)
{
  RsReturnDetail *self = user_data;
  g_autofree char *message = done_message (after);

  rs_return_detail_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  rs_gui_notify (GTK_WIDGET (self), message);
}

static void
open_dialog (RsReturnDetail *self, RsReturnDialogKind kind, const char *sku)
{
  if (self->ret == NULL)
    return;
  rs_return_dialog_present (GTK_WIDGET (self), self->session, self->ret, kind, sku, action_done, self);
}

static void submit_clicked (RsReturnDetail *self) { open_dialog (self, RS_RETURN_DIALOG_SUBMIT, NULL); }
static void approve_clicked (RsReturnDetail *self) { open_dialog (self, RS_RETURN_DIALOG_APPROVE, NULL); }
static void reject_clicked (RsReturnDetail *self) { open_dialog (self, RS_RETURN_DIALOG_REJECT, NULL); }
static void revise_clicked (RsReturnDetail *self) { open_dialog (self, RS_RETURN_DIALOG_REVISE, NULL); }
static void cancel_clicked (RsReturnDetail *self) { open_dialog (self, RS_RETURN_DIALOG_CANCEL, NULL); }
static void receive_clicked (RsReturnDetail *self) { open_dialog (self, RS_RETURN_DIALOG_RECEIVE, NULL); }
static void dispose_clicked (RsReturnDetail *self) { open_dialog (self, RS_RETURN_DIALOG_DISPOSE, NULL); }
static void cost_clicked (RsReturnDetail *self) { open_dialog (self, RS_RETURN_DIALOG_ADD_COST, NULL); }
static void settle_clicked (RsReturnDetail *self) { open_dialog (self, RS_RETURN_DIALOG_SETTLE, NULL); }

static void
resolve_clicked (GtkButton *button, RsReturnDetail *self)
{
  gboolean send_back = g_object_get_data (G_OBJECT (button), "rs-send-back") != NULL;

  open_dialog (self, send_back ? RS_RETURN_DIALOG_SEND_BACK : RS_RETURN_DIALOG_ACCEPT_DISCREPANCY,
               g_object_get_data (G_OBJECT (button), "rs-sku"));
}

static void
intake_saved (RsReturnDetail *self, const char *number)
{
  rs_return_detail_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
edit_clicked (RsReturnDetail *self)
{
  GtkWidget *window;

  if (self->ret == NULL)
    return;
  window = rs_intake_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->session,
                                 rs_return_get_number (self->ret));
  g_signal_connect_object (window, "saved", G_CALLBACK (intake_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
inspect_clicked (RsReturnDetail *self)
{
  if (self->ret != NULL)
    rs_gui_open (GTK_WIDGET (self), "inspection", rs_return_get_number (self->ret));
}

void
rs_return_detail_print (RsReturnDetail *self)
{
  g_return_if_fail (RS_IS_RETURN_DETAIL (self));
  if (self->ret == NULL || !(self->actions & RS_RETURN_ACTION_PRINT))
    return;
  rs_print_dialog_present (GTK_WIDGET (self), self->session, RS_PRINT_RETURN, rs_return_get_number (self->ret));
}

static void
print_clicked (RsReturnDetail *self)
{
  rs_return_detail_print (self);
}

static void
mail_clicked (RsReturnDetail *self)
{
  if (self->ret != NULL)
    rs_mail_compose (GTK_WIDGET (self), self->session, rs_return_get_number (self->ret));
}

static void
back_clicked (RsReturnDetail *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

/* Linked slips, the sale slip and inspections open in their sections. */
static void
row_activated (RsReturnDetail *self, GtkListBoxRow *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  if (g_str_has_prefix (name, "JY"))
    rs_gui_open (GTK_WIDGET (self), "inspection", name);
  else if (g_str_has_prefix (name, "RK") || g_str_has_prefix (name, "CK") || g_str_has_prefix (name, "DB"))
    rs_gui_open (GTK_WIDGET (self), "slips", name);
}

/* ---- object ------------------------------------------------------------------- */

static void
rs_return_detail_dispose (GObject *object)
{
  RsReturnDetail *self = RS_RETURN_DETAIL (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_RETURN_DETAIL);
  g_clear_object (&self->ret);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_return_detail_parent_class)->dispose (object);
}

static void
rs_return_detail_class_init (RsReturnDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_return_detail_dispose;

  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-return-detail.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RsReturnDetail, name)
  CHILD (number_label);
  CHILD (state_label);
  CHILD (flag_icon);
  CHILD (subtitle_label);
  CHILD (amount_label);
  CHILD (amount_caption);
  CHILD (actions_box);
  CHILD (edit_button);
  CHILD (submit_button);
  CHILD (approve_button);
  CHILD (reject_button);
  CHILD (revise_button);
  CHILD (receive_button);
  CHILD (inspect_button);
  CHILD (dispose_button);
  CHILD (cost_button);
  CHILD (settle_button);
  CHILD (cancel_button);
  CHILD (print_button);
  CHILD (mail_button);
  CHILD (scroller);
  CHILD (summary_group);
  CHILD (flags_group);
  CHILD (lines_group);
  CHILD (discrepancies_group);
  CHILD (approval_group);
  CHILD (inspections_group);
  CHILD (dispositions_group);
  CHILD (costs_group);
  CHILD (slips_group);
  CHILD (photos_group);
  CHILD (timeline_group);
  CHILD (summary_list);
  CHILD (flags_list);
  CHILD (lines_list);
  CHILD (discrepancies_list);
  CHILD (approval_list);
  CHILD (inspections_list);
  CHILD (dispositions_list);
  CHILD (costs_list);
  CHILD (slips_list);
  CHILD (timeline_list);
  CHILD (photos_box);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked);
  gtk_widget_class_bind_template_callback (widget_class, reject_clicked);
  gtk_widget_class_bind_template_callback (widget_class, revise_clicked);
  gtk_widget_class_bind_template_callback (widget_class, receive_clicked);
  gtk_widget_class_bind_template_callback (widget_class, inspect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, dispose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cost_clicked);
  gtk_widget_class_bind_template_callback (widget_class, settle_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, mail_clicked);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
rs_return_detail_init (RsReturnDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The buttons' names come from the template; the label child would add its raw text
   * ("_Receive…") to them in GTK 4.8. */
  for (GtkWidget *button = gtk_widget_get_first_child (self->actions_box); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  self->photo_strip = RS_PHOTO_STRIP (rs_photo_strip_new ());
  rs_photo_strip_set_title (self->photo_strip, _("Photos"));
  gtk_box_append (GTK_BOX (self->photos_box), GTK_WIDGET (self->photo_strip));
}
