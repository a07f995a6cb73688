/* rs-inspection-section.c */
#include "rs-inspection-section.h"
#include "rs-form.h"
#include "rs-gui-util.h"
#include "rs-photo-strip.h"

typedef struct _InspLine InspLine;

typedef struct
{
  InspLine            *line;
  char                *key;
  char                *name;
  RsInspectionItemKind kind;
  GtkWidget           *row;
  GtkWidget           *pass;
  GtkWidget           *fail;
  GtkWidget           *na;
  GtkWidget           *value;      /* measure: spin; text: the entry row */
  GtkWidget           *strip;      /* photo items */
  char                *range;      /* "4.75 – 5.25 V", "" for none */
} ItemRow;

struct _InspLine
{
  RsInspectionSection *self;
  char      *sku;
  guint      number;
  gint64     quantity;             /* thousandths still to inspect */
  gboolean   started;
  gboolean   recorded;             /* Complete saved what it shows: rebuild it, never keep it */
  char      *checklist;            /* the checklist built from, as JSON; NULL: none found */
  GPtrArray *items;                /* ItemRow* */
  GHashTable *parts;               /* name → widget (borrowed) */
  GtkWidget *box;                  /* the line's groups, one child of the page */
  GtkWidget *group;
  GtkWidget *verdict;
  GtkWidget *missing;
  GtkWidget *stricter;
  GtkWidget *remark;
  GtkWidget *strip;
  GtkWidget *complete;
  GtkWidget *message;
};

struct _RsInspectionSection
{
  AdwBin parent_instance;

  RsSession *session;
  char *number;
  GPtrArray *lines;                /* InspLine* of the page shown */

  GtkWidget *stack;
  GtkWidget *list;
  GtkWidget *list_empty;
  GtkWidget *page_title;
  GtkWidget *page_box;
  GtkWidget *page_scrolled;
  GtkWidget *done_page;            /* "Nothing left to inspect", when shown */
};

static void rs_inspection_section_iface_init (RsSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsInspectionSection, rs_inspection_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RS_TYPE_SECTION, rs_inspection_section_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
};

static void
item_row_free (gpointer data)
{
  ItemRow *item = data;

  g_free (item->key);
  g_free (item->name);
  g_free (item->range);
  g_free (item);
}

static void
insp_line_free (gpointer data)
{
  InspLine *line = data;

  g_ptr_array_unref (line->items);
  g_hash_table_unref (line->parts);
  g_free (line->checklist);
  g_free (line->sku);
  g_free (line);
}

static void
name_widget (GtkWidget *widget, const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* ---- the list ------------------------------------------------------------------------- */

static void
list_row_activated (GtkListBox *box, GtkListBoxRow *row, RsInspectionSection *self)
{
  const char *number = g_object_get_data (G_OBJECT (row), "number");
  g_autoptr(GError) error = NULL;

  if (number != NULL && !rs_section_open (RS_SECTION (self), number, &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
}

static void
fill_list (RsInspectionSection *self)
{
  static const RsReturnState states[] = { RS_RETURN_RECEIVED, RS_RETURN_RECEIVING };
  GtkWidget *child;
  guint n_rows = 0;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      /* Oldest first: the goods that have waited longest; at most a page of each. */
      RsReturnFilter filter = { .state = states[s], .limit = 200, .sort = RS_RETURN_SORT_CREATED, .ascending = TRUE };
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) returns = rs_returns_list (self->session, &filter, &error);
      guint n;

      if (returns == NULL)
        {
          rs_gui_notify_error (GTK_WIDGET (self), error);
          continue;
        }
      n = g_list_model_get_n_items (returns);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RsReturn) ret = g_list_model_get_item (returns, i);
          GListModel *lines = rs_return_get_lines (ret);
          g_autoptr(GString) goods = g_string_new (NULL);
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;
          GtkWidget *row, *state;
          guint waiting = 0;

          for (guint l = 0; l < g_list_model_get_n_items (lines); l++)
            {
              g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, l);
              gint64 left = rs_return_line_get_received_quantity (line) - rs_return_line_get_inspected_quantity (line);

              if (left <= 0)
                continue;
              if (waiting++ < 3)
                {
                  g_autofree char *q = rs_quantity_format (left, rs_return_line_get_decimals (line));
                  g_string_append_printf (goods, "%s%s × %s %s", goods->len > 0 ? "、" : "",
                                          rs_return_line_get_product_name (line), q, rs_return_line_get_unit (line));
                }
            }
          if (waiting == 0)
            continue;
          /* TRANSLATORS: a return waiting for inspection: number and customer */
          title = g_strdup_printf (_("%s · %s"), rs_return_get_number (ret), rs_return_get_customer_name (ret));
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), goods->str);
          state = gtk_label_new (rs_return_state_get_display_name (rs_return_get_state (ret)));
          gtk_widget_add_css_class (state, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
          if (rs_return_get_n_flags (ret) > 0)
            {
              GtkWidget *flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
              gtk_widget_add_css_class (flag, "warning");
              gtk_widget_set_tooltip_text (flag, _("Overdue or flagged"));
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
            }
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "number", g_strdup (rs_return_get_number (ret)), g_free);
          gtk_list_box_append (GTK_LIST_BOX (self->list), row);
          n_rows++;
        }
    }
  gtk_widget_set_visible (self->list, n_rows > 0);
  gtk_widget_set_visible (self->list_empty, n_rows == 0);
}

/* ---- the live verdict ------------------------------------------------------------------- */

static const char *
check_value (ItemRow *item)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (item->pass)))
    return "pass";
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (item->fail)))
    return "fail";
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (item->na)))
    return "na";
  return NULL;
}

/* The results as typed, for core; strings borrowed from the widgets and `keep`. */
static void
collect (InspLine *line, GArray *values, GArray *photos, GPtrArray *keep, RsInspectionFields *fields)
{
  for (guint i = 0; i < line->items->len; i++)
    {
      ItemRow *item = g_ptr_array_index (line->items, i);
      RsInspectionValue value = { item->key, NULL };

      switch (item->kind)
        {
        case RS_INSPECTION_ITEM_CHECK:
          value.value = check_value (item);
          break;
        case RS_INSPECTION_ITEM_MEASURE:
        case RS_INSPECTION_ITEM_TEXT:
          value.value = gtk_editable_get_text (GTK_EDITABLE (item->value));
          if (*value.value == '\0')
            value.value = NULL;
          break;
        case RS_INSPECTION_ITEM_PHOTO:
          {
            GStrv files = rs_photo_strip_get_pending_files (RS_PHOTO_STRIP (item->strip));

            g_ptr_array_add (keep, files);
            for (guint f = 0; files[f] != NULL; f++)
              {
                RsInspectionPhoto photo = { item->key, files[f] };
                g_array_append_val (photos, photo);
              }
          }
          break;
        }
      if (value.value != NULL)
        g_array_append_val (values, value);
    }
  {
    GStrv files = rs_photo_strip_get_pending_files (RS_PHOTO_STRIP (line->strip));

    g_ptr_array_add (keep, files);
    for (guint f = 0; files[f] != NULL; f++)
      {
        RsInspectionPhoto photo = { NULL, files[f] };
        g_array_append_val (photos, photo);
      }
  }
  fields->values = (const RsInspectionValue *) values->data;
  fields->n_values = values->len;
  fields->photos = (const RsInspectionPhoto *) photos->data;
  fields->n_photos = photos->len;
  fields->verdict = gtk_switch_get_active (GTK_SWITCH (line->stricter)) ? RS_VERDICT_FAIL : -1;
  fields->remark = gtk_editable_get_text (GTK_EDITABLE (line->remark));
}

static void
mark_item (ItemRow *item, gboolean failed)
{
  if (failed)
    gtk_widget_add_css_class (item->row, "rs-item-failed");
  else
    gtk_widget_remove_css_class (item->row, "rs-item-failed");
  if (item->kind == RS_INSPECTION_ITEM_MEASURE)
    {
      g_autofree char *subtitle = NULL;

      rs_form_mark_field (item->value, failed);
      if (failed)
        /* TRANSLATORS: a measurement outside its range; %s is the range, "4.75 – 5.25 V" */
        subtitle = g_strdup_printf (_("Out of range: %s"), item->range);
      else if (*item->range != '\0')
        /* TRANSLATORS: %s is the range of a measurement, "4.75 – 5.25 V" */
        subtitle = g_strdup_printf (_("Range %s"), item->range);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item->row), subtitle != NULL ? subtitle : "");
    }
}

static void
update_verdict (InspLine *line)
{
  RsInspectionSection *self = line->self;
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (RsInspectionValue));
  g_autoptr(GArray) photos = g_array_new (FALSE, TRUE, sizeof (RsInspectionPhoto));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) failed = NULL;
  g_autofree char *incomplete = NULL;
  RsInspectionFields fields = { 0 };
  RsVerdict verdict = RS_VERDICT_PASS;

  collect (line, values, photos, keep, &fields);
  gtk_widget_remove_css_class (line->verdict, "success");
  gtk_widget_remove_css_class (line->verdict, "error");
  /* Core computes the verdict; the page only shows it. */
  if (!rs_inspections_preview (self->session, line->sku, &fields, &verdict, &failed, &incomplete, &error))
    {
      gtk_label_set_text (GTK_LABEL (line->verdict), "—");
      rs_form_set_message (GTK_LABEL (line->missing), error->message);
      return;
    }
  gtk_label_set_text (GTK_LABEL (line->verdict), rs_verdict_get_display_name (verdict));
  gtk_widget_add_css_class (line->verdict, verdict == RS_VERDICT_FAIL ? "error" : "success");
  rs_form_set_message (GTK_LABEL (line->missing), incomplete);
  for (guint i = 0; i < line->items->len; i++)
    {
      ItemRow *item = g_ptr_array_index (line->items, i);
      mark_item (item, g_strv_contains ((const char * const *) failed, item->key));
    }
}

static void
line_changed (InspLine *line)
{
  RsInspectionSection *self = line->self;

  /* The program stamps the start when the inspector begins, not when the page opens. */
  if (!line->started)
    {
      g_autoptr(RsInspection) started = rs_inspections_start (self->session, self->number, line->sku, 0, NULL);
      line->started = TRUE;
    }
  rs_form_set_message (GTK_LABEL (line->message), NULL);
  update_verdict (line);
}

/* An empty measurement stays empty when the spin tidies its text (leaving the field):
 * 0 would be a measurement nobody took. */
static gboolean
measure_output (GtkSpinButton *spin, ItemRow *item)
{
  return *gtk_editable_get_text (GTK_EDITABLE (spin)) == '\0' && gtk_spin_button_get_value (spin) == 0;
}

static void
item_toggled (GtkToggleButton *button, ItemRow *item)
{
  line_changed (item->line);
}

static void
item_changed (GtkEditable *editable, ItemRow *item)
{
  line_changed (item->line);
}

static void
strip_changed (RsPhotoStrip *strip, InspLine *line)
{
  line_changed (line);
}

static void
stricter_changed (GObject *object, GParamSpec *pspec, InspLine *line)
{
  line_changed (line);
}

/* ---- completing ------------------------------------------------------------------------ */

static void
complete_clicked (GtkButton *button, InspLine *line)
{
  RsInspectionSection *self = line->self;
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (RsInspectionValue));
  g_autoptr(GArray) photos = g_array_new (FALSE, TRUE, sizeof (RsInspectionPhoto));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsInspection) done = NULL;
  g_autofree char *number = g_strdup (self->number);
  g_autofree char *message = NULL;
  RsInspectionFields fields = { 0 };

  collect (line, values, photos, keep, &fields);
  done = rs_inspections_record (self->session, self->number, line->sku, 0, &fields, &error);
  if (done == NULL)
    {
      /* Core's refusal beside the line; every toggle and value stays as it was. */
      rs_form_set_message (GTK_LABEL (line->message), error->message);
      return;
    }
  /* TRANSLATORS: "Inspection JY… of P-1: Fail" */
  message = g_strdup_printf (_("Inspection %s of %s: %s"), rs_inspection_get_number (done),
                             rs_inspection_get_sku (done), rs_verdict_get_display_name (rs_inspection_get_verdict (done)));
  rs_gui_notify (GTK_WIDGET (self), message);
  /* Reopen: this line goes (or starts afresh), the other lines keep what was typed. `line`
   * is freed by this. */
  line->recorded = TRUE;
  rs_section_open (RS_SECTION (self), number, NULL);
}

/* ---- building the page --------------------------------------------------------------------- */

static void
add_line_part (InspLine *line, const char *name, GtkWidget *widget)
{
  g_hash_table_replace (line->parts, g_strdup (name), widget);
}

static void
add_item_part (InspLine *line, ItemRow *item, const char *suffix, GtkWidget *widget)
{
  g_autofree char *name = g_strconcat (item->key, suffix, NULL);
  add_line_part (line, name, widget);
}

static GtkWidget *
toggle (const char *label, const char *accessible, GtkWidget *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  name_widget (button, accessible);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  return button;
}

static ItemRow *
build_item (InspLine *line, JsonObject *json, GtkWidget *group)
{
  ItemRow *item = g_new0 (ItemRow, 1);
  const char *kind = json_object_get_string_member (json, "kind");
  const char *unit = json_object_get_string_member_with_default (json, "unit", "");
  const char *min = json_object_get_null_member (json, "min") ? NULL : json_object_get_string_member (json, "min");
  const char *max = json_object_get_null_member (json, "max") ? NULL : json_object_get_string_member (json, "max");
  gboolean required = json_object_get_boolean_member (json, "required");

  item->line = line;
  item->key = g_strdup (json_object_get_string_member (json, "key"));
  item->name = g_strdup (json_object_get_string_member (json, "name"));
  rs_inspection_item_kind_parse (kind, &item->kind, NULL);
  if (min != NULL && max != NULL)
    item->range = g_strdup_printf ("%s – %s %s", min, max, unit);
  else if (min != NULL)
    item->range = g_strdup_printf ("≥ %s %s", min, unit);
  else if (max != NULL)
    item->range = g_strdup_printf ("≤ %s %s", max, unit);
  else
    item->range = g_strdup ("");

  switch (item->kind)
    {
    case RS_INSPECTION_ITEM_CHECK:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
        g_autofree char *pass_name = g_strdup_printf (_("%s: Pass"), item->name);
        g_autofree char *fail_name = g_strdup_printf (_("%s: Fail"), item->name);
        g_autofree char *na_name = g_strdup_printf (_("%s: Not Applicable"), item->name);

        item->row = adw_action_row_new ();
        item->pass = toggle (_("Pass"), pass_name, NULL);
        item->fail = toggle (_("Fail"), fail_name, item->pass);
        gtk_widget_add_css_class (item->pass, "rs-pass");
        gtk_widget_add_css_class (item->fail, "rs-fail");
        /* TRANSLATORS: "not applicable", a short toggle label */
        item->na = toggle (_("N/A"), na_name, item->pass);
        gtk_widget_add_css_class (box, "linked");
        gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
        gtk_box_append (GTK_BOX (box), item->pass);
        gtk_box_append (GTK_BOX (box), item->fail);
        gtk_box_append (GTK_BOX (box), item->na);
        adw_action_row_add_suffix (ADW_ACTION_ROW (item->row), box);
        g_signal_connect (item->pass, "toggled", G_CALLBACK (item_toggled), item);
        g_signal_connect (item->fail, "toggled", G_CALLBACK (item_toggled), item);
        g_signal_connect (item->na, "toggled", G_CALLBACK (item_toggled), item);
        add_item_part (line, item, ":pass", item->pass);
        add_item_part (line, item, ":fail", item->fail);
        add_item_part (line, item, ":na", item->na);
      }
      break;
    case RS_INSPECTION_ITEM_MEASURE:
      {
        GtkWidget *unit_label = gtk_label_new (unit);

        item->row = adw_action_row_new ();
        item->value = gtk_spin_button_new_with_range (-999999999, 999999999, 0.1);
        gtk_spin_button_set_digits (GTK_SPIN_BUTTON (item->value), 3);
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (item->value), FALSE);
        gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (item->value), GTK_UPDATE_IF_VALID);
        /* Empty until measured: 0 would be a value (and a new spin starts at its minimum). */
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (item->value), 0);
        gtk_editable_set_text (GTK_EDITABLE (item->value), "");
        gtk_editable_set_width_chars (GTK_EDITABLE (item->value), 8);
        gtk_widget_set_valign (item->value, GTK_ALIGN_CENTER);
        name_widget (item->value, item->name);
        gtk_widget_add_css_class (unit_label, "dim-label");
        adw_action_row_add_suffix (ADW_ACTION_ROW (item->row), item->value);
        adw_action_row_add_suffix (ADW_ACTION_ROW (item->row), unit_label);
        g_signal_connect (item->value, "changed", G_CALLBACK (item_changed), item);
        g_signal_connect (item->value, "output", G_CALLBACK (measure_output), item);
        add_item_part (line, item, ":value", item->value);
      }
      break;
    case RS_INSPECTION_ITEM_TEXT:
      item->row = adw_entry_row_new ();
      item->value = item->row;
      g_signal_connect (item->value, "changed", G_CALLBACK (item_changed), item);
      add_item_part (line, item, ":value", item->value);
      break;
    case RS_INSPECTION_ITEM_PHOTO:
      {
        g_autofree char *title = g_strdup_printf (_("Photos: %s"), item->name);

        item->row = adw_expander_row_new ();
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item->row), TRUE);
        item->strip = rs_photo_strip_new ();
        rs_photo_strip_set_session (RS_PHOTO_STRIP (item->strip), line->self->session);
        rs_photo_strip_set_editable (RS_PHOTO_STRIP (item->strip), TRUE);
        rs_photo_strip_set_title (RS_PHOTO_STRIP (item->strip), title);
        gtk_widget_set_margin_top (item->strip, 8);
        gtk_widget_set_margin_bottom (item->strip, 8);
        gtk_widget_set_margin_start (item->strip, 12);
        gtk_widget_set_margin_end (item->strip, 12);
        {
          GtkWidget *holder = gtk_list_box_row_new ();
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
          gtk_widget_set_focusable (holder, FALSE);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), item->strip);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), holder);
        }
        g_signal_connect (item->strip, "changed", G_CALLBACK (strip_changed), line);
        add_item_part (line, item, ":photos", item->strip);
      }
      break;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), item->name);
  if (item->kind == RS_INSPECTION_ITEM_MEASURE)
    mark_item (item, FALSE);
  else if (item->kind != RS_INSPECTION_ITEM_TEXT)
    {
      const char *subtitle = required ? _("Required") : _("Optional");
      if (ADW_IS_EXPANDER_ROW (item->row))
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (item->row), subtitle);
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (item->row), subtitle);
    }
  add_line_part (line, item->key, item->row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), item->row);
  return item;
}

/* The line's quantity left to inspect and its checklist, under its title. */
static void
describe_line (InspLine *line, RsReturnLine *rl, JsonNode *checklist)
{
  g_autofree char *quantity = NULL;
  g_autofree char *description = NULL;

  line->quantity = rs_return_line_get_received_quantity (rl) - rs_return_line_get_inspected_quantity (rl);
  quantity = rs_quantity_format (line->quantity, rs_return_line_get_decimals (rl));
  /* TRANSLATORS: "2 pcs to inspect with the checklist 电器检验" */
  description = g_strdup_printf (_("%s %s to inspect with the checklist “%s”"), quantity,
                                 rs_return_line_get_unit (rl),
                                 json_object_get_string_member (json_node_get_object (checklist), "name"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (line->group), description);
}

/* A line's widgets in line->box, not yet on the page; checklist NULL: core's error instead. */
static InspLine *
build_line (RsInspectionSection *self, RsReturnLine *rl, JsonNode *checklist, const GError *error)
{
  InspLine *line = g_new0 (InspLine, 1);
  g_autofree char *title = NULL;
  g_autofree char *strip_title = NULL;
  JsonArray *items;
  GtkWidget *photos_group, *verdict_group, *row, *sw, *button_box;

  line->self = self;
  line->sku = g_strdup (rs_return_line_get_sku (rl));
  line->number = rs_return_line_get_number (rl);
  line->checklist = checklist != NULL ? json_to_string (checklist, FALSE) : NULL;
  line->items = g_ptr_array_new_with_free_func (item_row_free);
  line->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Spaced as the page spaces its children: the line's groups look as if they were. */
  line->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  /* TRANSLATORS: a line to inspect: "Line 1 · 充电器 (E-1)" */
  title = g_strdup_printf (_("Line %u · %s (%s)"), line->number, rs_return_line_get_product_name (rl), line->sku);
  line->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (line->group), title);
  gtk_box_append (GTK_BOX (line->box), line->group);
  if (checklist == NULL)
    {
      line->quantity = rs_return_line_get_received_quantity (rl) - rs_return_line_get_inspected_quantity (rl);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (line->group), error->message);
      return line;
    }
  describe_line (line, rl, checklist);

  items = json_object_get_array_member (json_node_get_object (checklist), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_ptr_array_add (line->items, build_item (line, json_array_get_object_element (items, i), line->group));

  /* Photos of the whole line; then the remark, the verdict and Complete. */
  photos_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (photos_group), _("Photos of the Goods"));
  verdict_group = adw_preferences_group_new ();
  line->strip = rs_photo_strip_new ();
  rs_photo_strip_set_session (RS_PHOTO_STRIP (line->strip), self->session);
  rs_photo_strip_set_editable (RS_PHOTO_STRIP (line->strip), TRUE);
  /* TRANSLATORS: the accessible name of a line's photos; %u is the line number */
  strip_title = g_strdup_printf (_("Photos of Line %u"), line->number);
  rs_photo_strip_set_title (RS_PHOTO_STRIP (line->strip), strip_title);
  g_signal_connect (line->strip, "changed", G_CALLBACK (strip_changed), line);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (photos_group), line->strip);
  gtk_box_append (GTK_BOX (line->box), photos_group);

  line->remark = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->remark), _("Remark"));
  g_signal_connect_swapped (line->remark, "changed", G_CALLBACK (line_changed), line);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (verdict_group), line->remark);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Fail Even If the Checklist Passes"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("An inspector may make the verdict stricter, never milder"));
  sw = gtk_switch_new ();
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  name_widget (sw, _("Fail Even If the Checklist Passes"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  line->stricter = sw;
  g_signal_connect (sw, "notify::active", G_CALLBACK (stricter_changed), line);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (verdict_group), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Verdict"));
  line->verdict = gtk_label_new ("—");
  gtk_widget_add_css_class (line->verdict, "heading");
  name_widget (line->verdict, _("Verdict"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), line->verdict);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (verdict_group), row);

  line->missing = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (line->missing), TRUE);
  gtk_label_set_xalign (GTK_LABEL (line->missing), 0);
  gtk_widget_add_css_class (line->missing, "dim-label");
  gtk_widget_add_css_class (line->missing, "form-hint");
  line->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (line->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (line->message), 0);
  gtk_widget_add_css_class (line->message, "error");
  gtk_widget_add_css_class (line->message, "form-hint");
  gtk_widget_set_visible (line->message, FALSE);
  line->complete = gtk_button_new_with_mnemonic (_("_Complete Inspection"));
  gtk_widget_add_css_class (line->complete, "suggested-action");
  gtk_widget_add_css_class (line->complete, "pill");
  gtk_widget_set_halign (line->complete, GTK_ALIGN_END);
  g_signal_connect (line->complete, "clicked", G_CALLBACK (complete_clicked), line);
  button_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (button_box, 6);
  gtk_box_append (GTK_BOX (button_box), line->missing);
  gtk_box_append (GTK_BOX (button_box), line->message);
  gtk_box_append (GTK_BOX (button_box), line->complete);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (verdict_group), button_box);
  gtk_box_append (GTK_BOX (line->box), verdict_group);

  add_line_part (line, "verdict", line->verdict);
  add_line_part (line, "missing", line->missing);
  add_line_part (line, "message", line->message);
  add_line_part (line, "complete", line->complete);
  add_line_part (line, "photos", line->strip);
  add_line_part (line, "stricter", line->stricter);
  add_line_part (line, "remark", line->remark);
  update_verdict (line);
  return line;
}

/* Takes a line off the page and frees it. Its widgets may outlive it (the Complete button
 * mid-"clicked", a photo still being checked): none of them calls into it any more. */
static void
remove_line (RsInspectionSection *self, InspLine *line)
{
  GtkWidget *widgets[] = { line->strip, line->remark, line->stricter, line->complete };

  for (guint i = 0; i < line->items->len; i++)
    {
      ItemRow *item = g_ptr_array_index (line->items, i);
      GtkWidget *inputs[] = { item->pass, item->fail, item->na, item->value };

      for (guint w = 0; w < G_N_ELEMENTS (inputs); w++)
        if (inputs[w] != NULL)
          g_signal_handlers_disconnect_by_data (inputs[w], item);
      if (item->strip != NULL)
        g_signal_handlers_disconnect_by_data (item->strip, line);
    }
  for (guint w = 0; w < G_N_ELEMENTS (widgets); w++)
    if (widgets[w] != NULL)
      g_signal_handlers_disconnect_by_data (widgets[w], line);
  gtk_box_remove (GTK_BOX (self->page_box), line->box);
  insp_line_free (line);
}

/* The shown line `number`, taken out of self->lines; NULL if none. */
static InspLine *
take_line (RsInspectionSection *self, guint number)
{
  for (guint i = 0; i < self->lines->len; i++)
    if (((InspLine *) g_ptr_array_index (self->lines, i))->number == number)
      return g_ptr_array_steal_index (self->lines, i);
  return NULL;
}

static void
clear_page (RsInspectionSection *self)
{
  while (self->lines->len > 0)
    remove_line (self, g_ptr_array_steal_index (self->lines, self->lines->len - 1));
  if (self->done_page != NULL)
    gtk_box_remove (GTK_BOX (self->page_box), self->done_page);
  self->done_page = NULL;
}

/* Shows the lines of `ret` left to inspect. A line already shown, with the same checklist,
 * stays as it is with all the inspector has typed, ticked and added and not saved yet (only
 * its quantity is read again): completing one line, or opening the return again, must not
 * cost the work on the others. A line just completed starts afresh; a line done goes. */
static void
show_lines (RsInspectionSection *self, RsReturn *ret)
{
  GListModel *lines = rs_return_get_lines (ret);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (insp_line_free);
  GtkWidget *previous = NULL;

  if (self->done_page != NULL)
    gtk_box_remove (GTK_BOX (self->page_box), self->done_page);
  self->done_page = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) rl = g_list_model_get_item (lines, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) checklist = NULL;
      g_autofree char *checklist_json = NULL;
      InspLine *line;

      if (rs_return_line_get_received_quantity (rl) <= rs_return_line_get_inspected_quantity (rl))
        continue;
      checklist = rs_inspections_checklist (self->session, rs_return_line_get_sku (rl), &error);
      if (checklist != NULL)
        checklist_json = json_to_string (checklist, FALSE);
      line = take_line (self, rs_return_line_get_number (rl));
      if (line != NULL &&
          (line->recorded || line->checklist == NULL || g_strcmp0 (line->checklist, checklist_json) != 0 ||
           g_strcmp0 (line->sku, rs_return_line_get_sku (rl)) != 0))
        {
          remove_line (self, line);
          line = NULL;
        }
      if (line == NULL)
        {
          line = build_line (self, rl, checklist, error);
          gtk_box_insert_child_after (GTK_BOX (self->page_box), line->box, previous);
        }
      else
        {
          describe_line (line, rl, checklist);
          gtk_box_reorder_child_after (GTK_BOX (self->page_box), line->box, previous);
        }
      previous = line->box;
      g_ptr_array_add (shown, line);
    }
  /* What is left is inspected now (here or elsewhere). */
  clear_page (self);
  g_ptr_array_unref (self->lines);
  self->lines = g_steal_pointer (&shown);

  if (self->lines->len == 0)
    {
      self->done_page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->done_page), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (self->done_page), _("Nothing Left to Inspect"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->done_page),
                                       _("Every received item of this return has been inspected, "
                                         "or nothing has been received yet."));
      gtk_box_append (GTK_BOX (self->page_box), self->done_page);
    }
}

static gboolean
rs_inspection_section_open (RsSection *section, const char *reference, GError **error)
{
  RsInspectionSection *self = RS_INSPECTION_SECTION (section);
  g_autoptr(RsReturn) ret = NULL;
  g_autofree char *title = NULL;

  if (reference == NULL || *reference == '\0')
    {
      fill_list (self);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
      return TRUE;
    }
  ret = rs_returns_lookup (self->session, reference, error);
  if (ret == NULL)
    return FALSE;
  /* Another return: its own page. The same one: its lines are brought up to date. */
  if (g_strcmp0 (self->number, rs_return_get_number (ret)) != 0)
    {
      clear_page (self);
      g_free (self->number);
      self->number = g_strdup (rs_return_get_number (ret));
    }

  /* TRANSLATORS: the inspection page's title: "TH… · 华东商贸" */
  title = g_strdup_printf (_("%s · %s"), self->number, rs_return_get_customer_name (ret));
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->page_title), title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->page_title),
                                 rs_return_state_get_display_name (rs_return_get_state (ret)));
  show_lines (self, ret);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "page");
  return TRUE;
}

static void
rs_inspection_section_refresh (RsSection *section)
{
  RsInspectionSection *self = RS_INSPECTION_SECTION (section);

  /* The page keeps what was toggled; the list is read again. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "list") == 0)
    fill_list (self);
}

static void
rs_inspection_section_iface_init (RsSectionInterface *iface)
{
  iface->open = rs_inspection_section_open;
  iface->refresh = rs_inspection_section_refresh;
}

static void
back_clicked (RsInspectionSection *self)
{
  rs_section_open (RS_SECTION (self), NULL, NULL);
}

const char *
rs_inspection_section_get_number (RsInspectionSection *self)
{
  g_return_val_if_fail (RS_IS_INSPECTION_SECTION (self), NULL);
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "page") == 0 && self->number != NULL
           ? self->number : "";
}

GtkWidget *
rs_inspection_section_get_part (RsInspectionSection *self, guint number, const char *name)
{
  g_return_val_if_fail (RS_IS_INSPECTION_SECTION (self), NULL);
  for (guint i = 0; i < self->lines->len; i++)
    {
      InspLine *line = g_ptr_array_index (self->lines, i);
      if (line->number == number)
        return g_hash_table_lookup (line->parts, name);
    }
  return NULL;
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
rs_inspection_section_constructed (GObject *object)
{
  RsInspectionSection *self = RS_INSPECTION_SECTION (object);
  GtkWidget *list_page, *clamp, *box, *heading, *page, *header, *back, *scrolled;

  G_OBJECT_CLASS (rs_inspection_section_parent_class)->constructed (object);
  g_assert (self->session != NULL);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  /* The list */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  heading = gtk_label_new (_("Received goods waiting for inspection, oldest first"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  self->list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  name_widget (self->list, _("Returns to Inspect"));
  g_signal_connect (self->list, "row-activated", G_CALLBACK (list_row_activated), self);
  gtk_box_append (GTK_BOX (box), self->list);
  self->list_empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->list_empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->list_empty), _("Nothing to Inspect"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->list_empty),
                                   _("Returned goods appear here once they are received."));
  gtk_box_append (GTK_BOX (box), self->list_empty);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  list_page = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_page), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_page), clamp);
  gtk_stack_add_named (GTK_STACK (self->stack), list_page, "list");

  /* One return's page */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = gtk_center_box_new ();
  gtk_widget_add_css_class (header, "toolbar");
  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Back to the List"));
  name_widget (back, _("Back to the List"));
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_clicked), self);
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (header), back);
  self->page_title = adw_window_title_new ("", NULL);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (header), self->page_title);
  gtk_box_append (GTK_BOX (page), header);
  gtk_box_append (GTK_BOX (page), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->page_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->page_box, 24);
  gtk_widget_set_margin_bottom (self->page_box, 24);
  gtk_widget_set_margin_start (self->page_box, 12);
  gtk_widget_set_margin_end (self->page_box, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->page_box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->page_scrolled = scrolled;
  gtk_box_append (GTK_BOX (page), scrolled);
  gtk_stack_add_named (GTK_STACK (self->stack), page, "page");

  rs_gui_stack_hide_other_pages (GTK_STACK (self->stack));
  adw_bin_set_child (ADW_BIN (self), self->stack);
  fill_list (self);
}

static void
rs_inspection_section_dispose (GObject *object)
{
  RsInspectionSection *self = RS_INSPECTION_SECTION (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->lines != NULL)
    g_ptr_array_set_size (self->lines, 0);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_inspection_section_parent_class)->dispose (object);
}

static void
rs_inspection_section_finalize (GObject *object)
{
  RsInspectionSection *self = RS_INSPECTION_SECTION (object);

  g_ptr_array_unref (self->lines);
  g_free (self->number);
  G_OBJECT_CLASS (rs_inspection_section_parent_class)->finalize (object);
}

static void
rs_inspection_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsInspectionSection *self = RS_INSPECTION_SECTION (object);

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
rs_inspection_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsInspectionSection *self = RS_INSPECTION_SECTION (object);

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
rs_inspection_section_class_init (RsInspectionSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rs_inspection_section_constructed;
  object_class->dispose = rs_inspection_section_dispose;
  object_class->finalize = rs_inspection_section_finalize;
  object_class->get_property = rs_inspection_section_get_property;
  object_class->set_property = rs_inspection_section_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");
}

static void
rs_inspection_section_init (RsInspectionSection *self)
{
  self->lines = g_ptr_array_new_with_free_func (insp_line_free);
}
