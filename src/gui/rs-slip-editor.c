/* rs-slip-editor.c — a slip's page: the header, the lines (typed or scanned), attachments
 * and prints; Save Draft, Post…, Void…, Amend…, Print…. The editor decides nothing: it
 * gathers what was typed into RsSlipFields, calls core and shows core's answer where it
 * belongs — a line's refusal on the line, the stock a posting lacks on the short lines
 * (rs_slips_preview_post()) before anything is posted. */
#include "rs-slip-editor.h"
#include "rs-column.h"
#include "rs-gui-util.h"
#include "rs-print-dialog.h"

#include <string.h>

typedef struct
{
  GtkWidget    *row;
  GtkLabel     *title;
  GtkDropDown  *location;
  GtkDropDown  *to_location;
  GtkEntry     *quantity;
  GtkLabel     *unit;
  GtkEntry     *cost;
  GtkButton    *remove;
  GtkLabel     *hint;
  char         *sku;
  char         *name;
  char         *unit_name;
  int           decimals;
} Line;

struct _RsSlipEditor
{
  AdwBin parent_instance;

  RsSession *session;
  RsSlip *slip;                 /* as stored; NULL for a new draft */
  RsSlipKind kind;
  GStrv purposes;               /* keys of purpose_row's items */
  GPtrArray *warehouse_codes;   /* codes of warehouse_row's and to_warehouse_row's items */
  GPtrArray *location_codes;    /* the slip warehouse's locations (char *) */
  GPtrArray *to_location_codes; /* the receiving warehouse's */
  GtkStringList *location_names;
  GtkStringList *to_location_names;
  guint default_location;
  GPtrArray *lines;             /* Line */
  gboolean loading;             /* filling the fields: not an edit */
  gboolean dirty;

  GtkLabel *title_label;
  GtkLabel *state_label;
  GtkWidget *print_button;
  GtkWidget *void_button;
  GtkWidget *amend_button;
  GtkWidget *save_button;
  GtkWidget *post_button;
  AdwPreferencesGroup *header_group;
  AdwComboRow *kind_row;
  AdwComboRow *purpose_row;
  AdwComboRow *warehouse_row;
  AdwComboRow *to_warehouse_row;
  AdwEntryRow *partner_row;
  AdwEntryRow *date_row;
  AdwEntryRow *remark_row;
  GtkLabel *header_hint;
  AdwPreferencesGroup *status_group;
  AdwActionRow *status_row;
  AdwActionRow *amends_row;
  AdwActionRow *amended_by_row;
  AdwPreferencesGroup *lines_group;
  AdwEntryRow *product_row;
  GtkLabel *product_hint;
  GtkListBox *lines_list;
  GtkLabel *lines_hint;
  AdwPreferencesGroup *attachments_group;
  GtkWidget *attach_button;
  GtkListBox *attachments_list;
  AdwPreferencesGroup *prints_group;
  GtkListBox *prints_list;
};

G_DEFINE_FINAL_TYPE (RsSlipEditor, rs_slip_editor, ADW_TYPE_BIN)

enum {
  SIGNAL_CLOSED,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void line_free (Line *line);

/* ---- small helpers ------------------------------------------------------ */

static gboolean
is_editable (RsSlipEditor *self)
{
  return self->slip == NULL || rs_slip_get_state (self->slip) == RS_SLIP_DRAFT;
}

static void
set_hint (GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

static void
set_accessible_label (gpointer widget, const char *label)
{
  if (GTK_IS_DROP_DOWN (widget))
    rs_column_name_drop_down (widget, label);   /* its inner button too */
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static const char *
selected_code (GPtrArray *codes, AdwComboRow *row)
{
  guint i = adw_combo_row_get_selected (row);

  return i != GTK_INVALID_LIST_POSITION && i < codes->len ? g_ptr_array_index (codes, i) : NULL;
}

static guint
index_of (GPtrArray *codes, const char *code)
{
  for (guint i = 0; code != NULL && i < codes->len; i++)
    if (g_str_equal (g_ptr_array_index (codes, i), code))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
mark_dirty (RsSlipEditor *self)
{
  if (!self->loading && self->session != NULL)
    self->dirty = TRUE;
}

/* ---- locations ---------------------------------------------------------- */

/* Reads the locations of warehouse into codes and names; the default is its first storage
 * location (where purchases go), quarantine for a customer return. */
static guint
load_locations (RsSlipEditor *self, const char *warehouse, GPtrArray *codes, GtkStringList *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) locations = NULL;
  const char *purpose;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (names));
  guint storage = GTK_INVALID_LIST_POSITION, quarantine = GTK_INVALID_LIST_POSITION;
  guint i = adw_combo_row_get_selected (self->purpose_row);

  purpose = self->purposes != NULL && i != GTK_INVALID_LIST_POSITION && i < g_strv_length (self->purposes)
            ? self->purposes[i] : NULL;
  g_ptr_array_set_size (codes, 0);
  gtk_string_list_splice (names, 0, n, NULL);
  if (warehouse == NULL)
    return 0;
  locations = rs_locations_list (self->session, warehouse, &error);
  if (locations == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return 0;
    }
  for (guint k = 0; k < g_list_model_get_n_items (locations); k++)
    {
      g_autoptr(RsLocation) location = g_list_model_get_item (locations, k);
      const char *code = rs_location_get_code (location);
      const char *name = rs_location_get_name (location);
      g_autofree char *label = NULL;

      if (!rs_location_get_active (location))
        continue;
      label = name != NULL && *name != '\0' && g_strcmp0 (name, code) != 0
              ? g_strdup_printf ("%s %s", code, name) : g_strdup (code);
      if (rs_location_get_kind (location) == RS_LOCATION_STORAGE && storage == GTK_INVALID_LIST_POSITION)
        storage = codes->len;
      if (rs_location_get_kind (location) == RS_LOCATION_QUARANTINE)
        quarantine = codes->len;
      g_ptr_array_add (codes, g_strdup (code));
      gtk_string_list_append (names, label);
    }
  if (g_strcmp0 (purpose, "return-in") == 0 && quarantine != GTK_INVALID_LIST_POSITION)
    return quarantine;
  return storage != GTK_INVALID_LIST_POSITION ? storage : 0;
}

/* ---- lines --------------------------------------------------------------- */

static void
update_line_title (RsSlipEditor *self, Line *line, guint index)
{
  g_autofree char *title = g_strdup_printf ("%u  %s  %s", index + 1, line->sku, line->name);
  g_autofree char *location = g_strdup_printf (_("Location, line %u"), index + 1);
  g_autofree char *to_location = g_strdup_printf (_("Target location, line %u"), index + 1);
  g_autofree char *quantity = g_strdup_printf (_("Quantity, line %u"), index + 1);
  g_autofree char *cost = g_strdup_printf (_("Unit cost, line %u"), index + 1);
  g_autofree char *remove = g_strdup_printf (_("Remove line %u"), index + 1);
  g_autofree char *row = g_strdup_printf (_("Line %u: %s %s"), index + 1, line->sku, line->name);

  gtk_label_set_text (line->title, title);
  set_accessible_label (line->location, location);
  set_accessible_label (line->to_location, to_location);
  set_accessible_label (line->quantity, quantity);
  set_accessible_label (line->cost, cost);
  set_accessible_label (line->remove, remove);
  set_accessible_label (line->row, row);
  gtk_widget_set_tooltip_text (GTK_WIDGET (line->remove), remove);
}

static void
renumber_lines (RsSlipEditor *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    update_line_title (self, g_ptr_array_index (self->lines, i), i);
  gtk_widget_set_visible (GTK_WIDGET (self->lines_list), self->lines->len > 0);
}

static void
set_line_hint (Line *line, const char *message, gboolean wrong)
{
  set_hint (line->hint, message);
  if (wrong)
    gtk_widget_add_css_class (line->row, "rs-line-wrong");
  else
    gtk_widget_remove_css_class (line->row, "rs-line-wrong");
}

static void
clear_line_hints (RsSlipEditor *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      set_line_hint (line, NULL, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (line->quantity), "error");
    }
  set_hint (self->lines_hint, NULL);
}

static Line *
find_line (RsSlipEditor *self, GtkWidget *widget, guint *index)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      if (gtk_widget_is_ancestor (widget, line->row))
        {
          if (index != NULL)
            *index = i;
          return line;
        }
    }
  return NULL;
}

/* The quantity is checked as it is typed, with the product's decimals. */
static gboolean
parse_quantity (Line *line, gint64 *milli, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (line->quantity));

  if (*text == '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("Give the quantity.")), FALSE;
  if (!rs_quantity_parse (text, line->decimals, milli, error))
    return FALSE;
  if (*milli == 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("The quantity must be more than zero.")), FALSE;
  return TRUE;
}

static gboolean
parse_cost (Line *line, gint64 *fen, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (line->cost));

  *fen = -1;
  if (!gtk_widget_get_visible (GTK_WIDGET (line->cost)) || *text == '\0')
    return TRUE;
  return rs_money_parse (text, fen, error);
}

static void
on_line_entry_changed (GtkEditable *editable, RsSlipEditor *self)
{
  Line *line = self->session != NULL ? find_line (self, GTK_WIDGET (editable), NULL) : NULL;
  g_autoptr(GError) error = NULL;
  gint64 value;

  if (line == NULL || self->loading)
    return;
  mark_dirty (self);
  if (GTK_ENTRY (editable) == line->quantity ? !parse_quantity (line, &value, &error) : !parse_cost (line, &value, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      set_line_hint (line, error->message, TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
      set_line_hint (line, NULL, FALSE);
    }
}

static void
on_line_location_changed (GtkDropDown *dropdown, GParamSpec *pspec, RsSlipEditor *self)
{
  mark_dirty (self);
}

static void
on_remove_line_clicked (GtkButton *button, RsSlipEditor *self)
{
  guint index = 0;

  if (find_line (self, GTK_WIDGET (button), &index) == NULL)
    return;
  g_ptr_array_remove_index (self->lines, index);
  renumber_lines (self);
  mark_dirty (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->product_row));
}

static void
apply_kind_to_line (RsSlipEditor *self, Line *line)
{
  gboolean editable = is_editable (self);

  gtk_widget_set_visible (GTK_WIDGET (line->to_location), self->kind == RS_SLIP_TRANSFER);
  gtk_widget_set_visible (GTK_WIDGET (line->cost), self->kind == RS_SLIP_IN);
  gtk_widget_set_sensitive (GTK_WIDGET (line->location), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (line->to_location), editable);
  gtk_editable_set_editable (GTK_EDITABLE (line->quantity), editable);
  gtk_editable_set_editable (GTK_EDITABLE (line->cost), editable);
  gtk_widget_set_visible (GTK_WIDGET (line->remove), editable);
}

static Line *
add_line (RsSlipEditor *self, const char *sku, const char *name, const char *unit, int decimals)
{
  Line *line = g_new0 (Line, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow;

  line->sku = g_strdup (sku);
  line->name = g_strdup (name);
  line->unit_name = g_strdup (unit);
  line->decimals = decimals;

  line->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (line->row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  line->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (line->title, 0);
  gtk_label_set_ellipsize (line->title, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (line->title), TRUE);
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (line->title));

  line->location = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->location_names)), NULL));
  gtk_drop_down_set_selected (line->location, self->default_location);
  gtk_widget_set_valign (GTK_WIDGET (line->location), GTK_ALIGN_CENTER);
  g_signal_connect (line->location, "notify::selected", G_CALLBACK (on_line_location_changed), self);
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (line->location));

  line->to_location = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->to_location_names)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (line->to_location), GTK_ALIGN_CENTER);
  g_signal_connect (line->to_location, "notify::selected", G_CALLBACK (on_line_location_changed), self);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_object_bind_property (line->to_location, "visible", arrow, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (fields), arrow);
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (line->to_location));

  line->quantity = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (line->quantity), 8);
  gtk_entry_set_alignment (line->quantity, 1.0);
  gtk_entry_set_placeholder_text (line->quantity, _("Quantity"));
  gtk_widget_set_valign (GTK_WIDGET (line->quantity), GTK_ALIGN_CENTER);
  g_signal_connect (line->quantity, "changed", G_CALLBACK (on_line_entry_changed), self);
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (line->quantity));

  line->unit = GTK_LABEL (gtk_label_new (unit));
  gtk_widget_add_css_class (GTK_WIDGET (line->unit), "dim-label");
  gtk_label_set_width_chars (line->unit, 2);
  gtk_label_set_xalign (line->unit, 0);
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (line->unit));

  line->cost = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (line->cost), 9);
  gtk_entry_set_alignment (line->cost, 1.0);
  gtk_entry_set_placeholder_text (line->cost, _("Unit cost"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (line->cost), _("Unit cost in yuan; empty: the moving average"));
  gtk_widget_set_valign (GTK_WIDGET (line->cost), GTK_ALIGN_CENTER);
  g_signal_connect (line->cost, "changed", G_CALLBACK (on_line_entry_changed), self);
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (line->cost));

  line->remove = GTK_BUTTON (gtk_button_new_from_icon_name ("user-trash-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (line->remove), "flat");
  gtk_widget_set_valign (GTK_WIDGET (line->remove), GTK_ALIGN_CENTER);
  g_signal_connect (line->remove, "clicked", G_CALLBACK (on_remove_line_clicked), self);
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (line->remove));

  line->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (line->hint, 0);
  gtk_label_set_wrap (line->hint, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (line->hint), "error");
  gtk_widget_add_css_class (GTK_WIDGET (line->hint), "caption");
  gtk_widget_set_visible (GTK_WIDGET (line->hint), FALSE);

  gtk_box_append (GTK_BOX (box), fields);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (line->hint));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (line->row), box);
  gtk_list_box_append (self->lines_list, line->row);
  g_ptr_array_add (self->lines, line);
  apply_kind_to_line (self, line);
  renumber_lines (self);
  return line;
}

static void
line_free (Line *line)
{
  GtkWidget *list = gtk_widget_get_parent (line->row);

  if (list != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), line->row);
  g_free (line->sku);
  g_free (line->name);
  g_free (line->unit_name);
  g_free (line);
}

static void
set_quantity (Line *line, gint64 milli)
{
  g_autofree char *text = rs_quantity_format (milli, line->decimals);

  gtk_editable_set_text (GTK_EDITABLE (line->quantity), text);
}

gboolean
rs_slip_editor_add_product (RsSlipEditor *self, const char *sku_or_barcode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) product = NULL;
  g_autofree char *text = g_strstrip (g_strdup (sku_or_barcode));
  Line *last;
  gint64 milli = 0;

  g_return_val_if_fail (RS_IS_SLIP_EDITOR (self), FALSE);
  if (!is_editable (self) || *text == '\0')
    return FALSE;
  product = rs_products_lookup (rs_session_get_database (self->session), text, &error);
  if (product != NULL && !rs_product_get_active (product))
    g_set_error (&error, RS_ERROR, RS_ERROR_VALIDATION, _("The product %s is deactivated."), rs_product_get_sku (product));
  if (error != NULL)
    {
      set_hint (self->product_hint, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->product_row), "error");
      return FALSE;
    }
  set_hint (self->product_hint, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->product_row), "error");

  /* A scanner reads the same box again: one more on the line it just made. */
  last = self->lines->len > 0 ? g_ptr_array_index (self->lines, self->lines->len - 1) : NULL;
  if (last != NULL && g_str_equal (last->sku, rs_product_get_sku (product)))
    {
      g_autoptr(GError) ignored = NULL;
      if (!parse_quantity (last, &milli, &ignored))
        milli = 0;
      set_quantity (last, milli + 1000);
    }
  else
    {
      Line *line = add_line (self, rs_product_get_sku (product), rs_product_get_name (product),
                             rs_product_get_unit (product), rs_product_get_decimals (product));
      set_quantity (line, 1000);
    }
  mark_dirty (self);
  return TRUE;
}

static void
on_product_activated (RsSlipEditor *self)
{
  if (rs_slip_editor_add_product (self, gtk_editable_get_text (GTK_EDITABLE (self->product_row))))
    gtk_editable_set_text (GTK_EDITABLE (self->product_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->product_row));
}

static void
on_product_changed (RsSlipEditor *self)
{
  if (self->session == NULL)
    return;
  set_hint (self->product_hint, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->product_row), "error");
}

/* ---- the header ---------------------------------------------------------- */

static void
load_purposes (RsSlipEditor *self, const char *selected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint position = 0;

  g_clear_pointer (&self->purposes, g_strfreev);
  self->purposes = rs_slips_get_purposes (rs_session_get_database (self->session), self->kind, &error);
  if (self->purposes == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      self->purposes = g_new0 (char *, 1);
    }
  for (guint i = 0; self->purposes[i] != NULL; i++)
    {
      gtk_string_list_append (names, rs_slip_purpose_get_display_name (self->purposes[i]));
      if (g_strcmp0 (selected, self->purposes[i]) == 0)
        position = i;
    }
  adw_combo_row_set_model (self->purpose_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->purpose_row, position);
}

static void
load_warehouses (RsSlipEditor *self, const char *selected, const char *to_selected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) warehouses = rs_warehouses_list (self->session, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->warehouse_codes, 0);
  if (warehouses == NULL)
    rs_gui_notify_error (GTK_WIDGET (self), error);
  for (guint i = 0; warehouses != NULL && i < g_list_model_get_n_items (warehouses); i++)
    {
      g_autoptr(RsWarehouse) warehouse = g_list_model_get_item (warehouses, i);
      g_autofree char *name = NULL;

      if (!rs_warehouse_get_active (warehouse) && g_strcmp0 (selected, rs_warehouse_get_code (warehouse)) != 0 &&
          g_strcmp0 (to_selected, rs_warehouse_get_code (warehouse)) != 0)
        continue;
      name = g_strdup_printf ("%s %s", rs_warehouse_get_code (warehouse), rs_warehouse_get_name (warehouse));
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->warehouse_codes, g_strdup (rs_warehouse_get_code (warehouse)));
    }
  adw_combo_row_set_model (self->warehouse_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->to_warehouse_row, G_LIST_MODEL (names));
  if (index_of (self->warehouse_codes, selected) != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->warehouse_row, index_of (self->warehouse_codes, selected));
  if (index_of (self->warehouse_codes, to_selected) != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->to_warehouse_row, index_of (self->warehouse_codes, to_selected));
}

static GPtrArray *
copy_codes (GPtrArray *codes)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < codes->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (codes, i)));
  return copy;
}

/* The lines keep their location when the new warehouse has the same code. */
static void
reload_locations (RsSlipEditor *self)
{
  g_autoptr(GPtrArray) old = copy_codes (self->location_codes);
  g_autoptr(GPtrArray) old_to = copy_codes (self->to_location_codes);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) chosen_to = g_ptr_array_new_with_free_func (g_free);
  const char *to_warehouse = self->kind == RS_SLIP_TRANSFER ? selected_code (self->warehouse_codes, self->to_warehouse_row) : NULL;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      guint a = gtk_drop_down_get_selected (line->location), b = gtk_drop_down_get_selected (line->to_location);
      g_ptr_array_add (chosen, a < old->len ? g_strdup (g_ptr_array_index (old, a)) : NULL);
      g_ptr_array_add (chosen_to, b < old_to->len ? g_strdup (g_ptr_array_index (old_to, b)) : NULL);
    }

  self->default_location = load_locations (self, selected_code (self->warehouse_codes, self->warehouse_row),
                                           self->location_codes, self->location_names);
  load_locations (self, to_warehouse, self->to_location_codes, self->to_location_names);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      guint a = index_of (self->location_codes, g_ptr_array_index (chosen, i));
      guint b = index_of (self->to_location_codes, g_ptr_array_index (chosen_to, i));

      gtk_drop_down_set_selected (line->location, a != GTK_INVALID_LIST_POSITION ? a : self->default_location);
      gtk_drop_down_set_selected (line->to_location, b != GTK_INVALID_LIST_POSITION ? b : 0);
    }
}

static void
apply_kind (RsSlipEditor *self)
{
  gboolean editable = is_editable (self);

  gtk_widget_set_visible (GTK_WIDGET (self->to_warehouse_row), self->kind == RS_SLIP_TRANSFER);
  for (guint i = 0; i < self->lines->len; i++)
    apply_kind_to_line (self, g_ptr_array_index (self->lines, i));

  /* A slip's kind is its number's prefix: it is chosen before the first save. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), self->slip == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->purpose_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->warehouse_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_warehouse_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->partner_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->date_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->remark_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->product_row), editable);
}

static void
on_kind_changed (RsSlipEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->session == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION || (RsSlipKind) selected == self->kind)
    return;
  self->kind = selected;
  self->loading = TRUE;
  load_purposes (self, NULL);
  self->loading = FALSE;
  apply_kind (self);
  reload_locations (self);
  mark_dirty (self);
}

static void
on_warehouse_changed (RsSlipEditor *self)
{
  if (self->session == NULL || self->warehouse_codes->len == 0)
    return;
  reload_locations (self);
  mark_dirty (self);
}

static void
on_field_changed (RsSlipEditor *self)
{
  mark_dirty (self);
}

static gboolean
valid_date (const char *text)
{
  int year = 0, month = 0, day = 0;
  char end = 0;

  return strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
         g_date_valid_dmy (day, month, year);
}

static void
on_date_changed (RsSlipEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gboolean wrong = *text != '\0' && !valid_date (text);

  if (self->session == NULL)
    return;
  mark_dirty (self);
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  set_hint (self->header_hint, wrong ? _("Write the date as YYYY-MM-DD, e.g. 2026-11-26.") : NULL);
}

/* ---- showing a slip ------------------------------------------------------ */

static void
show_title (RsSlipEditor *self)
{
  static const char *state_classes[] = { "rs-state-draft", "rs-state-posted", "rs-state-voided" };
  g_autofree char *title = NULL;

  if (self->slip == NULL)
    {
      title = g_strdup (self->kind == RS_SLIP_IN ? _("New In-Slip")
                        : self->kind == RS_SLIP_OUT ? _("New Out-Slip") : _("New Transfer"));
      gtk_label_set_text (self->state_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), FALSE);
    }
  else
    {
      RsSlipState state = rs_slip_get_state (self->slip);

      /* TRANSLATORS: "入库单 RK20261126-0001" */
      title = g_strdup_printf (_("%s %s"), rs_slip_kind_get_display_name (self->kind), rs_slip_get_number (self->slip));
      gtk_label_set_text (self->state_label, rs_slip_state_get_display_name (state));
      for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
        gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), state_classes[i]);
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), state_classes[state]);
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), TRUE);
    }
  gtk_label_set_text (self->title_label, title);
}

static void
show_buttons (RsSlipEditor *self)
{
  RsSlipState state = self->slip != NULL ? rs_slip_get_state (self->slip) : RS_SLIP_DRAFT;
  gboolean may_edit = rs_permission_allows (self->session, RS_ACTION_SLIP_EDIT);
  gboolean may_post = rs_permission_allows (self->session, RS_ACTION_SLIP_POST);

  gtk_widget_set_visible (self->save_button, state == RS_SLIP_DRAFT);
  gtk_widget_set_visible (self->post_button, state == RS_SLIP_DRAFT);
  gtk_widget_set_visible (self->void_button, state == RS_SLIP_POSTED);
  gtk_widget_set_visible (self->amend_button, state == RS_SLIP_POSTED);
  gtk_widget_set_visible (self->print_button, self->slip != NULL);
  gtk_widget_set_sensitive (self->save_button, may_edit);
  gtk_widget_set_sensitive (self->post_button, may_post);
  gtk_widget_set_sensitive (self->void_button, may_post);
  gtk_widget_set_sensitive (self->amend_button, may_post);
  gtk_widget_set_sensitive (self->attach_button, may_edit && state != RS_SLIP_VOIDED);
}

static char *
describe_user_time (const char *who, gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when / G_USEC_PER_SEC);
  g_autofree char *text = time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");

  /* TRANSLATORS: "keeper, 2026-11-26 14:05" */
  return g_strdup_printf (_("%s, %s"), who != NULL ? who : "", text);
}

static void
show_status (RsSlipEditor *self)
{
  g_autofree char *subtitle = NULL;
  RsSlip *slip = self->slip;

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), slip != NULL);
  if (slip == NULL)
    return;
  switch (rs_slip_get_state (slip))
    {
    case RS_SLIP_DRAFT:
      {
        g_autofree char *who = describe_user_time (rs_slip_get_created_by (slip), rs_slip_get_created_at (slip));
        /* TRANSLATORS: %s is "keeper, 2026-11-26 14:05" */
        subtitle = g_strdup_printf (_("Draft written by %s; it has moved no stock."), who);
      }
      break;
    case RS_SLIP_POSTED:
      {
        g_autofree char *who = describe_user_time (rs_slip_get_posted_by (slip), rs_slip_get_posted_at (slip));
        subtitle = g_strdup_printf (_("Posted by %s; the stock has moved and the slip is frozen."), who);
      }
      break;
    case RS_SLIP_VOIDED:
      {
        g_autofree char *who = describe_user_time (rs_slip_get_voided_by (slip), rs_slip_get_voided_at (slip));
        /* TRANSLATORS: the first %s is "keeper, 2026-11-26 14:05", the second the reason given */
        subtitle = g_strdup_printf (_("Voided by %s: %s"), who, rs_slip_get_void_reason (slip));
      }
      break;
    }
  adw_action_row_set_subtitle (self->status_row, subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 rs_slip_state_get_display_name (rs_slip_get_state (slip)));
  gtk_widget_set_visible (GTK_WIDGET (self->amends_row), rs_slip_get_amends (slip) != NULL);
  adw_action_row_set_subtitle (self->amends_row, rs_slip_get_amends (slip));
  gtk_widget_set_visible (GTK_WIDGET (self->amended_by_row), rs_slip_get_amended_by (slip) != NULL);
  adw_action_row_set_subtitle (self->amended_by_row, rs_slip_get_amended_by (slip));
}

static void remove_all_rows (GtkListBox *list);

static GtkWidget *
file_row (const char *title, const char *subtitle, const char *button_label, GCallback callback, gpointer item,
          RsSlipEditor *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (button_label);
  g_autofree char *name = g_strdup_printf ("%s %s", button_label, title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  set_accessible_label (button, name);
  g_object_set_data_full (G_OBJECT (button), "rs-item", g_object_ref (item), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The PDF viewer (or whatever opens the file) gets a copy in a fresh temporary folder. */
static void
open_bytes (RsSlipEditor *self, GBytes *bytes, const char *file_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("restock-XXXXXX", &error);
  g_autofree char *base = g_path_get_basename (file_name);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (dir == NULL)
    return rs_gui_notify_error (GTK_WIDGET (self), error);
  path = g_build_filename (dir, base, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    return rs_gui_notify_error (GTK_WIDGET (self), error);
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

static void
on_open_attachment (GtkButton *button, RsSlipEditor *self)
{
  RsSlipAttachment *attachment = g_object_get_data (G_OBJECT (button), "rs-item");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rs_slips_read_attachment (self->session, attachment, &error);

  if (bytes == NULL)
    return rs_gui_notify_error (GTK_WIDGET (self), error);
  open_bytes (self, bytes, rs_slip_attachment_get_file_name (attachment));
}

static void
on_open_print (GtkButton *button, RsSlipEditor *self)
{
  RsPrint *print = g_object_get_data (G_OBJECT (button), "rs-item");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rs_prints_read (self->session, print, &error);
  g_autofree char *name = NULL;

  if (bytes == NULL)
    return rs_gui_notify_error (GTK_WIDGET (self), error);
  name = g_strdup_printf ("%s-%u.pdf", rs_print_get_number (print), rs_print_get_copy (print));
  open_bytes (self, bytes, name);
}

static void
show_attachments (RsSlipEditor *self)
{
  GListModel *attachments = self->slip != NULL ? rs_slip_get_attachments (self->slip) : NULL;
  guint n = attachments != NULL ? g_list_model_get_n_items (attachments) : 0;

  remove_all_rows (self->attachments_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsSlipAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autofree char *size = g_format_size (rs_slip_attachment_get_size (attachment));
      g_autofree char *who = describe_user_time (rs_slip_attachment_get_added_by (attachment),
                                                 rs_slip_attachment_get_added_at (attachment));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", size, who);

      gtk_list_box_append (self->attachments_list,
                           file_row (rs_slip_attachment_get_file_name (attachment), subtitle, _("Open"),
                                     G_CALLBACK (on_open_attachment), attachment, self));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_list), n > 0);
  adw_preferences_group_set_description (self->attachments_group,
                                         n == 0 ? _("Delivery notes, photos or invoices that go with the slip.") : NULL);
}

static void
show_prints (RsSlipEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) prints = NULL;
  guint n;

  remove_all_rows (self->prints_list);
  if (self->slip == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->prints_group), FALSE);
      return;
    }
  prints = rs_prints_list (self->session, RS_PRINT_SLIP, rs_slip_get_number (self->slip), &error);
  if (prints == NULL)
    return rs_gui_notify_error (GTK_WIDGET (self), error);
  n = g_list_model_get_n_items (prints);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsPrint) print = g_list_model_get_item (prints, i);
      /* TRANSLATORS: "Copy 2 · a4 · 1 page(s)" */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Copy %u · %s · %u page", "Copy %u · %s · %u pages",
                                                             rs_print_get_pages (print)),
                                                rs_print_get_copy (print), rs_print_get_template (print),
                                                rs_print_get_pages (print));
      g_autofree char *subtitle = describe_user_time (rs_print_get_printed_by (print), rs_print_get_printed_at (print));

      gtk_list_box_append (self->prints_list, file_row (title, subtitle, _("Open"), G_CALLBACK (on_open_print), print, self));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->prints_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->prints_list), n > 0);
  adw_preferences_group_set_description (self->prints_group,
                                         n == 0 ? _("Not printed yet. Every print is archived exactly as it was printed.")
                                                : _("Every print is archived exactly as it was printed."));
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (rs_clock_now () / G_USEC_PER_SEC);

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Fills every field from self->slip (NULL: a blank draft of self->kind). */
static void
show_slip (RsSlipEditor *self)
{
  RsSlip *slip = self->slip;
  const char *partner = NULL;
  g_autofree char *date = NULL;

  self->loading = TRUE;
  g_ptr_array_set_size (self->lines, 0);
  clear_line_hints (self);
  set_hint (self->header_hint, NULL);
  set_hint (self->product_hint, NULL);

  adw_combo_row_set_selected (self->kind_row, self->kind);
  load_purposes (self, slip != NULL ? rs_slip_get_purpose (slip) : NULL);
  load_warehouses (self, slip != NULL ? rs_slip_get_warehouse_code (slip) : NULL,
                   slip != NULL ? rs_slip_get_to_warehouse_code (slip) : NULL);
  if (slip != NULL)
    rs_slip_get_partner (slip, NULL, NULL, &partner);
  gtk_editable_set_text (GTK_EDITABLE (self->partner_row), partner != NULL ? partner : "");
  date = slip != NULL ? g_strdup (rs_slip_get_date (slip)) : today ();
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->remark_row), slip != NULL ? rs_slip_get_remark (slip) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->product_row), "");
  apply_kind (self);
  reload_locations (self);

  if (slip != NULL)
    {
      GListModel *lines = rs_slip_get_lines (slip);

      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(RsSlipLine) stored = g_list_model_get_item (lines, i);
          Line *line = add_line (self, rs_slip_line_get_sku (stored), rs_slip_line_get_product_name (stored),
                                 rs_slip_line_get_unit (stored), rs_slip_line_get_decimals (stored));
          guint location = index_of (self->location_codes, rs_slip_line_get_location_code (stored));
          guint to_location = index_of (self->to_location_codes, rs_slip_line_get_to_location_code (stored));

          set_quantity (line, rs_slip_line_get_quantity (stored));
          if (rs_slip_line_get_unit_cost (stored) >= 0)
            {
              g_autofree char *cost = rs_money_format (rs_slip_line_get_unit_cost (stored));
              gtk_editable_set_text (GTK_EDITABLE (line->cost), cost);
            }
          /* A deactivated location is not offered for new lines, but a stored line shows it. */
          if (location == GTK_INVALID_LIST_POSITION)
            {
              g_ptr_array_add (self->location_codes, g_strdup (rs_slip_line_get_location_code (stored)));
              gtk_string_list_append (self->location_names, rs_slip_line_get_location_code (stored));
              location = self->location_codes->len - 1;
            }
          gtk_drop_down_set_selected (line->location, location);
          if (to_location != GTK_INVALID_LIST_POSITION)
            gtk_drop_down_set_selected (line->to_location, to_location);
        }
    }
  renumber_lines (self);
  show_title (self);
  show_buttons (self);
  show_status (self);
  show_attachments (self);
  show_prints (self);
  self->loading = FALSE;
  self->dirty = FALSE;
}

/* The same slip, written: the lines stay the widgets they are (no field that has the focus
 * goes away under the user), only what the state decides changes. */
static void
show_written (RsSlipEditor *self, RsSlip *slip)
{
  g_set_object (&self->slip, slip);
  self->loading = TRUE;
  apply_kind (self);
  show_title (self);
  show_buttons (self);
  show_status (self);
  show_attachments (self);
  show_prints (self);
  self->loading = FALSE;
  self->dirty = FALSE;
}

void
rs_slip_editor_new_slip (RsSlipEditor *self, RsSlipKind kind)
{
  g_return_if_fail (RS_IS_SLIP_EDITOR (self));

  g_clear_object (&self->slip);
  self->kind = kind;
  show_slip (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->partner_row));
}

gboolean
rs_slip_editor_load (RsSlipEditor *self, const char *number, GError **error)
{
  g_autoptr(RsSlip) slip = NULL;

  g_return_val_if_fail (RS_IS_SLIP_EDITOR (self), FALSE);
  slip = rs_slips_lookup (self->session, number, error);
  if (slip == NULL)
    return FALSE;
  g_set_object (&self->slip, slip);
  self->kind = rs_slip_get_kind (slip);
  show_slip (self);
  return TRUE;
}

const char *
rs_slip_editor_get_number (RsSlipEditor *self)
{
  g_return_val_if_fail (RS_IS_SLIP_EDITOR (self), NULL);
  return self->slip != NULL ? rs_slip_get_number (self->slip) : NULL;
}

guint
rs_slip_editor_get_n_lines (RsSlipEditor *self)
{
  g_return_val_if_fail (RS_IS_SLIP_EDITOR (self), 0);
  return self->lines->len;
}

const char *
rs_slip_editor_get_line_hint (RsSlipEditor *self, guint index)
{
  Line *line;

  g_return_val_if_fail (RS_IS_SLIP_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);
  line = g_ptr_array_index (self->lines, index);
  return gtk_widget_get_visible (GTK_WIDGET (line->hint)) ? gtk_label_get_text (line->hint) : NULL;
}

GtkWidget *
rs_slip_editor_get_line_field (RsSlipEditor *self, guint index, const char *field)
{
  Line *line;

  g_return_val_if_fail (RS_IS_SLIP_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);
  line = g_ptr_array_index (self->lines, index);
  if (g_str_equal (field, "quantity"))
    return GTK_WIDGET (line->quantity);
  if (g_str_equal (field, "cost"))
    return GTK_WIDGET (line->cost);
  if (g_str_equal (field, "location"))
    return GTK_WIDGET (line->location);
  if (g_str_equal (field, "to-location"))
    return GTK_WIDGET (line->to_location);
  g_return_val_if_reached (NULL);
}

/* ---- saving -------------------------------------------------------------- */

/* A core refusal about one line ("Line 3: …") goes on that line; any other under the header. */
static void
show_refusal (RsSlipEditor *self, const GError *error)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf (_("Line %u: "), i + 1);
      g_autofree char *names = g_strdup_printf (_("Line %u names no product."), i + 1);

      if (g_str_has_prefix (error->message, prefix) || g_str_equal (error->message, names))
        {
          set_line_hint (g_ptr_array_index (self->lines, i), error->message, TRUE);
          set_hint (self->lines_hint, error->message);
          return;
        }
    }
  if (self->lines->len == 0)
    set_hint (self->lines_hint, error->message);
  else
    set_hint (self->header_hint, error->message);
  rs_gui_notify_error (GTK_WIDGET (self), error);
}

gboolean
rs_slip_editor_save (RsSlipEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsSlipLineFields));
  g_autoptr(RsSlip) saved = NULL;
  guint purpose = adw_combo_row_get_selected (self->purpose_row);
  const char *partner = gtk_editable_get_text (GTK_EDITABLE (self->partner_row));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  RsSlipFields fields = {
    .kind = self->kind,
    .purpose = purpose != GTK_INVALID_LIST_POSITION && purpose < g_strv_length (self->purposes) ? self->purposes[purpose] : NULL,
    .warehouse = selected_code (self->warehouse_codes, self->warehouse_row),
    .to_warehouse = self->kind == RS_SLIP_TRANSFER ? selected_code (self->warehouse_codes, self->to_warehouse_row) : NULL,
    .date = *date != '\0' ? date : NULL,
    .partner = *partner != '\0' ? partner : NULL,
    .remark = gtk_editable_get_text (GTK_EDITABLE (self->remark_row)),
  };
  gboolean wrong = FALSE;

  g_return_val_if_fail (RS_IS_SLIP_EDITOR (self), FALSE);
  if (!is_editable (self))
    return FALSE;
  clear_line_hints (self);
  set_hint (self->header_hint, NULL);

  /* What the fields themselves say is wrong is shown on them first, all lines at once. */
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      RsSlipLineFields field = { .sku = line->sku, .unit_cost = -1 };
      guint location = gtk_drop_down_get_selected (line->location);
      guint to_location = gtk_drop_down_get_selected (line->to_location);
      g_autoptr(GError) line_error = NULL;

      field.location = location < self->location_codes->len ? g_ptr_array_index (self->location_codes, location) : NULL;
      if (self->kind == RS_SLIP_TRANSFER && to_location < self->to_location_codes->len)
        field.to_location = g_ptr_array_index (self->to_location_codes, to_location);
      if (!parse_quantity (line, &field.quantity, &line_error) || !parse_cost (line, &field.unit_cost, &line_error))
        {
          g_autofree char *message = g_strdup_printf (_("Line %u: %s"), i + 1, line_error->message);
          set_line_hint (line, message, TRUE);
          if (!wrong)
            set_hint (self->lines_hint, message);
          wrong = TRUE;
        }
      g_array_append_val (lines, field);
    }
  if (wrong)
    return FALSE;

  fields.lines = (const RsSlipLineFields *) lines->data;
  fields.n_lines = lines->len;
  saved = self->slip == NULL ? rs_slips_create (self->session, &fields, &error)
                             : rs_slips_update (self->session, rs_slip_get_number (self->slip), &fields, &error);
  if (saved == NULL)
    {
      show_refusal (self, error);
      return FALSE;
    }
  show_written (self, saved);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

/* Marks each line whose place would go below zero; TRUE when none would. */
static gboolean
mark_short_lines (RsSlipEditor *self, GPtrArray *changes)
{
  guint first_short = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      RsStockChange *change = g_ptr_array_index (changes, i);
      g_autofree char *have = NULL;
      g_autofree char *want = NULL;
      g_autofree char *message = NULL;
      Line *line;

      if (change->after >= 0 || change->change >= 0 || change->line == 0 || change->line > self->lines->len)
        continue;
      line = g_ptr_array_index (self->lines, change->line - 1);
      have = rs_quantity_format (change->on_hand, change->decimals);
      want = rs_quantity_format (change->on_hand - change->after, change->decimals);
      /* TRANSLATORS: "Not enough stock at WH1 / A1: 5 瓶 on hand, this slip takes 6 瓶." */
      message = g_strdup_printf (_("Not enough stock at %s / %s: %s %s on hand, this slip takes %s %s."),
                                 change->warehouse, change->location, have, change->unit, want, change->unit);
      set_line_hint (line, message, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (line->quantity), "error");
      if (first_short == 0)
        first_short = change->line;
    }
  if (first_short > 0)
    {
      g_autofree char *message = g_strdup_printf (_("Line %u lacks stock: the slip cannot be posted. "
                                                    "Lower the quantity or take it from another location."), first_short);
      set_hint (self->lines_hint, message);
    }
  return first_short == 0;
}

gboolean
rs_slip_editor_check_stock (RsSlipEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (RS_IS_SLIP_EDITOR (self), FALSE);
  if (!rs_slip_editor_save (self))
    return FALSE;
  changes = rs_slips_preview_post (self->session, rs_slip_get_number (self->slip), &error);
  if (changes == NULL)
    {
      show_refusal (self, error);
      return FALSE;
    }
  return mark_short_lines (self, changes);
}

static void
on_save_clicked (RsSlipEditor *self)
{
  g_autofree char *message = NULL;

  if (!rs_slip_editor_save (self))
    return;
  /* TRANSLATORS: %s is a slip number */
  message = g_strdup_printf (_("Draft %s saved."), rs_slip_get_number (self->slip));
  rs_gui_notify (GTK_WIDGET (self), message);
  /* Out-slips and transfers say at once which lines would lack stock. */
  if (self->kind != RS_SLIP_IN)
    {
      g_autoptr(GPtrArray) changes = rs_slips_preview_post (self->session, rs_slip_get_number (self->slip), NULL);
      if (changes != NULL)
        mark_short_lines (self, changes);
    }
}

/* ---- posting, voiding, amending ------------------------------------------ */

static char *
describe_changes (GPtrArray *changes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      RsStockChange *change = g_ptr_array_index (changes, i);
      g_autofree char *before = rs_quantity_format (change->on_hand, change->decimals);
      g_autofree char *after = rs_quantity_format (change->on_hand + change->change, change->decimals);
      g_autofree char *delta = rs_quantity_format (ABS (change->change), change->decimals);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: "1. P-1 螺丝刀 at WH1 / A1: 10 → 8 (−2 把)" */
      g_string_append_printf (text, _("%u. %s %s at %s / %s: %s → %s (%s%s %s)"),
                              change->line, change->sku, change->product_name, change->warehouse, change->location,
                              before, after, change->change < 0 ? "−" : "+", delta, change->unit);
    }
  return g_string_free (text, FALSE);
}

/* The rows shown are slip's lines, product by product (an amendment's copy is). */
static gboolean
lines_match (RsSlipEditor *self, RsSlip *slip)
{
  GListModel *lines = rs_slip_get_lines (slip);

  if (g_list_model_get_n_items (lines) != self->lines->len)
    return FALSE;
  for (guint i = 0; i < self->lines->len; i++)
    {
      g_autoptr(RsSlipLine) line = g_list_model_get_item (lines, i);
      Line *row = g_ptr_array_index (self->lines, i);

      if (!g_str_equal (row->sku, rs_slip_line_get_sku (line)))
        return FALSE;
    }
  return TRUE;
}

/* GTK 4.8's accessibility bridge can crash when rows go while a screen reader reads them:
 * a slip written from this page (posted, voided, amended into its copy) keeps its rows. */
static void
after_change (RsSlipEditor *self, RsSlip *slip, const char *message)
{
  if (self->slip != NULL && rs_slip_get_kind (slip) == self->kind && lines_match (self, slip))
    show_written (self, slip);
  else
    {
      g_set_object (&self->slip, slip);
      self->kind = rs_slip_get_kind (slip);
      show_slip (self);
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  rs_gui_notify (GTK_WIDGET (self), message);
}

static void
on_post_response (AdwMessageDialog *dialog, const char *response, RsSlipEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) posted = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "post") || self->slip == NULL)
    return;
  posted = rs_slips_post (self->session, rs_slip_get_number (self->slip), &error);
  if (posted == NULL)
    {
      /* Someone took the stock meanwhile: show where, as before posting. */
      if (g_error_matches (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK))
        rs_slip_editor_check_stock (self);
      show_refusal (self, error);
      return;
    }
  /* TRANSLATORS: %s is a slip number */
  message = g_strdup_printf (_("%s posted."), rs_slip_get_number (posted));
  after_change (self, posted, message);
}

static GtkWindow *
parent_window (RsSlipEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_post_clicked (RsSlipEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Refused: the short lines say so where they are (a notice would cover them). */
  if (!rs_slip_editor_check_stock (self))
    return;
  changes = rs_slips_preview_post (self->session, rs_slip_get_number (self->slip), &error);
  if (changes == NULL)
    return show_refusal (self, error);

  /* TRANSLATORS: %s is a slip number */
  heading = g_strdup_printf (_("Post %s?"), rs_slip_get_number (self->slip));
  {
    g_autofree char *list = describe_changes (changes);
    body = g_strdup_printf (_("Posting moves this stock and freezes the slip; afterwards it can only be voided or amended.\n\n%s"), list);
  }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "post", _("_Post"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "post", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "post");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_post_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_void_response (AdwMessageDialog *dialog, const char *response, RsSlipEditor *self)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "rs-reason");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) voided = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "void") || self->slip == NULL)
    return;
  voided = rs_slips_void (self->session, rs_slip_get_number (self->slip), gtk_editable_get_text (reason), &error);
  if (voided == NULL)
    return rs_gui_notify_error (GTK_WIDGET (self), error);
  /* TRANSLATORS: %s is a slip number */
  message = g_strdup_printf (_("%s voided; its stock movements are reversed."), rs_slip_get_number (voided));
  after_change (self, voided, message);
}

static void
on_reason_changed (GtkEditable *reason, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  adw_message_dialog_set_response_enabled (dialog, "void", *text != '\0');
}

static void
on_void_clicked (RsSlipEditor *self)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *reason = gtk_entry_new ();

  if (self->slip == NULL)
    return;
  /* TRANSLATORS: %s is a slip number */
  heading = g_strdup_printf (_("Void %s?"), rs_slip_get_number (self->slip));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                        _("Its stock movements are reversed; the number stays and the slip "
                                                          "shows as voided. Say why.")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason"));
  set_accessible_label (reason, _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (reason), TRUE);
  adw_message_dialog_set_extra_child (dialog, reason);
  g_object_set_data (G_OBJECT (dialog), "rs-reason", reason);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "void", _("_Void"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "void", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "void", FALSE);
  adw_message_dialog_set_default_response (dialog, "void");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (reason, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_void_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (reason);
}

static void
on_amend_response (AdwMessageDialog *dialog, const char *response, RsSlipEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) copy = NULL;
  g_autofree char *message = NULL;
  g_autofree char *original = NULL;

  if (!g_str_equal (response, "amend") || self->slip == NULL)
    return;
  original = g_strdup (rs_slip_get_number (self->slip));
  copy = rs_slips_amend (self->session, original, &error);
  if (copy == NULL)
    return rs_gui_notify_error (GTK_WIDGET (self), error);
  /* TRANSLATORS: "RK20261126-0001 voided; its copy RK20261126-0001-1 is a draft to edit and post." */
  message = g_strdup_printf (_("%s voided; its copy %s is a draft to edit and post."), original, rs_slip_get_number (copy));
  after_change (self, copy, message);
}

static void
on_amend_clicked (RsSlipEditor *self)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->slip == NULL)
    return;
  /* TRANSLATORS: %s is a slip number */
  heading = g_strdup_printf (_("Amend %s?"), rs_slip_get_number (self->slip));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                        _("A posted slip does not change: it is voided, its stock movements "
                                                          "are reversed, and a copy opens as a new draft to correct and post.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "amend", _("_Amend"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "amend", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_amend_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_linked (RsSlipEditor *self, const char *number)
{
  g_autoptr(GError) error = NULL;

  if (number != NULL && !rs_slip_editor_load (self, number, &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
}

static void
on_amends_activated (RsSlipEditor *self)
{
  g_autofree char *number = self->slip != NULL ? g_strdup (rs_slip_get_amends (self->slip)) : NULL;

  open_linked (self, number);
}

static void
on_amended_by_activated (RsSlipEditor *self)
{
  g_autofree char *number = self->slip != NULL ? g_strdup (rs_slip_get_amended_by (self->slip)) : NULL;

  open_linked (self, number);
}

/* ---- printing and attachments ------------------------------------------- */

/* The archive below lists the prints made in the dialog once it closes. */
static void
on_print_dialog_destroyed (RsSlipEditor *self)
{
  show_prints (self);
}

static void
on_print_clicked (RsSlipEditor *self)
{
  RsPrintDialog *dialog;

  if (self->slip == NULL)
    return;
  dialog = rs_print_dialog_present (GTK_WIDGET (self), self->session, RS_PRINT_SLIP, rs_slip_get_number (self->slip));
  if (dialog != NULL)
    g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_print_dialog_destroyed), self, G_CONNECT_SWAPPED);
}

static void
attach_files (RsSlipEditor *self, GListModel *files)
{
  guint attached = 0;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(RsSlip) slip = NULL;

      slip = path != NULL ? rs_slips_attach (self->session, rs_slip_get_number (self->slip), path, &error) : NULL;
      if (slip == NULL)
        {
          if (error != NULL)
            rs_gui_notify_error (GTK_WIDGET (self), error);
          continue;
        }
      g_set_object (&self->slip, slip);
      attached++;
    }
  if (attached > 0)
    {
      show_attachments (self);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
}

static void
on_attach_response (GtkNativeDialog *chooser, int response, RsSlipEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      /* Files attach to a stored slip: a new draft is saved first. */
      if (self->slip != NULL && (!self->dirty || !is_editable (self) || rs_slip_editor_save (self)))
        attach_files (self, files);
      else if (self->slip == NULL && rs_slip_editor_save (self))
        attach_files (self, files);
    }
  g_object_unref (chooser);
}

static void
on_attach_clicked (RsSlipEditor *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add Files"), parent_window (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_attach_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- leaving ------------------------------------------------------------- */

static void
on_leave_response (AdwMessageDialog *dialog, const char *response, RsSlipEditor *self)
{
  if (g_str_equal (response, "save") && !rs_slip_editor_save (self))
    return;
  if (g_str_equal (response, "save") || g_str_equal (response, "discard"))
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
    }
}

/* Nothing typed is lost by going back: unsaved changes are saved or dropped on purpose. */
static void
on_back_clicked (RsSlipEditor *self)
{
  AdwMessageDialog *dialog;

  if (!self->dirty || !is_editable (self))
    {
      g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Save Changes?"),
                                                        _("The draft has changes that are not saved.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save Draft"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
shortcut_save (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsSlipEditor *self = RS_SLIP_EDITOR (widget);

  if (!gtk_widget_get_mapped (widget) || !is_editable (self))
    return FALSE;
  on_save_clicked (self);
  return TRUE;
}

static gboolean
shortcut_print (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsSlipEditor *self = RS_SLIP_EDITOR (widget);

  if (!gtk_widget_get_mapped (widget) || self->slip == NULL)
    return FALSE;
  on_print_clicked (self);
  return TRUE;
}

GtkWidget *
rs_slip_editor_new_button (const char *mnemonic_label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic_label);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  return button;
}

/* ---- GObject --------------------------------------------------------------- */

void
rs_slip_editor_set_session (RsSlipEditor *self, RsSession *session)
{
  g_return_if_fail (RS_IS_SLIP_EDITOR (self));

  g_set_object (&self->session, session);
}

static void
rs_slip_editor_dispose (GObject *object)
{
  RsSlipEditor *self = RS_SLIP_EDITOR (object);

  /* First: the fields' signals while the children go see no session and do nothing. */
  g_clear_object (&self->session);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_SLIP_EDITOR);
  g_clear_object (&self->slip);
  g_clear_object (&self->location_names);
  g_clear_object (&self->to_location_names);
  G_OBJECT_CLASS (rs_slip_editor_parent_class)->dispose (object);
}

static void
rs_slip_editor_finalize (GObject *object)
{
  RsSlipEditor *self = RS_SLIP_EDITOR (object);

  g_strfreev (self->purposes);
  g_ptr_array_unref (self->warehouse_codes);
  g_ptr_array_unref (self->location_codes);
  g_ptr_array_unref (self->to_location_codes);
  G_OBJECT_CLASS (rs_slip_editor_parent_class)->finalize (object);
}

static void
rs_slip_editor_class_init (RsSlipEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_slip_editor_dispose;
  object_class->finalize = rs_slip_editor_finalize;

  /* Back to the list. */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A slip was written: saved, posted, voided, amended or given a file. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-slip-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, print_button);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, void_button);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, amend_button);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, post_button);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, header_group);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, warehouse_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, to_warehouse_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, partner_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, remark_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, header_hint);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, status_group);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, amends_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, amended_by_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, lines_group);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, product_row);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, product_hint);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, lines_list);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, lines_hint);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, attach_button);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, prints_group);
  gtk_widget_class_bind_template_child (widget_class, RsSlipEditor, prints_list);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_void_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_amend_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_post_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_warehouse_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_amends_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_amended_by_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_product_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_product_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_attach_clicked);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, shortcut_save, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, shortcut_print, NULL);
}

static void
rs_slip_editor_init (RsSlipEditor *self)
{
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  self->warehouse_codes = g_ptr_array_new_with_free_func (g_free);
  self->location_codes = g_ptr_array_new_with_free_func (g_free);
  self->to_location_codes = g_ptr_array_new_with_free_func (g_free);
  self->location_names = gtk_string_list_new (NULL);
  self->to_location_names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->lines_list), FALSE);
}
