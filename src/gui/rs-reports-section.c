/* rs-reports-section.c — 统计. A report is worked out in a GTask thread on a second
 * connection (rs_session_reopen): over a long range it takes seconds, and the window must
 * not stop. The table shows the report's RsTable as it is; the chart one numeric column of
 * it; printing and export take the same RsReport, so all three agree. */
#include "rs-reports-section.h"
#include "rs-column.h"
#include "rs-chart.h"
#include "rs-gui-util.h"
#include "rs-pdf-report.h"

#include <stdio.h>
#include <string.h>

/* Bars of products, customers … beyond these are left to the table. */
#define MAX_BARS 12

/* ---- a row of the table: its index in the report's RsTable ---- */

#define RS_TYPE_REPORT_ROW (rs_report_row_get_type ())
G_DECLARE_FINAL_TYPE (RsReportRow, rs_report_row, RS, REPORT_ROW, GObject)

struct _RsReportRow
{
  GObject parent_instance;
  guint row;
};

G_DEFINE_FINAL_TYPE (RsReportRow, rs_report_row, G_TYPE_OBJECT)

static void rs_report_row_class_init (RsReportRowClass *klass) { }
static void rs_report_row_init (RsReportRow *self) { }

static RsReportRow *
rs_report_row_new (guint row)
{
  RsReportRow *self = g_object_new (RS_TYPE_REPORT_ROW, NULL);

  self->row = row;
  return self;
}

/* ---- the section ---- */

struct _RsReportsSection
{
  AdwBin parent_instance;

  RsSession *session;
  GSimpleActionGroup *actions;
  GtkWidget *header;          /* owned by the main page */
  guint n_running;            /* threads not finished yet: "busy" */
  guint generation;           /* the newest report asked for; older results are dropped */
  gboolean updating;          /* setting the controls from code */

  char *from, *to;
  RsReport *report;           /* shown; NULL while none is */
  RsReportsChoice shown;      /* what report is */
  GPtrArray *keys;            /* "key" of each data row (returns reports) */
  GArray *chart_rows;         /* guint: the table row of each chart point */
  GArray *metrics;            /* guint: the numeric columns the chart may show */
  char *metric_key;           /* the column the chart shows, kept across reports */
  RsTable *returns_list;      /* the returns behind the point last clicked */

  GtkDropDown *report_dropdown;
  GtkDropDown *period_dropdown;
  GtkWidget *range_box;
  GtkMenuButton *from_button;
  GtkMenuButton *to_button;
  GtkCalendar *from_calendar;
  GtkCalendar *to_calendar;
  GtkDropDown *metric_dropdown;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkWidget *chart_frame;
  RsChart *chart;
  GtkColumnView *table_view;
};

static void rs_reports_section_iface_init (RsSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsReportsSection, rs_reports_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RS_TYPE_SECTION, rs_reports_section_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const choice_names[] = {
  [RS_REPORTS_BY_REASON] = N_("Returns by reason"),
  [RS_REPORTS_BY_PRODUCT] = N_("Returns by product"),
  [RS_REPORTS_BY_CATEGORY] = N_("Returns by category"),
  [RS_REPORTS_BY_CUSTOMER] = N_("Returns by customer"),
  [RS_REPORTS_BY_SUPPLIER] = N_("Returns by supplier"),
  [RS_REPORTS_BY_DISPOSITION] = N_("Returns by disposition"),
  [RS_REPORTS_BY_MONTH] = N_("Returns by month"),
  [RS_REPORTS_STAGES] = N_("Stage times"),
  [RS_REPORTS_STOCK] = N_("Stock on hand"),
  [RS_REPORTS_MOVEMENTS] = N_("Stock movements"),
};

static const char * const period_names[] = {
  [RS_REPORTS_THIS_MONTH] = N_("This month"),
  [RS_REPORTS_LAST_MONTH] = N_("Last month"),
  [RS_REPORTS_THIS_QUARTER] = N_("This quarter"),
  [RS_REPORTS_THIS_YEAR] = N_("This year"),
  [RS_REPORTS_CUSTOM] = N_("Custom range"),
};

static gboolean
is_returns (RsReportsChoice choice)
{
  return choice <= RS_REPORTS_BY_MONTH;
}

static RsReportDimension
dimension_of (RsReportsChoice choice)
{
  static const RsReportDimension dimensions[] = {
    [RS_REPORTS_BY_REASON] = RS_REPORT_BY_REASON,
    [RS_REPORTS_BY_PRODUCT] = RS_REPORT_BY_PRODUCT,
    [RS_REPORTS_BY_CATEGORY] = RS_REPORT_BY_CATEGORY,
    [RS_REPORTS_BY_CUSTOMER] = RS_REPORT_BY_CUSTOMER,
    [RS_REPORTS_BY_SUPPLIER] = RS_REPORT_BY_SUPPLIER,
    [RS_REPORTS_BY_DISPOSITION] = RS_REPORT_BY_DISPOSITION,
    [RS_REPORTS_BY_MONTH] = RS_REPORT_BY_MONTH,
  };

  g_return_val_if_fail (is_returns (choice), RS_REPORT_BY_REASON);
  return dimensions[choice];
}

static RsReportsChoice
current_choice (RsReportsSection *self)
{
  return (RsReportsChoice) MIN (gtk_drop_down_get_selected (self->report_dropdown), RS_REPORTS_MOVEMENTS);
}

static void
set_busy (RsReportsSection *self, gboolean busy)
{
  gboolean was = self->n_running > 0;

  if (busy)
    self->n_running++;
  else
    self->n_running--;
  if (was != (self->n_running > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (RsReportsSection *self)
{
  gboolean ready = self->report != NULL;
  const char *names[] = { "print", "export-csv", "export-xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i])),
                                 ready);
}

/* ---- periods ------------------------------------------------------------- */

static char *
format_day (int year, int month, int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

void
rs_reports_period_range (RsReportsPeriod period, gint64 now_us, char **from, char **to)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (now_us / G_USEC_PER_SEC);
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  int first, last;

  switch (period)
    {
    case RS_REPORTS_LAST_MONTH:
      if (--month == 0)
        {
          month = 12;
          year--;
        }
      G_GNUC_FALLTHROUGH;
    case RS_REPORTS_THIS_MONTH:
    case RS_REPORTS_CUSTOM:
    default:
      first = last = month;
      break;
    case RS_REPORTS_THIS_QUARTER:
      first = (month - 1) / 3 * 3 + 1;
      last = first + 2;
      break;
    case RS_REPORTS_THIS_YEAR:
      first = 1;
      last = 12;
      break;
    }
  *from = format_day (year, first, 1);
  *to = format_day (year, last, g_date_get_days_in_month ((GDateMonth) last, (GDateYear) year));
}

void
rs_reports_section_get_range (RsReportsSection *self, const char **from, const char **to)
{
  g_return_if_fail (RS_IS_REPORTS_SECTION (self));
  *from = self->from;
  *to = self->to;
}

static void
calendar_show (GtkCalendar *calendar, GtkMenuButton *button, const char *day)
{
  int y, m, d;

  gtk_menu_button_set_label (button, day);
  if (sscanf (day, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (y, m, d, 12, 0, 0);

      if (when != NULL)
        gtk_calendar_select_day (calendar, when);
    }
}

static void
show_range (RsReportsSection *self)
{
  self->updating = TRUE;
  calendar_show (self->from_calendar, self->from_button, self->from);
  calendar_show (self->to_calendar, self->to_button, self->to);
  self->updating = FALSE;
}

/* ---- running a report ---------------------------------------------------- */

typedef struct
{
  RsSession *session;     /* the window's: only its file and user are read */
  RsReportsChoice choice;
  char *from, *to;
  guint generation;
  char *key;              /* a group's returns: its key */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_object_unref (job->session);
  g_free (job->from);
  g_free (job->to);
  g_free (job->key);
  g_free (job);
}

typedef struct
{
  RsReport *report;
  GPtrArray *keys;
} Outcome;

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_clear_object (&outcome->report);
  g_clear_pointer (&outcome->keys, g_ptr_array_unref);
  g_free (outcome);
}

static Job *
job_new (RsReportsSection *self)
{
  Job *job = g_new0 (Job, 1);

  job->session = g_object_ref (self->session);
  job->choice = current_choice (self);
  job->from = g_strdup (self->from);
  job->to = g_strdup (self->to);
  job->generation = self->generation;
  return job;
}

static RsReport *
make_report (RsSession *session, RsReportsChoice choice, const char *from, const char *to, GError **error)
{
  if (is_returns (choice))
    return rs_reports_returns (session, dimension_of (choice), from, to, error);
  if (choice == RS_REPORTS_STAGES)
    return rs_reports_stages (session, from, to, error);
  if (choice == RS_REPORTS_STOCK)
    return rs_reports_stock (session, error);
  return rs_reports_movements (session, from, to, error);
}

/* The rows' keys are in the JSON only (reason codes, category names …). */
static GPtrArray *
row_keys (RsReport *report)
{
  g_autoptr(JsonNode) json = rs_report_to_json (report);
  JsonArray *rows = json_object_get_array_member (json_node_get_object (json), "rows");
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonNode *key = json_object_get_member (row, "key");

      g_ptr_array_add (keys, g_strdup (key != NULL && JSON_NODE_HOLDS_VALUE (key) ? json_node_get_string (key) : ""));
    }
  return keys;
}

static void
report_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSession) session = rs_session_reopen (job->session, &error);
  Outcome *outcome;
  RsReport *report = NULL;

  if (session != NULL)
    report = make_report (session, job->choice, job->from, job->to, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  outcome = g_new0 (Outcome, 1);
  outcome->report = report;
  outcome->keys = is_returns (job->choice) ? row_keys (report) : g_ptr_array_new_with_free_func (g_free);
  g_task_return_pointer (task, outcome, outcome_free);
}

static void show_report (RsReportsSection *self, RsReportsChoice choice, Outcome *outcome);

static void
report_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsReportsSection *self = RS_REPORTS_SECTION (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Outcome *outcome = g_task_propagate_pointer (G_TASK (result), &error);

  if (job->generation == self->generation)
    {
      gtk_spinner_stop (self->spinner);
      if (outcome != NULL)
        show_report (self, job->choice, outcome);
      else
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
    }
  g_clear_pointer (&outcome, outcome_free);
  set_busy (self, FALSE);
}

static void
run_report (RsReportsSection *self)
{
  g_autoptr(GTask) task = NULL;
  RsReportsChoice choice = current_choice (self);

  /* A report of now has no period. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_dropdown), choice != RS_REPORTS_STOCK);
  gtk_widget_set_sensitive (self->range_box, choice != RS_REPORTS_STOCK);

  self->generation++;
  g_clear_object (&self->report);
  update_actions (self);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  set_busy (self, TRUE);
  task = rs_gui_widget_task_new (GTK_WIDGET (self), NULL, report_done, NULL);
  g_task_set_source_tag (task, run_report);
  g_task_set_task_data (task, job_new (self), job_free);
  g_task_run_in_thread (task, report_thread);
}

/* ---- the table ----------------------------------------------------------- */

static void
cell_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), numeric ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory, GtkListItem *item, RsReportsSection *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  RsReportRow *row = RS_REPORT_ROW (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (self->report == NULL)
    return;
  text = rs_table_display_cell (rs_report_get_table (self->report), row->row, column);
  gtk_label_set_text (GTK_LABEL (label), text);
  if (row->row >= rs_report_get_n_rows (self->report))
    gtk_widget_add_css_class (label, "rs-report-total");
  else
    gtk_widget_remove_css_class (label, "rs-report-total");
}

static void
remove_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (view, column);
    }
}

static void
fill_table (RsReportsSection *self)
{
  RsTable *table = rs_report_get_table (self->report);
  g_autoptr(GListStore) rows = g_list_store_new (RS_TYPE_REPORT_ROW);
  GtkSingleSelection *selection;

  gtk_column_view_set_model (self->table_view, NULL);
  remove_columns (self->table_view);
  for (guint c = 0; c < rs_table_get_n_columns (table); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      gboolean numeric = rs_table_get_column_type (table, c) != RS_TABLE_TEXT;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), self);
      column = gtk_column_view_column_new (rs_table_get_column_name (table, c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* The group's name takes what is left. */
      gtk_column_view_column_set_expand (column, c == 0 || (!numeric && c == 1));
      gtk_column_view_append_column (self->table_view, column);
    }
  for (guint r = 0; r < rs_table_get_n_rows (table); r++)
    {
      g_autoptr(RsReportRow) row = rs_report_row_new (r);
      g_list_store_append (rows, row);
    }
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* ---- the chart ----------------------------------------------------------- */

static int
find_column (RsReport *report, const char *key)
{
  RsTable *table = rs_report_get_table (report);

  for (guint c = 0; c < rs_table_get_n_columns (table); c++)
    if (g_strcmp0 (rs_report_get_column_key (report, c), key) == 0)
      return (int) c;
  return -1;
}

/* A cell as the axis reads it: yuan, units, hours. */
static double
chart_value (RsTable *table, guint row, guint column)
{
  if (!rs_table_has_value (table, row, column))
    return 0;
  switch (rs_table_get_column_type (table, column))
    {
    case RS_TABLE_MONEY:
      return rs_table_get_int (table, row, column) / 100.0;
    case RS_TABLE_QUANTITY:
      return rs_table_get_int (table, row, column) / 1000.0;
    default:
      return (double) rs_table_get_int (table, row, column);
    }
}

typedef struct
{
  RsTable *table;
  guint column;
} Ranking;

/* Largest first; equal ones in the report's order. */
static int
compare_rows (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Ranking *ranking = user_data;
  double va = chart_value (ranking->table, *(const guint *) a, ranking->column);
  double vb = chart_value (ranking->table, *(const guint *) b, ranking->column);

  if (va != vb)
    return va > vb ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

static void
update_chart (RsReportsSection *self)
{
  RsTable *table;
  guint metric;
  int name_column;
  guint n;
  gboolean ranked;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *caption = NULL;
  g_autofree char *accessible = NULL;
  guint selected = gtk_drop_down_get_selected (self->metric_dropdown);

  if (self->report == NULL || self->metrics->len == 0 || selected >= self->metrics->len)
    return;
  table = rs_report_get_table (self->report);
  metric = g_array_index (self->metrics, guint, selected);
  g_free (self->metric_key);
  self->metric_key = g_strdup (rs_report_get_column_key (self->report, metric));
  name_column = find_column (self->report, "name");
  if (name_column < 0)
    name_column = 0;

  /* Products, customers …: the largest by the figure shown; the others keep their order. */
  g_array_set_size (self->chart_rows, 0);
  for (guint r = 0; r < rs_report_get_n_rows (self->report); r++)
    g_array_append_val (self->chart_rows, r);
  ranked = self->shown == RS_REPORTS_BY_PRODUCT || self->shown == RS_REPORTS_BY_CUSTOMER ||
           self->shown == RS_REPORTS_BY_SUPPLIER || self->shown == RS_REPORTS_BY_CATEGORY;
  if (ranked)
    {
      Ranking ranking = { table, metric };

      g_array_sort_with_data (self->chart_rows, compare_rows, &ranking);
      if (self->chart_rows->len > MAX_BARS)
        g_array_set_size (self->chart_rows, MAX_BARS);
    }

  n = self->chart_rows->len;
  for (guint i = 0; i < n; i++)
    {
      guint r = g_array_index (self->chart_rows, guint, i);
      const char *label = rs_table_get_text (table, r, name_column);
      double v = chart_value (table, r, metric);

      g_ptr_array_add (labels, g_strdup (label != NULL && *label != '\0' ? label : "—"));
      g_array_append_val (values, v);
      g_ptr_array_add (texts, rs_table_has_value (table, r, metric) ? rs_table_display_cell (table, r, metric) : g_strdup ("—"));
    }

  /* The figure is named by the list over the chart; the heading says what is counted. */
  if (ranked && rs_report_get_n_rows (self->report) > MAX_BARS)
    /* TRANSLATORS: a chart's heading: the report's title (e.g. "Returns by product"), then how many bars */
    caption = g_strdup_printf (_("%s, the largest %u"), rs_table_get_title (table), (guint) MAX_BARS);
  else
    caption = g_strdup (rs_table_get_title (table));
  rs_chart_set_style (self->chart, self->shown == RS_REPORTS_BY_MONTH ? RS_CHART_LINE : RS_CHART_BARS);
  rs_chart_set_caption (self->chart, caption);
  rs_chart_set_points (self->chart, n, (const char * const *) labels->pdata, (const double *) values->data,
                       (const char * const *) texts->pdata);
  /* TRANSLATORS: the accessible name of a report's chart: the figure (e.g. "Refund value"), the report */
  accessible = g_strdup_printf (_("Chart of %s: %s"), rs_table_get_column_name (table, metric), caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* The numeric columns, into the chart's list; the one shown before stays when it can. */
static void
fill_metrics (RsReportsSection *self)
{
  RsTable *table = rs_report_get_table (self->report);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *preferred[] = { self->metric_key, "refund_value", "median_hours", "value" };
  guint selected = 0;
  gboolean found = FALSE;

  g_array_set_size (self->metrics, 0);
  for (guint c = 0; c < rs_table_get_n_columns (table); c++)
    if (rs_table_get_column_type (table, c) != RS_TABLE_TEXT)
      {
        g_array_append_val (self->metrics, c);
        gtk_string_list_append (names, rs_table_get_column_name (table, c));
      }
  for (guint p = 0; p < G_N_ELEMENTS (preferred) && !found; p++)
    for (guint i = 0; i < self->metrics->len && !found; i++)
      if (g_strcmp0 (rs_report_get_column_key (self->report, g_array_index (self->metrics, guint, i)), preferred[p]) == 0)
        {
          selected = i;
          found = TRUE;
        }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->metric_dropdown, selected);
  self->updating = FALSE;
}

static const char *
empty_description (RsReportsChoice choice)
{
  if (is_returns (choice))
    return _("No approved returns were requested in this period. Choose another period or report.");
  if (choice == RS_REPORTS_STAGES)
    return _("No returns were requested in this period. Choose another period or report.");
  if (choice == RS_REPORTS_STOCK)
    return _("No warehouse holds stock yet.");
  return _("No slips were posted in this period. Choose another period or report.");
}

static void
show_report (RsReportsSection *self, RsReportsChoice choice, Outcome *outcome)
{
  /* Stock movements have several rows a month (one per purpose): a table, not a chart. */
  gboolean chart = choice != RS_REPORTS_MOVEMENTS;

  g_set_object (&self->report, outcome->report);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  self->keys = g_ptr_array_ref (outcome->keys);
  self->shown = choice;
  update_actions (self);

  if (rs_report_get_n_rows (self->report) == 0)
    {
      adw_status_page_set_description (self->empty_page, empty_description (choice));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_table (self);
  gtk_widget_set_visible (self->chart_frame, chart);
  if (chart)
    {
      fill_metrics (self);
      update_chart (self);
    }
  gtk_stack_set_visible_child_name (self->stack, "report");
}

RsReport *
rs_reports_section_get_report (RsReportsSection *self)
{
  g_return_val_if_fail (RS_IS_REPORTS_SECTION (self), NULL);
  return self->report;
}

const char *
rs_reports_section_get_row_key (RsReportsSection *self, guint row)
{
  g_return_val_if_fail (RS_IS_REPORTS_SECTION (self), NULL);
  g_return_val_if_fail (self->keys != NULL && row < self->keys->len, NULL);
  return g_ptr_array_index (self->keys, row);
}

/* ---- the returns behind a bar -------------------------------------------- */

static void
group_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSession) session = rs_session_reopen (job->session, &error);
  RsTable *table = NULL;

  if (session != NULL)
    table = rs_reports_returns_group (session, dimension_of (job->choice), job->key, job->from, job->to, &error);
  if (table == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, table, g_object_unref);
}

static void
on_return_activated (GtkListBox *list, GtkListBoxRow *row, RsReportsSection *self)
{
  const char *number = gtk_widget_get_name (GTK_WIDGET (row));

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER)));
  rs_gui_open (GTK_WIDGET (self), "returns", number);
}

/* A popover at the point: its label, then its returns, each opening in 退货. */
static GtkWidget *
returns_popover (RsReportsSection *self, const char *title, RsTable *table)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  guint n = rs_table_get_n_rows (table);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u return", "%u returns", n), n);
  GtkWidget *subtitle = gtk_label_new (count);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), subtitle);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  /* TRANSLATORS: the accessible name of the list of returns behind a bar of a chart */
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Returns of this group"), -1);
  for (guint r = 0; r < n; r++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *value = rs_table_display_cell (table, r, 4);
      g_autofree char *line = g_strdup_printf ("%s · %s", rs_table_get_text (table, r, 1), rs_table_get_text (table, r, 2));
      GtkWidget *amount = gtk_label_new (value);

      gtk_widget_set_name (row, rs_table_get_text (table, r, 0));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rs_table_get_text (table, r, 0));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      gtk_widget_add_css_class (amount, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (on_return_activated), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 340);
  gtk_widget_set_size_request (scrolled, 380, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static void
group_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsReportsSection *self = RS_REPORTS_SECTION (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  guint point = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsTable) table = g_task_propagate_pointer (G_TASK (result), &error);

  set_busy (self, FALSE);
  if (job->generation != self->generation)
    return;   /* another report came meanwhile */
  if (table == NULL)
    {
      rs_gui_notify_error (GTK_WIDGET (self), error);
      return;
    }
  g_set_object (&self->returns_list, table);
  if (point < rs_chart_get_n_points (self->chart))
    rs_chart_show_popover (self->chart, point, returns_popover (self, rs_chart_get_label (self->chart, point), table));
}

static void
on_point_activated (RsChart *chart, guint point, RsReportsSection *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;
  guint row;

  if (self->report == NULL || !is_returns (self->shown) || point >= self->chart_rows->len)
    return;
  row = g_array_index (self->chart_rows, guint, point);
  job = job_new (self);
  job->choice = self->shown;
  job->key = g_strdup (g_ptr_array_index (self->keys, row));

  set_busy (self, TRUE);
  task = rs_gui_widget_task_new (GTK_WIDGET (self), NULL, group_done, GUINT_TO_POINTER (point));
  g_task_set_source_tag (task, on_point_activated);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, group_thread);
}

RsTable *
rs_reports_section_get_returns_list (RsReportsSection *self)
{
  g_return_val_if_fail (RS_IS_REPORTS_SECTION (self), NULL);
  return self->returns_list;
}

/* A row of the table: the chart's point for it, when it has one. */
static void
on_table_activate (GtkColumnView *view, guint position, RsReportsSection *self)
{
  for (guint i = 0; i < self->chart_rows->len; i++)
    if (g_array_index (self->chart_rows, guint, i) == position)
      {
        on_point_activated (self->chart, i, self);
        return;
      }
}

/* ---- printing and export ------------------------------------------------- */

typedef struct
{
  RsSession *session;
  RsReport *report;
  char *path;
  int format;          /* -1: PDF; else an RsExportFormat */
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_object_unref (job->session);
  g_object_unref (job->report);
  g_free (job->path);
  g_free (job);
}

static void
save_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SaveJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSession) session = NULL;
  g_autoptr(RsPdfDocument) doc = NULL;
  g_auto(GStrv) warnings = NULL;
  gboolean ok;

  if (job->format >= 0)
    ok = rs_export_write (rs_report_get_table (job->report), (RsExportFormat) job->format, job->path,
                          NULL, NULL, cancellable, &error);
  else
    {
      /* The company header comes from the settings: this thread's own connection. */
      session = rs_session_reopen (job->session, &error);
      doc = session != NULL ? rs_pdf_report_build (session, job->report, -1, &error) : NULL;
      ok = doc != NULL && rs_pdf_document_save (doc, job->path, &warnings, &error);
    }
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RsReportsSection *self = RS_REPORTS_SECTION (source);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    rs_gui_notify_error (GTK_WIDGET (self), error);
  else
    {
      g_autofree char *name = g_filename_display_basename (job->path);
      g_autofree char *message = g_strdup_printf (_("Saved as “%s”."), name);

      rs_gui_notify (GTK_WIDGET (self), message);
      if (job->format < 0)
        {
          /* Printing a report: it opens in the PDF viewer, which prints it. */
          g_autofree char *uri = g_filename_to_uri (job->path, NULL, NULL);
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          if (uri != NULL)
            gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
        }
    }
}

/* Saves the report shown to path: PDF (format -1) or an export. */
static void
save_report (RsReportsSection *self, const char *path, int format)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job = g_new0 (SaveJob, 1);

  job->session = g_object_ref (self->session);
  job->report = g_object_ref (self->report);
  job->path = g_strdup (path);
  job->format = format;
  set_busy (self, TRUE);
  task = rs_gui_widget_task_new (GTK_WIDGET (self), NULL, save_done, NULL);
  g_task_set_source_tag (task, save_report);
  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static void
on_save_response (GtkNativeDialog *dialog, int response, RsReportsSection *self)
{
  int format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        save_report (self, path, format);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* "按原因统计退货 2026-01-01–2026-12-31.pdf" */
static char *
suggested_name (RsReportsSection *self, const char *extension)
{
  const char *title = rs_table_get_title (rs_report_get_table (self->report));
  const char *from = rs_report_get_from (self->report);
  const char *to = rs_report_get_to (self->report);

  if (from != NULL && to != NULL)
    return g_strdup_printf ("%s %s–%s.%s", title, from, to, extension);
  return g_strdup_printf ("%s.%s", title, extension);
}

static void
ask_where (RsReportsSection *self, const char *title, const char *extension, const char *filter_name,
           const char *mime_type, int format)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = suggested_name (self, extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
print_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ask_where (user_data, _("Print Report as PDF"), "pdf", _("PDF documents"), "application/pdf", -1);
}

static void
export_csv_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ask_where (user_data, _("Export Report as CSV"), "csv", _("CSV files"), "text/csv", RS_EXPORT_CSV);
}

static void
export_xlsx_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ask_where (user_data, _("Export Report as Excel Workbook"), "xlsx", _("Excel workbooks"),
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", RS_EXPORT_XLSX);
}

static const GActionEntry action_entries[] = {
  { "print", print_activated, NULL, NULL, NULL, { 0 } },
  { "export-csv", export_csv_activated, NULL, NULL, NULL, { 0 } },
  { "export-xlsx", export_xlsx_activated, NULL, NULL, NULL, { 0 } },
};

/* Ctrl+P: only while the section is on screen (other sections print their own documents). */
static gboolean
print_shortcut (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RsReportsSection *self = RS_REPORTS_SECTION (widget);

  if (!gtk_widget_get_mapped (widget) || self->report == NULL)
    return FALSE;
  print_activated (NULL, NULL, self);
  return TRUE;
}

/* ---- controls ------------------------------------------------------------ */

static void
on_report_changed (RsReportsSection *self)
{
  if (!self->updating)
    run_report (self);
}

static void
on_period_changed (RsReportsSection *self)
{
  RsReportsPeriod period = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->updating || period == RS_REPORTS_CUSTOM)
    return;
  g_free (self->from);
  g_free (self->to);
  rs_reports_period_range (period, rs_clock_now (), &self->from, &self->to);
  show_range (self);
  run_report (self);
}

static void
on_day_selected (GtkCalendar *calendar, RsReportsSection *self)
{
  g_autoptr(GDateTime) day = NULL;
  char *text;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  if (calendar == self->from_calendar)
    {
      g_free (self->from);
      self->from = text;
      gtk_popover_popdown (gtk_menu_button_get_popover (self->from_button));
    }
  else
    {
      g_free (self->to);
      self->to = text;
      gtk_popover_popdown (gtk_menu_button_get_popover (self->to_button));
    }
  /* A start after the end: the other end follows. */
  if (strcmp (self->from, self->to) > 0)
    {
      char **other = calendar == self->from_calendar ? &self->to : &self->from;

      g_free (*other);
      *other = g_strdup (text);
    }
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown, RS_REPORTS_CUSTOM);
  self->updating = FALSE;
  show_range (self);
  run_report (self);
}

static void
on_metric_changed (RsReportsSection *self)
{
  if (!self->updating)
    update_chart (self);
}

static void
set_strings (GtkDropDown *dropdown, const char * const *names, guint n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(names[i]));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

/* ---- RsSection ----------------------------------------------------------- */

static void
rs_reports_section_refresh (RsSection *section)
{
  /* Returns and slips may have changed while another section was shown. */
  run_report (RS_REPORTS_SECTION (section));
}

/* "reason", "stages", "stock", "movements" …: that report. */
static gboolean
rs_reports_section_open (RsSection *section, const char *reference, GError **error)
{
  RsReportsSection *self = RS_REPORTS_SECTION (section);
  static const char * const keys[] = { "reason", "product", "category", "customer", "supplier", "disposition",
                                       "month", "stages", "stock", "movements" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (reference, keys[i]) == 0)
      {
        if (gtk_drop_down_get_selected (self->report_dropdown) != i)
          gtk_drop_down_set_selected (self->report_dropdown, i);
        return TRUE;
      }
  g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no report “%s”."), reference);
  return FALSE;
}

static GtkWidget *
rs_reports_section_get_header_widget (RsSection *section)
{
  RsReportsSection *self = RS_REPORTS_SECTION (section);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *export = gtk_menu_button_new ();
  GtkWidget *print = gtk_button_new_from_icon_name ("document-print-symbolic");
  g_autoptr(GMenu) menu = g_menu_new ();

  g_menu_append (menu, _("Export as _CSV…"), "reports.export-csv");
  g_menu_append (menu, _("Export as _Excel Workbook…"), "reports.export-xlsx");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export), "document-save-as-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (export, _("Export"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export"), -1);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "reports.print");
  gtk_widget_set_tooltip_text (print, _("Print as PDF (Ctrl+P)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print"), -1);

  gtk_box_append (GTK_BOX (box), export);
  gtk_box_append (GTK_BOX (box), print);
  gtk_widget_insert_action_group (box, "reports", G_ACTION_GROUP (self->actions));
  self->header = box;
  return box;
}

static void
rs_reports_section_iface_init (RsSectionInterface *iface)
{
  iface->refresh = rs_reports_section_refresh;
  iface->open = rs_reports_section_open;
  iface->get_header_widget = rs_reports_section_get_header_widget;
}

/* ---- GObject ------------------------------------------------------------- */

static void
rs_reports_section_constructed (GObject *object)
{
  RsReportsSection *self = RS_REPORTS_SECTION (object);

  G_OBJECT_CLASS (rs_reports_section_parent_class)->constructed (object);
  g_assert (self->session != NULL);
}

static void
rs_reports_section_dispose (GObject *object)
{
  RsReportsSection *self = RS_REPORTS_SECTION (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_REPORTS_SECTION);
  g_clear_object (&self->session);
  g_clear_object (&self->actions);
  g_clear_object (&self->report);
  g_clear_object (&self->returns_list);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  G_OBJECT_CLASS (rs_reports_section_parent_class)->dispose (object);
}

static void
rs_reports_section_finalize (GObject *object)
{
  RsReportsSection *self = RS_REPORTS_SECTION (object);

  g_free (self->from);
  g_free (self->to);
  g_free (self->metric_key);
  g_array_unref (self->chart_rows);
  g_array_unref (self->metrics);
  G_OBJECT_CLASS (rs_reports_section_parent_class)->finalize (object);
}

static void
rs_reports_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsReportsSection *self = RS_REPORTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_running > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_reports_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsReportsSection *self = RS_REPORTS_SECTION (object);

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
rs_reports_section_class_init (RsReportsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_reports_section_constructed;
  object_class->dispose = rs_reports_section_dispose;
  object_class->finalize = rs_reports_section_finalize;
  object_class->get_property = rs_reports_section_get_property;
  object_class->set_property = rs_reports_section_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");

  /* TRUE while a report, a group's returns or a file is being worked on in a thread. */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_BUSY, properties[PROP_BUSY]);

  g_type_ensure (RS_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-reports-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, report_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, range_box);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, from_button);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, to_button);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, spinner);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, error_page);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, chart_frame);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, chart);
  gtk_widget_class_bind_template_child (widget_class, RsReportsSection, table_view);

}

static void
rs_reports_section_init (RsReportsSection *self)
{
  GtkExpression *string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkShortcutController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->chart_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->metrics = g_array_new (FALSE, FALSE, sizeof (guint));
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries, G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "reports", G_ACTION_GROUP (self->actions));
  update_actions (self);

  /* Ctrl+P wherever the focus is in the window, while the section is shown. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                      gtk_callback_action_new (print_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  gtk_drop_down_set_expression (self->report_dropdown, string);
  gtk_drop_down_set_expression (self->period_dropdown, gtk_expression_ref (string));
  gtk_drop_down_set_expression (self->metric_dropdown, gtk_expression_ref (string));
  set_strings (self->report_dropdown, choice_names, G_N_ELEMENTS (choice_names));
  set_strings (self->period_dropdown, period_names, G_N_ELEMENTS (period_names));
  /* A year to date shows the trend; a month is one click away. */
  gtk_drop_down_set_selected (self->period_dropdown, RS_REPORTS_THIS_YEAR);
  rs_reports_period_range (RS_REPORTS_THIS_YEAR, rs_clock_now (), &self->from, &self->to);
  show_range (self);
  rs_column_name_drop_down (self->report_dropdown, _("Report"));
  rs_column_name_drop_down (self->period_dropdown, _("Period"));
  rs_column_name_drop_down (self->metric_dropdown, _("Figure in the chart"));

  g_signal_connect_swapped (self->report_dropdown, "notify::selected", G_CALLBACK (on_report_changed), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (on_period_changed), self);
  g_signal_connect_swapped (self->metric_dropdown, "notify::selected", G_CALLBACK (on_metric_changed), self);
  g_signal_connect (self->from_calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  g_signal_connect (self->to_calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  g_signal_connect (self->chart, "point-activated", G_CALLBACK (on_point_activated), self);
  g_signal_connect (self->table_view, "activate", G_CALLBACK (on_table_activate), self);
  rs_gui_stack_hide_other_pages (self->stack);
}
