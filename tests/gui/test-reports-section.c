/* 统计: the presets give calendar periods around the program's clock; a report is worked out
 * in a thread and fills the table row for row; the chart draws the report's own figures, a
 * point's centre hits that point, and a bar's returns are the ones the report counted. All on
 * the demo company (64 returns over 90 days), made once with the clock pinned. */
#include "rs-gui-test.h"

#include <string.h>
#include "rs-chart.h"
#include "rs-reports-section.h"
#include "rs-pdf-report.h"

/* 2026-11-27 10:00 local time. */
static gint64 now_us;
static RsDatabase *database;
static RsSession *admin;

static GBytes *
make_photo (guint index, gpointer user_data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  gchar *data = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x806040ff + (index << 8));
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "jpeg", NULL, NULL));
  return g_bytes_new_take (data, size);
}

typedef struct {
  GtkWindow *window;
  RsReportsSection *section;
} Fixture;

static GtkWidget *
child (Fixture *f, const char *name)
{
  return rs_gui_test_child (f->section, RS_TYPE_REPORTS_SECTION, name);
}

/* Runs the main loop until the widget has a size (the chart lays out on allocation). */
static void
wait_allocated (GtkWidget *widget)
{
  for (int i = 0; i < 500 && (gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget)); i++)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->section = g_object_new (RS_TYPE_REPORTS_SECTION, "session", admin, NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 760);
  gtk_window_set_child (f->window, GTK_WIDGET (f->section));
  gtk_window_present (f->window);

  /* The main page refreshes a section when it is shown: that starts the report. */
  rs_section_refresh (RS_SECTION (f->section));
  {
    gboolean busy = FALSE;

    g_object_get (f->section, "busy", &busy, NULL);
    g_assert_true (busy);   /* in its thread: the call came back before the report */
  }
  rs_gui_test_wait_idle (f->section);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
}

static void
select_and_wait (Fixture *f, const char *dropdown, guint position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, dropdown)), position);
  rs_gui_test_wait_idle (f->section);
}

/* ---- periods ---- */

static gint64
local_time (int year, int month, int day)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, 10, 0, 0);

  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
assert_period (RsReportsPeriod period, gint64 now, const char *from, const char *to)
{
  g_autofree char *got_from = NULL;
  g_autofree char *got_to = NULL;

  rs_reports_period_range (period, now, &got_from, &got_to);
  g_assert_cmpstr (got_from, ==, from);
  g_assert_cmpstr (got_to, ==, to);
}

static void
test_period_presets (void)
{
  gint64 november = local_time (2026, 11, 27);
  gint64 january = local_time (2026, 1, 15);
  gint64 leap = local_time (2028, 2, 10);

  assert_period (RS_REPORTS_THIS_MONTH, november, "2026-11-01", "2026-11-30");
  assert_period (RS_REPORTS_LAST_MONTH, november, "2026-10-01", "2026-10-31");
  assert_period (RS_REPORTS_THIS_QUARTER, november, "2026-10-01", "2026-12-31");
  assert_period (RS_REPORTS_THIS_YEAR, november, "2026-01-01", "2026-12-31");
  /* Across the year's start, and February of a leap year. */
  assert_period (RS_REPORTS_LAST_MONTH, january, "2025-12-01", "2025-12-31");
  assert_period (RS_REPORTS_THIS_QUARTER, january, "2026-01-01", "2026-03-31");
  assert_period (RS_REPORTS_THIS_MONTH, leap, "2028-02-01", "2028-02-29");
  assert_period (RS_REPORTS_THIS_QUARTER, leap, "2028-01-01", "2028-03-31");
}

/* Choosing a preset in the list reruns the report over it (the clock is pinned). */
static void
test_period_dropdown (Fixture *f, gconstpointer data)
{
  const char *from, *to;
  RsReport *report;

  rs_reports_section_get_range (f->section, &from, &to);
  g_assert_cmpstr (from, ==, "2026-01-01");   /* the year so far by default */
  g_assert_cmpstr (to, ==, "2026-12-31");

  select_and_wait (f, "period_dropdown", RS_REPORTS_LAST_MONTH);
  rs_reports_section_get_range (f->section, &from, &to);
  g_assert_cmpstr (from, ==, "2026-10-01");
  g_assert_cmpstr (to, ==, "2026-10-31");
  report = rs_reports_section_get_report (f->section);
  g_assert_nonnull (report);
  g_assert_cmpstr (rs_report_get_from (report), ==, "2026-10-01");
  g_assert_cmpstr (rs_report_get_to (report), ==, "2026-10-31");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (child (f, "from_button"))), ==, "2026-10-01");

  /* A day picked in a calendar makes the range custom. */
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 10, 15, 12, 0, 0);

    gtk_calendar_select_day (GTK_CALENDAR (child (f, "from_calendar")), day);
    g_signal_emit_by_name (child (f, "from_calendar"), "day-selected");
    rs_gui_test_wait_idle (f->section);
  }
  rs_reports_section_get_range (f->section, &from, &to);
  g_assert_cmpstr (from, ==, "2026-10-15");
  g_assert_cmpstr (to, ==, "2026-10-31");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (child (f, "period_dropdown"))), ==, RS_REPORTS_CUSTOM);
  g_assert_cmpstr (rs_report_get_from (rs_reports_section_get_report (f->section)), ==, "2026-10-15");
}

/* ---- the table ---- */

static void
test_table_filled (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) expected = rs_reports_returns (admin, RS_REPORT_BY_REASON, "2026-01-01", "2026-12-31", &error);
  RsReport *report = rs_reports_section_get_report (f->section);
  GtkColumnView *view = GTK_COLUMN_VIEW (child (f, "table_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  RsTable *table, *want;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack"))), ==, "report");
  table = rs_report_get_table (report);
  want = rs_report_get_table (expected);

  /* Every row, the total too, and every column under its name. */
  g_assert_cmpuint (rs_report_get_n_rows (report), >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, rs_table_get_n_rows (want));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, rs_table_get_n_columns (want));
  for (guint c = 0; c < rs_table_get_n_columns (want); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, rs_table_get_column_name (want, c));
    }
  for (guint r = 0; r < rs_table_get_n_rows (want); r++)
    for (guint c = 0; c < rs_table_get_n_columns (want); c++)
      {
        g_autofree char *got = rs_table_format_cell (table, r, c);
        g_autofree char *wanted = rs_table_format_cell (want, r, c);
        g_assert_cmpstr (got, ==, wanted);
      }

  /* Every report of the list runs and shows, or says there is nothing. */
  for (guint i = RS_REPORTS_BY_REASON; i <= RS_REPORTS_MOVEMENTS; i++)
    {
      const char *page;

      select_and_wait (f, "report_dropdown", i);
      page = gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack")));
      g_assert_true (g_str_equal (page, "report") || g_str_equal (page, "empty"));
      g_assert_nonnull (rs_reports_section_get_report (f->section));
    }
}

/* ---- the chart ---- */

static double
fen_or_milli (RsTable *table, guint row, guint column)
{
  gint64 v = rs_table_get_int (table, row, column);

  return rs_table_get_column_type (table, column) == RS_TABLE_MONEY ? v / 100.0 : v / 1000.0;
}

static int
column_of (RsReport *report, const char *key)
{
  for (guint c = 0; c < rs_table_get_n_columns (rs_report_get_table (report)); c++)
    if (g_strcmp0 (rs_report_get_column_key (report, c), key) == 0)
      return (int) c;
  g_assert_not_reached ();
}

static void
test_chart_bars (Fixture *f, gconstpointer data)
{
  RsChart *chart = RS_CHART (child (f, "chart"));
  RsReport *report = rs_reports_section_get_report (f->section);
  RsTable *table = rs_report_get_table (report);
  int name = column_of (report, "name");
  int value = column_of (report, "refund_value");

  wait_allocated (GTK_WIDGET (chart));
  g_assert_cmpint (rs_chart_get_style (chart), ==, RS_CHART_BARS);
  /* Reasons in their order, one bar each, the refund value by default. */
  g_assert_cmpuint (rs_chart_get_n_points (chart), ==, rs_report_get_n_rows (report));
  for (guint i = 0; i < rs_chart_get_n_points (chart); i++)
    {
      g_autofree char *text = rs_table_display_cell (table, i, value);
      graphene_rect_t area;
      graphene_point_t centre;

      g_assert_cmpstr (rs_chart_get_label (chart, i), ==, rs_table_get_text (table, i, name));
      g_assert_cmpstr (rs_chart_get_value_text (chart, i), ==, text);
      g_assert_cmpfloat_with_epsilon (rs_chart_get_value (chart, i), fen_or_milli (table, i, value), 1e-9);

      /* Clicking the bar's centre gives that reason; taller bars for larger figures. */
      g_assert_true (rs_chart_get_point_area (chart, i, &area));
      graphene_rect_get_center (&area, &centre);
      g_assert_cmpint (rs_chart_hit_test (chart, centre.x, centre.y), ==, (int) i);
      for (guint j = 0; j < rs_chart_get_n_points (chart); j++)
        if (rs_chart_get_value (chart, j) > rs_chart_get_value (chart, i) + 1e-9)
          {
            graphene_rect_t other;
            g_assert_true (rs_chart_get_point_area (chart, j, &other));
            g_assert_cmpfloat (other.size.height, >, area.size.height);
          }
    }
  /* Outside the plot, nothing. */
  g_assert_cmpint (rs_chart_hit_test (chart, 1, 1), ==, -1);

  /* Another figure: the bars follow it. */
  {
    int count = column_of (report, "returns");
    guint position = G_MAXUINT;
    GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (child (f, "metric_dropdown")));

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      {
        g_autoptr(GtkStringObject) item = g_list_model_get_item (names, i);
        if (g_str_equal (gtk_string_object_get_string (item), rs_table_get_column_name (table, count)))
          position = i;
      }
    g_assert_cmpuint (position, !=, G_MAXUINT);
    g_assert_cmpuint (position, !=, gtk_drop_down_get_selected (GTK_DROP_DOWN (child (f, "metric_dropdown"))));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "metric_dropdown")), position);
    for (guint i = 0; i < rs_chart_get_n_points (chart); i++)
      g_assert_cmpfloat (rs_chart_get_value (chart, i), ==, (double) rs_table_get_int (table, i, count));
  }

  /* Months: a line with a point a month. */
  select_and_wait (f, "report_dropdown", RS_REPORTS_BY_MONTH);
  report = rs_reports_section_get_report (f->section);
  g_assert_cmpint (rs_chart_get_style (chart), ==, RS_CHART_LINE);
  g_assert_cmpuint (rs_chart_get_n_points (chart), ==, rs_report_get_n_rows (report));
  g_assert_cmpuint (rs_chart_get_n_points (chart), >=, 3);   /* 90 days of returns */
  for (guint i = 0; i < rs_chart_get_n_points (chart); i++)
    g_assert_cmpstr (rs_chart_get_label (chart, i), ==,
                     rs_table_get_text (rs_report_get_table (report), i, column_of (report, "name")));
}

/* A bar's returns: as many as the report counted, adding up to its refund value. */
static void
test_bar_returns (Fixture *f, gconstpointer data)
{
  RsChart *chart = RS_CHART (child (f, "chart"));
  RsReport *report = rs_reports_section_get_report (f->section);
  RsTable *table = rs_report_get_table (report);
  int count = column_of (report, "returns");
  int value = column_of (report, "refund_value");

  wait_allocated (GTK_WIDGET (chart));
  for (guint i = 0; i < rs_chart_get_n_points (chart); i++)
    {
      RsTable *returns;
      gint64 sum = 0;

      g_signal_emit_by_name (chart, "point-activated", i);
      rs_gui_test_wait_idle (f->section);
      returns = rs_reports_section_get_returns_list (f->section);
      g_assert_nonnull (returns);
      g_assert_cmpint (rs_table_get_n_rows (returns), ==, rs_table_get_int (table, i, count));
      for (guint r = 0; r < rs_table_get_n_rows (returns); r++)
        {
          g_autoptr(RsReturn) ret = rs_returns_lookup (admin, rs_table_get_text (returns, r, 0), NULL);

          g_assert_nonnull (ret);
          sum += rs_table_get_int (returns, r, 4);
        }
      g_assert_cmpint (sum, ==, rs_table_get_int (table, i, value));
    }
}

/* Closing the window (logging out) while a report is worked out: the thread's task keeps the
 * section until its result has come, which lands in a section no window shows, quietly. */
static void
test_closed_while_busy (Fixture *f, gconstpointer data)
{
  g_autoptr(RsReportsSection) section = g_object_ref (f->section);
  gboolean busy = FALSE;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "report_dropdown")), RS_REPORTS_BY_PRODUCT);
  g_object_get (section, "busy", &busy, NULL);
  g_assert_true (busy);
  gtk_window_destroy (f->window);
  f->window = NULL;
  rs_gui_test_wait_idle (section);   /* G_DEBUG=fatal-warnings: no critical on the way */
  g_assert_null (gtk_widget_get_root (GTK_WIDGET (section)));
}

/* What Ctrl+P saves: the report shown as a PDF with its header, table and total. */
static void
test_pdf (Fixture *f, gconstpointer data)
{
  RsReport *report = rs_reports_section_get_report (f->section);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsPdfDocument) doc = rs_pdf_report_build (admin, report, -1, &error);
  g_autoptr(GBytes) pdf = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(RsSession) viewer = rs_test_add_user (database, "reports-viewer", RS_ROLE_VIEWER);
  g_autoptr(RsPdfDocument) refused = NULL;

  g_assert_no_error (error);
  pdf = rs_pdf_document_render (doc, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) == 0);
  g_assert_cmpuint (rs_pdf_document_get_n_pages (doc), >=, 1);

  /* Reports are for the roles that may see them. */
  refused = rs_pdf_report_build (viewer, report, -1, &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_assert_null (refused);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) demo = NULL;

  rs_gui_test_init (&argc, &argv);
  now_us = local_time (2026, 11, 27);
  rs_clock_set_fixed (now_us);
  database = rs_test_open_initialized ();
  admin = rs_test_login (database, "admin");
  demo = rs_demo_fill (admin, make_photo, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/reports-section/period-presets", test_period_presets);
  g_test_add ("/reports-section/period-dropdown", Fixture, NULL, fixture_setup, test_period_dropdown, fixture_teardown);
  g_test_add ("/reports-section/table-filled", Fixture, NULL, fixture_setup, test_table_filled, fixture_teardown);
  g_test_add ("/reports-section/chart-bars", Fixture, NULL, fixture_setup, test_chart_bars, fixture_teardown);
  g_test_add ("/reports-section/bar-returns", Fixture, NULL, fixture_setup, test_bar_returns, fixture_teardown);
  g_test_add ("/reports-section/closed-while-busy", Fixture, NULL, fixture_setup, test_closed_while_busy, fixture_teardown);
  g_test_add ("/reports-section/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  return g_test_run ();
}
