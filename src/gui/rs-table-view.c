/* rs-table-view.c — the header of buttons and the list of drawn rows (see rs-table-view.h). */
#include "rs-table-view-private.h"

struct _RsTableView
{
  GtkWidget parent_instance;

  GPtrArray *columns;   /* of RsTableViewColumn */
  gboolean widths_measured;
  int sort_key;         /* -1: the caller's own order */
  gboolean descending;

  GtkWidget *separator;
  GtkWidget *scrolled_window;
  GtkListView *list_view;
  GListModel *model;
};

/* Columns without a sample: how many rows are measured, and the most they get. */
#define MEASURED_ROWS 50
#define MEASURED_MAX_WIDTH 280

/* Between a header's title and its arrow; as ui/style.css's border-spacing. */
#define HEADER_SPACING 6

G_DEFINE_FINAL_TYPE (RsTableView, rs_table_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATE,
  SIGNAL_SORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
column_free (gpointer data)
{
  RsTableViewColumn *column = data;

  g_free (column->title);
  g_free (column->sample);
  g_free (column);
}

GPtrArray *
rs_table_view_get_columns (RsTableView *self)
{
  return self->columns;
}

static int
text_width (GtkWidget *widget, const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

char *
rs_table_view_column_text (const RsTableViewColumn *column, gpointer item)
{
  char *text = column->text_with_data != NULL ? column->text_with_data (item, column->data) : column->text (item);

  return text != NULL ? text : g_strdup ("");
}

/* A column without a sample: the widest of the model's first rows, up to a limit, so that
 * one long address does not take the table. */
static int
rows_width (RsTableView *self, const RsTableViewColumn *column)
{
  guint n = MIN (g_list_model_get_n_items (self->model), MEASURED_ROWS);
  int width = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);
      g_autofree char *text = rs_table_view_column_text (column, item);

      width = MAX (width, text_width (GTK_WIDGET (self), text));
    }
  return MIN (width, MEASURED_MAX_WIDTH);
}

/* Once styled: each column as wide as the wider of its header and its sample (or rows). A
 * column without a sample is measured again until a model with rows has been seen. */
static void
measure_columns (RsTableView *self)
{
  gboolean have_rows = self->model != NULL && g_list_model_get_n_items (self->model) > 0;
  gboolean wait_for_rows = FALSE;

  if (self->widths_measured)
    return;
  for (guint i = 0; i < self->columns->len; i++)
    {
      RsTableViewColumn *column = g_ptr_array_index (self->columns, i);
      int title, arrow = 0, sample = 0;

      if (column->sample != NULL)
        sample = text_width (GTK_WIDGET (self), column->sample);
      else if (have_rows)
        sample = rows_width (self, column);
      else
        wait_for_rows = TRUE;
      /* The button's natural width without its arrow: in the one column sorted by, the arrow
       * may shorten the title rather than widen every column for it. */
      gtk_widget_measure (column->button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &title, NULL, NULL);
      if (gtk_widget_get_visible (column->arrow))
        {
          gtk_widget_measure (column->arrow, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &arrow, NULL, NULL);
          arrow += HEADER_SPACING;
        }
      if (column->flags & RS_COLUMN_TAG)
        sample += 2 * RS_TABLE_VIEW_TAG_PADDING;
      column->width = MAX (title - arrow, sample + 2 * RS_TABLE_VIEW_CELL_PADDING);
    }
  self->widths_measured = !wait_for_rows;
}

/* A column's width when the others are cut to level. */
static int
cut_width (const RsTableViewColumn *column, int level)
{
  return (column->flags & RS_COLUMN_WHOLE) ? column->width : MIN (column->width, level);
}

/* The largest width such that every column cut to it fits in width. */
static int
common_level (RsTableView *self, int width)
{
  int low = 0, high = width;

  while (low < high)
    {
      int level = (low + high + 1) / 2, total = 0;

      for (guint i = 0; i < self->columns->len; i++)
        total += cut_width (g_ptr_array_index (self->columns, i), level);
      if (total <= width)
        low = level;
      else
        high = level - 1;
    }
  return low;
}

void
rs_table_view_compute_edges (RsTableView *self, int width, int *edges)
{
  guint n = self->columns->len;
  guint n_expand = 0, last_expand = n - 1;
  int total = 0, level = G_MAXINT, x = 0, extra, n_shares, share;

  measure_columns (self);
  for (guint i = 0; i < n; i++)
    {
      RsTableViewColumn *column = g_ptr_array_index (self->columns, i);

      total += column->width;
      if (column->flags & RS_COLUMN_EXPAND)
        n_expand++, last_expand = i;
    }
  /* Too narrow for every column: the widest give up width first, so that short ones stay
   * whole, and RS_COLUMN_WHOLE ones (numbers, dates) never give up any. */
  if (total > width)
    {
      level = common_level (self, width);
      total = 0;
      for (guint i = 0; i < n; i++)
        total += cut_width (g_ptr_array_index (self->columns, i), level);
    }
  /* What is left goes to the expand columns in equal shares, the last one taking the odd
   * pixels (all to the last column when none expands). */
  extra = MAX (width - total, 0);
  n_shares = MAX ((int) n_expand, 1);
  share = extra / n_shares;
  for (guint i = 0; i < n; i++)
    {
      RsTableViewColumn *column = g_ptr_array_index (self->columns, i);

      edges[i] = x;
      x += cut_width (column, level);
      if (i == last_expand)
        x += extra - share * (n_shares - 1);
      else if (column->flags & RS_COLUMN_EXPAND)
        x += share;
    }
  edges[n] = MAX (width, x);
}

/* ---- header ------------------------------------------------------------- */

static void
show_sort (RsTableView *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      RsTableViewColumn *column = g_ptr_array_index (self->columns, i);
      gboolean sorted = column->sort_key >= 0 && column->sort_key == self->sort_key;

      gtk_image_set_from_icon_name (GTK_IMAGE (column->arrow), self->descending ? "pan-down-symbolic" : "pan-up-symbolic");
      gtk_widget_set_visible (column->arrow, sorted);
      gtk_accessible_update_property (GTK_ACCESSIBLE (column->button), GTK_ACCESSIBLE_PROPERTY_SORT,
                                      !sorted ? GTK_ACCESSIBLE_SORT_NONE
                                      : self->descending ? GTK_ACCESSIBLE_SORT_DESCENDING
                                      : GTK_ACCESSIBLE_SORT_ASCENDING, -1);
    }
}

void
rs_table_view_sort_by (RsTableView *self, int key, gboolean descending)
{
  g_return_if_fail (RS_IS_TABLE_VIEW (self));

  self->sort_key = key;
  self->descending = descending;
  show_sort (self);
  g_signal_emit (self, signals[SIGNAL_SORT_CHANGED], 0);
}

gboolean
rs_table_view_get_sort (RsTableView *self, int *key, gboolean *descending)
{
  g_return_val_if_fail (RS_IS_TABLE_VIEW (self), FALSE);

  if (self->sort_key < 0)
    return FALSE;
  *key = self->sort_key;
  *descending = self->descending;
  return TRUE;
}

/* First click: A to Z; again: Z to A. */
static void
on_header_clicked (GtkButton *button, RsTableView *self)
{
  RsTableViewColumn *column = g_object_get_data (G_OBJECT (button), "rs-table-view-column");

  rs_table_view_sort_by (self, column->sort_key, column->sort_key == self->sort_key && !self->descending);
}

static GtkWidget *
header_button (RsTableView *self, RsTableViewColumn *column)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, HEADER_SPACING);
  GtkWidget *label = gtk_label_new (column->title);
  gboolean numeric = (column->flags & RS_COLUMN_NUMERIC) != 0;

  /* The arrow is said through the button's sort state, not as an image of its own. */
  column->arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "pan-down-symbolic",
                                "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_set_visible (column->arrow, FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  /* Numbers are right-aligned: the arrow goes before the title, away from the figures. */
  gtk_box_append (GTK_BOX (box), numeric ? column->arrow : label);
  gtk_box_append (GTK_BOX (box), numeric ? label : column->arrow);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, column->title, -1);
  gtk_widget_add_css_class (button, "flat");
  if (column->sort_key >= 0)
    {
      g_object_set_data (G_OBJECT (button), "rs-table-view-column", column);
      g_signal_connect (button, "clicked", G_CALLBACK (on_header_clicked), self);
    }
  else
    {
      gtk_widget_set_can_target (button, FALSE);
      gtk_widget_set_focusable (button, FALSE);
    }
  return button;
}

static void
add_column (RsTableView *self, const char *title, RsColumnTextFunc text, RsTableViewTextFunc text_with_data,
            gpointer data, RsColumnFlags flags, const char *sample, int sort_key)
{
  RsTableViewColumn *column = g_new0 (RsTableViewColumn, 1);

  column->title = g_strdup (title);
  column->text = text;
  column->text_with_data = text_with_data;
  column->data = data;
  column->flags = flags;
  column->sample = g_strdup (sample);
  column->sort_key = sort_key;
  column->button = header_button (self, column);
  gtk_widget_insert_before (column->button, GTK_WIDGET (self), self->separator);
  g_ptr_array_add (self->columns, column);
  self->widths_measured = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
rs_table_view_add_column (RsTableView *self, const char *title, RsColumnTextFunc text, RsColumnFlags flags,
                          const char *sample, int sort_key)
{
  g_return_if_fail (RS_IS_TABLE_VIEW (self) && text != NULL);
  add_column (self, title, text, NULL, NULL, flags, sample, sort_key);
}

void
rs_table_view_add_column_with_data (RsTableView *self, const char *title, RsTableViewTextFunc text, gpointer data,
                                    RsColumnFlags flags, const char *sample, int sort_key)
{
  g_return_if_fail (RS_IS_TABLE_VIEW (self) && text != NULL);
  add_column (self, title, NULL, text, data, flags, sample, sort_key);
}

guint
rs_table_view_get_n_columns (RsTableView *self)
{
  g_return_val_if_fail (RS_IS_TABLE_VIEW (self), 0);
  return self->columns->len;
}

/* ---- rows --------------------------------------------------------------- */

static void
row_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, RsTableView *self)
{
  gtk_list_item_set_child (list_item, rs_table_view_row_new (self));
}

static void
row_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, RsTableView *self)
{
  rs_table_view_row_set_item (RS_TABLE_VIEW_ROW (gtk_list_item_get_child (list_item)), gtk_list_item_get_item (list_item));
}

static void
on_activate (GtkListView *list_view, guint position, RsTableView *self)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, position);
}

void
rs_table_view_set_model (RsTableView *self, GListModel *model)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (RS_IS_TABLE_VIEW (self));
  g_set_object (&self->model, model);
  if (!self->widths_measured)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  selection = gtk_single_selection_new (model != NULL ? g_object_ref (model) : NULL);
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

GtkListView *
rs_table_view_get_list_view (RsTableView *self)
{
  g_return_val_if_fail (RS_IS_TABLE_VIEW (self), NULL);
  return self->list_view;
}

void
rs_table_view_set_accessible_name (RsTableView *self, const char *name)
{
  g_return_if_fail (RS_IS_TABLE_VIEW (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

char *
rs_table_view_get_cell_text (RsTableView *self, guint position, guint column)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (RS_IS_TABLE_VIEW (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  if (self->model == NULL || (item = g_list_model_get_item (self->model, position)) == NULL)
    return NULL;
  return rs_table_view_column_text (g_ptr_array_index (self->columns, column), item);
}

/* ---- layout ------------------------------------------------------------- */

static int
header_height (RsTableView *self)
{
  int height = 0;

  for (guint i = 0; i < self->columns->len; i++)
    {
      RsTableViewColumn *column = g_ptr_array_index (self->columns, i);
      int natural;

      gtk_widget_measure (column->button, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
      height = MAX (height, natural);
    }
  return height;
}

static void
rs_table_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  RsTableView *self = RS_TABLE_VIEW (widget);
  int separator, list_minimum, list_natural;

  gtk_widget_measure (self->separator, orientation, -1, &separator, NULL, NULL, NULL);
  gtk_widget_measure (self->scrolled_window, orientation, -1, &list_minimum, &list_natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int header = header_height (self);

      *minimum = header + separator + list_minimum;
      *natural = header + separator + list_natural;
      return;
    }
  /* Wide: every header button at its smallest; natural: every column at its width. */
  *minimum = list_minimum;
  *natural = list_natural;
  measure_columns (self);
  {
    int buttons = 0, columns = 0;

    for (guint i = 0; i < self->columns->len; i++)
      {
        RsTableViewColumn *column = g_ptr_array_index (self->columns, i);
        int button;

        gtk_widget_measure (column->button, GTK_ORIENTATION_HORIZONTAL, -1, &button, NULL, NULL, NULL);
        buttons += button;
        columns += column->width;
      }
    *minimum = MAX (*minimum, buttons);
    *natural = MAX (*natural, MAX (buttons, columns));
  }
}

static void
rs_table_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RsTableView *self = RS_TABLE_VIEW (widget);
  g_autofree int *edges = g_new (int, self->columns->len + 1);
  int header = header_height (self);
  int separator;

  rs_table_view_compute_edges (self, width, edges);
  for (guint i = 0; i < self->columns->len; i++)
    {
      RsTableViewColumn *column = g_ptr_array_index (self->columns, i);
      int button;

      /* A button never gets less than it needs: a squeezed table overlaps its titles. */
      gtk_widget_measure (column->button, GTK_ORIENTATION_HORIZONTAL, header, &button, NULL, NULL, NULL);
      gtk_widget_size_allocate (column->button,
                                &(GtkAllocation) { edges[i], 0, MAX (edges[i + 1] - edges[i], button), header }, -1);
    }
  gtk_widget_measure (self->separator, GTK_ORIENTATION_VERTICAL, width, &separator, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->separator, &(GtkAllocation) { 0, header, width, separator }, -1);
  gtk_widget_size_allocate (self->scrolled_window,
                            &(GtkAllocation) { 0, header + separator, width, MAX (height - header - separator, 0) }, -1);
}

static gboolean
rs_table_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RS_TABLE_VIEW (widget)->list_view));
}

/* ---- GObject ------------------------------------------------------------ */

GtkWidget *
rs_table_view_new (void)
{
  return g_object_new (RS_TYPE_TABLE_VIEW, NULL);
}

static void
rs_table_view_dispose (GObject *object)
{
  RsTableView *self = RS_TABLE_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (rs_table_view_parent_class)->dispose (object);
}

static void
rs_table_view_finalize (GObject *object)
{
  RsTableView *self = RS_TABLE_VIEW (object);

  g_ptr_array_unref (self->columns);
  G_OBJECT_CLASS (rs_table_view_parent_class)->finalize (object);
}

static void
rs_table_view_class_init (RsTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_table_view_dispose;
  object_class->finalize = rs_table_view_finalize;
  widget_class->measure = rs_table_view_measure;
  widget_class->size_allocate = rs_table_view_size_allocate;
  widget_class->grab_focus = rs_table_view_grab_focus;

  /* A row was double-clicked or Enter pressed on it. */
  signals[SIGNAL_ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* A header was clicked: the caller reloads in rs_table_view_get_sort()'s order. */
  signals[SIGNAL_SORT_CHANGED] = g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "rs-table-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rs_table_view_init (RsTableView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->sort_key = -1;
  self->separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_parent (self->separator, GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
  self->scrolled_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled_window), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window), GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scrolled_window, GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
