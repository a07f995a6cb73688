/* rs-mail.h — the confirmation e-mail (认证邮件) of an approved return, handed to the user's
 * mail program as a mailto: draft (DESIGN §2): to the customer, subject and body filled in by
 * core (rs_returns_confirmation_mailto), sent by the user from their own mail client. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

/* Opens the draft of the return's confirmation e-mail in the default mail program. Core's
 * refusal (not approved yet, cancelled …) or a missing mail program shows in the main
 * window's notice bar; FALSE when core refused. parent: any widget inside the main page. */
gboolean rs_mail_compose (GtkWidget  *parent,
                          RsSession  *session,
                          const char *rma_number);

G_END_DECLS
