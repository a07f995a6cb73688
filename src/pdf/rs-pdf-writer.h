/* rs-pdf-writer.h — what the document writers share (src/pdf only).
 *
 * A writer reads one document through core (rs-pdf-slip.c, rs-pdf-return.c,
 * rs-pdf-inspection.c, rs-pdf-settlement.c, rs-pdf-dossier.c) and fills an RsPdfDocument
 * whose header rs-pdf-print.c has already set from the settings. Everything printed
 * belongs to the document — its own dates, never "now" — so a reprint differs only in its
 * print count. Times are local, "2026-11-26 09:12".
 */
#pragma once

#include "rs-core.h"
#include "rs-pdf-document.h"

G_BEGIN_DECLS

typedef struct
{
  RsSession         *session;
  RsDatabase        *database;
  RsPdfDocument     *doc;
  RsAttachmentStore *store;
  GPtrArray         *warnings;     /* translated, for the person printing */
  GHashTable        *user_names;   /* login → full name, filled on first use */
} RsPdfWriter;

/* ---- the writers: each sets the title, number and time and adds its blocks ---- */

gboolean    rs_pdf_slip_write        (RsPdfWriter *w, const char *number, GError **error);
gboolean    rs_pdf_return_write      (RsPdfWriter *w, const char *number, GError **error);
gboolean    rs_pdf_inspection_write  (RsPdfWriter *w, const char *number, GError **error);
gboolean    rs_pdf_settlement_write  (RsPdfWriter *w, const char *number, GError **error);
gboolean    rs_pdf_dossier_write     (RsPdfWriter *w, const char *number, GError **error);

/* ---- sections the dossier shares with the single documents ---- */

/* The return's customer, dates, reason and refund value as fields. */
void        rs_pdf_return_add_header    (RsPdfWriter *w, RsReturn *ret, JsonObject *described);
/* The lines; with progress, the received, inspected and disposed quantities too. */
void        rs_pdf_return_add_lines     (RsPdfWriter *w, RsReturn *ret, gboolean progress);
/* The approval levels of the current round, signed or still open, and signature lines. */
void        rs_pdf_return_add_approval  (RsPdfWriter *w, RsReturn *ret, JsonObject *described);
/* One inspection (rs_inspection_to_json) of a line of ret: fields, results, remark; then
 * its photos, every one, under a heading. */
void        rs_pdf_inspection_add_body  (RsPdfWriter *w, RsReturn *ret, JsonObject *inspection);
void        rs_pdf_inspection_add_photos (RsPdfWriter *w, JsonObject *inspection);
/* The lines of a slip as a table (kind decides the columns) with totals; the amount in
 * words when the lines carry costs. */
void        rs_pdf_slip_add_lines       (RsPdfWriter *w, RsSlip *slip);

/* ---- helpers ---- */

/* The header from the settings: company, address and phone, logo, font. */
void        rs_pdf_writer_set_header    (RsPdfWriter *w);

/* The person behind a login name: the full name when there is one. */
const char *rs_pdf_writer_user_name     (RsPdfWriter *w, const char *login);
/* "2026-11-26 09:12" local time; "" for 0. */
char       *rs_pdf_writer_format_time   (gint64       when_us);
/* The same from an ISO 8601 time as core's JSON has it; "" for NULL. */
char       *rs_pdf_writer_format_iso    (const char  *iso);
gint64      rs_pdf_writer_parse_iso     (const char  *iso);
/* "2.5 台" with the product's decimals. */
char       *rs_pdf_writer_quantity      (gint64       milli,
                                         int          decimals,
                                         const char  *unit);
/* A quantity from core's JSON ("2.5") with the decimals of the product. */
char       *rs_pdf_writer_json_quantity (const char  *decimal,
                                         int          decimals);
/* "1,234.50" from core's JSON ("1234.50"); "" for NULL. */
char       *rs_pdf_writer_json_money    (const char  *decimal);
gint64      rs_pdf_writer_json_fen      (const char  *decimal);
/* Photos from the file store: pairs of SHA-256 and caption (rs_pdf_pairs_add). Each is
 * checked against its hash first, several at once (hashing a phone photo takes tens of
 * milliseconds): a damaged or missing file is not printed as if it were fine — a note
 * takes its place, with a warning. */
void        rs_pdf_writer_add_stored_photos (RsPdfWriter *w,
                                             GPtrArray   *pairs);
/* Label–value pairs built up for rs_pdf_document_add_fieldsv() and _add_signaturesv():
 * a GPtrArray of strings (g_ptr_array_new_with_free_func (g_free)); NULL values are "". */
void        rs_pdf_pairs_add            (GPtrArray   *pairs,
                                         const char  *label,
                                         const char  *value);
void        rs_pdf_pairs_take           (GPtrArray   *pairs,
                                         const char  *label,
                                         char        *value);
/* The pairs, NULL-terminated; add nothing after. */
const char * const *rs_pdf_pairs_end    (GPtrArray   *pairs);
/* String members of core's JSON ("" for missing or null). */
const char *rs_pdf_json_string          (JsonObject  *object,
                                         const char  *member);
JsonArray  *rs_pdf_json_array           (JsonObject  *object,
                                         const char  *member);

G_END_DECLS
