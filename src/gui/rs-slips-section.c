/* rs-slips-section.c — the slips list over core's paged model: every filter, the search and
 * the order (a click on a column header) go to SQL through rs_slips_list(), so a hundred
 * thousand slips cost what the visible rows cost. A slip opens in the editor page. */
#include "rs-slips-section.h"
#include "rs-column.h"
#include "rs-gui-util.h"
#include "rs-paged-model.h"
#include "rs-slip-editor.h"
#include "rs-table-view.h"

struct _RsSlipsSection
{
  AdwBin parent_instance;

  RsSession *session;
  GListModel *model;
  GPtrArray *warehouse_codes;   /* index i + 1 of the warehouse dropdown */
  gboolean loading_warehouses;

  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkDropDown *kind_dropdown;
  GtkDropDown *state_dropdown;
  GtkDropDown *warehouse_dropdown;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *filter_hint;
  GtkStack *list_stack;
  RsTableView *slips_view;
  AdwStatusPage *empty_page;
  GtkLabel *count_label;
  RsSlipEditor *editor;   /* NULL until first needed; the stack holds it */
};

static void rs_slips_section_iface_init (RsSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsSlipsSection, rs_slips_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RS_TYPE_SECTION, rs_slips_section_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
};

/* ---- columns ----------------------------------------------------------- */

static char *
number_text (gpointer item)
{
  return g_strdup (rs_slip_get_number (item));
}

static char *
kind_text (gpointer item)
{
  return g_strdup (rs_slip_kind_get_display_name (rs_slip_get_kind (item)));
}

static char *
purpose_text (gpointer item)
{
  return g_strdup (rs_slip_purpose_get_display_name (rs_slip_get_purpose (item)));
}

static char *
warehouse_text (gpointer item)
{
  const char *to = rs_slip_get_to_warehouse_code (item);

  if (to != NULL && g_strcmp0 (to, rs_slip_get_warehouse_code (item)) != 0)
    return g_strdup_printf ("%s → %s", rs_slip_get_warehouse_code (item), to);
  return g_strdup (rs_slip_get_warehouse_code (item));
}

static char *
partner_text (gpointer item)
{
  const char *name = NULL;

  /* An empty label reads as "GtkLabel" to a screen reader in GTK 4.8. */
  return g_strdup (rs_slip_get_partner (item, NULL, NULL, &name) ? name : "—");
}

static char *
date_text (gpointer item)
{
  return g_strdup (rs_slip_get_date (item));
}

static char *
state_text (gpointer item)
{
  return g_strdup (rs_slip_state_get_display_name (rs_slip_get_state (item)));
}

static char *
lines_text (gpointer item)
{
  return g_strdup_printf ("%u", rs_slip_get_n_lines (item));
}

static char *
total_text (gpointer item)
{
  return rs_money_format (rs_slip_get_total (item));
}

/* The widest texts of a column: every one of them, a line each. (A partner's sample is a
 * company name of usual length, in any language: the names are the users' data.) */
static char *
kind_sample (void)
{
  return g_strjoin ("\n", rs_slip_kind_get_display_name (RS_SLIP_IN), rs_slip_kind_get_display_name (RS_SLIP_OUT),
                    rs_slip_kind_get_display_name (RS_SLIP_TRANSFER), NULL);
}

static char *
state_sample (void)
{
  return g_strjoin ("\n", rs_slip_state_get_display_name (RS_SLIP_DRAFT), rs_slip_state_get_display_name (RS_SLIP_POSTED),
                    rs_slip_state_get_display_name (RS_SLIP_VOIDED), NULL);
}

/* The usual purposes, the longest among them in Chinese and in English. */
static char *
purpose_sample (void)
{
  return g_strjoin ("\n", rs_slip_purpose_get_display_name ("return-in"),
                    rs_slip_purpose_get_display_name ("return-to-vendor"), rs_slip_purpose_get_display_name ("sale"),
                    rs_slip_purpose_get_display_name ("restock"), rs_slip_purpose_get_display_name ("send-back"), NULL);
}

static void
add_columns (RsSlipsSection *self)
{
  g_autofree char *kinds = kind_sample ();
  g_autofree char *states = state_sample ();
  g_autofree char *purposes = purpose_sample ();
  const struct {
    const char *title;
    RsColumnTextFunc text;
    RsColumnFlags flags;
    const char *sample;
    RsSlipSort sort;
  } columns[] = {
    { N_("Number"), number_text, RS_COLUMN_WHOLE, "RK20261126-0001-1", RS_SLIP_SORT_NUMBER },
    { N_("Kind"), kind_text, RS_COLUMN_TEXT, kinds, RS_SLIP_SORT_KIND },
    { N_("Purpose"), purpose_text, RS_COLUMN_TEXT, purposes, RS_SLIP_SORT_PURPOSE },
    { N_("Warehouse"), warehouse_text, RS_COLUMN_TEXT, "WH01 → WH02", RS_SLIP_SORT_WAREHOUSE },
    { N_("Partner"), partner_text, RS_COLUMN_EXPAND, "宁波立信贸易有限公司", RS_SLIP_SORT_PARTNER },
    { N_("Date"), date_text, RS_COLUMN_WHOLE, "2026-11-26", RS_SLIP_SORT_DATE },
    { N_("State"), state_text, RS_COLUMN_TEXT, states, RS_SLIP_SORT_STATE },
    { N_("Lines"), lines_text, RS_COLUMN_NUMERIC, "999", RS_SLIP_SORT_LINES },
    { N_("Total"), total_text, RS_COLUMN_NUMERIC | RS_COLUMN_WHOLE, "9,999,999.00", RS_SLIP_SORT_TOTAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    rs_table_view_add_column (self->slips_view, _(columns[i].title), columns[i].text, columns[i].flags,
                              columns[i].sample, columns[i].sort);
}

/* ---- the list ---------------------------------------------------------- */

static void
load_warehouses (RsSlipsSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) warehouses = rs_warehouses_list (self->session, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *selected = NULL;
  guint position = 0;
  guint current = gtk_drop_down_get_selected (self->warehouse_dropdown);

  if (current != GTK_INVALID_LIST_POSITION && current > 0 && current - 1 < self->warehouse_codes->len)
    selected = g_ptr_array_index (self->warehouse_codes, current - 1);
  gtk_string_list_append (names, _("All Warehouses"));
  if (warehouses == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }

  {
    g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < g_list_model_get_n_items (warehouses); i++)
      {
        g_autoptr(RsWarehouse) warehouse = g_list_model_get_item (warehouses, i);
        g_autofree char *name = g_strdup_printf ("%s %s", rs_warehouse_get_code (warehouse),
                                                 rs_warehouse_get_name (warehouse));

        gtk_string_list_append (names, name);
        g_ptr_array_add (codes, g_strdup (rs_warehouse_get_code (warehouse)));
        if (g_strcmp0 (selected, rs_warehouse_get_code (warehouse)) == 0)
          position = i + 1;
      }
    self->loading_warehouses = TRUE;
    g_ptr_array_unref (self->warehouse_codes);
    self->warehouse_codes = g_steal_pointer (&codes);
    gtk_drop_down_set_model (self->warehouse_dropdown, G_LIST_MODEL (names));
    gtk_drop_down_set_selected (self->warehouse_dropdown, position);
    self->loading_warehouses = FALSE;
  }
}

static const char *
entry_text_or_null (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return *text != '\0' ? text : NULL;
}

static void
show_count (RsSlipsSection *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  g_autofree char *text = NULL;

  /* TRANSLATORS: the number of slips in the list */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u slip", "%u slips", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

/* Makes the list again from SQL with the filters, the search and the header's order. */
static void
reload (RsSlipsSection *self)
{
  RsSlipFilter filter = { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_CREATED };
  g_autoptr(GError) error = NULL;
  GListModel *model;
  guint kind, state, warehouse;
  const char *search;
  int key = 0;
  gboolean descending = TRUE;

  if (self->session == NULL || self->loading_warehouses)
    return;
  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  state = gtk_drop_down_get_selected (self->state_dropdown);
  warehouse = gtk_drop_down_get_selected (self->warehouse_dropdown);
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0)
    filter.kind = kind - 1;
  if (state != GTK_INVALID_LIST_POSITION && state > 0)
    filter.state = state - 1;
  if (warehouse != GTK_INVALID_LIST_POSITION && warehouse > 0 && warehouse - 1 < self->warehouse_codes->len)
    filter.warehouse = g_ptr_array_index (self->warehouse_codes, warehouse - 1);
  filter.search = search;
  filter.date_from = entry_text_or_null (self->from_entry);
  filter.date_to = entry_text_or_null (self->to_entry);
  if (rs_table_view_get_sort (self->slips_view, &key, &descending))
    filter.sort = key;
  filter.ascending = !descending;

  model = rs_slips_list (self->session, &filter, &error);
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  if (model == NULL)
    {
      /* A half-typed date or a long search: say so under the filters, keep the old list. */
      gtk_label_set_text (self->filter_hint, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_hint), TRUE);
      if (g_error_matches (error, RS_ERROR, RS_ERROR_VALIDATION))
        {
          if (filter.date_from != NULL && strstr (error->message, filter.date_from) != NULL)
            gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
          if (filter.date_to != NULL && strstr (error->message, filter.date_to) != NULL)
            gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
        }
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_hint), FALSE);

  g_set_object (&self->model, model);
  g_object_unref (model);
  rs_table_view_set_model (self->slips_view, self->model);
  adw_status_page_set_description (self->empty_page,
                                   *search != '\0' || filter.kind >= 0 || filter.state >= 0 || filter.warehouse != NULL ||
                                   filter.date_from != NULL || filter.date_to != NULL
                                   ? _("No slip matches the search and filters.")
                                   : _("New in- and out-slips appear here."));
  show_count (self);
}

static void
filters_changed (RsSlipsSection *self)
{
  reload (self);
}

static void on_editor_closed (RsSlipsSection *self);
static void on_editor_changed (RsSlipsSection *self);

/* Made when first needed: it is most of the section's widgets, and the list shows first. */
static RsSlipEditor *
get_editor (RsSlipsSection *self)
{
  if (self->editor == NULL)
    {
      self->editor = g_object_new (RS_TYPE_SLIP_EDITOR, NULL);
      rs_slip_editor_set_session (self->editor, self->session);
      g_signal_connect_swapped (self->editor, "closed", G_CALLBACK (on_editor_closed), self);
      g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (on_editor_changed), self);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->editor), "editor");
    }
  return self->editor;
}

static void
show_editor (RsSlipsSection *self)
{
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
on_slip_activated (RsSlipsSection *self, guint position)
{
  g_autoptr(RsSlip) slip = g_list_model_get_item (self->model, position);
  g_autoptr(GError) error = NULL;

  if (slip == NULL)
    return;
  if (!rs_slip_editor_load (get_editor (self), rs_slip_get_number (slip), &error))
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  show_editor (self);
}

static void
on_editor_closed (RsSlipsSection *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->slips_view));
}

/* A slip was saved, posted, voided or amended: the list shows it as it is now. */
static void
on_editor_changed (RsSlipsSection *self)
{
  g_autoptr(GError) error = NULL;

  if (self->model == NULL)
    return reload (self);
  if (!rs_paged_model_refresh (RS_PAGED_MODEL (self->model), &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
  show_count (self);
}

void
rs_slips_section_new_slip (RsSlipsSection *self, RsSlipKind kind)
{
  g_return_if_fail (RS_IS_SLIPS_SECTION (self));

  rs_slip_editor_new_slip (get_editor (self), kind);
  show_editor (self);
}

RsSlipEditor *
rs_slips_section_get_editor (RsSlipsSection *self)
{
  g_return_val_if_fail (RS_IS_SLIPS_SECTION (self), NULL);
  return get_editor (self);
}

GListModel *
rs_slips_section_get_model (RsSlipsSection *self)
{
  g_return_val_if_fail (RS_IS_SLIPS_SECTION (self), NULL);
  return self->model;
}

/* ---- RsSection --------------------------------------------------------- */

static gboolean
rs_slips_section_open (RsSection *section, const char *reference, GError **error)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (section);

  if (!rs_slip_editor_load (get_editor (self), reference, error))
    return FALSE;
  show_editor (self);
  return TRUE;
}

static void
rs_slips_section_refresh (RsSection *section)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (section);

  load_warehouses (self);
  on_editor_changed (self);
}

static void
new_in_clicked (GtkButton *button, RsSlipsSection *self)
{
  rs_slips_section_new_slip (self, RS_SLIP_IN);
}

static void
new_out_clicked (GtkButton *button, RsSlipsSection *self)
{
  rs_slips_section_new_slip (self, RS_SLIP_OUT);
}

static GtkWidget *
new_button (RsSlipsSection *self, const char *label, const char *tooltip, GCallback callback)
{
  GtkWidget *button = rs_slip_editor_new_button (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
rs_slips_section_get_header_widget (RsSection *section)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (section);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *in = new_button (self, _("New _In-Slip"), _("New in-slip (Ctrl+N)"), G_CALLBACK (new_in_clicked));
  GtkWidget *out = new_button (self, _("New _Out-Slip"), _("New out-slip (Shift+Ctrl+N)"), G_CALLBACK (new_out_clicked));
  gboolean may_edit = rs_permission_allows (self->session, RS_ACTION_SLIP_EDIT);

  gtk_widget_add_css_class (in, "suggested-action");
  gtk_widget_set_sensitive (in, may_edit);
  gtk_widget_set_sensitive (out, may_edit);
  gtk_box_append (GTK_BOX (box), out);
  gtk_box_append (GTK_BOX (box), in);
  return box;
}

static void
rs_slips_section_iface_init (RsSectionInterface *iface)
{
  iface->open = rs_slips_section_open;
  iface->refresh = rs_slips_section_refresh;
  iface->get_header_widget = rs_slips_section_get_header_widget;
}

/* ---- shortcuts --------------------------------------------------------- */

/* Only the section on screen answers: the other sections have their own Ctrl+N. */
static gboolean
shortcut_new (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (widget);

  if (!gtk_widget_get_mapped (widget) || !rs_permission_allows (self->session, RS_ACTION_SLIP_EDIT))
    return FALSE;
  rs_slips_section_new_slip (self, g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
shortcut_search (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller, const char *trigger, GtkShortcutFunc func, GVariant *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_callback_action_new (func, NULL, NULL));
  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_shortcuts (RsSlipsSection *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>n", shortcut_new, g_variant_new_int32 (RS_SLIP_IN));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Shift><Control>n", shortcut_new, g_variant_new_int32 (RS_SLIP_OUT));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>f", shortcut_search, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- GObject ----------------------------------------------------------- */

static void
rs_slips_section_constructed (GObject *object)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (object);

  G_OBJECT_CLASS (rs_slips_section_parent_class)->constructed (object);
  g_assert (self->session != NULL);

  add_columns (self);
  load_warehouses (self);
  reload (self);
}

static void
rs_slips_section_dispose (GObject *object)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (object);

  /* First: the filters' signals while the children go see no session and do nothing. */
  g_clear_object (&self->session);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_SLIPS_SECTION);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (rs_slips_section_parent_class)->dispose (object);
}

static void
rs_slips_section_finalize (GObject *object)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (object);

  g_ptr_array_unref (self->warehouse_codes);
  G_OBJECT_CLASS (rs_slips_section_parent_class)->finalize (object);
}

static void
rs_slips_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (object);

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
rs_slips_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsSlipsSection *self = RS_SLIPS_SECTION (object);

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
rs_slips_section_class_init (RsSlipsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_slips_section_constructed;
  object_class->dispose = rs_slips_section_dispose;
  object_class->finalize = rs_slips_section_finalize;
  object_class->get_property = rs_slips_section_get_property;
  object_class->set_property = rs_slips_section_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");

  g_type_ensure (RS_TYPE_TABLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-slips-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, warehouse_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, from_entry);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, to_entry);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, filter_hint);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, slips_view);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RsSlipsSection, count_label);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_slip_activated);
}

static void
rs_slips_section_init (RsSlipsSection *self)
{
  self->warehouse_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  rs_gui_stack_hide_other_pages (self->stack);
  rs_gui_stack_hide_other_pages (self->list_stack);
  rs_table_view_set_accessible_name (self->slips_view, _("Slips"));
  rs_column_name_drop_down (self->kind_dropdown, _("Kind"));
  rs_column_name_drop_down (self->state_dropdown, _("State"));
  rs_column_name_drop_down (self->warehouse_dropdown, _("Warehouse"));
  add_shortcuts (self);
}
