/* rs-table-view-row.c — one row of an RsTableView: a single widget that draws every cell's text.
 * Layouts are made when the row is drawn, not kept: GTK keeps the drawn row and only asks
 * again when its text, size or style changed, and a kept layout would miss a font change. */
#include "rs-table-view-private.h"

/* Above and below the text, as a compact data table has it. */
#define ROW_VERTICAL_PADDING 2


struct _RsTableViewRow
{
  GtkWidget parent_instance;

  RsTableView *table;   /* not a reference: the table holds its rows */
  GStrv texts;      /* one per column, NULL when no item */
  int text_height;  /* px of a line of text, 0 until measured */
};

G_DEFINE_FINAL_TYPE (RsTableViewRow, rs_table_view_row, GTK_TYPE_WIDGET)

static PangoLayout *
cell_layout (RsTableViewRow *self, const RsTableViewColumn *column, const char *text, int width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_width (layout, MAX (width, 0) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (column->flags & RS_COLUMN_NUMERIC)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      /* Figures of one width, so amounts line up under each other. */
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum 1"));
      pango_layout_set_attributes (layout, attributes);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    }
  if (column->flags & RS_COLUMN_TAG)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      /* As ui/style.css's .rs-tag: smaller and bold, in a pill. */
      pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
      pango_layout_set_width (layout, MAX (width - 2 * RS_TABLE_VIEW_TAG_PADDING, 0) * PANGO_SCALE);
    }
  return layout;
}

static int
text_height (RsTableViewRow *self)
{
  if (self->text_height == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag国");

      pango_layout_get_pixel_size (layout, NULL, &self->text_height);
    }
  return self->text_height;
}

static void
rs_table_view_row_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                      int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  RsTableViewRow *self = RS_TABLE_VIEW_ROW (widget);

  /* Wide: whatever the table gives (its columns ellipsize); high: one line of text. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = text_height (self) + 2 * ROW_VERTICAL_PADDING;
}

/* The layout in a pill of its own colour, faint, as .rs-tag draws it. */
static void
append_tag (GtkSnapshot *snapshot, PangoLayout *layout, const GdkRGBA *color)
{
  GdkRGBA background = *color;
  PangoRectangle ink, logical;
  GskRoundedRect pill;
  float height;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  height = logical.height;
  background.alpha *= 0.1;
  gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (0, 0, logical.width + 2 * RS_TABLE_VIEW_TAG_PADDING, height), height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &background, &pill.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (RS_TABLE_VIEW_TAG_PADDING, 0));
  gtk_snapshot_append_layout (snapshot, layout, color);
}

static void
rs_table_view_row_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RsTableViewRow *self = RS_TABLE_VIEW_ROW (widget);
  GPtrArray *columns = rs_table_view_get_columns (self->table);
  g_autofree int *edges = g_new (int, columns->len + 1);
  int height = gtk_widget_get_height (widget);
  GdkRGBA color, dim;

  if (self->texts == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= 0.55;
  rs_table_view_compute_edges (self->table, gtk_widget_get_width (widget), edges);

  for (guint i = 0; i < columns->len && self->texts[i] != NULL; i++)
    {
      const RsTableViewColumn *column = g_ptr_array_index (columns, i);
      int width = edges[i + 1] - edges[i] - 2 * RS_TABLE_VIEW_CELL_PADDING;
      g_autoptr(PangoLayout) layout = NULL;
      int layout_height;

      if (*self->texts[i] == '\0' || width <= 0)
        continue;
      layout = cell_layout (self, column, self->texts[i], width);
      pango_layout_get_pixel_size (layout, NULL, &layout_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (edges[i] + RS_TABLE_VIEW_CELL_PADDING,
                                                              (height - layout_height) / 2));
      if (column->flags & RS_COLUMN_TAG)
        append_tag (snapshot, layout, &color);
      else
        gtk_snapshot_append_layout (snapshot, layout, (column->flags & RS_COLUMN_DIM) ? &dim : &color);
      gtk_snapshot_restore (snapshot);
    }
}

/* A cell cut short by its column shows its whole text when pointed at. */
static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer user_data)
{
  RsTableViewRow *self = RS_TABLE_VIEW_ROW (widget);
  GPtrArray *columns = rs_table_view_get_columns (self->table);
  g_autofree int *edges = g_new (int, columns->len + 1);
  g_autoptr(PangoLayout) layout = NULL;

  if (self->texts == NULL || keyboard)
    return FALSE;
  rs_table_view_compute_edges (self->table, gtk_widget_get_width (widget), edges);
  for (guint i = 0; i < columns->len && self->texts[i] != NULL; i++)
    if (x >= edges[i] && x < edges[i + 1])
      {
        int width = edges[i + 1] - edges[i] - 2 * RS_TABLE_VIEW_CELL_PADDING;

        layout = cell_layout (self, g_ptr_array_index (columns, i), self->texts[i], width);
        if (!pango_layout_is_ellipsized (layout))
          return FALSE;
        gtk_tooltip_set_text (tooltip, self->texts[i]);
        return TRUE;
      }
  return FALSE;
}

void
rs_table_view_row_set_item (RsTableViewRow *self, gpointer item)
{
  GPtrArray *columns = rs_table_view_get_columns (self->table);

  g_clear_pointer (&self->texts, g_strfreev);
  if (item != NULL)
    {
      g_autoptr(GString) label = g_string_new (NULL);

      self->texts = g_new0 (char *, columns->len + 1);
      for (guint i = 0; i < columns->len; i++)
        {
          self->texts[i] = rs_table_view_column_text (g_ptr_array_index (columns, i), item);
          if (*self->texts[i] != '\0')
            g_string_append_printf (label, "%s%s", label->len > 0 ? ", " : "", self->texts[i]);
        }
      /* What a screen reader says for the row: its cells in order. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
rs_table_view_row_new (RsTableView *table)
{
  RsTableViewRow *self = g_object_new (RS_TYPE_TABLE_VIEW_ROW, NULL);

  self->table = table;
  return GTK_WIDGET (self);
}

static void
rs_table_view_row_finalize (GObject *object)
{
  RsTableViewRow *self = RS_TABLE_VIEW_ROW (object);

  g_strfreev (self->texts);
  G_OBJECT_CLASS (rs_table_view_row_parent_class)->finalize (object);
}

static void
rs_table_view_row_class_init (RsTableViewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rs_table_view_row_finalize;
  widget_class->measure = rs_table_view_row_measure;
  widget_class->snapshot = rs_table_view_row_snapshot;
  gtk_widget_class_set_css_name (widget_class, "rs-table-view-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rs_table_view_row_init (RsTableViewRow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
