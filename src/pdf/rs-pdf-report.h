/* rs-pdf-report.h — a report (统计) as a PDF: the period, the report's table with its total.
 *
 * Reports are not archived documents (no number, no print count, no copy labels on the
 * multi-part form): the PDF is made from the RsReport the window shows, so it has the same
 * figures, and saved or printed as it is.
 */
#pragma once

#include "rs-core.h"
#include "rs-pdf-document.h"

G_BEGIN_DECLS

/* The document of report, with the company header from the settings (RS_ACTION_REPORT_VIEW).
 * paper -1: the default paper (print.template). */
RsPdfDocument *rs_pdf_report_build (RsSession  *session,
                                    RsReport   *report,
                                    int         paper,
                                    GError    **error);

G_END_DECLS
