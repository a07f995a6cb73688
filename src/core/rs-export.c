/* rs-export.c — writing an RsTable as CSV or XLSX. */
#include "rs-export.h"
#include "rs-csv.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define PROGRESS_EVERY 1000

/* Excel's sheet names: at most 31 characters, none of []:*?/\ */
#define SHEET_NAME_CHARS 31
#define MAX_COLUMN_WIDTH 60.0
#define MIN_COLUMN_WIDTH 8.0

static gboolean
report (RsTable *table, guint row, RsProgressFunc progress, gpointer data, GCancellable *cancellable, GError **error)
{
  if (row % PROGRESS_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (row, rs_table_get_n_rows (table), data);
  return TRUE;
}

static void
set_write_error (GError **error, const char *path, const char *reason)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not write “%s”: %s"), shown, reason);
}

/* ---- CSV ---------------------------------------------------------------- */

static gboolean
write_csv (RsTable *table, const char *path, RsProgressFunc progress, gpointer data,
           GCancellable *cancellable, GError **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  guint n_columns = rs_table_get_n_columns (table);
  guint n_rows = rs_table_get_n_rows (table);
  g_autoptr(GError) local_error = NULL;

  g_string_append (out, "\xEF\xBB\xBF");
  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      rs_csv_append_field (out, rs_table_get_column_name (table, c), ',');
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < n_rows; r++)
    {
      if (!report (table, r, progress, data, cancellable, error))
        return FALSE;
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = rs_table_format_cell (table, r, c);

          if (c > 0)
            g_string_append_c (out, ',');
          if (rs_table_get_column_type (table, c) == RS_TABLE_TEXT)
            rs_csv_append_field (out, text, ',');
          else
            rs_csv_append_number (out, text);
        }
      g_string_append (out, "\r\n");
    }

  /* Written to a temporary file, synced and renamed: never half a file. */
  if (!g_file_set_contents_full (path, out->str, (gssize) out->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, &local_error))
    return set_write_error (error, path, local_error->message), FALSE;
  if (progress != NULL)
    progress (n_rows, n_rows, data);
  return TRUE;
}

/* ---- XLSX --------------------------------------------------------------- */

/* Wide (CJK) characters take two columns of Excel's width unit. */
static double
display_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        break;   /* a wrapped cell is as wide as its first line */
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static double *
column_widths (RsTable *table)
{
  guint n_columns = rs_table_get_n_columns (table);
  guint n_rows = rs_table_get_n_rows (table);
  double *widths = g_new0 (double, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      RsTableType type = rs_table_get_column_type (table, c);

      widths[c] = display_width (rs_table_get_column_name (table, c)) + 2;   /* the filter button */
      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *text = NULL;
          double width;

          if (!rs_table_has_value (table, r, c))
            continue;
          if (type == RS_TABLE_TEXT)
            width = display_width (rs_table_get_text (table, r, c));
          else
            {
              text = rs_table_format_cell (table, r, c);
              width = strlen (text) + (type == RS_TABLE_MONEY ? strlen (text) / 3 : 0);   /* 1,234.50 */
            }
          widths[c] = MAX (widths[c], width);
        }
      widths[c] = CLAMP (widths[c] + 1, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);
    }
  return widths;
}

static char *
sheet_name (const char *title)
{
  g_autoptr(GString) name = g_string_new (NULL);
  glong n = 0;

  for (const char *p = title != NULL ? title : ""; *p != '\0' && n < SHEET_NAME_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (name, strchr ("[]:*?/\\", (int) c) != NULL && c < 128 ? '_' : c);
    }
  if (name->len == 0 || name->str[0] == '\'')
    g_string_prepend (name, "Sheet");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static lxw_datetime
to_lxw_datetime (gint64 when_us, gboolean date_only)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  lxw_datetime dt = {
    g_date_time_get_year (when), g_date_time_get_month (when), g_date_time_get_day_of_month (when),
    date_only ? 0 : g_date_time_get_hour (when), date_only ? 0 : g_date_time_get_minute (when),
    date_only ? 0 : g_date_time_get_second (when),
  };
  return dt;
}

typedef struct
{
  lxw_format *header;
  lxw_format *integer;
  lxw_format *money;
  lxw_format *quantity[4];   /* by decimals */
  lxw_format *date;
  lxw_format *datetime;
  lxw_format *text;
} Formats;

static void
make_formats (lxw_workbook *workbook, Formats *f)
{
  static const char *const quantity_formats[] = { "0", "0.0", "0.00", "0.000" };

  f->header = workbook_add_format (workbook);
  format_set_bold (f->header);
  f->integer = workbook_add_format (workbook);
  format_set_num_format (f->integer, "0");
  f->money = workbook_add_format (workbook);
  format_set_num_format (f->money, "#,##0.00");
  for (guint i = 0; i < G_N_ELEMENTS (f->quantity); i++)
    {
      f->quantity[i] = workbook_add_format (workbook);
      format_set_num_format (f->quantity[i], quantity_formats[i]);
    }
  f->date = workbook_add_format (workbook);
  format_set_num_format (f->date, "yyyy-mm-dd");
  f->datetime = workbook_add_format (workbook);
  format_set_num_format (f->datetime, "yyyy-mm-dd hh:mm:ss");
  /* Text stays text: "00123" keeps its zeros, a 13-digit barcode its digits. */
  f->text = workbook_add_format (workbook);
  format_set_num_format (f->text, "@");
}

static lxw_error
write_cell (lxw_worksheet *sheet, RsTable *table, const Formats *f, guint r, guint c)
{
  lxw_row_t row = r + 1;
  lxw_col_t col = (lxw_col_t) c;
  lxw_datetime dt;

  if (!rs_table_has_value (table, r, c))
    return LXW_NO_ERROR;
  switch (rs_table_get_column_type (table, c))
    {
    case RS_TABLE_TEXT:
      return worksheet_write_string (sheet, row, col, rs_table_get_text (table, r, c), f->text);
    case RS_TABLE_INTEGER:
      return worksheet_write_number (sheet, row, col, (double) rs_table_get_int (table, r, c), f->integer);
    case RS_TABLE_MONEY:
      /* The one place money becomes a double: a spreadsheet number is one. */
      return worksheet_write_number (sheet, row, col, (double) rs_table_get_int (table, r, c) / 100.0, f->money);
    case RS_TABLE_QUANTITY:
      return worksheet_write_number (sheet, row, col, (double) rs_table_get_int (table, r, c) / 1000.0,
                                     f->quantity[rs_table_get_decimals (table, r, c)]);
    case RS_TABLE_DATE:
      dt = to_lxw_datetime (rs_table_get_int (table, r, c), TRUE);
      return worksheet_write_datetime (sheet, row, col, &dt, f->date);
    case RS_TABLE_DATETIME:
      dt = to_lxw_datetime (rs_table_get_int (table, r, c), FALSE);
      return worksheet_write_datetime (sheet, row, col, &dt, f->datetime);
    default:
      g_return_val_if_reached (LXW_ERROR_PARAMETER_VALIDATION);
    }
}

static gboolean
write_xlsx (RsTable *table, const char *path, RsProgressFunc progress, gpointer data,
            GCancellable *cancellable, GError **error)
{
  guint n_columns = rs_table_get_n_columns (table);
  guint n_rows = rs_table_get_n_rows (table);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *temp = g_build_filename (dir, ".restock-export-XXXXXX", NULL);
  g_autofree char *name = sheet_name (rs_table_get_title (table));
  g_autofree double *widths = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE };
  lxw_doc_properties properties = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_error failed = LXW_NO_ERROR;
  Formats f;
  int fd;

  if (n_rows >= LXW_ROW_MAX)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The list has more rows than a spreadsheet holds (%u); export it as CSV instead."),
                        n_rows), FALSE;
  if (n_columns == 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("The list has no columns to export.")), FALSE;

  /* libxlsxwriter writes the file on close; a name beside the target keeps the rename atomic. */
  fd = g_mkstemp_full (temp, O_RDWR, 0644);
  if (fd < 0)
    return set_write_error (error, path, g_strerror (errno)), FALSE;
  close (fd);

  workbook = workbook_new_opt (temp, &options);
  if (workbook == NULL)
    {
      g_unlink (temp);
      return set_write_error (error, path, g_strerror (errno)), FALSE;
    }
  properties.title = (char *) rs_table_get_title (table);
  properties.author = (char *) "Restock";
  workbook_set_properties (workbook, &properties);
  make_formats (workbook, &f);
  sheet = workbook_add_worksheet (workbook, name);
  if (sheet == NULL)
    sheet = workbook_add_worksheet (workbook, NULL);

  widths = column_widths (table);
  for (guint c = 0; c < n_columns && failed == LXW_NO_ERROR; c++)
    failed = worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, widths[c], NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  if (failed == LXW_NO_ERROR)
    failed = worksheet_autofilter (sheet, 0, 0, n_rows, (lxw_col_t) (n_columns - 1));
  for (guint c = 0; c < n_columns && failed == LXW_NO_ERROR; c++)
    failed = worksheet_write_string (sheet, 0, (lxw_col_t) c, rs_table_get_column_name (table, c), f.header);

  for (guint r = 0; r < n_rows && failed == LXW_NO_ERROR; r++)
    {
      if (!report (table, r, progress, data, cancellable, error))
        {
          workbook_close (workbook);
          g_unlink (temp);
          return FALSE;
        }
      for (guint c = 0; c < n_columns && failed == LXW_NO_ERROR; c++)
        failed = write_cell (sheet, table, &f, r, c);
    }

  if (failed != LXW_NO_ERROR)
    {
      workbook_close (workbook);
      g_unlink (temp);
      return set_write_error (error, path, lxw_strerror (failed)), FALSE;
    }
  failed = workbook_close (workbook);
  if (failed != LXW_NO_ERROR)
    {
      g_unlink (temp);
      return set_write_error (error, path, lxw_strerror (failed)), FALSE;
    }
  /* On disk before it takes the target's name, as g_file_set_contents() does for CSV. */
  fd = g_open (temp, O_RDONLY, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_unlink (temp);
      return set_write_error (error, path, g_strerror (saved)), FALSE;
    }
  close (fd);
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      return set_write_error (error, path, g_strerror (saved)), FALSE;
    }
  if (progress != NULL)
    progress (n_rows, n_rows, data);
  return TRUE;
}

gboolean
rs_export_write (RsTable *table, RsExportFormat format, const char *path, RsProgressFunc progress,
                 gpointer progress_data, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (RS_IS_TABLE (table), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == RS_EXPORT_XLSX)
    return write_xlsx (table, path, progress, progress_data, cancellable, error);
  return write_csv (table, path, progress, progress_data, cancellable, error);
}
