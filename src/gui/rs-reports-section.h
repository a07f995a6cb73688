/* rs-reports-section.h — 统计: the reports over a period, as a chart above a table, with
 * the returns behind a bar, printing to PDF and export to CSV and XLSX. */
#pragma once

#include "rs-section.h"

G_BEGIN_DECLS

/* The choices of the report list, in its order. */
typedef enum {
  RS_REPORTS_BY_REASON,
  RS_REPORTS_BY_PRODUCT,
  RS_REPORTS_BY_CATEGORY,
  RS_REPORTS_BY_CUSTOMER,
  RS_REPORTS_BY_SUPPLIER,
  RS_REPORTS_BY_DISPOSITION,
  RS_REPORTS_BY_MONTH,
  RS_REPORTS_STAGES,
  RS_REPORTS_STOCK,
  RS_REPORTS_MOVEMENTS,
} RsReportsChoice;

/* The choices of the period list, in its order: calendar periods around rs_clock_now(). */
typedef enum {
  RS_REPORTS_THIS_MONTH,
  RS_REPORTS_LAST_MONTH,
  RS_REPORTS_THIS_QUARTER,
  RS_REPORTS_THIS_YEAR,
  RS_REPORTS_CUSTOM,
} RsReportsPeriod;

#define RS_TYPE_REPORTS_SECTION (rs_reports_section_get_type ())
G_DECLARE_FINAL_TYPE (RsReportsSection, rs_reports_section, RS, REPORTS_SECTION, AdwBin)

/* First and last day ("YYYY-MM-DD") of a preset period around now (unix µs, local time). */
void      rs_reports_period_range         (RsReportsPeriod   period,
                                           gint64            now_us,
                                           char            **from,
                                           char            **to);
/* The range the section reports on now. */
void      rs_reports_section_get_range    (RsReportsSection *self,
                                           const char      **from,
                                           const char      **to);
/* The report shown, NULL while none is (busy, or refused). */
RsReport *rs_reports_section_get_report   (RsReportsSection *self);
/* The "key" of a data row of the report shown (what rs_reports_returns_group() takes). */
const char *rs_reports_section_get_row_key (RsReportsSection *self,
                                            guint             row);

/* The returns behind the chart's point last clicked (rs_reports_returns_group()), NULL before. */
RsTable  *rs_reports_section_get_returns_list (RsReportsSection *self);

G_END_DECLS
