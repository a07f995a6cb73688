/* rs-report.h — one computed report (统计): a table for people and exporters, JSON for scripts.
 *
 * The reports themselves are in rs-reports.h. A report's RsTable is what the window shows,
 * prints and exports (rs_export_write() takes it as it is): its data rows, then a total
 * row (合计) when the report has one. Each column also has a stable key, the member name
 * in JSON ("refund_value"), so scripts do not depend on the translated column names.
 */
#pragma once

#include <json-glib/json-glib.h>
#include "rs-table.h"

G_BEGIN_DECLS

#define RS_TYPE_REPORT (rs_report_get_type ())
G_DECLARE_FINAL_TYPE (RsReport, rs_report, RS, REPORT, GObject)

/* "returns", "stages", "stock", "movements". */
const char *rs_report_get_kind       (RsReport *self);
/* The dimension of a returns report ("reason", …); NULL for the others. */
const char *rs_report_get_by         (RsReport *self);
/* The date range asked for, "YYYY-MM-DD"; NULL when open on that side. */
const char *rs_report_get_from       (RsReport *self);
const char *rs_report_get_to         (RsReport *self);
/* Data rows, then the total row when rs_report_has_total(). */
RsTable    *rs_report_get_table      (RsReport *self);
/* Data rows only: what a chart draws. */
guint       rs_report_get_n_rows     (RsReport *self);
gboolean    rs_report_has_total      (RsReport *self);
/* The JSON member name of a column of the table. */
const char *rs_report_get_column_key (RsReport *self,
                                      guint     column);
/* {"report", "by", "from", "to", "columns": [{"key", "name"}], "rows": [{key: value}],
 * "total": {…} or null}. Money and quantities are decimal strings ("12.50", "2.5"), counts
 * numbers, an empty cell null; some reports add exact figures the table rounds (seconds). */
JsonNode   *rs_report_to_json        (RsReport *self);

G_END_DECLS
