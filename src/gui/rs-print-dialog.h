/* rs-print-dialog.h — printing a document from the window (DESIGN §3, §7, §8).
 *
 * The dialog offers the documents of what it was opened for — for a return (by its RMA
 * number, kind RS_PRINT_RETURN or RS_PRINT_DOSSIER): the return authorisation (退货单), the
 * dossier (退货档案), each finished inspection report and its settlement sheet; for a slip,
 * inspection or settlement: that document — and the paper (A4, A5, the 241 mm form; the
 * setting's by default). Print… (Ctrl+P) asks for the printer, then makes the archived PDF
 * (src/pdf's rs_pdf_print, in a thread) and sends those bytes with GtkPrintJob; Save PDF…
 * and Open PDF make the archived PDF too and save it or show it in the PDF viewer. The
 * document's print history (which print, who, when) is listed below.
 *
 *   rs_print_dialog_present (GTK_WIDGET (self), session, RS_PRINT_RETURN, "TH20261126-0001");
 */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_PRINT_DIALOG (rs_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RsPrintDialog, rs_print_dialog, RS, PRINT_DIALOG, AdwWindow)

/* Opens the dialog over parent's window; errors (no such document …) show inside it. */
RsPrintDialog *rs_print_dialog_present     (GtkWidget     *parent,
                                            RsSession     *session,
                                            RsPrintKind    kind,
                                            const char    *number);
/* The documents offered, as "kind:number" ("return:TH…", "inspection:JY…"), NULL-terminated. */
char         **rs_print_dialog_get_documents (RsPrintDialog *self);
/* Makes the chosen document's archived PDF at path, in a thread ("busy" while it runs):
 * what Save PDF… does once a file is chosen. */
void           rs_print_dialog_save_to     (RsPrintDialog *self,
                                            const char    *path);

G_END_DECLS
