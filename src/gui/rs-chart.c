/* rs-chart.c — bars or a line over one series, laid out at each allocation and drawn into
 * a cairo node; the layout is kept so that hit tests, tooltips and tests see what is drawn. */
#include "rs-chart.h"
#include "rs-i18n.h"

#include <string.h>

#define PADDING 12
#define TICK_GAP 8
#define MAX_BAR_WIDTH 56
#define POINT_RADIUS 4.5
#define LABEL_LINES 2
/* How many points the description reads out; the table has the rest. */
#define DESCRIBED_POINTS 12
/* The middle of a pixel, for crisp one-pixel lines. */
#define PIXEL(v) ((double) (gint64) (v) + 0.5)

typedef struct
{
  char  *label;
  char  *value_text;
  double value;
  graphene_rect_t area;   /* the bar, or a square around the line's point */
} Point;

struct _RsChart
{
  GtkWidget parent_instance;

  RsChartStyle style;
  char *caption;
  GArray *points;         /* Point */

  /* The layout of the last allocation. */
  gboolean laid_out;
  graphene_rect_t plot;
  double low, high, step; /* the value axis: from low to high, ticks every step */
  double caption_height;
  double slot;

  GtkWidget *popover;     /* about a point; NULL when none was shown */

  int hover;              /* -1: none */
  int selected;           /* chosen with the keyboard; -1: none */
};

G_DEFINE_FINAL_TYPE (RsChart, rs_chart, GTK_TYPE_WIDGET)

enum {
  POINT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
point_clear (gpointer data)
{
  Point *point = data;

  g_free (point->label);
  g_free (point->value_text);
}

static Point *
get_point (RsChart *self, guint i)
{
  return &g_array_index (self->points, Point, i);
}

GtkWidget *
rs_chart_new (void)
{
  return g_object_new (RS_TYPE_CHART, NULL);
}

/* ---- scale --------------------------------------------------------------- */

/* A step of 1, 2 or 5 times a power of ten giving about `ticks` intervals over range. */
static double
nice_step (double range, int ticks)
{
  double raw = range / ticks;
  double magnitude = 1;

  if (raw <= 0)
    return 1;
  while (magnitude * 10 <= raw)
    magnitude *= 10;
  while (magnitude > raw)
    magnitude /= 10;
  if (raw <= magnitude)
    return magnitude;
  if (raw <= 2 * magnitude)
    return 2 * magnitude;
  if (raw <= 5 * magnitude)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* Whole steps from v towards the outside (away from zero). */
static double
round_out (double v, double step)
{
  gint64 n = (gint64) (v / step);

  if (n * step < v)
    n++;
  else if (n * step > v && v < 0)
    n--;
  return n * step;
}

static void
compute_scale (RsChart *self)
{
  double low = 0, high = 0;

  for (guint i = 0; i < self->points->len; i++)
    {
      low = MIN (low, get_point (self, i)->value);
      high = MAX (high, get_point (self, i)->value);
    }
  if (high - low <= 0)
    high = 1;
  self->step = nice_step (high - low, 4);
  self->low = low < 0 ? -round_out (-low, self->step) : 0;
  self->high = round_out (high, self->step);
  if (self->high <= self->low)
    self->high = self->low + self->step;
}

static char *
format_tick (RsChart *self, double v)
{
  /* No "-0" at the baseline. */
  if (v > -self->step / 2 && v < self->step / 2)
    v = 0;
  if (self->step >= 1)
    {
      /* Thousands separated, as the table's figures are. */
      g_autofree char *digits = g_strdup_printf ("%.0f", v < 0 ? -v : v);
      GString *text = g_string_new (v < 0 ? "-" : "");
      gsize n = strlen (digits);

      for (gsize i = 0; i < n; i++)
        {
          if (i > 0 && (n - i) % 3 == 0)
            g_string_append_c (text, ',');
          g_string_append_c (text, digits[i]);
        }
      return g_string_free (text, FALSE);
    }
  return g_strdup_printf (self->step >= 0.1 ? "%.1f" : "%.2f", v);
}

/* ---- layout -------------------------------------------------------------- */

static PangoLayout *
make_layout (RsChart *self, const char *text, gboolean small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static int
text_height (RsChart *self, gboolean small, int lines)
{
  g_autoptr(PangoLayout) layout = make_layout (self, "Ag国", small);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height * lines;
}

static double
value_to_y (RsChart *self, double v)
{
  return self->plot.origin.y + self->plot.size.height * (self->high - v) / (self->high - self->low);
}

static void
lay_out (RsChart *self, int width, int height)
{
  double left_width = 0;
  double top, bottom;

  self->laid_out = TRUE;
  compute_scale (self);

  for (double v = self->low; v <= self->high + self->step / 2; v += self->step)
    {
      g_autofree char *text = format_tick (self, v);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      left_width = MAX (left_width, w);
    }

  self->caption_height = self->caption != NULL && *self->caption != '\0' ? text_height (self, FALSE, 1) + 10 : 0;
  /* Room above the highest bar for its value. */
  top = PADDING + self->caption_height + text_height (self, TRUE, 1) + 4;
  bottom = PADDING + text_height (self, TRUE, LABEL_LINES) + 8;
  self->plot.origin.x = PADDING + left_width + TICK_GAP;
  self->plot.origin.y = top;
  self->plot.size.width = MAX (1, width - self->plot.origin.x - PADDING);
  self->plot.size.height = MAX (1, height - top - bottom);
  self->slot = self->points->len > 0 ? self->plot.size.width / self->points->len : 0;

  for (guint i = 0; i < self->points->len; i++)
    {
      Point *point = get_point (self, i);
      double centre = self->plot.origin.x + self->slot * (i + 0.5);
      double y0 = value_to_y (self, 0);
      double y = value_to_y (self, point->value);

      if (self->style == RS_CHART_BARS)
        {
          double w = MIN (self->slot * 0.62, MAX_BAR_WIDTH);

          /* A zero bar is still a target for the pointer: two pixels. */
          graphene_rect_init (&point->area, centre - w / 2, MIN (y, y0 - 1), w, MAX (ABS (y0 - y), 2));
        }
      else
        {
          /* The whole column of the slot answers to the pointer, not only the dot. */
          graphene_rect_init (&point->area, centre - MAX (self->slot / 2, POINT_RADIUS), self->plot.origin.y,
                              MAX (self->slot, 2 * POINT_RADIUS), self->plot.size.height);
        }
    }
}

static void
relayout (RsChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width > 0 && height > 0)
    lay_out (self, width, height);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rs_chart_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RsChart *self = RS_CHART (widget);

  lay_out (self, width, height);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
rs_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                  int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 600;
    }
  else
    {
      *minimum = 180;
      *natural = 260;
    }
}

/* ---- drawing ------------------------------------------------------------- */

typedef struct
{
  GdkRGBA fg, accent, line;
} Colours;

static void
get_colours (RsChart *self, Colours *c)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &c->fg);
  /* libadwaita's named colours: the accent as a fill, and as text on the view (lighter in dark mode). */
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &c->accent))
    gdk_rgba_parse (&c->accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "accent_color", &c->line))
    c->line = c->accent;
}

static void
set_source (cairo_t *cr, const GdkRGBA *rgba, double alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
show_layout (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_axis (RsChart *self, cairo_t *cr, const Colours *c)
{
  const graphene_rect_t *p = &self->plot;

  cairo_set_line_width (cr, 1);
  for (double v = self->low; v <= self->high + self->step / 2; v += self->step)
    {
      g_autofree char *text = format_tick (self, v);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE);
      double y = PIXEL (value_to_y (self, v));
      int w, h;

      set_source (cr, &c->fg, ABS (v) < self->step / 2 ? 0.45 : 0.12);
      cairo_move_to (cr, p->origin.x, y);
      cairo_line_to (cr, p->origin.x + p->size.width, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      set_source (cr, &c->fg, 0.7);
      show_layout (cr, layout, p->origin.x - TICK_GAP - w, y - h / 2.0);
    }
}

/* The point's label under the plot, wrapped to its slot; on a crowded line only every
 * few labels, so they do not run into each other. */
static void
draw_labels (RsChart *self, cairo_t *cr, const Colours *c)
{
  guint every = 1;
  int widest = 0;

  for (guint i = 0; i < self->points->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, get_point (self, i)->label, TRUE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  if (self->style == RS_CHART_LINE && self->slot > 0)
    every = MAX (1, (guint) ((widest + 12) / self->slot) + 1);

  for (guint i = 0; i < self->points->len; i += every)
    {
      Point *point = get_point (self, i);
      g_autoptr(PangoLayout) layout = make_layout (self, point->label, TRUE);
      double centre = self->plot.origin.x + self->slot * (i + 0.5);
      double width = self->style == RS_CHART_LINE ? self->slot * every : self->slot;
      int w;

      pango_layout_set_width (layout, (int) MAX (8, width - 4) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -LABEL_LINES);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &w, NULL);
      set_source (cr, &c->fg, (int) i == self->hover ? 1.0 : 0.8);
      show_layout (cr, layout, centre - MAX (8, width - 4) / 2, self->plot.origin.y + self->plot.size.height + 6);
    }
}

/* The value over a bar (under it when negative), when it fits the slot. */
static void
draw_value (RsChart *self, cairo_t *cr, const Colours *c, Point *point, double centre, double y, gboolean strong)
{
  g_autoptr(PangoLayout) layout = make_layout (self, point->value_text, TRUE);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (w > self->slot - 2 && !strong)
    return;
  set_source (cr, &c->fg, strong ? 1.0 : 0.75);
  show_layout (cr, layout, centre - w / 2.0, point->value >= 0 ? y - h - 2 : y + 2);
}

static void
draw_bars (RsChart *self, cairo_t *cr, const Colours *c)
{
  for (guint i = 0; i < self->points->len; i++)
    {
      Point *point = get_point (self, i);
      const graphene_rect_t *a = &point->area;
      gboolean hover = (int) i == self->hover;
      double radius = MIN (4, a->size.width / 4);
      double x = a->origin.x, y = a->origin.y, w = a->size.width, h = a->size.height;

      /* Rounded at the end away from the baseline. */
      cairo_new_path (cr);
      if (point->value >= 0)
        {
          cairo_move_to (cr, x, y + h);
          cairo_arc (cr, x + radius, y + radius, radius, G_PI, 1.5 * G_PI);
          cairo_arc (cr, x + w - radius, y + radius, radius, 1.5 * G_PI, 2 * G_PI);
          cairo_line_to (cr, x + w, y + h);
        }
      else
        {
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + w, y);
          cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, 0.5 * G_PI);
          cairo_arc (cr, x + radius, y + h - radius, radius, 0.5 * G_PI, G_PI);
        }
      cairo_close_path (cr);
      set_source (cr, &c->accent, hover ? 1.0 : 0.82);
      cairo_fill_preserve (cr);
      if ((int) i == self->selected && gtk_widget_has_visible_focus (GTK_WIDGET (self)))
        {
          cairo_set_line_width (cr, 2);
          set_source (cr, &c->fg, 0.9);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
      draw_value (self, cr, c, point, x + w / 2, point->value >= 0 ? y : y + h, hover);
    }
}

static void
draw_line (RsChart *self, cairo_t *cr, const Colours *c)
{
  double y0 = value_to_y (self, 0);

  if (self->points->len == 0)
    return;

  /* A light area under the line, then the line, then the points. */
  cairo_new_path (cr);
  for (guint i = 0; i < self->points->len; i++)
    {
      double x = self->plot.origin.x + self->slot * (i + 0.5);
      cairo_line_to (cr, x, value_to_y (self, get_point (self, i)->value));
    }
  cairo_line_to (cr, self->plot.origin.x + self->slot * (self->points->len - 0.5), y0);
  cairo_line_to (cr, self->plot.origin.x + self->slot * 0.5, y0);
  cairo_close_path (cr);
  set_source (cr, &c->accent, 0.16);
  cairo_fill (cr);

  cairo_new_path (cr);
  for (guint i = 0; i < self->points->len; i++)
    cairo_line_to (cr, self->plot.origin.x + self->slot * (i + 0.5), value_to_y (self, get_point (self, i)->value));
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_source (cr, &c->line, 1.0);
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      Point *point = get_point (self, i);
      double x = self->plot.origin.x + self->slot * (i + 0.5);
      double y = value_to_y (self, point->value);
      gboolean hover = (int) i == self->hover;

      if (hover)
        {
          set_source (cr, &c->fg, 0.25);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, PIXEL (x), self->plot.origin.y);
          cairo_line_to (cr, PIXEL (x), self->plot.origin.y + self->plot.size.height);
          cairo_stroke (cr);
        }
      cairo_arc (cr, x, y, hover ? POINT_RADIUS + 1.5 : POINT_RADIUS, 0, 2 * G_PI);
      set_source (cr, &c->line, 1.0);
      cairo_fill (cr);
      if ((int) i == self->selected && gtk_widget_has_visible_focus (GTK_WIDGET (self)))
        {
          cairo_arc (cr, x, y, POINT_RADIUS + 4, 0, 2 * G_PI);
          set_source (cr, &c->fg, 0.9);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      if (hover || self->slot > 64)
        draw_value (self, cr, c, point, x, y - POINT_RADIUS, hover);
    }
}

static void
rs_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RsChart *self = RS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;
  Colours c;

  if (!self->laid_out || self->points->len == 0 || width <= 0 || height <= 0)
    return;

  get_colours (self, &c);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->caption_height > 0)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->caption, FALSE);
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      set_source (cr, &c.fg, 1.0);
      show_layout (cr, layout, PADDING, PADDING);
    }

  draw_axis (self, cr, &c);
  draw_labels (self, cr, &c);
  if (self->style == RS_CHART_BARS)
    draw_bars (self, cr, &c);
  else
    draw_line (self, cr, &c);
  cairo_destroy (cr);
}

/* ---- pointer and keyboard ----------------------------------------------- */

int
rs_chart_hit_test (RsChart *self, double x, double y)
{
  g_return_val_if_fail (RS_IS_CHART (self), -1);

  if (!self->laid_out)
    return -1;
  for (guint i = 0; i < self->points->len; i++)
    {
      graphene_rect_t area = get_point (self, i)->area;

      /* Short bars are hard to hit: the column above them counts too. */
      if (self->style == RS_CHART_BARS)
        graphene_rect_init (&area, area.origin.x, self->plot.origin.y, area.size.width,
                            MAX (area.origin.y + area.size.height, value_to_y (self, 0)) - self->plot.origin.y);
      if (graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT (x, y)))
        return (int) i;
    }
  return -1;
}

static void
set_hover (RsChart *self, int hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, RsChart *self)
{
  set_hover (self, rs_chart_hit_test (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller, RsChart *self)
{
  set_hover (self, -1);
}

static void
on_released (GtkGestureClick *gesture, int n_press, double x, double y, RsChart *self)
{
  int point = rs_chart_hit_test (self, x, y);

  if (point < 0)
    return;
  self->selected = point;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[POINT_ACTIVATED], 0, (guint) point);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state, RsChart *self)
{
  int n = (int) self->points->len;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      self->selected = self->selected <= 0 ? 0 : self->selected - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      self->selected = MIN (self->selected + 1, n - 1);
      break;
    case GDK_KEY_Home:
      self->selected = 0;
      break;
    case GDK_KEY_End:
      self->selected = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->selected < 0)
        return FALSE;
      g_signal_emit (self, signals[POINT_ACTIVATED], 0, (guint) self->selected);
      return TRUE;
    default:
      return FALSE;
    }
  /* The chosen point reads like the hovered one (its value shows). */
  self->hover = self->selected;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
rs_chart_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  RsChart *self = RS_CHART (widget);
  int i = keyboard ? self->selected : rs_chart_hit_test (self, x, y);
  g_autofree char *text = NULL;
  Point *point;

  if (i < 0 || (guint) i >= self->points->len)
    return FALSE;
  point = get_point (self, i);
  /* TRANSLATORS: a chart's tooltip: the point's label, then its value, e.g. "质量问题: ¥1,234.00" */
  text = g_strdup_printf (_("%s: %s"), point->label, point->value_text);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- data ---------------------------------------------------------------- */

/* "退款金额: 质量问题 1,234.00; 运输破损 500.00; …" for screen readers. */
static void
update_description (RsChart *self)
{
  g_autoptr(GString) text = g_string_new (self->caption != NULL ? self->caption : "");
  guint n = MIN (self->points->len, DESCRIBED_POINTS);

  if (self->points->len == 0)
    {
      g_string_append (text, text->len > 0 ? _(": ") : "");
      g_string_append (text, _("no figures"));
    }
  for (guint i = 0; i < n; i++)
    {
      Point *point = get_point (self, i);

      g_string_append (text, i == 0 ? (text->len > 0 ? _(": ") : "") : _("; "));
      /* TRANSLATORS: one point in a chart's description for screen readers: label and value */
      g_string_append_printf (text, _("%s %s"), point->label, point->value_text);
    }
  if (self->points->len > n)
    {
      guint more = self->points->len - n;

      g_string_append (text, _("; "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

void
rs_chart_set_style (RsChart *self, RsChartStyle style)
{
  g_return_if_fail (RS_IS_CHART (self));
  self->style = style;
  relayout (self);
}

RsChartStyle
rs_chart_get_style (RsChart *self)
{
  g_return_val_if_fail (RS_IS_CHART (self), RS_CHART_BARS);
  return self->style;
}

void
rs_chart_set_caption (RsChart *self, const char *caption)
{
  g_return_if_fail (RS_IS_CHART (self));
  g_free (self->caption);
  self->caption = g_strdup (caption);
  update_description (self);
  relayout (self);
}

void
rs_chart_set_points (RsChart *self, guint n_points, const char * const *labels, const double *values,
                     const char * const *value_texts)
{
  g_return_if_fail (RS_IS_CHART (self));

  g_array_set_size (self->points, 0);
  for (guint i = 0; i < n_points; i++)
    {
      Point point = { g_strdup (labels[i]), g_strdup (value_texts[i]), values[i], GRAPHENE_RECT_INIT (0, 0, 0, 0) };

      g_array_append_val (self->points, point);
    }
  self->hover = -1;
  self->selected = n_points > 0 ? 0 : -1;
  update_description (self);
  relayout (self);
}

guint
rs_chart_get_n_points (RsChart *self)
{
  g_return_val_if_fail (RS_IS_CHART (self), 0);
  return self->points->len;
}

const char *
rs_chart_get_label (RsChart *self, guint point)
{
  g_return_val_if_fail (RS_IS_CHART (self) && point < self->points->len, NULL);
  return get_point (self, point)->label;
}

double
rs_chart_get_value (RsChart *self, guint point)
{
  g_return_val_if_fail (RS_IS_CHART (self) && point < self->points->len, 0);
  return get_point (self, point)->value;
}

const char *
rs_chart_get_value_text (RsChart *self, guint point)
{
  g_return_val_if_fail (RS_IS_CHART (self) && point < self->points->len, NULL);
  return get_point (self, point)->value_text;
}

gboolean
rs_chart_get_point_area (RsChart *self, guint point, graphene_rect_t *area)
{
  g_return_val_if_fail (RS_IS_CHART (self) && point < self->points->len, FALSE);
  if (!self->laid_out)
    return FALSE;
  *area = get_point (self, point)->area;
  return TRUE;
}

void
rs_chart_show_popover (RsChart *self, guint point, GtkWidget *content)
{
  GdkRectangle pointing;
  graphene_rect_t area;

  g_return_if_fail (RS_IS_CHART (self) && point < self->points->len);

  if (self->popover == NULL)
    {
      self->popover = gtk_popover_new ();
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
    }
  gtk_popover_set_child (GTK_POPOVER (self->popover), content);
  if (rs_chart_get_point_area (self, point, &area))
    {
      /* A bar: its top; a point of the line: the point itself. */
      double y = self->style == RS_CHART_BARS ? area.origin.y : value_to_y (self, get_point (self, point)->value);

      pointing = (GdkRectangle) { (int) (area.origin.x + area.size.width / 2) - 1, (int) y - 1, 2, 2 };
      gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &pointing);
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* ---- the type ------------------------------------------------------------ */

static void
rs_chart_dispose (GObject *object)
{
  RsChart *self = RS_CHART (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  G_OBJECT_CLASS (rs_chart_parent_class)->dispose (object);
}

static void
rs_chart_finalize (GObject *object)
{
  RsChart *self = RS_CHART (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_free (self->caption);
  G_OBJECT_CLASS (rs_chart_parent_class)->finalize (object);
}

static void
rs_chart_class_init (RsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_chart_dispose;
  object_class->finalize = rs_chart_finalize;
  widget_class->snapshot = rs_chart_snapshot;
  widget_class->size_allocate = rs_chart_size_allocate;
  widget_class->measure = rs_chart_measure;
  widget_class->query_tooltip = rs_chart_query_tooltip;

  /* The index of the point clicked or chosen with Enter. */
  signals[POINT_ACTIVATED] = g_signal_new ("point-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rs_chart_init (RsChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, point_clear);
  self->hover = -1;
  self->selected = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_description (self);
}
