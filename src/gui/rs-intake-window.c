/* rs-intake-window.c */
#include "rs-intake-window.h"
#include "rs-form.h"
#include "rs-gui-util.h"
#include "rs-photo-strip.h"

#define MAX_MATCHES 8

typedef struct
{
  RsIntakeWindow *self;
  GtkWidget *row;
  GtkWidget *product;
  GtkWidget *quantity;
  GtkWidget *price;
  GtkWidget *serial;
  GtkWidget *remove;
  GtkWidget *name_label;
  GtkWidget *hint;
  RsProduct *found;          /* the product the entry names, NULL when none */
} Line;

struct _RsIntakeWindow
{
  AdwWindow parent_instance;

  RsSession *session;
  char *number;              /* the draft being edited */
  gboolean dirty;
  gboolean loading;          /* filling the form: no "changed" */
  gboolean valid;
  gboolean busy;             /* a save runs in its thread */

  RsPartner *customer;       /* chosen */
  GtkStringList *slip_numbers;
  GArray *sale_lines;        /* RsReturnSaleLine of the chosen slip, or NULL */
  char *sale_date;           /* "YYYY-MM-DD" or NULL */
  GListModel *reasons;
  GPtrArray *lines;          /* Line* */
  GHashTable *parts;         /* name → widget (borrowed) */

  GtkWidget *title;
  GtkWidget *page;
  GtkWidget *save_button;
  GtkWidget *submit_button;
  GtkWidget *message_revealer;
  GtkWidget *message_label;
  GtkWidget *customer_row;
  GtkWidget *customer_hint;
  GtkWidget *matches;
  GtkWidget *new_customer_row;
  GtkWidget *new_customer_group;
  GtkWidget *new_name;
  GtkWidget *new_phone;
  GtkWidget *new_contact;
  GtkWidget *new_hint;
  GtkWidget *slip_row;
  GtkWidget *order_row;
  GtkWidget *date_row;
  GtkWidget *date_button;
  GtkWidget *calendar;
  GtkWidget *reason_row;
  GtkWidget *description;
  GtkWidget *lines_box;
  GtkWidget *lines_hint;
  GtkWidget *add_line_button;
  GtkWidget *photos;
};

G_DEFINE_FINAL_TYPE (RsIntakeWindow, rs_intake_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
};

enum {
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void validate (RsIntakeWindow *self);

static void
line_free (gpointer data)
{
  Line *line = data;

  g_clear_object (&line->found);
  g_free (line);
}

static void
add_part (RsIntakeWindow *self, const char *name, GtkWidget *widget)
{
  g_hash_table_replace (self->parts, g_strdup (name), widget);
}

static void
set_hint (GtkWidget *label, GtkWidget *field, const char *message)
{
  rs_form_set_message (GTK_LABEL (label), message);
  if (field != NULL)
    rs_form_mark_field (field, message != NULL);
}

static void
show_message (RsIntakeWindow *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->message_revealer), message != NULL);
}

static void
changed (RsIntakeWindow *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  validate (self);
}

static GtkWidget *
hint_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "form-hint");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
name_widget (GtkWidget *widget, const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* ---- validation: core's parsers, the message beside the field ------------------------- */

static const RsReturnSaleLine *
sale_line_of (RsIntakeWindow *self, const char *sku)
{
  for (guint i = 0; self->sale_lines != NULL && i < self->sale_lines->len; i++)
    {
      const RsReturnSaleLine *sale = &g_array_index (self->sale_lines, RsReturnSaleLine, i);
      if (g_str_equal (sale->sku, sku))
        return sale;
    }
  return NULL;
}

static const char *
selected_slip (RsIntakeWindow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->slip_row));

  /* Item 0 is "no slip". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->slip_numbers, selected);
}

/* Checks one line; fills quantity and price (thousandths, fen). Returns the message or NULL. */
static char *
check_line (RsIntakeWindow *self, Line *line, gint64 *quantity, gint64 *price)
{
  const char *sku_text = gtk_editable_get_text (GTK_EDITABLE (line->product));
  const char *quantity_text = gtk_editable_get_text (GTK_EDITABLE (line->quantity));
  const char *price_text = gtk_editable_get_text (GTK_EDITABLE (line->price));
  g_autoptr(GError) error = NULL;
  const RsReturnSaleLine *sale;
  gint64 total = 0;

  *quantity = 0;
  *price = -1;
  if (line->found == NULL)
    {
      if (*sku_text == '\0')
        return g_strdup (_("Type the product’s SKU or scan its barcode, then press Enter."));
      return g_strdup_printf (_("There is no product with the SKU or barcode “%s”."), sku_text);
    }
  if (!rs_quantity_parse (quantity_text, rs_product_get_decimals (line->found), quantity, &error))
    return g_strdup (error->message);
  if (*quantity == 0)
    return g_strdup (_("The quantity must be more than zero."));
  if (*price_text != '\0' && !rs_money_parse (price_text, price, &error))
    return g_strdup (error->message);

  if (self->sale_lines == NULL)
    return NULL;
  sale = sale_line_of (self, rs_product_get_sku (line->found));
  if (sale == NULL)
    return g_strdup_printf (_("The sale slip %s did not ship %s; take it off or choose another slip."),
                            selected_slip (self), rs_product_get_sku (line->found));
  /* The slip's limit is per product: every line of it counts. */
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *other = g_ptr_array_index (self->lines, i);
      gint64 q = 0;

      if (other->found != NULL && rs_product_get_id (other->found) == rs_product_get_id (line->found) &&
          rs_quantity_parse (gtk_editable_get_text (GTK_EDITABLE (other->quantity)),
                             rs_product_get_decimals (other->found), &q, NULL))
        total += q;
    }
  if (total > sale->returnable)
    {
      g_autofree char *left = rs_quantity_format (sale->returnable, sale->decimals);
      g_autofree char *shipped = rs_quantity_format (sale->shipped, sale->decimals);

      /* TRANSLATORS: "The sale slip CK… shipped 4 把 of P-1: at most 3 把 can still come back." */
      return g_strdup_printf (_("The sale slip %s shipped %s %s of %s: at most %s %s can still come back."),
                              selected_slip (self), shipped, sale->unit, sale->sku, left, sale->unit);
    }
  return NULL;
}

static void
validate (RsIntakeWindow *self)
{
  gboolean valid = TRUE;
  const char *customer_text = gtk_editable_get_text (GTK_EDITABLE (self->customer_row));

  if (self->customer == NULL)
    {
      valid = FALSE;
      set_hint (self->customer_hint, self->customer_row,
                *customer_text == '\0' ? _("Choose the customer: type part of a name, code or phone.")
                                       : _("Pick the customer from the list below, or add a new one."));
    }
  else
    set_hint (self->customer_hint, self->customer_row, NULL);

  if (self->lines->len == 0)
    {
      valid = FALSE;
      set_hint (self->lines_hint, NULL, _("Add at least one line: the product and how many come back."));
    }
  else
    set_hint (self->lines_hint, NULL, NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      gint64 quantity, price;
      g_autofree char *message = check_line (self, line, &quantity, &price);
      const char *quantity_text = gtk_editable_get_text (GTK_EDITABLE (line->quantity));
      const char *price_text = gtk_editable_get_text (GTK_EDITABLE (line->price));
      gboolean product_wrong = line->found == NULL;
      gboolean price_wrong = !product_wrong && *price_text != '\0' && !rs_money_parse (price_text, &price, NULL);
      gboolean quantity_wrong = message != NULL && !product_wrong && !price_wrong;

      rs_form_set_message (GTK_LABEL (line->hint), message);
      rs_form_mark_field (line->product, product_wrong && *gtk_editable_get_text (GTK_EDITABLE (line->product)) != '\0');
      rs_form_mark_field (line->quantity, quantity_wrong && *quantity_text != '\0');
      rs_form_mark_field (line->price, price_wrong);
      if (message != NULL)
        valid = FALSE;
    }

  self->valid = valid;
  gtk_widget_set_sensitive (self->save_button, valid && !self->busy);
  gtk_widget_set_sensitive (self->submit_button, valid && !self->busy);
}

/* ---- customer: search as you type, or a new one ---------------------------------------- */

static char *
customer_display (RsPartner *partner)
{
  /* TRANSLATORS: a customer as shown in the field: "华东商贸 (C001)" */
  return g_strdup_printf (_("%s (%s)"), rs_partner_get_name (partner), rs_partner_get_code (partner));
}

static void
clear_matches (RsIntakeWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->matches)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->matches), child);
  gtk_widget_set_visible (self->matches, FALSE);
}

static void load_slips (RsIntakeWindow *self);

static void
set_customer (RsIntakeWindow *self, RsPartner *partner)
{
  g_autofree char *display = partner != NULL ? customer_display (partner) : NULL;
  gboolean was_loading = self->loading;

  g_set_object (&self->customer, partner);
  clear_matches (self);
  if (partner != NULL)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->customer_row), display);
      self->loading = was_loading;
    }
  load_slips (self);
  changed (self);
}

static void
match_activated (GtkListBox *box, GtkListBoxRow *row, RsIntakeWindow *self)
{
  RsPartner *partner = g_object_get_data (G_OBJECT (row), "partner");

  set_customer (self, partner);
  gtk_widget_grab_focus (self->customer_row);
}

static void
customer_changed (RsIntakeWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_row));
  g_autoptr(GListModel) found = NULL;
  guint n;

  if (self->loading)
    return;
  if (self->customer != NULL)
    {
      g_autofree char *display = customer_display (self->customer);
      if (g_str_equal (display, text))
        return;
      g_clear_object (&self->customer);
      load_slips (self);
    }
  clear_matches (self);
  if (*text != '\0')
    found = rs_partners_search (self->session, RS_PARTNER_CUSTOMER, text, NULL);
  n = found != NULL ? g_list_model_get_n_items (found) : 0;
  for (guint i = 0; i < MIN (n, MAX_MATCHES); i++)
    {
      g_autoptr(RsPartner) partner = g_list_model_get_item (found, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (!rs_partner_get_active (partner))
        continue;
      subtitle = g_strjoin ("  ·  ", rs_partner_get_code (partner),
                            *rs_partner_get_phone (partner) != '\0' ? rs_partner_get_phone (partner)
                                                                      : rs_partner_get_contact (partner), NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rs_partner_get_name (partner));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "partner", g_object_ref (partner), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (self->matches), row);
    }
  gtk_widget_set_visible (self->matches, gtk_widget_get_first_child (self->matches) != NULL);
  changed (self);
}

static void
customer_activated (RsIntakeWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->matches), 0);

  /* Enter takes the first match: type a name or scan a code, press Enter. */
  if (first != NULL)
    match_activated (GTK_LIST_BOX (self->matches), first, self);
}

gboolean
rs_intake_window_choose_customer (RsIntakeWindow *self, const char *code_or_name)
{
  g_autoptr(RsPartner) partner = rs_partners_lookup (rs_session_get_database (self->session), RS_PARTNER_CUSTOMER,
                                                     code_or_name, NULL);
  if (partner == NULL)
    return FALSE;
  set_customer (self, partner);
  return TRUE;
}

static void
add_customer_clicked (RsIntakeWindow *self)
{
  g_autoptr(GError) error = NULL;
  RsPartnerFields fields = {
    .name = gtk_editable_get_text (GTK_EDITABLE (self->new_name)),
    .phone = gtk_editable_get_text (GTK_EDITABLE (self->new_phone)),
    .contact = gtk_editable_get_text (GTK_EDITABLE (self->new_contact)),
  };
  g_autoptr(RsPartner) partner = rs_partners_add (self->session, RS_PARTNER_CUSTOMER, &fields, &error);

  if (partner == NULL)
    {
      /* What was typed stays; core's message says what to change. */
      set_hint (self->new_hint, NULL, error->message);
      return;
    }
  set_hint (self->new_hint, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_phone), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_contact), "");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->new_customer_row), FALSE);
  set_customer (self, partner);
}

/* ---- sale slip and date -------------------------------------------------------------------- */

static void
update_date_button (RsIntakeWindow *self)
{
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button),
                             self->sale_date != NULL ? self->sale_date : _("Not Known"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row),
                               selected_slip (self) != NULL ? _("The sale slip’s date") : "");
}

static void
load_slips (RsIntakeWindow *self)
{
  g_autoptr(GListModel) slips = NULL;
  RsSlipFilter filter = { .kind = RS_SLIP_OUT, .state = RS_SLIP_POSTED, .limit = 200 };
  gboolean was_loading = self->loading;
  guint n;

  self->loading = TRUE;
  gtk_string_list_splice (self->slip_numbers, 1, g_list_model_get_n_items (G_LIST_MODEL (self->slip_numbers)) - 1,
                          NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->slip_row), 0);
  self->loading = was_loading;
  /* Another customer: the slip chosen before, and its limits, no longer apply. */
  g_clear_pointer (&self->sale_lines, g_array_unref);
  gtk_widget_set_sensitive (self->date_button, TRUE);
  if (self->customer == NULL)
    {
      gtk_widget_set_sensitive (self->slip_row, FALSE);
      return;
    }
  /* The customer's code finds their slips; others whose code contains it are left out. */
  filter.search = rs_partner_get_code (self->customer);
  slips = rs_slips_list (self->session, &filter, NULL);
  n = slips != NULL ? g_list_model_get_n_items (slips) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsSlip) slip = g_list_model_get_item (slips, i);
      RsPartnerKind kind;
      const char *code = NULL, *name = NULL;

      if (g_str_equal (rs_slip_get_purpose (slip), "sale") && rs_slip_get_partner (slip, &kind, &code, &name) &&
          kind == RS_PARTNER_CUSTOMER && g_strcmp0 (code, rs_partner_get_code (self->customer)) == 0)
        gtk_string_list_append (self->slip_numbers, rs_slip_get_number (slip));
    }
  gtk_widget_set_sensitive (self->slip_row, g_list_model_get_n_items (G_LIST_MODEL (self->slip_numbers)) > 1);
}

static Line *add_line (RsIntakeWindow *self);
static void remove_line (RsIntakeWindow *self, Line *line);

static void
set_line (Line *line, const char *sku, gint64 quantity, int decimals, gint64 price)
{
  g_autofree char *q = rs_quantity_format (quantity, decimals);
  g_autofree char *p = price >= 0 ? rs_money_to_decimal (price) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (line->product), sku);
  gtk_editable_set_text (GTK_EDITABLE (line->quantity), q);
  /* No price of its own: the product's, filled in when the product was found. */
  if (p != NULL)
    gtk_editable_set_text (GTK_EDITABLE (line->price), p);
}

static void
slip_selected (RsIntakeWindow *self)
{
  const char *slip;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (self->loading)
    return;
  g_clear_pointer (&self->sale_lines, g_array_unref);
  slip = selected_slip (self);
  gtk_widget_set_sensitive (self->date_button, slip == NULL);
  if (slip == NULL)
    {
      update_date_button (self);
      changed (self);
      return;
    }
  self->sale_lines = rs_returns_sale_lines (self->session, slip, self->number, &error);
  if (self->sale_lines == NULL)
    {
      show_message (self, error->message);
      changed (self);
      return;
    }
  {
    g_autoptr(RsSlip) full = rs_slips_lookup (self->session, slip, NULL);
    if (full != NULL)
      {
        g_free (self->sale_date);
        self->sale_date = g_strdup (rs_slip_get_date (full));
      }
  }
  /* The slip's products and prices replace the lines, each with what may still come back. */
  while (self->lines->len > 0)
    remove_line (self, g_ptr_array_index (self->lines, self->lines->len - 1));
  for (guint i = 0; i < self->sale_lines->len; i++)
    {
      const RsReturnSaleLine *sale = &g_array_index (self->sale_lines, RsReturnSaleLine, i);
      Line *line;

      if (sale->returnable <= 0)
        continue;
      line = add_line (self);
      set_line (line, sale->sku, sale->returnable, sale->decimals, sale->unit_price);
    }
  update_date_button (self);
  changed (self);
}

static void
day_selected (RsIntakeWindow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));

  g_free (self->sale_date);
  self->sale_date = g_date_time_format (date, "%Y-%m-%d");
  update_date_button (self);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->date_button));
  changed (self);
}

static void
clear_date (RsIntakeWindow *self)
{
  g_clear_pointer (&self->sale_date, g_free);
  update_date_button (self);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->date_button));
  changed (self);
}

/* ---- lines ------------------------------------------------------------------------------- */

static void
renumber_lines (RsIntakeWindow *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      static const char *const fields[] = { "product", "quantity", "price", "serial", "hint" };
      GtkWidget *widgets[] = { line->product, line->quantity, line->price, line->serial, line->hint };
      g_autofree char *remove_name = NULL;

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *name = g_strdup_printf ("line%u-%s", i + 1, fields[f]);
          add_part (self, name, widgets[f]);
        }
      /* TRANSLATORS: the accessible name of a line's remove button; %u is the line number */
      remove_name = g_strdup_printf (_("Remove Line %u"), i + 1);
      name_widget (line->remove, remove_name);
    }
  /* Names of lines that are gone. */
  for (guint i = self->lines->len; i < self->lines->len + 2; i++)
    {
      static const char *const fields[] = { "product", "quantity", "price", "serial", "hint" };
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *name = g_strdup_printf ("line%u-%s", i + 1, fields[f]);
          g_hash_table_remove (self->parts, name);
        }
    }
}

static void
product_changed (GtkEditable *editable, Line *line)
{
  RsIntakeWindow *self = line->self;
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(RsProduct) product = NULL;

  if (*text != '\0')
    product = rs_products_lookup (rs_session_get_database (self->session), text, NULL);
  if (product != NULL && !rs_product_get_active (product))
    g_clear_object (&product);
  if (product != NULL && (line->found == NULL || rs_product_get_id (product) != rs_product_get_id (line->found)))
    {
      /* A new product: its decimals for the quantity, its price (the slip's, else the list price). */
      const RsReturnSaleLine *sale = sale_line_of (self, rs_product_get_sku (product));
      gint64 price = sale != NULL && sale->unit_price >= 0 ? sale->unit_price : rs_product_get_list_price (product);
      g_autofree char *p = rs_money_to_decimal (price);

      /* Changing the digits rewrites the text from the spin's value: keep what was typed. */
      g_autofree char *typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (line->quantity)));
      gboolean was_loading = self->loading;

      self->loading = TRUE;
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (line->quantity), rs_product_get_decimals (product));
      gtk_editable_set_text (GTK_EDITABLE (line->quantity), typed);
      self->loading = was_loading;
      if (!self->loading && *gtk_editable_get_text (GTK_EDITABLE (line->price)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (line->price), p);
    }
  g_set_object (&line->found, product);
  if (product != NULL)
    {
      g_autofree char *label = g_strdup_printf ("%s%s%s · %s", rs_product_get_name (product),
                                                *rs_product_get_spec (product) != '\0' ? " " : "",
                                                rs_product_get_spec (product), rs_product_get_unit (product));
      gtk_label_set_text (GTK_LABEL (line->name_label), label);
    }
  else
    gtk_label_set_text (GTK_LABEL (line->name_label), "");
  gtk_widget_set_visible (line->name_label, product != NULL);
  changed (self);
}

static void
product_activated (GtkEntry *entry, Line *line)
{
  /* A scanner types the code and presses Enter: go on to the quantity. */
  if (line->found != NULL)
    {
      gtk_widget_grab_focus (line->quantity);
      gtk_editable_select_region (GTK_EDITABLE (line->quantity), 0, -1);
    }
}

static void
field_changed (GtkEditable *editable, Line *line)
{
  changed (line->self);
}

static void
remove_clicked (GtkButton *button, Line *line)
{
  RsIntakeWindow *self = line->self;

  remove_line (self, line);
  changed (self);
}

static void
remove_line (RsIntakeWindow *self, Line *line)
{
  gtk_list_box_remove (GTK_LIST_BOX (self->lines_box), line->row);
  g_ptr_array_remove (self->lines, line);
  renumber_lines (self);
}

static GtkWidget *
line_entry (const char *name, const char *placeholder, int width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  name_widget (entry, name);
  return entry;
}

static Line *
add_line (RsIntakeWindow *self)
{
  Line *line = g_new0 (Line, 1);
  GtkWidget *box, *fields, *labels;

  line->self = self;
  line->product = line_entry (_("Product"), _("SKU or barcode"), 14);
  gtk_widget_set_hexpand (line->product, TRUE);
  gtk_widget_set_tooltip_text (line->product, _("Type the SKU or scan the barcode, then press Enter"));
  line->quantity = gtk_spin_button_new_with_range (0, 999999999, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (line->quantity), FALSE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (line->quantity), GTK_UPDATE_IF_VALID);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (line->quantity), 0);
  gtk_editable_set_width_chars (GTK_EDITABLE (line->quantity), 6);
  name_widget (line->quantity, _("Quantity"));
  gtk_widget_set_tooltip_text (line->quantity, _("Quantity"));
  line->price = line_entry (_("Unit Price"), _("Unit price"), 8);
  gtk_widget_set_tooltip_text (line->price, _("Unit price in yuan; empty: the sale’s or the list price"));
  line->serial = line_entry (_("Serial or Lot"), _("Serial / lot"), 10);
  line->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (line->remove, "flat");
  gtk_widget_set_valign (line->remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (line->remove, _("Remove Line"));

  fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (fields), line->product);
  gtk_box_append (GTK_BOX (fields), line->quantity);
  gtk_box_append (GTK_BOX (fields), line->price);
  gtk_box_append (GTK_BOX (fields), line->serial);
  gtk_box_append (GTK_BOX (fields), line->remove);

  line->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (line->name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (line->name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (line->name_label, "dim-label");
  gtk_widget_add_css_class (line->name_label, "caption");
  gtk_widget_set_visible (line->name_label, FALSE);
  line->hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (line->hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (line->hint), 0);
  gtk_widget_add_css_class (line->hint, "error");
  gtk_widget_add_css_class (line->hint, "caption");
  gtk_widget_set_visible (line->hint, FALSE);
  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (labels), line->name_label);
  gtk_box_append (GTK_BOX (labels), line->hint);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 8);
  gtk_box_append (GTK_BOX (box), fields);
  gtk_box_append (GTK_BOX (box), labels);

  line->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (line->row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (line->row), FALSE);
  gtk_widget_set_focusable (line->row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (line->row), box);
  gtk_list_box_append (GTK_LIST_BOX (self->lines_box), line->row);

  g_signal_connect (line->product, "changed", G_CALLBACK (product_changed), line);
  g_signal_connect (line->product, "activate", G_CALLBACK (product_activated), line);
  g_signal_connect (line->quantity, "changed", G_CALLBACK (field_changed), line);
  g_signal_connect (line->price, "changed", G_CALLBACK (field_changed), line);
  g_signal_connect (line->serial, "changed", G_CALLBACK (field_changed), line);
  g_signal_connect (line->remove, "clicked", G_CALLBACK (remove_clicked), line);

  g_ptr_array_add (self->lines, line);
  renumber_lines (self);
  return line;
}

guint
rs_intake_window_add_line (RsIntakeWindow *self)
{
  Line *line = add_line (self);

  changed (self);
  gtk_widget_grab_focus (line->product);
  return self->lines->len;
}

static void
add_line_clicked (RsIntakeWindow *self)
{
  rs_intake_window_add_line (self);
}

/* ---- saving ---------------------------------------------------------------------------------- */

static char *
description_text (RsIntakeWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_number (RsIntakeWindow *self, const char *number)
{
  g_autofree char *title = NULL;

  g_free (self->number);
  self->number = g_strdup (number);
  if (number != NULL)
    {
      /* TRANSLATORS: the window title; %s is the return number */
      title = g_strdup_printf (_("Return %s"), number);
      adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), _("Draft"));
    }
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), title != NULL ? title : _("New Return"));
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("New Return"));
}

/* What one save hands to its thread: the form's values copied, and a connection of its own. */
typedef struct
{
  RsSession *session;
  char      *number;        /* NULL: a new return */
  gboolean   submit;
  GPtrArray *strings;       /* keeps what fields and lines point to */
  GArray    *lines;         /* RsReturnLineFields */
  GStrv      photos;
  RsReturnFields fields;
} SaveJob;

typedef struct
{
  char   *number;
  GError *submit_error;     /* saved, but submitting was refused */
} SaveResult;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->session);
  g_free (job->number);
  g_ptr_array_unref (job->strings);
  g_array_unref (job->lines);
  g_strfreev (job->photos);
  g_free (job);
}

static void
save_result_free (SaveResult *result)
{
  g_free (result->number);
  g_clear_error (&result->submit_error);
  g_free (result);
}

static const char *
keep (SaveJob *job, const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  g_ptr_array_add (job->strings, copy);
  return copy;
}

static void
save_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SaveJob *job = data;
  g_autoptr(RsReturn) ret = NULL;
  GError *error = NULL;
  SaveResult *result;

  job->fields.lines = (const RsReturnLineFields *) job->lines->data;
  job->fields.n_lines = job->lines->len;
  job->fields.attachments = (const char * const *) job->photos;
  if (job->number == NULL)
    ret = rs_returns_create (job->session, &job->fields, &error);
  else
    ret = rs_returns_update (job->session, job->number, &job->fields, &error);
  if (ret == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = g_new0 (SaveResult, 1);
  result->number = g_strdup (rs_return_get_number (ret));
  if (job->submit)
    {
      g_autoptr(RsReturn) submitted = rs_returns_submit (job->session, result->number, NULL, &result->submit_error);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) save_result_free);
}

static void
set_busy (RsIntakeWindow *self, gboolean busy)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (self));
  GtkRoot *root = GTK_ROOT (self);

  /* A focused field turned insensitive never hears it lost the focus: take it first. */
  if (busy && gtk_root_get_focus (root) != NULL)
    gtk_root_set_focus (root, NULL);
  self->busy = busy;
  gtk_widget_set_sensitive (self->page, !busy);
  gtk_widget_set_sensitive (self->save_button, !busy && self->valid);
  gtk_widget_set_sensitive (self->submit_button, !busy && self->valid);
  gtk_accessible_update_state (GTK_ACCESSIBLE (content), GTK_ACCESSIBLE_STATE_BUSY, busy, -1);
  g_object_notify (G_OBJECT (self), "busy");
}

static void
save_done (GObject *source, GAsyncResult *res, gpointer data)
{
  RsIntakeWindow *self = RS_INTAKE_WINDOW (source);
  g_autoptr(GError) error = NULL;
  SaveResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  set_busy (self, FALSE);
  if (result == NULL)
    {
      /* Nothing typed is lost: the form stays as it is, core says what to change. */
      show_message (self, error->message);
      return;
    }
  set_number (self, result->number);
  self->dirty = FALSE;
  show_message (self, NULL);
  /* The photos are stored now: show them as core keeps them. */
  self->loading = TRUE;
  rs_photo_strip_set_return (RS_PHOTO_STRIP (self->photos), self->number, NULL);
  self->loading = FALSE;
  g_signal_emit (self, signals[SAVED], 0, self->number);
  if (result->submit_error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Saved as a draft, but not submitted: %s"),
                                                  result->submit_error->message);
      show_message (self, message);
    }
  else
    gtk_window_destroy (GTK_WINDOW (self));
  save_result_free (result);
}

gboolean
rs_intake_window_save (RsIntakeWindow *self, gboolean submit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(RsReason) reason = NULL;
  g_autofree char *description = NULL;
  SaveJob *job;
  guint selected;

  g_return_val_if_fail (RS_IS_INTAKE_WINDOW (self), FALSE);
  validate (self);
  if (!self->valid || self->busy)
    return FALSE;

  job = g_new0 (SaveJob, 1);
  job->strings = g_ptr_array_new_with_free_func (g_free);
  job->lines = g_array_new (FALSE, TRUE, sizeof (RsReturnLineFields));
  job->submit = submit;
  job->number = g_strdup (self->number);
  /* The thread works on a connection of its own (one connection, one thread). */
  job->session = rs_session_reopen (self->session, &error);
  if (job->session == NULL)
    {
      save_job_free (job);
      show_message (self, error->message);
      return FALSE;
    }
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      RsReturnLineFields field = { 0 };
      const char *serial = gtk_editable_get_text (GTK_EDITABLE (line->serial));
      g_autofree char *unused = check_line (self, line, &field.quantity, &field.unit_price);

      field.sku = keep (job, rs_product_get_sku (line->found));
      field.serial = *serial != '\0' ? keep (job, serial) : NULL;
      g_array_append_val (job->lines, field);
    }
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->reason_row));
  if (selected != GTK_INVALID_LIST_POSITION)
    reason = g_list_model_get_item (self->reasons, selected);
  description = description_text (self);
  job->photos = rs_photo_strip_get_pending_files (RS_PHOTO_STRIP (self->photos));
  job->fields.customer = keep (job, rs_partner_get_code (self->customer));
  job->fields.reason = reason != NULL ? keep (job, rs_reason_get_code (reason)) : NULL;
  job->fields.sale_slip = keep (job, selected_slip (self));
  job->fields.order_ref = keep (job, gtk_editable_get_text (GTK_EDITABLE (self->order_row)));
  job->fields.sale_date = job->fields.sale_slip != NULL ? NULL : keep (job, self->sale_date);
  job->fields.description = keep (job, description);

  set_busy (self, TRUE);
  task = rs_gui_widget_task_new (GTK_WIDGET (self), NULL, save_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
  return TRUE;
}

static void
save_clicked (RsIntakeWindow *self)
{
  rs_intake_window_save (self, FALSE);
}

static void
submit_clicked (RsIntakeWindow *self)
{
  rs_intake_window_save (self, TRUE);
}

static gboolean
save_shortcut (GtkWidget *widget, GVariant *args, gpointer data)
{
  RsIntakeWindow *self = RS_INTAKE_WINDOW (widget);

  if (gtk_widget_get_sensitive (self->save_button))
    rs_intake_window_save (self, FALSE);
  return TRUE;
}

/* Ctrl+V outside a text field (a field takes its own paste first) pastes a photo. */
static gboolean
paste_shortcut (GtkWidget *widget, GVariant *args, gpointer data)
{
  rs_photo_strip_paste (RS_PHOTO_STRIP (RS_INTAKE_WINDOW (widget)->photos));
  return TRUE;
}

static gboolean
close_shortcut (GtkWidget *widget, GVariant *args, gpointer data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

/* ---- closing with changes asks ------------------------------------------------------------ */

static gboolean
destroy_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response (AdwMessageDialog *dialog, const char *response, RsIntakeWindow *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->dirty = FALSE;
      /* After the dialog has closed itself: it is a child of this window. */
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle, g_object_ref (self), g_object_unref);
    }
}

static gboolean
close_request (GtkWindow *window)
{
  RsIntakeWindow *self = RS_INTAKE_WINDOW (window);
  GtkWidget *dialog;

  if (self->busy)
    return TRUE;   /* the save finishes first */
  if (!self->dirty)
    return FALSE;
  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("What was typed in this return has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- loading a draft ------------------------------------------------------------------------ */

static gboolean
load_return (RsIntakeWindow *self, const char *number, GError **error)
{
  g_autoptr(RsReturn) ret = rs_returns_lookup (self->session, number, error);
  g_autoptr(RsPartner) customer = NULL;
  GListModel *lines;
  const char *slip;

  if (ret == NULL)
    return FALSE;
  set_number (self, number);
  self->loading = TRUE;
  customer = rs_partners_lookup_by_id (rs_session_get_database (self->session), RS_PARTNER_CUSTOMER,
                                       rs_return_get_customer_id (ret), NULL);
  if (customer != NULL)
    set_customer (self, customer);
  slip = rs_return_get_sale_slip (ret);
  if (slip != NULL)
    {
      guint position = GTK_INVALID_LIST_POSITION;
      for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (self->slip_numbers)); i++)
        if (g_str_equal (gtk_string_list_get_string (self->slip_numbers, i), slip))
          position = i;
      if (position != GTK_INVALID_LIST_POSITION)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->slip_row), position);
          self->sale_lines = rs_returns_sale_lines (self->session, slip, number, NULL);
          gtk_widget_set_sensitive (self->date_button, FALSE);
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->order_row), rs_return_get_order_ref (ret) != NULL
                                                            ? rs_return_get_order_ref (ret) : "");
  g_free (self->sale_date);
  self->sale_date = g_strdup (rs_return_get_sale_date (ret));
  for (guint i = 0; i < g_list_model_get_n_items (self->reasons); i++)
    {
      g_autoptr(RsReason) reason = g_list_model_get_item (self->reasons, i);
      if (g_strcmp0 (rs_reason_get_code (reason), rs_return_get_reason_code (ret)) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (self->reason_row), i);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description)),
                            rs_return_get_description (ret) != NULL ? rs_return_get_description (ret) : "", -1);
  lines = rs_return_get_lines (ret);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) rl = g_list_model_get_item (lines, i);
      Line *line = add_line (self);

      set_line (line, rs_return_line_get_sku (rl), rs_return_line_get_quantity (rl),
                rs_return_line_get_decimals (rl), rs_return_line_get_unit_price (rl));
      gtk_editable_set_text (GTK_EDITABLE (line->serial), rs_return_line_get_serial (rl) != NULL
                                                             ? rs_return_line_get_serial (rl) : "");
    }
  rs_photo_strip_set_return (RS_PHOTO_STRIP (self->photos), number, NULL);
  update_date_button (self);
  self->loading = FALSE;
  self->dirty = FALSE;
  validate (self);
  return TRUE;
}

/* ---- building the form ---------------------------------------------------------------------- */

static GtkWidget *
group (GtkWidget *page, const char *title, const char *description)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (g));
  return g;
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static char *
reason_name (RsReason *reason)
{
  return g_strdup (rs_reason_get_name (reason));
}

static void
build (RsIntakeWindow *self)
{
  GtkWidget *toolbar, *header, *cancel, *page, *g, *box, *popover, *pbox, *clear, *add_button;
  g_autoptr(GtkExpression) expression = NULL;
  GtkWidget *frame, *scrolled_text;

  gtk_window_set_default_size (GTK_WINDOW (self), 780, 820);
  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->title = adw_window_title_new (_("New Return"), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->submit_button = gtk_button_new_with_label (_("Submit"));
  gtk_widget_set_tooltip_text (self->submit_button, _("Save and submit for approval"));
  gtk_widget_add_css_class (self->submit_button, "suggested-action");
  g_signal_connect_swapped (self->submit_button, "clicked", G_CALLBACK (submit_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->submit_button);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_tooltip_text (self->save_button, _("Save as a draft (Ctrl+S)"));
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  /* Core's refusals on saving: above the form, in the user's language. */
  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_widget_set_hexpand (self->message_label, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "rs-intake-message");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (box), self->message_label);
  self->message_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->message_revealer), box);
  gtk_box_append (GTK_BOX (toolbar), self->message_revealer);

  page = adw_preferences_page_new ();
  self->page = page;
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  /* Customer */
  g = group (page, _("Customer"), NULL);
  self->customer_row = entry_row (_("Customer"));
  gtk_widget_set_tooltip_text (self->customer_row, _("Type part of the name, code or phone, then pick the customer"));
  g_signal_connect_swapped (self->customer_row, "changed", G_CALLBACK (customer_changed), self);
  g_signal_connect_swapped (self->customer_row, "entry-activated", G_CALLBACK (customer_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->customer_row);
  self->customer_hint = hint_label ();
  self->matches = gtk_list_box_new ();
  gtk_widget_add_css_class (self->matches, "boxed-list");
  gtk_widget_set_margin_top (self->matches, 6);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->matches), GTK_SELECTION_NONE);
  name_widget (self->matches, _("Matching Customers"));
  gtk_widget_set_visible (self->matches, FALSE);
  g_signal_connect (self->matches, "row-activated", G_CALLBACK (match_activated), self);

  self->new_customer_row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_customer_row), _("New Customer"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->new_customer_row), _("Not in the list? Add them here."));
  self->new_name = entry_row (_("Customer Name"));
  self->new_contact = entry_row (_("Contact Person"));
  self->new_phone = entry_row (_("Phone"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->new_phone), GTK_INPUT_PURPOSE_PHONE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->new_customer_row), self->new_name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->new_customer_row), self->new_contact);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->new_customer_row), self->new_phone);
  {
    GtkWidget *row = gtk_list_box_row_new ();
    GtkWidget *rbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    gtk_widget_set_focusable (row, FALSE);
    self->new_hint = hint_label ();
    add_button = gtk_button_new_with_mnemonic (_("_Add Customer"));
    gtk_widget_set_halign (add_button, GTK_ALIGN_END);
    g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (add_customer_clicked), self);
    gtk_widget_set_margin_top (rbox, 6);
    gtk_widget_set_margin_bottom (rbox, 6);
    gtk_widget_set_margin_end (rbox, 6);
    gtk_box_append (GTK_BOX (rbox), self->new_hint);
    gtk_box_append (GTK_BOX (rbox), add_button);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), rbox);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self->new_customer_row), row);
  }
  {
    /* Not rows: they go under the field, the hint first, then the matches. */
    GtkWidget *under = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    gtk_box_append (GTK_BOX (under), self->customer_hint);
    gtk_box_append (GTK_BOX (under), self->matches);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), under);
  }
  self->new_customer_group = group (page, NULL, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->new_customer_group), self->new_customer_row);

  /* Sale */
  g = group (page, _("Sale"), _("The sale slip it reverses fills in the date, products and prices; "
                                 "otherwise give the order reference."));
  self->slip_numbers = gtk_string_list_new (NULL);
  gtk_string_list_append (self->slip_numbers, _("None (sold elsewhere)"));
  self->slip_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->slip_row), _("Sale Slip"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->slip_row), G_LIST_MODEL (self->slip_numbers));
  gtk_widget_set_sensitive (self->slip_row, FALSE);
  g_signal_connect_swapped (self->slip_row, "notify::selected", G_CALLBACK (slip_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->slip_row);
  self->order_row = entry_row (_("Order Reference"));
  g_signal_connect_swapped (self->order_row, "changed", G_CALLBACK (changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->order_row);

  self->date_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Sale Date"));
  self->calendar = gtk_calendar_new ();
  name_widget (self->calendar, _("Sale Date"));
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected), self);
  clear = gtk_button_new_with_mnemonic (_("_Not Known"));
  gtk_widget_add_css_class (clear, "flat");
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_date), self);
  pbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (pbox), self->calendar);
  gtk_box_append (GTK_BOX (pbox), clear);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), pbox);
  self->date_button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->date_button), popover);
  gtk_widget_set_valign (self->date_button, GTK_ALIGN_CENTER);
  name_widget (self->date_button, _("Sale Date"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->date_row), self->date_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->date_row), self->date_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->date_row);

  /* Reason */
  g = group (page, _("Reason"), NULL);
  self->reason_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("Reason"));
  self->reasons = rs_reasons_list (self->session, FALSE, NULL);
  if (self->reasons == NULL)
    self->reasons = G_LIST_MODEL (g_list_store_new (RS_TYPE_REASON));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (reason_name), NULL, NULL);
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->reason_row), expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->reason_row), self->reasons);
  g_signal_connect_swapped (self->reason_row, "notify::selected", G_CALLBACK (changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->reason_row);

  self->description = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->description), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->description), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->description), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->description), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->description), 12);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->description), FALSE);
  name_widget (self->description, _("Description"));
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->description)), "changed",
                            G_CALLBACK (changed), self);
  scrolled_text = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled_text), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled_text), 72);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled_text), self->description);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), scrolled_text);
  g = group (page, _("Description"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), frame);

  /* Lines */
  g = group (page, _("Lines"), _("Type or scan the product, then the quantity that comes back."));
  self->add_line_button = gtk_button_new ();
  {
    GtkWidget *content = adw_button_content_new ();
    adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
    adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Line"));
    gtk_button_set_child (GTK_BUTTON (self->add_line_button), content);
  }
  name_widget (self->add_line_button, _("Add Line"));
  gtk_widget_add_css_class (self->add_line_button, "flat");
  g_signal_connect_swapped (self->add_line_button, "clicked", G_CALLBACK (add_line_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (g), self->add_line_button);
  self->lines_box = gtk_list_box_new ();
  gtk_widget_add_css_class (self->lines_box, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->lines_box), GTK_SELECTION_NONE);
  name_widget (self->lines_box, _("Lines"));
  self->lines_hint = hint_label ();
  {
    GtkWidget *lbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    gtk_box_append (GTK_BOX (lbox), self->lines_box);
    gtk_box_append (GTK_BOX (lbox), self->lines_hint);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), lbox);
  }

  /* Photos */
  g = group (page, _("Photos"), _("Photos of the goods and the packaging: add, drop or paste them."));
  self->photos = rs_photo_strip_new ();
  rs_photo_strip_set_session (RS_PHOTO_STRIP (self->photos), self->session);
  rs_photo_strip_set_editable (RS_PHOTO_STRIP (self->photos), TRUE);
  g_signal_connect_swapped (self->photos, "changed", G_CALLBACK (changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), self->photos);

  add_part (self, "customer", self->customer_row);
  add_part (self, "customer-hint", self->customer_hint);
  add_part (self, "customer-matches", self->matches);
  add_part (self, "new-customer", self->new_customer_row);
  add_part (self, "new-customer-name", self->new_name);
  add_part (self, "sale-slip", self->slip_row);
  add_part (self, "order-ref", self->order_row);
  add_part (self, "sale-date", self->date_button);
  add_part (self, "calendar", self->calendar);
  add_part (self, "reason", self->reason_row);
  add_part (self, "description", self->description);
  add_part (self, "lines-hint", self->lines_hint);
  add_part (self, "add-line", self->add_line_button);
  add_part (self, "photos", self->photos);
  add_part (self, "save", self->save_button);
  add_part (self, "submit", self->submit_button);
  add_part (self, "message", self->message_label);
}

GtkWidget *
rs_intake_window_new (GtkWindow *parent, RsSession *session, const char *number)
{
  RsIntakeWindow *self = g_object_new (RS_TYPE_INTAKE_WINDOW, NULL);
  g_autoptr(GError) error = NULL;

  self->session = g_object_ref (session);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_modal (GTK_WINDOW (self), TRUE);
    }
  build (self);
  /* Adding a customer is offered to those who may (core checks again). */
  gtk_widget_set_visible (self->new_customer_group, rs_permission_allows (session, RS_ACTION_CUSTOMER_EDIT));
  set_number (self, NULL);
  update_date_button (self);
  if (number != NULL && !load_return (self, number, &error))
    show_message (self, error->message);
  if (number == NULL)
    {
      add_line (self);
      self->dirty = FALSE;
      validate (self);
    }
  gtk_widget_grab_focus (self->customer_row);
  return GTK_WIDGET (self);
}

const char *
rs_intake_window_get_number (RsIntakeWindow *self)
{
  g_return_val_if_fail (RS_IS_INTAKE_WINDOW (self), NULL);
  return self->number;
}

gboolean
rs_intake_window_get_dirty (RsIntakeWindow *self)
{
  g_return_val_if_fail (RS_IS_INTAKE_WINDOW (self), FALSE);
  return self->dirty;
}

GtkWidget *
rs_intake_window_get_part (RsIntakeWindow *self, const char *name)
{
  g_return_val_if_fail (RS_IS_INTAKE_WINDOW (self), NULL);
  return g_hash_table_lookup (self->parts, name);
}

static void
rs_intake_window_dispose (GObject *object)
{
  RsIntakeWindow *self = RS_INTAKE_WINDOW (object);

  g_clear_object (&self->customer);
  g_clear_object (&self->reasons);
  g_clear_object (&self->slip_numbers);
  g_clear_pointer (&self->sale_lines, g_array_unref);
  if (self->parts != NULL)
    g_hash_table_remove_all (self->parts);
  G_OBJECT_CLASS (rs_intake_window_parent_class)->dispose (object);
}

static void
rs_intake_window_finalize (GObject *object)
{
  RsIntakeWindow *self = RS_INTAKE_WINDOW (object);

  g_clear_object (&self->session);
  g_ptr_array_unref (self->lines);
  g_hash_table_unref (self->parts);
  g_free (self->number);
  g_free (self->sale_date);
  G_OBJECT_CLASS (rs_intake_window_parent_class)->finalize (object);
}

static void
rs_intake_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsIntakeWindow *self = RS_INTAKE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_intake_window_class_init (RsIntakeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rs_intake_window_dispose;
  object_class->finalize = rs_intake_window_finalize;
  window_class->close_request = close_request;
  object_class->get_property = rs_intake_window_get_property;

  /* TRUE while a save runs in its thread. */
  g_object_class_install_property (object_class, PROP_BUSY,
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* A save went through core: the return's number. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, paste_shortcut, NULL);
}

static void
rs_intake_window_init (RsIntakeWindow *self)
{
  self->lines = g_ptr_array_new_with_free_func (line_free);
  self->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "rs-intake-window");
}
