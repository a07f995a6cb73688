/* rs-return-action-dialogs.c */
#include "rs-return-action-dialogs.h"
#include "rs-form.h"
#include "rs-gui-util.h"

typedef struct
{
  RsSession          *session;
  RsReturn           *ret;
  RsReturnDialogKind  kind;
  char               *sku;
  RsReturnDialogDone  done;
  gpointer            user_data;
  GObject            *keep;          /* the caller's object (user_data), alive while we are */
  GtkWidget          *window;
  GtkWidget          *accept;        /* the button (window dialogs) */
  GtkLabel           *error;
  GtkLabel           *hint;
  GtkWidget          *comment;
  /* receive */
  AdwComboRow        *warehouse;
  GPtrArray          *warehouse_codes;
  GPtrArray          *quantity_rows;  /* AdwEntryRow per line; NULL when the line takes nothing */
  GtkWidget          *other_sku;
  GtkWidget          *other_quantity;
  /* dispose: per line with goods to dispose */
  GPtrArray          *kind_rows;
  GPtrArray          *location_rows;
  GPtrArray          *location_codes; /* GPtrArray of codes per line */
  GPtrArray          *supplier_rows;
  GPtrArray          *dispose_lines;  /* RsReturnLine */
  char               *warehouse_code; /* where the goods were received */
  /* cost */
  AdwComboRow        *cost_kind;
  GtkWidget          *amount;
  /* settle */
  GtkWidget          *approve;       /* "Approve now"; NULL when the user may not approve */
  GtkWidget          *parent;        /* whose notice bar names the settlement */
  char               *notice;
} Dialog;

static const RsCostKind cost_kinds[] = {
  RS_COST_REFUND, RS_COST_FREIGHT, RS_COST_HANDLING, RS_COST_REPAIR, RS_COST_VENDOR_CREDIT,
};

static void
dialog_free (Dialog *d)
{
  g_clear_object (&d->session);
  g_clear_object (&d->ret);
  g_clear_object (&d->keep);
  g_free (d->sku);
  g_clear_pointer (&d->warehouse_codes, g_ptr_array_unref);
  g_clear_pointer (&d->quantity_rows, g_ptr_array_unref);
  g_clear_pointer (&d->kind_rows, g_ptr_array_unref);
  g_clear_pointer (&d->location_rows, g_ptr_array_unref);
  g_clear_pointer (&d->location_codes, g_ptr_array_unref);
  g_clear_pointer (&d->supplier_rows, g_ptr_array_unref);
  g_clear_pointer (&d->dispose_lines, g_ptr_array_unref);
  g_free (d->warehouse_code);
  g_clear_object (&d->parent);
  g_free (d->notice);
  g_free (d);
}

GtkWidget *
rs_return_dialog_find (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rs_return_dialog_find (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
text_of (GtkWidget *editable)
{
  return editable != NULL ? gtk_editable_get_text (GTK_EDITABLE (editable)) : "";
}

static char *
nonempty_stripped (GtkWidget *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (text_of (editable)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* "_Approve" → "Approve", "批准(_A)" → "批准". */
static char *
strip_mnemonic (const char *label)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (*p != '_')
        g_string_append_c (text, *p);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* GTK 4.8 names a button with a mnemonic after its raw label ("_Approve"): the dialogs'
 * buttons (also those AdwMessageDialog makes for its responses) get the plain text. */
static void
name_buttons (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      g_autofree char *name = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));

      /* Its label child would add its raw text to the name. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_buttons (child);
}

static void
finish (Dialog *d, RsReturn *after)
{
  if (d->done != NULL)
    d->done (d->user_data, after);
}

static void
show_error (Dialog *d, const GError *error)
{
  rs_form_set_message (d->error, error->message);
  rs_form_shake (d->window);
}

/* ---- message dialogs: submit, approve, reject, revise, cancel, resolve -------------- */

static gboolean
comment_required (RsReturnDialogKind kind)
{
  return kind == RS_RETURN_DIALOG_REJECT || kind == RS_RETURN_DIALOG_CANCEL;
}

static void
comment_changed (Dialog *d)
{
  g_autofree char *comment = nonempty_stripped (d->comment);
  gboolean ok = !comment_required (d->kind) || comment != NULL;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (d->window), "accept", ok);
  rs_form_set_message (d->error, NULL);
}

static RsReturn *
run_move (Dialog *d, const char *comment, GError **error)
{
  const char *number = rs_return_get_number (d->ret);

  switch (d->kind)
    {
    case RS_RETURN_DIALOG_SUBMIT:
      return rs_returns_submit (d->session, number, comment, error);
    case RS_RETURN_DIALOG_APPROVE:
      return rs_returns_approve (d->session, number, comment, error);
    case RS_RETURN_DIALOG_REJECT:
      return rs_returns_reject (d->session, number, comment, error);
    case RS_RETURN_DIALOG_REVISE:
      return rs_returns_revise (d->session, number, comment, error);
    case RS_RETURN_DIALOG_CANCEL:
      return rs_returns_cancel (d->session, number, comment, error);
    case RS_RETURN_DIALOG_ACCEPT_DISCREPANCY:
      return rs_returns_resolve (d->session, number, d->sku, RS_RESOLVE_ACCEPT, comment, error);
    case RS_RETURN_DIALOG_SEND_BACK:
      return rs_returns_resolve (d->session, number, d->sku, RS_RESOLVE_SEND_BACK, comment, error);
    default:
      g_assert_not_reached ();
    }
}

static void
message_response (AdwMessageDialog *dialog, const char *response, Dialog *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) after = NULL;
  g_autofree char *comment = NULL;

  if (!g_str_equal (response, "accept"))
    return;
  comment = nonempty_stripped (d->comment);
  after = run_move (d, comment, &error);
  if (after == NULL)
    {
      /* Stay open with what was typed and say why. */
      g_signal_stop_emission_by_name (dialog, "response");
      show_error (d, error);
      return;
    }
  finish (d, after);
}

static GtkWindow *
present_message (Dialog *d, GtkWindow *parent)
{
  const char *number = rs_return_get_number (d->ret);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *accept = NULL;
  const char *placeholder = NULL;
  const char *comment_name = _("Comment");
  AdwResponseAppearance appearance = ADW_RESPONSE_SUGGESTED;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dialog;

  switch (d->kind)
    {
    case RS_RETURN_DIALOG_SUBMIT:
      /* TRANSLATORS: %s is a return number */
      heading = g_strdup_printf (_("Submit %s?"), number);
      body = g_strdup (_("The return goes to approval and can no longer be changed unless it is rejected."));
      accept = _("_Submit");
      placeholder = _("Comment (optional)");
      break;
    case RS_RETURN_DIALOG_APPROVE:
      heading = g_strdup_printf (_("Approve %s?"), number);
      /* TRANSLATORS: the first %u is the approval level, %s the role that signs it */
      body = g_strdup_printf (_("You sign level %u (%s) of %u."), rs_return_get_next_level (d->ret),
                              rs_role_get_display_name (rs_return_get_next_role (d->ret)), rs_return_get_n_levels (d->ret));
      accept = _("_Approve");
      placeholder = _("Comment (optional)");
      break;
    case RS_RETURN_DIALOG_REJECT:
      heading = g_strdup_printf (_("Reject %s?"), number);
      body = g_strdup (_("The return goes back to its creator with your reason."));
      accept = _("_Reject");
      placeholder = _("Reason for rejecting");
      comment_name = _("Reason");
      appearance = ADW_RESPONSE_DESTRUCTIVE;
      break;
    case RS_RETURN_DIALOG_REVISE:
      heading = g_strdup_printf (_("Revise %s?"), number);
      body = g_strdup (_("The return becomes a draft again; its signatures so far no longer count."));
      accept = _("Re_vise");
      placeholder = _("Comment (optional)");
      break;
    case RS_RETURN_DIALOG_CANCEL:
      heading = g_strdup_printf (_("Cancel %s?"), number);
      body = g_strdup (_("A cancelled return is closed for good."));
      accept = _("Cancel _Return");
      placeholder = _("Reason for cancelling");
      comment_name = _("Reason");
      appearance = ADW_RESPONSE_DESTRUCTIVE;
      break;
    case RS_RETURN_DIALOG_ACCEPT_DISCREPANCY:
      /* TRANSLATORS: %s is a product's SKU */
      heading = g_strdup_printf (_("Accept %s as Received?"), d->sku);
      body = g_strdup (_("The goods become part of the return and go on to inspection."));
      accept = _("_Accept");
      placeholder = _("Comment (optional)");
      break;
    case RS_RETURN_DIALOG_SEND_BACK:
      heading = g_strdup_printf (_("Send %s Back?"), d->sku);
      body = g_strdup (_("An out slip takes the goods from quarantine back to the customer."));
      accept = _("_Send Back");
      placeholder = _("Comment (optional)");
      break;
    default:
      g_assert_not_reached ();
    }

  dialog = adw_message_dialog_new (parent, heading, body);
  d->window = dialog;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Back"), "accept", accept, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  d->comment = gtk_entry_new ();
  gtk_widget_set_name (d->comment, "comment");
  gtk_entry_set_placeholder_text (GTK_ENTRY (d->comment), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (d->comment), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->comment), GTK_ACCESSIBLE_PROPERTY_LABEL, comment_name, -1);
  gtk_box_append (GTK_BOX (box), d->comment);
  d->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (d->error), "error");
  gtk_label_set_wrap (d->error, TRUE);
  gtk_label_set_xalign (d->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (d->error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (d->error), "form-hint");
  gtk_widget_set_visible (GTK_WIDGET (d->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->error));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_swapped (d->comment, "changed", G_CALLBACK (comment_changed), d);
  g_signal_connect (dialog, "response", G_CALLBACK (message_response), d);
  g_object_set_data_full (G_OBJECT (dialog), "rs-dialog", d, (GDestroyNotify) dialog_free);
  comment_changed (d);
  name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (d->comment);
  return GTK_WINDOW (dialog);
}

/* ---- window dialogs: receive, dispose, add cost ------------------------------------- */

static GtkWidget *
new_group (GtkWidget *box, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static GtkWidget *
new_entry_row (GtkWidget *group, const char *title, const char *name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static AdwComboRow *
new_combo_row (GtkWidget *group, const char *title, const char *name, GtkStringList *items)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (items));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_unref (items);
  return ADW_COMBO_ROW (row);
}

static void validate (Dialog *d);
static void accept_clicked (Dialog *d);

/* A window with Cancel and the action in its header bar, an error line and a scrolled
 * column of groups; returns that column. */
static GtkWidget *
new_window (Dialog *d, GtkWindow *parent, const char *title, const char *accept)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkShortcutController *shortcuts;

  d->window = window;
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 600);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_set_name (cancel, "cancel");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  d->accept = gtk_button_new_with_mnemonic (accept);
  gtk_widget_set_name (d->accept, "accept");
  gtk_widget_add_css_class (d->accept, "suggested-action");
  g_signal_connect_swapped (d->accept, "clicked", G_CALLBACK (accept_clicked), d);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), d->accept);
  gtk_box_append (GTK_BOX (outer), header);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (outer), scrolled);
  adw_window_set_content (ADW_WINDOW (window), outer);

  d->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (d->error), "error");
  gtk_label_set_wrap (d->error, TRUE);
  gtk_label_set_xalign (d->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (d->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (d->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->error));

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0), gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));

  g_object_set_data_full (G_OBJECT (window), "rs-dialog", d, (GDestroyNotify) dialog_free);
  name_buttons (header);
  return box;
}

static void
add_hint (Dialog *d, GtkWidget *box)
{
  d->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (d->hint), "hint");
  gtk_label_set_wrap (d->hint, TRUE);
  gtk_label_set_xalign (d->hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (d->hint), "form-hint");
  gtk_widget_add_css_class (GTK_WIDGET (d->hint), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->hint));
}

/* Parses one quantity field: empty is 0. Marks the field and returns FALSE with the reason. */
static gboolean
parse_quantity (GtkWidget *row, int decimals, gint64 *milli, GError **error)
{
  g_autofree char *text = nonempty_stripped (row);
  gboolean ok;

  *milli = 0;
  ok = text == NULL || rs_quantity_parse (text, decimals, milli, error);
  rs_form_mark_field (row, !ok);
  return ok;
}

/* Receive: what arrived per line, into one warehouse; another product is a discrepancy. */
static gboolean
check_receive (Dialog *d, GArray *fields, GError **error)
{
  GListModel *lines = rs_return_get_lines (d->ret);
  gint64 other = 0;
  const char *other_sku;
  gboolean ok = TRUE;
  GError *first = NULL;

  /* Kept on the entry: the fields borrow it until the call returns. */
  g_object_set_data_full (G_OBJECT (d->other_sku), "rs-sku", nonempty_stripped (d->other_sku), g_free);
  other_sku = g_object_get_data (G_OBJECT (d->other_sku), "rs-sku");

  for (guint i = 0; i < d->quantity_rows->len; i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      GtkWidget *row = g_ptr_array_index (d->quantity_rows, i);
      g_autoptr(GError) local = NULL;
      gint64 milli;

      if (row == NULL)
        continue;
      if (!parse_quantity (row, rs_return_line_get_decimals (line), &milli, &local))
        {
          if (first == NULL)
            /* TRANSLATORS: %s is a product's SKU, then the reason a quantity is wrong */
            first = g_error_new (local->domain, local->code, _("%s: %s"), rs_return_line_get_sku (line), local->message);
          ok = FALSE;
        }
      else if (milli > 0 && fields != NULL)
        {
          RsReceiptLineFields field = { rs_return_line_get_sku (line), milli };
          g_array_append_val (fields, field);
        }
    }
  {
    g_autoptr(GError) local = NULL;

    /* The other product's decimals are core's to check: 3 here lets any written quantity through. */
    if (!parse_quantity (d->other_quantity, 3, &other, &local))
      {
        if (first == NULL)
          first = g_steal_pointer (&local);
        ok = FALSE;
      }
    else if ((other > 0) != (other_sku != NULL))
      {
        if (first == NULL)
          first = g_error_new_literal (RS_ERROR, RS_ERROR_VALIDATION,
                                       other_sku != NULL ? _("Write how many of the other product arrived.")
                                                         : _("Write the SKU or barcode of the other product."));
        rs_form_mark_field (other_sku != NULL ? d->other_quantity : d->other_sku, TRUE);
        ok = FALSE;
      }
    else
      rs_form_mark_field (d->other_sku, FALSE);
    if (ok && other > 0 && fields != NULL)
      {
        RsReceiptLineFields field = { other_sku, other };
        g_array_append_val (fields, field);
      }
  }
  if (ok && fields != NULL && fields->len == 0)
    {
      first = g_error_new_literal (RS_ERROR, RS_ERROR_VALIDATION, _("Write how many of at least one product arrived."));
      ok = FALSE;
    }
  if (!ok)
    g_propagate_error (error, first);
  return ok;
}

static RsReturn *
run_receive (Dialog *d, GError **error)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (RsReceiptLineFields));
  g_autofree char *comment = nonempty_stripped (d->comment);
  guint selected = adw_combo_row_get_selected (d->warehouse);
  const char *warehouse;

  if (!check_receive (d, fields, error))
    return NULL;
  warehouse = selected < d->warehouse_codes->len ? g_ptr_array_index (d->warehouse_codes, selected) : NULL;
  return rs_returns_receive (d->session, rs_return_get_number (d->ret), warehouse,
                             (RsReceiptLineFields *) (void *) fields->data, fields->len, comment, error);
}

static GtkWindow *
present_receive (Dialog *d, GtkWindow *parent, JsonObject *described)
{
  g_autofree char *title = g_strdup_printf (_("Receive %s"), rs_return_get_number (d->ret));
  GtkWidget *box = new_window (d, parent, title, _("_Receive"));
  GtkStringList *names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) warehouses = rs_warehouses_list (d->session, NULL);
  JsonArray *receipts = json_object_get_array_member (described, "receipts");
  const char *received_into = receipts != NULL && json_array_get_length (receipts) > 0
    ? json_object_get_string_member (json_array_get_object_element (receipts, 0), "warehouse") : NULL;
  GListModel *lines = rs_return_get_lines (d->ret);
  GtkWidget *group;
  guint chosen = 0;

  group = new_group (box, NULL, NULL);
  d->warehouse_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; warehouses != NULL && i < g_list_model_get_n_items (warehouses); i++)
    {
      g_autoptr(RsWarehouse) warehouse = g_list_model_get_item (warehouses, i);
      g_autofree char *name = NULL;

      if (!rs_warehouse_get_active (warehouse))
        continue;
      if (g_strcmp0 (received_into, rs_warehouse_get_code (warehouse)) == 0)
        chosen = d->warehouse_codes->len;
      name = g_strdup_printf ("%s %s", rs_warehouse_get_code (warehouse), rs_warehouse_get_name (warehouse));
      gtk_string_list_append (names, name);
      g_ptr_array_add (d->warehouse_codes, g_strdup (rs_warehouse_get_code (warehouse)));
    }
  d->warehouse = new_combo_row (group, _("Warehouse"), "warehouse", names);
  adw_combo_row_set_selected (d->warehouse, chosen);
  gtk_widget_set_sensitive (GTK_WIDGET (d->warehouse), received_into == NULL);

  group = new_group (box, _("Received Quantities"),
                     _("Into the warehouse's quarantine location. Leave a line empty when nothing of it arrived."));
  d->quantity_rows = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      gint64 missing = rs_return_line_get_quantity (line) - rs_return_line_get_received_quantity (line);
      g_autofree char *row_title = g_strdup_printf ("%s %s", rs_return_line_get_sku (line), rs_return_line_get_product_name (line));
      g_autofree char *name = g_strdup_printf ("quantity-%u", i + 1);
      g_autofree char *expected = NULL;
      g_autofree char *suffix = NULL;
      GtkWidget *row = new_entry_row (group, row_title, name);
      GtkWidget *label;

      expected = rs_quantity_format (MAX (missing, 0), rs_return_line_get_decimals (line));
      /* TRANSLATORS: "of 2 把": how many are still expected, and the unit */
      suffix = g_strdup_printf (_("of %s %s"), expected, rs_return_line_get_unit (line));
      label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "dim-label");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
      if (missing > 0)
        gtk_editable_set_text (GTK_EDITABLE (row), expected);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (validate), d);
      g_ptr_array_add (d->quantity_rows, row);
    }

  group = new_group (box, _("Other Product"),
                     _("Goods the return does not list are a discrepancy customer service resolves."));
  d->other_sku = new_entry_row (group, _("SKU or barcode of another product"), "other-sku");
  d->other_quantity = new_entry_row (group, _("Quantity of the other product"), "other-quantity");
  g_signal_connect_swapped (d->other_sku, "changed", G_CALLBACK (validate), d);
  g_signal_connect_swapped (d->other_quantity, "changed", G_CALLBACK (validate), d);

  group = new_group (box, NULL, NULL);
  d->comment = new_entry_row (group, _("Comment"), "comment");
  add_hint (d, box);
  validate (d);
  gtk_window_present (GTK_WINDOW (d->window));
  return GTK_WINDOW (d->window);
}

/* Dispose: per line, the kind, where to, how many. */
static const RsDispositionKind dispose_kinds[] = {
  RS_DISPOSITION_RESTOCK, RS_DISPOSITION_REPAIR, RS_DISPOSITION_SCRAP, RS_DISPOSITION_VENDOR, RS_DISPOSITION_REPLACE,
};

static void
fill_locations (Dialog *d, guint i)
{
  AdwComboRow *kind_row = g_ptr_array_index (d->kind_rows, i);
  AdwComboRow *location_row = g_ptr_array_index (d->location_rows, i);
  GtkWidget *supplier_row = g_ptr_array_index (d->supplier_rows, i);
  GPtrArray *codes = g_ptr_array_index (d->location_codes, i);
  RsDispositionKind kind = dispose_kinds[adw_combo_row_get_selected (kind_row)];
  RsLocationKind wanted = kind == RS_DISPOSITION_REPAIR ? RS_LOCATION_REPAIR : RS_LOCATION_STORAGE;
  GtkStringList *names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) locations = d->warehouse_code != NULL ? rs_locations_list (d->session, d->warehouse_code, NULL) : NULL;

  g_ptr_array_set_size (codes, 0);
  for (guint j = 0; locations != NULL && j < g_list_model_get_n_items (locations); j++)
    {
      g_autoptr(RsLocation) location = g_list_model_get_item (locations, j);
      g_autofree char *name = NULL;

      if (rs_location_get_kind (location) != wanted || !rs_location_get_active (location))
        continue;
      name = g_strcmp0 (rs_location_get_name (location), rs_location_get_code (location)) == 0
        ? g_strdup (rs_location_get_code (location))
        : g_strdup_printf ("%s %s", rs_location_get_code (location), rs_location_get_name (location));
      gtk_string_list_append (names, name);
      g_ptr_array_add (codes, g_strdup (rs_location_get_code (location)));
    }
  adw_combo_row_set_model (location_row, G_LIST_MODEL (names));
  g_object_unref (names);
  gtk_widget_set_visible (GTK_WIDGET (location_row), kind == RS_DISPOSITION_RESTOCK || kind == RS_DISPOSITION_REPAIR ||
                                                     kind == RS_DISPOSITION_REPLACE);
  gtk_widget_set_visible (supplier_row, kind == RS_DISPOSITION_VENDOR);
}

static void
kind_changed (GtkWidget *row, GParamSpec *pspec, Dialog *d)
{
  for (guint i = 0; i < d->kind_rows->len; i++)
    if (g_ptr_array_index (d->kind_rows, i) == row)
      fill_locations (d, i);
  validate (d);
}

static gboolean
check_dispose (Dialog *d, GArray *fields, GError **error)
{
  GError *first = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < d->dispose_lines->len; i++)
    {
      RsReturnLine *line = g_ptr_array_index (d->dispose_lines, i);
      GtkWidget *row = g_ptr_array_index (d->quantity_rows, i);
      g_autoptr(GError) local = NULL;
      gint64 milli;

      if (!parse_quantity (row, rs_return_line_get_decimals (line), &milli, &local))
        {
          if (first == NULL)
            first = g_error_new (local->domain, local->code, _("%s: %s"), rs_return_line_get_sku (line), local->message);
          ok = FALSE;
        }
      else if (milli > 0 && fields != NULL)
        {
          AdwComboRow *kind_row = g_ptr_array_index (d->kind_rows, i);
          AdwComboRow *location_row = g_ptr_array_index (d->location_rows, i);
          GPtrArray *codes = g_ptr_array_index (d->location_codes, i);
          RsDispositionKind kind = dispose_kinds[adw_combo_row_get_selected (kind_row)];
          guint selected = adw_combo_row_get_selected (location_row);
          RsDispositionFields field = { rs_return_line_get_sku (line), milli, kind, NULL };

          if (kind == RS_DISPOSITION_VENDOR)
            field.target = g_object_get_data (G_OBJECT (g_ptr_array_index (d->supplier_rows, i)), "rs-text");
          else if (kind != RS_DISPOSITION_SCRAP && selected < codes->len)
            field.target = g_ptr_array_index (codes, selected);
          g_array_append_val (fields, field);
        }
    }
  if (ok && fields != NULL && fields->len == 0)
    {
      first = g_error_new_literal (RS_ERROR, RS_ERROR_VALIDATION, _("Write the quantity of at least one line."));
      ok = FALSE;
    }
  if (!ok)
    g_propagate_error (error, first);
  return ok;
}

static RsReturn *
run_dispose (Dialog *d, GError **error)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (RsDispositionFields));

  for (guint i = 0; i < d->supplier_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (d->supplier_rows, i);
      g_object_set_data_full (row, "rs-text", nonempty_stripped (GTK_WIDGET (row)), g_free);
    }
  if (!check_dispose (d, fields, error))
    return NULL;
  return rs_returns_dispose (d->session, rs_return_get_number (d->ret),
                             (RsDispositionFields *) (void *) fields->data, fields->len, error);
}

static GtkWindow *
present_dispose (Dialog *d, GtkWindow *parent, JsonObject *described)
{
  g_autofree char *title = g_strdup_printf (_("Dispose of %s"), rs_return_get_number (d->ret));
  GtkWidget *box = new_window (d, parent, title, _("_Dispose"));
  JsonArray *receipts = json_object_get_array_member (described, "receipts");
  GListModel *lines = rs_return_get_lines (d->ret);

  if (receipts != NULL && json_array_get_length (receipts) > 0)
    d->warehouse_code = g_strdup (json_object_get_string_member (json_array_get_object_element (receipts, 0), "warehouse"));
  d->dispose_lines = g_ptr_array_new_with_free_func (g_object_unref);
  d->kind_rows = g_ptr_array_new ();
  d->location_rows = g_ptr_array_new ();
  d->location_codes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  d->supplier_rows = g_ptr_array_new ();
  d->quantity_rows = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      gint64 left = rs_return_line_get_inspected_quantity (line) - rs_return_line_get_disposed_quantity (line);
      g_autofree char *group_title = NULL;
      g_autofree char *left_text = NULL;
      g_autofree char *description = NULL;
      g_autofree char *name = NULL;
      g_autofree char *a11y = NULL;
      GtkStringList *kinds = gtk_string_list_new (NULL);
      GtkWidget *group;
      GtkWidget *row;
      guint n = d->dispose_lines->len + 1;
      const char *sku = rs_return_line_get_sku (line);

      if (left <= 0)
        continue;
      group_title = g_strdup_printf ("%u. %s %s", rs_return_line_get_number (line), sku, rs_return_line_get_product_name (line));
      left_text = rs_quantity_format (left, rs_return_line_get_decimals (line));
      /* TRANSLATORS: "2 把 inspected and not yet disposed of" */
      description = g_strdup_printf (_("%s %s inspected and not yet disposed of"), left_text, rs_return_line_get_unit (line));
      group = new_group (box, group_title, description);
      g_ptr_array_add (d->dispose_lines, g_object_ref (line));

      for (guint k = 0; k < G_N_ELEMENTS (dispose_kinds); k++)
        gtk_string_list_append (kinds, rs_disposition_kind_get_display_name (dispose_kinds[k]));
      name = g_strdup_printf ("kind-%u", n);
      /* TRANSLATORS: %s is a product's SKU */
      a11y = g_strdup_printf (_("Disposition of %s"), sku);
      row = GTK_WIDGET (new_combo_row (group, a11y, name, kinds));
      g_ptr_array_add (d->kind_rows, row);

      g_free (name);
      g_free (a11y);
      name = g_strdup_printf ("location-%u", n);
      a11y = g_strdup_printf (_("Location of %s"), sku);
      row = GTK_WIDGET (new_combo_row (group, a11y, name, gtk_string_list_new (NULL)));
      g_ptr_array_add (d->location_rows, row);
      g_ptr_array_add (d->location_codes, g_ptr_array_new_with_free_func (g_free));

      g_free (name);
      g_free (a11y);
      name = g_strdup_printf ("supplier-%u", n);
      /* TRANSLATORS: %s is a product's SKU; empty means the supplier it was last bought from */
      a11y = g_strdup_printf (_("Supplier of %s (empty: the last one it was bought from)"), sku);
      row = new_entry_row (group, a11y, name);
      g_ptr_array_add (d->supplier_rows, row);

      g_free (name);
      g_free (a11y);
      name = g_strdup_printf ("quantity-%u", n);
      a11y = g_strdup_printf (_("Quantity of %s"), sku);
      row = new_entry_row (group, a11y, name);
      gtk_editable_set_text (GTK_EDITABLE (row), left_text);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (validate), d);
      g_ptr_array_add (d->quantity_rows, row);

      fill_locations (d, n - 1);
      g_signal_connect (g_ptr_array_index (d->kind_rows, n - 1), "notify::selected", G_CALLBACK (kind_changed), d);
    }
  add_hint (d, box);
  validate (d);
  gtk_window_present (GTK_WINDOW (d->window));
  return GTK_WINDOW (d->window);
}

/* Add cost: kind, amount, remark. */
static gboolean
check_cost (Dialog *d, gint64 *amount, GError **error)
{
  g_autofree char *text = nonempty_stripped (d->amount);
  gboolean ok;

  if (text == NULL)
    {
      rs_form_mark_field (d->amount, FALSE);
      return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("Write the amount.")), FALSE;
    }
  ok = rs_money_parse (text, amount, error);
  rs_form_mark_field (d->amount, !ok);
  return ok;
}

static RsReturn *
run_cost (Dialog *d, GError **error)
{
  g_autofree char *remark = nonempty_stripped (d->comment);
  gint64 amount = 0;

  if (!check_cost (d, &amount, error))
    return NULL;
  return rs_returns_add_cost (d->session, rs_return_get_number (d->ret),
                              cost_kinds[adw_combo_row_get_selected (d->cost_kind)], amount, remark, error);
}

static GtkWindow *
present_cost (Dialog *d, GtkWindow *parent)
{
  g_autofree char *title = g_strdup_printf (_("Add Cost to %s"), rs_return_get_number (d->ret));
  GtkWidget *box = new_window (d, parent, title, _("_Add"));
  GtkStringList *kinds = gtk_string_list_new (NULL);
  GtkWidget *group = new_group (box, NULL, _("Vendor credit is what the supplier pays back: it reduces the cost."));

  for (guint k = 0; k < G_N_ELEMENTS (cost_kinds); k++)
    gtk_string_list_append (kinds, rs_cost_kind_get_display_name (cost_kinds[k]));
  d->cost_kind = new_combo_row (group, _("Cost kind"), "kind", kinds);
  d->amount = new_entry_row (group, _("Amount (¥)"), "amount");
  d->comment = new_entry_row (group, _("Remark"), "remark");
  g_signal_connect_swapped (d->amount, "changed", G_CALLBACK (validate), d);
  add_hint (d, box);
  validate (d);
  gtk_window_present (GTK_WINDOW (d->window));
  gtk_widget_grab_focus (d->amount);
  return GTK_WINDOW (d->window);
}

/* Settle: the return alone in a new settlement (报账单), approved at once when the user may. */
static RsReturn *
run_settle (Dialog *d, GError **error)
{
  const char *number = rs_return_get_number (d->ret);
  const char *returns[] = { number, NULL };
  g_autofree char *remark = nonempty_stripped (d->comment);
  g_autoptr(JsonNode) json = rs_return_to_json (d->ret);
  const char *disposed_at = json_object_get_string_member_with_default (json_node_get_object (json), "disposed_at", NULL);
  g_autofree char *day = NULL;
  g_autoptr(RsSettlement) settlement = NULL;
  g_autoptr(RsSettlement) approved = NULL;
  g_autoptr(GError) refusal = NULL;
  RsReturn *after;

  /* The period is the day it was disposed of (local ISO 8601 begins with the date). */
  if (disposed_at != NULL && strlen (disposed_at) >= 10)
    day = g_strndup (disposed_at, 10);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (rs_clock_now () / G_USEC_PER_SEC);
      day = g_date_time_format (now, "%Y-%m-%d");
    }
  settlement = rs_settlements_create (d->session, day, day, returns, remark, error);
  if (settlement == NULL)
    return NULL;
  if (d->approve != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (d->approve)))
    approved = rs_settlements_approve (d->session, rs_settlement_get_number (settlement), &refusal);
  if (approved != NULL)
    /* TRANSLATORS: the first %s is a return number, the second a settlement number */
    d->notice = g_strdup_printf (_("%s is settled in %s."), number, rs_settlement_get_number (settlement));
  else if (refusal != NULL)
    /* TRANSLATORS: %s are a settlement number and the reason approving it was refused */
    d->notice = g_strdup_printf (_("Settlement %s is created but not approved: %s"),
                                 rs_settlement_get_number (settlement), refusal->message);
  else
    /* TRANSLATORS: the first %s is a return number, the second a settlement number */
    d->notice = g_strdup_printf (_("%s is in settlement %s, waiting for approval."), number,
                                 rs_settlement_get_number (settlement));
  /* The settlement exists now: the return as it is, even if approving it was refused. */
  after = rs_returns_lookup (d->session, number, error);
  return after;
}

static GtkWindow *
present_settle (Dialog *d, GtkWindow *parent)
{
  g_autofree char *title = g_strdup_printf (_("Settle %s"), rs_return_get_number (d->ret));
  GtkWidget *box = new_window (d, parent, title, _("C_reate Settlement"));
  GtkWidget *group = new_group (box, NULL,
                                _("The return goes into a new settlement with its cost total as it is now."));
  GtkWidget *total_row = adw_action_row_new ();
  GtkWidget *total_label;
  g_autoptr(GError) error = NULL;
  g_autofree char *total_text = NULL;
  gint64 total = 0;

  gtk_window_set_default_size (GTK_WINDOW (d->window), 560, 380);
  if (rs_return_cost_total (rs_session_get_database (d->session), rs_return_get_id (d->ret), &total, &error))
    {
      g_autofree char *amount = rs_money_format (total);

      total_text = g_strconcat ("¥", amount, NULL);
    }
  else
    total_text = g_strdup (error->message);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (total_row), _("Cost total"));
  total_label = gtk_label_new (total_text);
  gtk_widget_set_name (total_label, "total");
  gtk_label_set_selectable (GTK_LABEL (total_label), TRUE);
  gtk_widget_add_css_class (total_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (total_row), total_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), total_row);
  d->comment = new_entry_row (group, _("Remark"), "remark");
  /* Enter in the remark does it, as in the message dialogs. */
  g_signal_connect_swapped (d->comment, "entry-activated", G_CALLBACK (accept_clicked), d);
  if (rs_permission_allows (d->session, RS_ACTION_SETTLEMENT_APPROVE))
    {
      d->approve = gtk_check_button_new_with_label (_("Approve now"));
      gtk_widget_set_name (d->approve, "approve");
      gtk_widget_set_tooltip_text (d->approve, _("Approve the settlement at once: the return becomes Settled"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (d->approve), TRUE);
      gtk_box_append (GTK_BOX (box), d->approve);
    }
  add_hint (d, box);
  validate (d);
  gtk_window_present (GTK_WINDOW (d->window));
  gtk_widget_grab_focus (d->comment);
  return GTK_WINDOW (d->window);
}

/* As typed: the first problem under the fields, the action insensitive until it is right. */
static void
validate (Dialog *d)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;
  gint64 amount;

  switch (d->kind)
    {
    case RS_RETURN_DIALOG_RECEIVE:
      {
        g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (RsReceiptLineFields));

        ok = check_receive (d, fields, &error);
      }
      break;
    case RS_RETURN_DIALOG_DISPOSE:
      {
        g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (RsDispositionFields));
        ok = check_dispose (d, fields, &error);
      }
      break;
    case RS_RETURN_DIALOG_ADD_COST:
      ok = check_cost (d, &amount, &error);
      break;
    case RS_RETURN_DIALOG_SETTLE:
      ok = TRUE;   /* the remark is core's to check */
      break;
    default:
      g_assert_not_reached ();
    }
  /* An empty form says what to do in the hint, not as an error in red. */
  rs_form_set_message (d->hint, error != NULL ? error->message : NULL);
  gtk_widget_set_sensitive (d->accept, ok);
  rs_form_set_message (d->error, NULL);
}

static void
accept_clicked (Dialog *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) after = NULL;

  if (!gtk_widget_get_sensitive (d->accept))
    return;
  switch (d->kind)
    {
    case RS_RETURN_DIALOG_RECEIVE:
      after = run_receive (d, &error);
      break;
    case RS_RETURN_DIALOG_DISPOSE:
      after = run_dispose (d, &error);
      break;
    case RS_RETURN_DIALOG_ADD_COST:
      after = run_cost (d, &error);
      break;
    case RS_RETURN_DIALOG_SETTLE:
      after = run_settle (d, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (after == NULL)
    {
      show_error (d, error);
      return;
    }
  finish (d, after);
  if (d->notice != NULL && d->parent != NULL)
    rs_gui_notify (d->parent, d->notice);
  gtk_window_destroy (GTK_WINDOW (d->window));
}

GtkWindow *
rs_return_dialog_present (GtkWidget *parent, RsSession *session, RsReturn *ret, RsReturnDialogKind kind,
                          const char *sku, RsReturnDialogDone done, gpointer user_data)
{
  Dialog *d = g_new0 (Dialog, 1);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (parent));
  g_autoptr(JsonNode) described = NULL;
  g_autoptr(GError) error = NULL;

  d->session = g_object_ref (session);
  d->ret = g_object_ref (ret);
  d->kind = kind;
  d->sku = g_strdup (sku);
  d->done = done;
  d->user_data = user_data;
  d->parent = g_object_ref (parent);
  if (G_IS_OBJECT (user_data))
    d->keep = g_object_ref (user_data);

  if (kind == RS_RETURN_DIALOG_RECEIVE || kind == RS_RETURN_DIALOG_DISPOSE)
    {
      /* Where the goods were received: the receipts of the return. */
      described = rs_returns_describe (session, rs_return_get_number (ret), &error);
      if (described == NULL)
        {
          dialog_free (d);
          /* The caller's notice bar says it. */
          gtk_widget_activate_action (parent, "main.notify", "s", error->message);
          return NULL;
        }
    }
  switch (kind)
    {
    case RS_RETURN_DIALOG_RECEIVE:
      return present_receive (d, window, json_node_get_object (described));
    case RS_RETURN_DIALOG_DISPOSE:
      return present_dispose (d, window, json_node_get_object (described));
    case RS_RETURN_DIALOG_ADD_COST:
      return present_cost (d, window);
    case RS_RETURN_DIALOG_SETTLE:
      return present_settle (d, window);
    default:
      return present_message (d, window);
    }
}
