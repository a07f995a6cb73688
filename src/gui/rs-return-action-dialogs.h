/* rs-return-action-dialogs.h — the dialogs of a return's actions: submit, approve, reject,
 * revise, cancel (a message dialog with a comment), receive, dispose, add cost and settle (a
 * window of fields). Each checks what is typed as it is typed, calls core, and on a refusal shows
 * core's message in the dialog and keeps everything typed; on success it closes and calls
 * done with the return as it is now.
 *
 * Fields carry widget names for tests: "comment", "warehouse", "quantity-N" (line N),
 * "other-sku", "other-quantity", "kind-N", "location-N", "supplier-N", "kind", "amount",
 * "remark", "total", "approve" (settle); the button that does it is "accept", the message at the top "error" and the
 * hint under the fields "hint". */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

typedef enum {
  RS_RETURN_DIALOG_SUBMIT,
  RS_RETURN_DIALOG_APPROVE,
  RS_RETURN_DIALOG_REJECT,
  RS_RETURN_DIALOG_REVISE,
  RS_RETURN_DIALOG_CANCEL,
  RS_RETURN_DIALOG_RECEIVE,
  RS_RETURN_DIALOG_DISPOSE,
  RS_RETURN_DIALOG_ADD_COST,
  RS_RETURN_DIALOG_ACCEPT_DISCREPANCY,
  RS_RETURN_DIALOG_SEND_BACK,
  RS_RETURN_DIALOG_SETTLE,
} RsReturnDialogKind;

/* after: the return after the action (borrowed). */
typedef void (*RsReturnDialogDone) (gpointer  user_data,
                                    RsReturn *after);

/* Opens the dialog over parent's window and returns it (owned by GTK). `sku` names the
 * product of a discrepancy (NULL: all of the return's). */
GtkWindow *rs_return_dialog_present (GtkWidget          *parent,
                                     RsSession          *session,
                                     RsReturn           *ret,
                                     RsReturnDialogKind  kind,
                                     const char         *sku,
                                     RsReturnDialogDone  done,
                                     gpointer            user_data);

/* The dialog's widget named `name` (see above), or NULL. */
GtkWidget *rs_return_dialog_find    (GtkWidget          *dialog,
                                     const char         *name);

G_END_DECLS
