/* rs-table.h — a list or report as typed columns and rows, what the exporters take.
 *
 * Every list and report that can be exported fills one RsTable through the
 * core API; rs-export.h writes it as CSV or XLSX. Cells keep their type and the
 * integers core stores (fen, thousandths, microseconds), so no exporter guesses.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  RS_TABLE_TEXT,
  RS_TABLE_INTEGER,
  RS_TABLE_MONEY,       /* fen */
  RS_TABLE_QUANTITY,    /* thousandths, shown with each cell's decimals (0…3) */
  RS_TABLE_DATE,        /* unix µs; the local calendar day */
  RS_TABLE_DATETIME,    /* unix µs; local time to the second */
} RsTableType;

/* Progress of long work (import, export): `done` of `total` units. Called from
 * the thread doing the work — from a GTask thread, hand it to the main context. */
typedef void (*RsProgressFunc) (guint64  done,
                                guint64  total,
                                gpointer user_data);

#define RS_TYPE_TABLE (rs_table_get_type ())
G_DECLARE_FINAL_TYPE (RsTable, rs_table, RS, TABLE, GObject)

/* `title` names the sheet of an XLSX file ("商品", "出入库单"). */
RsTable     *rs_table_new              (const char  *title);
const char  *rs_table_get_title        (RsTable     *self);

/* Columns come first, then rows. Returns the column's index. */
guint        rs_table_add_column       (RsTable     *self,
                                        const char  *name,
                                        RsTableType  type);
guint        rs_table_get_n_columns    (RsTable     *self);
const char  *rs_table_get_column_name  (RsTable     *self,
                                        guint        column);
RsTableType  rs_table_get_column_type  (RsTable     *self,
                                        guint        column);

/* Appends a row of empty cells and returns its index; the setters fill it.
 * A cell never set stays empty (no value at all, not zero). */
guint        rs_table_add_row          (RsTable     *self);
guint        rs_table_get_n_rows       (RsTable     *self);
void         rs_table_set_text         (RsTable     *self,
                                        guint        row,
                                        guint        column,
                                        const char  *text);
/* For INTEGER, MONEY (fen), DATE and DATETIME (µs) columns. */
void         rs_table_set_int          (RsTable     *self,
                                        guint        row,
                                        guint        column,
                                        gint64       value);
void         rs_table_set_quantity     (RsTable     *self,
                                        guint        row,
                                        guint        column,
                                        gint64       milli,
                                        int          decimals);

/* FALSE for an empty cell. */
gboolean     rs_table_has_value        (RsTable     *self,
                                        guint        row,
                                        guint        column);
const char  *rs_table_get_text         (RsTable     *self,
                                        guint        row,
                                        guint        column);
gint64       rs_table_get_int          (RsTable     *self,
                                        guint        row,
                                        guint        column);
/* A quantity cell's decimals (0…3). */
int          rs_table_get_decimals     (RsTable     *self,
                                        guint        row,
                                        guint        column);
/* The cell as text for people and CSV: "1234.50", "2.500", "2026-11-26",
 * "2026-11-26 10:00:00"; "" when empty. No thousands separators: a
 * spreadsheet reads it back as a number. */
char        *rs_table_format_cell      (RsTable     *self,
                                        guint        row,
                                        guint        column);
/* The same for the window and printed reports: money with thousands separators ("1,234.50"). */
char        *rs_table_display_cell     (RsTable     *self,
                                        guint        row,
                                        guint        column);

G_END_DECLS
