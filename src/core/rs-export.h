/* rs-export.h — lists and reports out to CSV and XLSX, through one RsTable.
 *
 * A list or report fills an RsTable (rs-table.h); rs_export_write() writes any
 * table. CSV is UTF-8 with a byte order mark (so Excel reads Chinese) and RFC
 * 4180 quoting, CR LF line ends. XLSX (libxlsxwriter) has typed cells — money a
 * number with two decimals, quantities with their product's decimals, dates as
 * dates — a bold, frozen header row with a filter, and columns sized to fit.
 * The file appears whole or not at all: it is written beside the target and renamed.
 */
#pragma once

#include <gio/gio.h>
#include "rs-session.h"
#include "rs-table.h"

G_BEGIN_DECLS

typedef enum {
  RS_EXPORT_CSV,
  RS_EXPORT_XLSX,
} RsExportFormat;

/* Blocking; cancellable (G_IO_ERROR_CANCELLED, no file left) and reporting
 * rows written of rows in the table. Run it in a GTask thread for big tables. */
gboolean  rs_export_write        (RsTable         *table,
                                  RsExportFormat   format,
                                  const char      *path,
                                  RsProgressFunc   progress,
                                  gpointer         progress_data,
                                  GCancellable    *cancellable,
                                  GError         **error);

/* The lists every page shows, ready to export. */
typedef enum {
  RS_EXPORT_PRODUCTS,
  RS_EXPORT_CUSTOMERS,
  RS_EXPORT_SUPPLIERS,
  RS_EXPORT_STOCK,
  RS_EXPORT_LEDGER,
  RS_EXPORT_SLIPS,
} RsExportList;

/* "products", "customers", "suppliers", "stock", "ledger", "slips". */
const char *rs_export_list_get_key (RsExportList   list);
gboolean    rs_export_list_parse   (const char    *key,
                                    RsExportList  *list,
                                    GError       **error);
/* The list read through core (RS_ACTION_VIEW), with translated column names.
 * include_inactive: deactivated products, customers and suppliers too. */
RsTable    *rs_export_list_table   (RsSession     *session,
                                    RsExportList   list,
                                    gboolean       include_inactive,
                                    GError       **error);

G_END_DECLS
