/* rs-report-private.h — building an RsReport inside core (rs-reports*.c). */
#pragma once

#include "rs-report.h"

G_BEGIN_DECLS

/* from, to: NULL when open. The table's title is the title (an XLSX sheet's name). */
RsReport *rs_report_new           (const char  *kind,
                                   const char  *by,
                                   const char  *title,
                                   const char  *from,
                                   const char  *to);
/* Columns first; returns the column's index in the table. */
guint     rs_report_add_column    (RsReport    *self,
                                   const char  *key,
                                   const char  *name,
                                   RsTableType  type);
/* A member only JSON has — an exact figure the table rounds, a key the table names for
 * people: its own index space. */
guint     rs_report_add_extra     (RsReport    *self,
                                   const char  *key);
/* A data row; the rows come before the total. */
guint     rs_report_add_row       (RsReport    *self);
/* The total row, last, its first column reading “Total”. */
guint     rs_report_add_total     (RsReport    *self);
void      rs_report_set_extra     (RsReport    *self,
                                   guint        row,
                                   guint        extra,
                                   gint64       value);
void      rs_report_set_extra_text (RsReport   *self,
                                   guint        row,
                                   guint        extra,
                                   const char  *text);

G_END_DECLS
