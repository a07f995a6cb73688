/* rs-return-detail.h — one return on a page: header, lines, approval, receiving, inspection,
 * disposition, costs, linked slips, photos and the timeline, with a button for each action
 * the user may take now (core's rs_returns_get_actions()).
 *
 * Signals: "back" (the back button), "changed" (an action changed the return: lists refresh). */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_RETURN_DETAIL (rs_return_detail_get_type ())
G_DECLARE_FINAL_TYPE (RsReturnDetail, rs_return_detail, RS, RETURN_DETAIL, AdwBin)

void        rs_return_detail_set_session (RsReturnDetail *self,
                                          RsSession      *session);
/* Reads the return from core and shows it; FALSE with error (nothing changes) when it cannot. */
gboolean    rs_return_detail_show        (RsReturnDetail *self,
                                          const char     *number,
                                          GError        **error);
/* Reads the return shown again. */
void        rs_return_detail_reload      (RsReturnDetail *self);
/* The return shown, or NULL. */
RsReturn   *rs_return_detail_get_return  (RsReturnDetail *self);
/* Opens the print dialog / the e-mail of the return shown (Ctrl+P and the buttons). */
void        rs_return_detail_print       (RsReturnDetail *self);

/* The state as a coloured tag ("rs-state rs-state-KEY" in style.css); shared with the list. */
void        rs_return_state_tag_set      (GtkLabel       *label,
                                          RsReturnState   state);

G_END_DECLS
