/* rs-returns-section.c */
#include "rs-returns-section.h"
#include "rs-column.h"
#include "rs-gui-util.h"
#include "rs-intake-window.h"
#include "rs-paged-model.h"
#include "rs-return-detail.h"

struct _RsReturnsSection
{
  AdwBin parent_instance;

  RsSession *session;
  GListModel *model;                /* RsPagedModel of RsReturn */
  GtkSingleSelection *selection;

  GtkStack *pages;
  GtkSearchEntry *search_entry;
  GtkDropDown *state_dropdown;
  GtkToggleButton *waiting_button;
  GtkStack *list_stack;
  GtkColumnView *returns_view;
  AdwStatusPage *empty_page;
  GtkLabel *count_label;
  RsReturnDetail *detail;
};

static void rs_returns_section_iface_init (RsSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsReturnsSection, rs_returns_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RS_TYPE_SECTION, rs_returns_section_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
};

/* ---- cells ---------------------------------------------------------------------- */

static char *cell_number (gpointer item) { return g_strdup (rs_return_get_number (item)); }
static char *cell_customer (gpointer item) { return g_strdup (rs_return_get_customer_name (item)); }
static char *cell_reason (gpointer item) { return g_strdup (rs_return_get_reason_name (item)); }

static char *
cell_amount (gpointer item)
{
  g_autofree char *amount = rs_money_format (rs_return_get_refund_value (item));

  return g_strconcat ("¥", amount, NULL);
}

static char *
cell_created (gpointer item)
{
  return rs_column_format_time (rs_return_get_created_at (item));
}

static char *
cell_age (gpointer item)
{
  gint64 age = rs_return_get_age (item);
  gint64 days = age / (G_USEC_PER_SEC * G_GINT64_CONSTANT (86400));
  gint64 hours = age / (G_USEC_PER_SEC * G_GINT64_CONSTANT (3600));

  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), (int) days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), (int) hours);
}

static void
state_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_list_item_set_child (list_item, label);
}

static void
state_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  rs_return_state_tag_set (GTK_LABEL (gtk_list_item_get_child (list_item)),
                           rs_return_get_state (gtk_list_item_get_item (list_item)));
}

static void
flags_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
flags_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RsReturn *ret = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  guint n = rs_return_get_n_flags (ret);
  g_autoptr(GString) tip = g_string_new (NULL);
  g_autofree char *count = g_strdup_printf ("%u", n);
  GListModel *flags = rs_return_get_flags (ret);

  gtk_widget_set_visible (box, n > 0);
  gtk_label_set_text (GTK_LABEL (label), count);
  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(RsReturnFlag) flag = g_list_model_get_item (flags, i);
      g_autofree char *text = rs_return_flag_describe (flag);

      g_string_append_printf (tip, "%s%s", i > 0 ? "\n" : "", text);
    }
  gtk_widget_set_tooltip_text (box, n > 0 ? tip->str : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, n > 0 ? tip->str : "", -1);
}

static GtkColumnViewColumn *
add_custom_column (GtkColumnView *view, const char *title, GCallback setup, GCallback bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

/* ---- the list ------------------------------------------------------------------ */

static void
update_empty (RsReturnsSection *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  gboolean filtered = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
                      gtk_drop_down_get_selected (self->state_dropdown) > 0 ||
                      gtk_toggle_button_get_active (self->waiting_button);
  g_autofree char *count = NULL;

  if (n == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, filtered ? "edit-find-symbolic" : "mail-reply-sender-symbolic");
      adw_status_page_set_title (self->empty_page, filtered ? _("No Matching Returns") : _("No Returns Yet"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("Try other words, another state, or show every return.")
                                                : _("Returns appear here once sales take them in."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u return", "%u returns", n), n);
  gtk_label_set_text (self->count_label, count);
}

void
rs_returns_section_reload (RsReturnsSection *self)
{
  RsReturnFilter filter = { .state = -1, .sort = RS_RETURN_SORT_CREATED, .ascending = FALSE };
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL;
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  int key;
  gboolean descending;

  g_return_if_fail (RS_IS_RETURNS_SECTION (self));
  if (self->session == NULL)
    return;

  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  filter.search = search;
  if (state != GTK_INVALID_LIST_POSITION && state > 0)
    filter.state = state - 1;
  filter.waiting = gtk_toggle_button_get_active (self->waiting_button);
  if (rs_column_view_get_sort (self->returns_view, &key, &descending))
    {
      filter.sort = key;
      filter.ascending = !descending;
    }

  model = rs_returns_list (self->session, &filter, &error);
  if (model == NULL)
    {
      /* A search too long: say so, keep the list and what was typed. */
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  g_set_object (&self->model, model);
  gtk_single_selection_set_model (self->selection, model);
  update_empty (self);
}

GListModel *
rs_returns_section_get_model (RsReturnsSection *self)
{
  g_return_val_if_fail (RS_IS_RETURNS_SECTION (self), NULL);
  return self->model;
}

static void
filters_changed (RsReturnsSection *self)
{
  rs_returns_section_reload (self);
}

static gboolean
show_return (RsReturnsSection *self, const char *number, GError **error)
{
  if (!rs_return_detail_show (self->detail, number, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->pages, "detail");
  return TRUE;
}

/* Enter in the search: a whole return number (a scanner types it and presses Enter) opens it. */
static void
search_activated (RsReturnsSection *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GError) error = NULL;

  rs_returns_section_reload (self);
  if (self->model != NULL && g_list_model_get_n_items (self->model) == 1)
    {
      g_autoptr(RsReturn) ret = g_list_model_get_item (self->model, 0);

      if (g_ascii_strcasecmp (rs_return_get_number (ret), text) == 0 && !show_return (self, rs_return_get_number (ret), &error))
        rs_gui_notify_error (GTK_WIDGET (self), error);
    }
}

static void
row_activated (RsReturnsSection *self, guint position)
{
  g_autoptr(RsReturn) ret = g_list_model_get_item (self->model, position);
  g_autoptr(GError) error = NULL;

  if (ret != NULL && !show_return (self, rs_return_get_number (ret), &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
}

static void
detail_back (RsReturnsSection *self)
{
  gtk_stack_set_visible_child_name (self->pages, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->returns_view));
}

static void
refresh_list (RsReturnsSection *self)
{
  g_autoptr(GError) error = NULL;

  if (RS_IS_PAGED_MODEL (self->model) && !rs_paged_model_refresh (RS_PAGED_MODEL (self->model), &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
  update_empty (self);
}

static void
detail_changed (RsReturnsSection *self)
{
  refresh_list (self);
}

static void
sort_changed (RsReturnsSection *self)
{
  rs_returns_section_reload (self);
}

/* ---- RsSection ------------------------------------------------------------------ */

static GtkWidget *rs_returns_section_get_header_widget (RsSection *section);

static gboolean
rs_returns_section_open (RsSection *section, const char *reference, GError **error)
{
  return show_return (RS_RETURNS_SECTION (section), reference, error);
}

static void
rs_returns_section_refresh (RsSection *section)
{
  RsReturnsSection *self = RS_RETURNS_SECTION (section);

  refresh_list (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "detail") == 0)
    rs_return_detail_reload (self->detail);
}

static void
rs_returns_section_iface_init (RsSectionInterface *iface)
{
  iface->open = rs_returns_section_open;
  iface->refresh = rs_returns_section_refresh;
  iface->get_header_widget = rs_returns_section_get_header_widget;
}

/* ---- keyboard -------------------------------------------------------------------- */

static void
intake_saved (RsReturnsSection *self, const char *number)
{
  g_autoptr(GError) error = NULL;

  refresh_list (self);
  if (!show_return (self, number, &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
}

static void
new_return (RsReturnsSection *self)
{
  GtkWidget *window;

  if (!rs_permission_allows (self->session, RS_ACTION_RETURN_EDIT))
    return;
  window = rs_intake_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->session, NULL);
  g_signal_connect_object (window, "saved", G_CALLBACK (intake_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
shortcut_new (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  new_return (RS_RETURNS_SECTION (widget));
  return TRUE;
}

static GtkWidget *
rs_returns_section_get_header_widget (RsSection *section)
{
  RsReturnsSection *self = RS_RETURNS_SECTION (section);
  GtkWidget *button;
  GtkWidget *content;

  if (!rs_permission_allows (self->session, RS_ACTION_RETURN_EDIT))
    return NULL;
  button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_New Return"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, _("Take in a new return (Ctrl+N)"));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Return"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (new_return), self, G_CONNECT_SWAPPED);
  return button;
}

static gboolean
focus_search (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsReturnsSection *self = RS_RETURNS_SECTION (widget);

  gtk_stack_set_visible_child_name (self->pages, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static gboolean
print_shown (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsReturnsSection *self = RS_RETURNS_SECTION (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "detail") != 0)
    return FALSE;
  rs_return_detail_print (self->detail);
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller, guint key, GtkShortcutFunc func)
{
  gtk_shortcut_controller_add_shortcut (controller,
    gtk_shortcut_new (gtk_keyval_trigger_new (key, GDK_CONTROL_MASK), gtk_callback_action_new (func, NULL, NULL)));
}

/* Global: they work wherever the focus is while the section is shown (an unmapped section
 * hears none). */
static void
add_shortcuts (RsReturnsSection *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_n, shortcut_new);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_f, focus_search);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_p, print_shown);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- object ------------------------------------------------------------------------- */

static void
setup_columns (RsReturnsSection *self)
{
  GtkColumnView *view = self->returns_view;
  GtkColumnViewColumn *column;
  GtkColumnViewColumn *created;

  column = rs_column_add_text (view, _("Number"), cell_number, RS_COLUMN_NUMERIC);
  rs_column_set_sort_key (column, RS_RETURN_SORT_NUMBER);
  column = rs_column_add_text (view, _("Customer"), cell_customer, RS_COLUMN_EXPAND);
  rs_column_set_sort_key (column, RS_RETURN_SORT_CUSTOMER);
  column = rs_column_add_text (view, _("Reason"), cell_reason, RS_COLUMN_TEXT);
  rs_column_set_sort_key (column, RS_RETURN_SORT_REASON);
  column = add_custom_column (view, _("State"), G_CALLBACK (state_setup), G_CALLBACK (state_bind));
  rs_column_set_sort_key (column, RS_RETURN_SORT_STATE);
  column = rs_column_add_text (view, _("Amount"), cell_amount, RS_COLUMN_NUMERIC);
  rs_column_set_sort_key (column, RS_RETURN_SORT_AMOUNT);
  created = rs_column_add_text (view, _("Created"), cell_created, RS_COLUMN_NUMERIC | RS_COLUMN_DIM);
  rs_column_set_sort_key (created, RS_RETURN_SORT_CREATED);
  column = rs_column_add_text (view, _("Age"), cell_age, RS_COLUMN_NUMERIC);
  rs_column_set_sort_key (column, RS_RETURN_SORT_AGE);
  column = add_custom_column (view, _("Flags"), G_CALLBACK (flags_setup), G_CALLBACK (flags_bind));
  rs_column_set_sort_key (column, RS_RETURN_SORT_FLAGS);

  /* Newest first, as core lists them unless asked otherwise. */
  gtk_column_view_sort_by_column (view, created, GTK_SORT_DESCENDING);
  g_signal_connect_swapped (gtk_column_view_get_sorter (view), "changed", G_CALLBACK (sort_changed), self);
}

static void
rs_returns_section_constructed (GObject *object)
{
  RsReturnsSection *self = RS_RETURNS_SECTION (object);
  GtkStringList *states = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (rs_returns_section_parent_class)->constructed (object);
  g_assert (self->session != NULL);

  gtk_string_list_append (states, _("All States"));
  for (guint i = 0; i < RS_RETURN_N_STATES; i++)
    gtk_string_list_append (states, rs_return_state_get_display_name (i));
  /* The signal handler is connected by the template: block reloads until everything is set. */
  g_signal_handlers_block_matched (self->state_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  g_signal_handlers_unblock_matched (self->state_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_object_unref (states);
  rs_column_name_drop_down (self->state_dropdown, _("State"));
  /* The text inside a GtkSearchEntry is what AT-SPI shows as the field: name it too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->search_entry)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search returns"), -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->waiting_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->waiting_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Waiting for Me"), -1);

  rs_return_detail_set_session (self->detail, self->session);
  setup_columns (self);
  rs_returns_section_reload (self);
}

static void
rs_returns_section_dispose (GObject *object)
{
  RsReturnsSection *self = RS_RETURNS_SECTION (object);

  if (self->returns_view != NULL && gtk_column_view_get_sorter (self->returns_view) != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->returns_view), self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_RETURNS_SECTION);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_returns_section_parent_class)->dispose (object);
}

static void
rs_returns_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsReturnsSection *self = RS_RETURNS_SECTION (object);

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
rs_returns_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsReturnsSection *self = RS_RETURNS_SECTION (object);

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
rs_returns_section_class_init (RsReturnsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_returns_section_constructed;
  object_class->dispose = rs_returns_section_dispose;
  object_class->get_property = rs_returns_section_get_property;
  object_class->set_property = rs_returns_section_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");

  g_type_ensure (RS_TYPE_RETURN_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-returns-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RsReturnsSection, pages);
  gtk_widget_class_bind_template_child (widget_class, RsReturnsSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RsReturnsSection, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsReturnsSection, waiting_button);
  gtk_widget_class_bind_template_child (widget_class, RsReturnsSection, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RsReturnsSection, returns_view);
  gtk_widget_class_bind_template_child (widget_class, RsReturnsSection, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RsReturnsSection, count_label);
  gtk_widget_class_bind_template_child (widget_class, RsReturnsSection, detail);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, detail_back);
  gtk_widget_class_bind_template_callback (widget_class, detail_changed);

}

static void
rs_returns_section_init (RsReturnsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rs_gui_stack_hide_other_pages (self->pages);
  rs_gui_stack_hide_other_pages (self->list_stack);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->returns_view, GTK_SELECTION_MODEL (self->selection));
  add_shortcuts (self);
}
