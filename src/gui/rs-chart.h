/* rs-chart.h — a bar or line chart of a report's figures, drawn with cairo and Pango.
 *
 * One series: a label and a value a point (a bar, or a point of the line). Colours come
 * from the style (the text colour and the accent), so the chart follows dark mode. The
 * pointer shows a point's label and value; clicking it, or Enter on the point chosen with
 * the arrow keys, emits "point-activated". The accessible description sums the figures up.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  RS_CHART_BARS,   /* categories */
  RS_CHART_LINE,   /* a time series (months) */
} RsChartStyle;

#define RS_TYPE_CHART (rs_chart_get_type ())
G_DECLARE_FINAL_TYPE (RsChart, rs_chart, RS, CHART, GtkWidget)

GtkWidget    *rs_chart_new             (void);

void          rs_chart_set_style       (RsChart            *self,
                                        RsChartStyle        style);
RsChartStyle  rs_chart_get_style       (RsChart            *self);
/* What the values are ("退款金额"): the chart's heading and the start of its description. */
void          rs_chart_set_caption     (RsChart            *self,
                                        const char         *caption);
/* Replaces the points. values are in the unit the axis shows (yuan, hours, pieces): drawing
 * only, never added up; value_texts are what people read (the table's formatting). */
void          rs_chart_set_points      (RsChart            *self,
                                        guint               n_points,
                                        const char * const *labels,
                                        const double       *values,
                                        const char * const *value_texts);

guint         rs_chart_get_n_points    (RsChart            *self);
const char   *rs_chart_get_label       (RsChart            *self,
                                        guint               point);
double        rs_chart_get_value       (RsChart            *self,
                                        guint               point);
const char   *rs_chart_get_value_text  (RsChart            *self,
                                        guint               point);
/* Where a point is drawn in widget coordinates (its bar, or a square around the line's
 * point), as laid out at the current size. FALSE before the first layout. */
gboolean      rs_chart_get_point_area  (RsChart            *self,
                                        guint               point,
                                        graphene_rect_t    *area);
/* The point at x, y (widget coordinates), or -1. */
int           rs_chart_hit_test        (RsChart            *self,
                                        double              x,
                                        double              y);

/* Shows content in a popover pointing at the point (replacing one shown before). */
void          rs_chart_show_popover    (RsChart            *self,
                                        guint               point,
                                        GtkWidget          *content);

G_END_DECLS
