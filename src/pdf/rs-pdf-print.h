/* rs-pdf-print.h — printing Restock's documents: read through core, laid out, archived
 * (DESIGN §3, §7).
 *
 * The documents: a stock slip (入库单 / 出库单 / 调拨单), a return authorisation (退货单),
 * an inspection report (检验报告), a settlement sheet (报账单) and a return dossier
 * (退货档案: everything about one return — authorisation and signatures, receipts,
 * inspections with every photo, dispositions, linked slips, costs, the timeline). The
 * header comes from the settings (company name, address, phone, logo; the CJK font).
 *
 *   g_autoptr(RsPrint) print = rs_pdf_print (session, RS_PRINT_SLIP, "RK20261126-0001", -1,
 *                                           "RK20261126-0001.pdf", NULL, &warnings, &error);
 *
 * Every print is archived (rs-print.h) with its copy number; from the second print on, the
 * pages say "第 N 次打印" and are otherwise the same as the first, for the same paper and
 * an unchanged document.
 */
#pragma once

#include "rs-core.h"
#include "rs-pdf-document.h"

G_BEGIN_DECLS

/* The paper of the setting RS_SETTING_PRINT_TEMPLATE (A4 when unset). */
RsPdfTemplate  rs_pdf_print_get_default_template (RsDatabase   *database);

/* The document as it would print now, not archived (RS_ACTION_VIEW): for a preview, the
 * benchmark and tests. paper -1: the default. Warnings of the reading (a damaged photo)
 * go to *warnings; rendering adds its own. RS_ERROR_NOT_FOUND when there is no such
 * document. */
RsPdfDocument *rs_pdf_print_build  (RsSession    *session,
                                    RsPrintKind   kind,
                                    const char   *number,
                                    int           paper,
                                    char       ***warnings,
                                    GError      **error);

/* Prints the document (RS_ACTION_PRINT): makes the PDF with the next copy number,
 * archives it and writes it to path (NULL: not written; *pdf, when asked, gets the bytes).
 * path is written atomically, and only once the print is archived: a failure leaves no
 * file and records nothing. Warnings (a photo left out …) go to *warnings. */
RsPrint       *rs_pdf_print        (RsSession    *session,
                                    RsPrintKind   kind,
                                    const char   *number,
                                    int           paper,
                                    const char   *path,
                                    GBytes      **pdf,
                                    char       ***warnings,
                                    GError      **error);

G_END_DECLS
