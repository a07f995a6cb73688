/* rs-pdf-document.h — a printed document, built block by block (DESIGN §7).
 *
 * Every document Restock prints (slips, return authorisation, inspection report,
 * settlement, dossier) is an RsPdfDocument: pick the paper, fill in the header, add
 * blocks from top to bottom, render. The engine lays the blocks out and continues them
 * on new pages; every page repeats the header — logo, company name and address, the
 * title, the number and its QR code — and ends with "第 1 页 / 共 2 页".
 *
 *   g_autoptr(RsPdfDocument) doc = rs_pdf_document_new (RS_PDF_TEMPLATE_A4);
 *   g_auto(GStrv) warnings = NULL;
 *   RsPdfTable *table;
 *
 *   rs_pdf_document_set_company (doc, company, address, logo_path);   // from the settings
 *   rs_pdf_document_set_title (doc, _("Stock-in slip"), "RK20261126-0001");
 *   rs_pdf_document_set_time (doc, slip_posted_at);    // fixed, so reprints are identical
 *   rs_pdf_document_set_print_count (doc, 2);          // shows "第 2 次打印"
 *   rs_pdf_document_add_fields (doc, 2, _("Warehouse"), "上海一号仓", _("Date"), "2026-11-26", NULL);
 *   table = rs_pdf_document_add_table (doc);
 *   rs_pdf_table_add_column (table, _("Product"), 4, RS_PDF_ALIGN_LEFT);
 *   rs_pdf_table_add_column (table, _("Quantity"), 1.5, RS_PDF_ALIGN_RIGHT);
 *   rs_pdf_table_add_row (table, "蓝牙耳机 X2", "2", NULL);
 *   rs_pdf_table_set_footer (table, _("Total"), "2", NULL);
 *   rs_pdf_document_add_fields (doc, 1, _("Amount in words"), words, NULL);
 *   rs_pdf_document_add_signatures (doc, _("Prepared by"), "张三", _("Received by"), NULL, NULL);
 *   if (!rs_pdf_document_save (doc, "RK20261126-0001.pdf", &warnings, &error)) …
 *
 * Text: every string is UTF-8 (copied when added; NULL counts as ""), '\n' starts a new
 * line, long text wraps at the width it is given — between Chinese characters, at spaces
 * between words, never inside a character, and not before closing punctuation such as
 * "，" or "）". Rendering refuses (RS_ERROR_VALIDATION) text that is not valid UTF-8 and
 * characters the font has no glyph for, naming them: nothing is ever printed blank.
 *
 * Labels in headers, copy labels and page numbers follow the program's language; the
 * caller translates its own titles and labels with _().
 *
 * Output: the same document renders to the same bytes (no clock, no random IDs), so a
 * reprint differs only in its print count. A document that fails leaves no file behind.
 * Rendering may run in a worker thread (GTask); a document is used by one thread at a time.
 *
 * What the writer brings: the numbers as text (rs_money_format, rs_money_to_words for the
 * amount in words, quantities with the product's decimals), translated labels, the company
 * from the settings, and the archive — store the bytes of rs_pdf_document_render() with
 * their SHA-256 and count the prints, then pass the count for the next print.
 *
 * Paper: sizes, margins and type sizes are in rs-pdf-template.h; the same blocks fit all
 * three papers (tables and fields take the width they get). Photos: 2 a row on A4, 3 on
 * the others. Costs (bench/bench-pdf): a one-page slip is a few milliseconds and about
 * 30 KB, a photo mostly its decoding.
 */
#pragma once

#include <glib-object.h>

#include "rs-pdf-template.h"

G_BEGIN_DECLS

typedef enum {
  RS_PDF_ALIGN_LEFT,
  RS_PDF_ALIGN_CENTER,
  RS_PDF_ALIGN_RIGHT,
} RsPdfAlign;

/* A table of a document: owned by it, valid as long as the document is. */
typedef struct _RsPdfTable RsPdfTable;

#define RS_TYPE_PDF_DOCUMENT (rs_pdf_document_get_type ())
G_DECLARE_FINAL_TYPE (RsPdfDocument, rs_pdf_document, RS, PDF_DOCUMENT, GObject)

RsPdfDocument *rs_pdf_document_new              (RsPdfTemplate  paper);
RsPdfTemplate  rs_pdf_document_get_template     (RsPdfDocument *self);

/* ---- the header, repeated on every page ---- */

/* Company name and address (either may be NULL) and a logo file (PNG, JPEG; NULL for
 * none). A logo that cannot be read is left out with a warning, not an error. */
void           rs_pdf_document_set_company      (RsPdfDocument *self,
                                                 const char    *name,
                                                 const char    *address,
                                                 const char    *logo_path);
/* The title ("入库单") and the document number, which is printed with its QR code. */
void           rs_pdf_document_set_title        (RsPdfDocument *self,
                                                 const char    *title,
                                                 const char    *number);
/* How many times this document has been printed, this time included: from 2 on, every
 * page says "第 N 次打印". Default 1. */
void           rs_pdf_document_set_print_count  (RsPdfDocument *self,
                                                 guint          count);
/* The creation date written into the PDF (unix µs, as rs_clock_now()); pass a time that
 * belongs to the document (posting, approval) so reprints stay identical. Default: none. */
void           rs_pdf_document_set_time         (RsPdfDocument *self,
                                                 gint64         time_us);
/* The copies of multi-part paper, listed along the right edge of every page (NULL-
 * terminated; NULL for none). The 241 mm form has 存根联 / 客户联 / 仓库联 by default. */
void           rs_pdf_document_set_copy_labels  (RsPdfDocument *self,
                                                 const char * const *labels);
/* The CJK font file from the settings; NULL (default): WenQuanYi Micro Hei via fontconfig. */
void           rs_pdf_document_set_font_file    (RsPdfDocument *self,
                                                 const char    *path);

/* ---- blocks, from top to bottom ---- */

/* A section heading; it is kept on the page of what follows it. */
void           rs_pdf_document_add_heading      (RsPdfDocument *self,
                                                 const char    *text);
/* A paragraph, wrapped to the page width. */
void           rs_pdf_document_add_text         (RsPdfDocument *self,
                                                 const char    *text);
/* Label–value pairs, NULL-terminated after the last value, set in `columns` columns
 * (1–4) row by row: ("Warehouse", wh, "Date", date, NULL). Labels of a column line up;
 * long values wrap in their cell. */
void           rs_pdf_document_add_fields       (RsPdfDocument *self,
                                                 guint          columns,
                                                 const char    *first_label,
                                                 ...) G_GNUC_NULL_TERMINATED;
/* The same with the pairs in an array (label, value, …, NULL; no NULL values), for lists
 * built at run time. */
void           rs_pdf_document_add_fieldsv      (RsPdfDocument *self,
                                                 guint          columns,
                                                 const char * const *pairs);
/* A table: add its columns, then its rows. Rows that do not fit continue on the next
 * page under a repeated header row. */
RsPdfTable    *rs_pdf_document_add_table        (RsPdfDocument *self);
/* Signature lines in one row: label–name pairs, NULL-terminated after the last name; a
 * NULL or empty name leaves a line to sign on: ("Prepared by", "张三", "Checked by", NULL, NULL). */
void           rs_pdf_document_add_signatures   (RsPdfDocument *self,
                                                 const char    *first_label,
                                                 ...) G_GNUC_NULL_TERMINATED;
/* The same with the pairs in an array, as rs_pdf_document_add_fieldsv(). */
void           rs_pdf_document_add_signaturesv  (RsPdfDocument *self,
                                                 const char * const *pairs);
/* A photo (any format gdk-pixbuf reads; turned upright, at most 1600 px, JPEG) with an
 * optional caption. Consecutive photos share rows. A file that is not a picture is left
 * out with a note in its place and a warning. */
void           rs_pdf_document_add_photo        (RsPdfDocument *self,
                                                 const char    *path,
                                                 const char    *caption);
/* What follows starts on a new page. */
void           rs_pdf_document_add_page_break   (RsPdfDocument *self);

/* Columns have a relative width (weights: 1, 4, 1.5 …) and an alignment for their cells;
 * titles are centred. Right-aligned cells are figures and are not broken over lines: a
 * column too narrow for its widest one takes the room from the others while they have
 * some to spare. Add all columns before the first row. */
void           rs_pdf_table_add_column          (RsPdfTable    *table,
                                                 const char    *title,
                                                 double         weight,
                                                 RsPdfAlign     align);
/* One cell per column, NULL-terminated. */
void           rs_pdf_table_add_row             (RsPdfTable    *table,
                                                 const char    *first_cell,
                                                 ...) G_GNUC_NULL_TERMINATED;
void           rs_pdf_table_add_rowv            (RsPdfTable    *table,
                                                 const char * const *cells);
/* A closing row (totals), shaded, after the last row. */
void           rs_pdf_table_set_footer          (RsPdfTable    *table,
                                                 const char    *first_cell,
                                                 ...) G_GNUC_NULL_TERMINATED;
void           rs_pdf_table_set_footerv         (RsPdfTable    *table,
                                                 const char * const *cells);

/* ---- output ---- */

/* The PDF. Warnings (a picture left out …), translated, go to *warnings when not NULL
 * (NULL when there are none). */
GBytes        *rs_pdf_document_render           (RsPdfDocument *self,
                                                 char        ***warnings,
                                                 GError       **error);
/* Renders and writes the PDF to path atomically: on failure the path is left as it was. */
gboolean       rs_pdf_document_save             (RsPdfDocument *self,
                                                 const char    *path,
                                                 char        ***warnings,
                                                 GError       **error);
/* Pages of the last rendering. */
guint          rs_pdf_document_get_n_pages      (RsPdfDocument *self);

G_END_DECLS
