/* rs-csv.h — CSV as Chinese offices save it and as spreadsheets read it (RFC 4180).
 *
 * Reading: the bytes are decoded to UTF-8 first (rs_csv_decode), then split
 * into records; quoted fields may hold delimiters, doubled quotes and line breaks.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The file's bytes as UTF-8 without a byte order mark. Valid UTF-8 (with or
 * without BOM) is taken as it is, a UTF-16 BOM means UTF-16, anything else is
 * decoded as GB18030 (a superset of GBK and GB2312). *encoding is set to
 * "UTF-8", "UTF-16" or "GB18030". Refuses (RS_ERROR_VALIDATION) a spreadsheet
 * saved in Excel's own format, NUL bytes, and bytes that are no text at all. */
char       *rs_csv_decode             (const char  *data,
                                       gsize        length,
                                       const char **encoding,
                                       GError     **error);

typedef struct _RsCsvReader RsCsvReader;

/* Reads `text` (UTF-8, borrowed, kept alive by the caller). delimiter 0: the
 * one of tab, comma or semicolon the first lines use most (comma when none). */
RsCsvReader *rs_csv_reader_new        (const char  *text,
                                       gsize        length,
                                       char         delimiter);
void         rs_csv_reader_free       (RsCsvReader *reader);
char         rs_csv_reader_get_delimiter (RsCsvReader *reader);
/* The next record's fields into `fields` (a GPtrArray of char *, freeing its
 * elements; cleared first). FALSE at the end. CR LF, LF and CR all end a record. */
gboolean     rs_csv_reader_next       (RsCsvReader *reader,
                                       GPtrArray   *fields);
/* The last record's number, 1 for the first — a spreadsheet's row number. */
guint        rs_csv_reader_get_record (RsCsvReader *reader);
/* TRUE when the last record ended inside a quoted field (its closing quote is missing). */
gboolean     rs_csv_reader_get_unclosed (RsCsvReader *reader);
/* How far the reader is, in bytes of the text: for progress. */
gsize        rs_csv_reader_get_offset (RsCsvReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsCsvReader, rs_csv_reader_free)

/* Appends one field, quoted when it holds the delimiter, a quote or a line
 * break (quotes doubled). A text a spreadsheet would run as a formula (it begins
 * with = + - @) gets a leading apostrophe, which rs_csv_unescape_text() drops again. */
void         rs_csv_append_field      (GString     *out,
                                       const char  *field,
                                       char         delimiter);
void         rs_csv_append_number     (GString     *out,
                                       const char  *number);
/* Undoes the apostrophe rs_csv_append_field() put before a formula-like text, in place. */
void         rs_csv_unescape_text     (char        *field);

G_END_DECLS
