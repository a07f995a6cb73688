/* rs-stock-section.c */
#include "rs-stock-section.h"
#include "rs-column.h"
#include "rs-gui-util.h"

struct _RsStockSection
{
  AdwBin parent_instance;

  RsSession *session;
  GPtrArray *warehouse_codes;     /* the dropdown's codes; [0] NULL: all warehouses */
  GtkSingleSelection *selection;  /* of the stock list */
  char *history_sku;
  gboolean scroll_to_end;         /* the history was just loaded: show its newest rows */
  gboolean disposing;             /* the column view's sorter changes as its columns go */
  guint scroll_timeout;

  GtkSearchEntry *search_entry;
  GtkDropDown *warehouse_dropdown;
  GtkToggleButton *available_button;
  GtkToggleButton *quarantine_button;
  GtkToggleButton *all_button;
  GtkStack *list_stack;
  GtkColumnView *stock_view;
  AdwStatusPage *empty_page;
  GtkLabel *history_title;
  GtkLabel *history_subtitle;
  GtkStack *history_stack;
  GtkScrolledWindow *history_scroller;
  GtkColumnView *history_view;
};

static void rs_stock_section_iface_init (RsSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsStockSection, rs_stock_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RS_TYPE_SECTION, rs_stock_section_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
};

/* ---- cells ------------------------------------------------------------------ */

static char *level_sku (gpointer item) { return g_strdup (rs_stock_level_get_sku (item)); }
static char *level_name (gpointer item) { return g_strdup (rs_stock_level_get_product_name (item)); }
static char *level_warehouse (gpointer item) { return g_strdup (rs_stock_level_get_warehouse_code (item)); }
static char *level_unit (gpointer item) { return g_strdup (rs_stock_level_get_unit (item)); }

static char *
level_quantity (gpointer item)
{
  return rs_column_format_quantity (rs_stock_level_get_quantity (item), rs_stock_level_get_decimals (item), FALSE);
}

static char *
level_avg_cost (gpointer item)
{
  return rs_money_format (rs_stock_level_get_avg_cost (item));
}

static char *entry_time (gpointer item) { return rs_column_format_time (rs_ledger_entry_get_time (item)); }
static char *entry_warehouse (gpointer item) { return g_strdup (rs_ledger_entry_get_warehouse_code (item)); }
static char *entry_location (gpointer item) { return g_strdup (rs_ledger_entry_get_location_code (item)); }
static char *entry_user (gpointer item) { return g_strdup (rs_ledger_entry_get_user (item)); }

static char *
entry_quantity (gpointer item)
{
  return rs_column_format_quantity (rs_ledger_entry_get_quantity (item), rs_ledger_entry_get_decimals (item), TRUE);
}

static char *
entry_balance (gpointer item)
{
  return rs_column_format_quantity (rs_ledger_entry_get_balance (item), rs_ledger_entry_get_decimals (item), FALSE);
}

static char *
entry_unit_cost (gpointer item)
{
  return rs_money_format (rs_ledger_entry_get_unit_cost (item));
}

static char *
entry_note (gpointer item)
{
  return g_strdup (rs_ledger_entry_get_reversal (item) ? _("Voided: reversal") : NULL);
}

/* The location, with a tag on quarantine: that stock may not be sold (DESIGN §3). */
static void
location_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *tag = gtk_label_new (_("Quarantine"));

  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_widget_add_css_class (tag, "rs-tag");
  gtk_widget_add_css_class (tag, "warning");
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), tag);
  gtk_list_item_set_child (list_item, box);
}

static void
location_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RsStockLevel *level = gtk_list_item_get_item (list_item);
  GtkWidget *code = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));

  gtk_label_set_text (GTK_LABEL (code), rs_stock_level_get_location_code (level));
  gtk_widget_set_visible (gtk_widget_get_next_sibling (code),
                          rs_stock_level_get_location_kind (level) == RS_LOCATION_QUARANTINE);
}

static void
slip_clicked (GtkButton *button, RsStockSection *self)
{
  rs_gui_open (GTK_WIDGET (self), "slips", gtk_button_get_label (button));
}

/* The slip number as a link: the movement's slip opens in 出入库. */
static void
slip_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, RsStockSection *self)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "rs-link");
  gtk_widget_set_tooltip_text (button, _("Open the slip"));
  g_signal_connect (button, "clicked", G_CALLBACK (slip_clicked), self);
  gtk_list_item_set_child (list_item, button);
}

static void
slip_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RsLedgerEntry *entry = gtk_list_item_get_item (list_item);

  gtk_button_set_label (GTK_BUTTON (gtk_list_item_get_child (list_item)), rs_ledger_entry_get_slip_number (entry));
}

static GtkColumnViewColumn *
add_custom_column (GtkColumnView *view, const char *title, GCallback setup, GCallback bind, gpointer user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, user_data);
  g_signal_connect (factory, "bind", bind, user_data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

static void
build_columns (RsStockSection *self)
{
  GtkColumnViewColumn *column;

  column = rs_column_add_text (self->stock_view, _("SKU"), level_sku, RS_COLUMN_TEXT);
  rs_column_set_sort_key (column, RS_STOCK_SORT_SKU);
  column = rs_column_add_text (self->stock_view, _("Product"), level_name, RS_COLUMN_EXPAND);
  rs_column_set_sort_key (column, RS_STOCK_SORT_NAME);
  column = rs_column_add_text (self->stock_view, _("Warehouse"), level_warehouse, RS_COLUMN_TEXT);
  rs_column_set_sort_key (column, RS_STOCK_SORT_PLACE);
  add_custom_column (self->stock_view, _("Location"), G_CALLBACK (location_setup), G_CALLBACK (location_bind), NULL);
  column = rs_column_add_text (self->stock_view, _("On Hand"), level_quantity, RS_COLUMN_NUMERIC);
  rs_column_set_sort_key (column, RS_STOCK_SORT_QUANTITY);
  rs_column_add_text (self->stock_view, _("Unit"), level_unit, RS_COLUMN_DIM);
  rs_column_add_text (self->stock_view, _("Avg. Cost"), level_avg_cost, RS_COLUMN_NUMERIC);

  rs_column_add_text (self->history_view, _("Time"), entry_time, RS_COLUMN_TEXT);
  add_custom_column (self->history_view, _("Slip"), G_CALLBACK (slip_setup), G_CALLBACK (slip_bind), self);
  rs_column_add_text (self->history_view, _("Warehouse"), entry_warehouse, RS_COLUMN_TEXT);
  rs_column_add_text (self->history_view, _("Location"), entry_location, RS_COLUMN_TEXT);
  rs_column_add_text (self->history_view, _("Change"), entry_quantity, RS_COLUMN_NUMERIC);
  rs_column_add_text (self->history_view, _("Balance"), entry_balance, RS_COLUMN_NUMERIC);
  rs_column_add_text (self->history_view, _("Unit Cost"), entry_unit_cost, RS_COLUMN_NUMERIC);
  rs_column_add_text (self->history_view, _("By"), entry_user, RS_COLUMN_DIM);
  rs_column_add_text (self->history_view, _("Note"), entry_note, RS_COLUMN_EXPAND | RS_COLUMN_DIM);
}

/* ---- the stock list ----------------------------------------------------------- */

static const char *
selected_warehouse (RsStockSection *self)
{
  guint selected = gtk_drop_down_get_selected (self->warehouse_dropdown);

  return selected < self->warehouse_codes->len ? g_ptr_array_index (self->warehouse_codes, selected) : NULL;
}

static RsStockScope
selected_scope (RsStockSection *self)
{
  if (gtk_toggle_button_get_active (self->quarantine_button))
    return RS_STOCK_SCOPE_QUARANTINE;
  if (gtk_toggle_button_get_active (self->all_button))
    return RS_STOCK_SCOPE_ALL;
  return RS_STOCK_SCOPE_AVAILABLE;
}

void
rs_stock_section_reload (RsStockSection *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  RsStockFilter filter = {
    .warehouse = selected_warehouse (self),
    .search = search,
    .scope = selected_scope (self),
  };
  int key;

  g_return_if_fail (RS_IS_STOCK_SECTION (self));
  if (self->disposing)
    return;
  if (rs_column_view_get_sort (self->stock_view, &key, &filter.descending))
    filter.sort = key;
  model = rs_stock_query (self->session, &filter, &error);
  if (model == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_single_selection_set_model (self->selection, model);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (g_list_model_get_n_items (model) > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (*search != '\0')
        adw_status_page_set_description (self->empty_page, _("Nothing in stock matches the search."));
      else if (filter.scope == RS_STOCK_SCOPE_QUARANTINE)
        adw_status_page_set_description (self->empty_page, _("No returned goods are waiting for inspection."));
      else
        adw_status_page_set_description (self->empty_page, _("Stock appears here once slips are posted."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
filters_changed (RsStockSection *self)
{
  rs_stock_section_reload (self);
}

static void
scope_toggled (RsStockSection *self, GtkToggleButton *button)
{
  /* Each click toggles two buttons of the group: reload once, for the one turned on. */
  if (gtk_toggle_button_get_active (button))
    rs_stock_section_reload (self);
}

static void
load_warehouses (RsStockSection *self)
{
  g_autoptr(GListModel) warehouses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_strdup (selected_warehouse (self));
  guint selected = 0;

  warehouses = rs_warehouses_list (self->session, &error);
  if (warehouses == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  g_ptr_array_set_size (self->warehouse_codes, 0);
  g_ptr_array_add (self->warehouse_codes, NULL);
  gtk_string_list_append (names, _("All Warehouses"));
  for (guint i = 0; i < g_list_model_get_n_items (warehouses); i++)
    {
      g_autoptr(RsWarehouse) warehouse = g_list_model_get_item (warehouses, i);
      g_autofree char *label = g_strdup_printf ("%s %s", rs_warehouse_get_code (warehouse),
                                                rs_warehouse_get_name (warehouse));

      if (g_strcmp0 (current, rs_warehouse_get_code (warehouse)) == 0)
        selected = self->warehouse_codes->len;
      g_ptr_array_add (self->warehouse_codes, g_strdup (rs_warehouse_get_code (warehouse)));
      gtk_string_list_append (names, label);
    }
  g_signal_handlers_block_by_func (self->warehouse_dropdown, filters_changed, self);
  gtk_drop_down_set_model (self->warehouse_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->warehouse_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->warehouse_dropdown, filters_changed, self);
}

/* ---- the movement history --------------------------------------------------- */

static gboolean
scroll_settled (gpointer user_data)
{
  RsStockSection *self = user_data;

  self->scroll_to_end = FALSE;
  self->scroll_timeout = 0;
  return G_SOURCE_REMOVE;
}

/* While the new history finds its height, keep its newest movement in view. */
static void
history_adjustment_changed (GtkAdjustment *adjustment, RsStockSection *self)
{
  if (self->scroll_to_end)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

static gboolean
show_history (RsStockSection *self, const char *sku, GError **error)
{
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  RsLedgerFilter filter = { .warehouse = selected_warehouse (self) };
  guint n;

  product = rs_products_lookup (rs_session_get_database (self->session), sku, error);
  if (product == NULL)
    return FALSE;
  filter.sku = rs_product_get_sku (product);
  model = rs_stock_movements (self->session, &filter, error);
  if (model == NULL)
    return FALSE;
  g_free (self->history_sku);
  self->history_sku = g_strdup (rs_product_get_sku (product));

  n = g_list_model_get_n_items (model);
  /* TRANSLATORS: the movement history's heading: SKU and product name */
  title = g_strdup_printf (_("Movements of %s %s"), rs_product_get_sku (product), rs_product_get_name (product));
  if (filter.warehouse != NULL)
    /* TRANSLATORS: %u is a count, %s a warehouse code */
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u movement in %s, oldest first; the balance is the warehouse’s",
                                             "%u movements in %s, oldest first; the balance is the warehouse’s", n),
                                n, filter.warehouse);
  else
    subtitle = g_strdup_printf (g_dngettext (NULL, "%u movement in all warehouses, oldest first",
                                             "%u movements in all warehouses, oldest first", n), n);
  gtk_label_set_text (self->history_title, title);
  gtk_label_set_text (self->history_subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->history_subtitle), TRUE);

  selection = gtk_no_selection_new (g_object_ref (model));
  gtk_column_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->history_stack, "list");
  self->scroll_to_end = n > 0;
  g_clear_handle_id (&self->scroll_timeout, g_source_remove);
  self->scroll_timeout = g_timeout_add (500, scroll_settled, self);
  history_adjustment_changed (gtk_scrolled_window_get_vadjustment (self->history_scroller), self);
  return TRUE;
}

static void
stock_selected (RsStockSection *self)
{
  RsStockLevel *level = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;

  if (self->disposing || level == NULL || g_strcmp0 (self->history_sku, rs_stock_level_get_sku (level)) == 0)
    return;
  if (!show_history (self, rs_stock_level_get_sku (level), &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
}

static void
history_activated (RsStockSection *self, guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->history_view));
  g_autoptr(RsLedgerEntry) entry = g_list_model_get_item (model, position);

  if (entry != NULL)
    rs_gui_open (GTK_WIDGET (self), "slips", rs_ledger_entry_get_slip_number (entry));
}

/* ---- the section ------------------------------------------------------------- */

static gboolean
rs_stock_section_open (RsSection *section, const char *reference, GError **error)
{
  RsStockSection *self = RS_STOCK_SECTION (section);

  if (!show_history (self, reference, error))
    return FALSE;
  /* The list shows the product's every place, quarantine included. */
  gtk_toggle_button_set_active (self->all_button, TRUE);
  g_signal_handlers_block_by_func (self->search_entry, filters_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), self->history_sku);
  g_signal_handlers_unblock_by_func (self->search_entry, filters_changed, self);
  rs_stock_section_reload (self);
  return TRUE;
}

static void
rs_stock_section_refresh (RsSection *section)
{
  RsStockSection *self = RS_STOCK_SECTION (section);
  g_autofree char *sku = g_strdup (self->history_sku);

  load_warehouses (self);
  rs_stock_section_reload (self);
  if (sku != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!show_history (self, sku, &error))
        rs_gui_notify_error (GTK_WIDGET (self), error);
    }
}

static void
rs_stock_section_iface_init (RsSectionInterface *iface)
{
  iface->open = rs_stock_section_open;
  iface->refresh = rs_stock_section_refresh;
}

static gboolean
focus_search (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsStockSection *self = RS_STOCK_SECTION (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
rs_stock_section_constructed (GObject *object)
{
  RsStockSection *self = RS_STOCK_SECTION (object);

  G_OBJECT_CLASS (rs_stock_section_parent_class)->constructed (object);
  g_assert (self->session != NULL);
  load_warehouses (self);
  rs_stock_section_reload (self);
}

static void
rs_stock_section_dispose (GObject *object)
{
  RsStockSection *self = RS_STOCK_SECTION (object);

  self->disposing = TRUE;
  g_clear_handle_id (&self->scroll_timeout, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_STOCK_SECTION);
  g_clear_object (&self->selection);
  g_clear_object (&self->session);
  g_clear_pointer (&self->warehouse_codes, g_ptr_array_unref);
  g_clear_pointer (&self->history_sku, g_free);
  G_OBJECT_CLASS (rs_stock_section_parent_class)->dispose (object);
}

static void
rs_stock_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsStockSection *self = RS_STOCK_SECTION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_stock_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsStockSection *self = RS_STOCK_SECTION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_stock_section_class_init (RsStockSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_stock_section_constructed;
  object_class->dispose = rs_stock_section_dispose;
  object_class->get_property = rs_stock_section_get_property;
  object_class->set_property = rs_stock_section_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-stock-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, warehouse_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, available_button);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, quarantine_button);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, all_button);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, stock_view);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, history_title);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, history_subtitle);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, history_stack);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, history_scroller);
  gtk_widget_class_bind_template_child (widget_class, RsStockSection, history_view);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled);
  gtk_widget_class_bind_template_callback (widget_class, history_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search, NULL);
}

static void
rs_stock_section_init (RsStockSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->warehouse_codes = g_ptr_array_new_with_free_func (g_free);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->stock_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (stock_selected), self);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->stock_view), "changed",
                            G_CALLBACK (rs_stock_section_reload), self);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (self->history_scroller), "changed",
                    G_CALLBACK (history_adjustment_changed), self);
  build_columns (self);
  rs_column_name_drop_down (self->warehouse_dropdown, _("Warehouse"));
  rs_gui_stack_hide_other_pages (self->list_stack);
  rs_gui_stack_hide_other_pages (self->history_stack);
}
