/* rs-print.h — the archive of printed documents (DESIGN §3).
 *
 * Every print keeps the exact PDF bytes in the file store (SHA-256), who printed it, when,
 * and which print of the document it was: 1 for the first, 2 for the first reprint, …
 * A print is one transaction, so two people printing at once get copies 2 and 3, never
 * two 2s:
 *
 *   g_autoptr(RsPrintJob) job = rs_print_job_begin (session, RS_PRINT_SLIP, "RK…", &error);
 *   … make the PDF, showing "第 N 次打印" for rs_print_job_get_copy (job) ≥ 2 …
 *   g_autoptr(RsPrint) print = rs_print_job_commit (job, "a4", pages, pdf, &error);
 *
 * Dropping a job without committing it records nothing. Archive rows are never changed or
 * deleted (the database refuses it).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rs-session.h"

G_BEGIN_DECLS

typedef enum {
  RS_PRINT_SLIP,         /* 入库单 / 出库单 / 调拨单, by slip number */
  RS_PRINT_RETURN,       /* 退货单, the return authorisation, by RMA number */
  RS_PRINT_INSPECTION,   /* 检验报告, by JY… number */
  RS_PRINT_SETTLEMENT,   /* 报账单, by BZ… number */
  RS_PRINT_DOSSIER,      /* 退货档案, everything about a return, by RMA number */
} RsPrintKind;

#define RS_PRINT_N_KINDS (RS_PRINT_DOSSIER + 1)

/* "slip", "return", "inspection", "settlement", "dossier" as stored and typed. */
const char *rs_print_kind_get_key          (RsPrintKind  kind);
const char *rs_print_kind_get_display_name (RsPrintKind  kind);
gboolean    rs_print_kind_parse            (const char  *key,
                                            RsPrintKind *kind,
                                            GError     **error);

#define RS_TYPE_PRINT (rs_print_get_type ())
G_DECLARE_FINAL_TYPE (RsPrint, rs_print, RS, PRINT, GObject)

RsPrintKind  rs_print_get_kind       (RsPrint *self);
const char  *rs_print_get_number     (RsPrint *self);
/* 1 for the first print, 2 for the first reprint, … */
guint        rs_print_get_copy       (RsPrint *self);
/* "a4", "a5", "form241" */
const char  *rs_print_get_template   (RsPrint *self);
guint        rs_print_get_pages      (RsPrint *self);
const char  *rs_print_get_sha256     (RsPrint *self);
gint64       rs_print_get_size       (RsPrint *self);
const char  *rs_print_get_printed_by (RsPrint *self);
gint64       rs_print_get_printed_at (RsPrint *self);
JsonNode    *rs_print_to_json        (RsPrint *self);

typedef struct _RsPrintJob RsPrintJob;

/* Starts a print of the document (RS_ACTION_PRINT): RS_ERROR_NOT_FOUND when there is no
 * such document. Holds a write transaction until committed or freed: read the document
 * and make the PDF in between, through the same session. */
RsPrintJob *rs_print_job_begin   (RsSession   *session,
                                  RsPrintKind  kind,
                                  const char  *number,
                                  GError     **error);
/* Which print this is: one more than the document's prints so far. */
guint       rs_print_job_get_copy (RsPrintJob *job);
/* Stores the PDF and records the print with the time now, audited "document.print".
 * template is the nick the PDF was laid out for; pages its page count. */
RsPrint    *rs_print_job_commit  (RsPrintJob  *job,
                                  const char  *template_nick,
                                  guint        pages,
                                  GBytes      *pdf,
                                  GError     **error);
/* Ends the job; nothing is recorded unless it was committed. */
void        rs_print_job_free    (RsPrintJob  *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsPrintJob, rs_print_job_free)

/* The prints of a document, first print first, as RsPrint (RS_ACTION_VIEW). */
GListModel *rs_prints_list       (RsSession   *session,
                                  RsPrintKind  kind,
                                  const char  *number,
                                  GError     **error);
/* The archived PDF, checked against its SHA-256 (RS_ERROR_STORAGE when damaged). */
GBytes     *rs_prints_read       (RsSession   *session,
                                  RsPrint     *print,
                                  GError     **error);

G_END_DECLS
