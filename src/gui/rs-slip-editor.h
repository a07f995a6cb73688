/* rs-slip-editor.h — one slip: a draft to fill in and post, or a posted slip to void, amend
 * and print (DESIGN §3). Everything goes through core (rs-slips.h); the editor shows core's
 * refusals next to what they concern, and the lines that lack stock before posting. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_SLIP_EDITOR (rs_slip_editor_get_type ())
G_DECLARE_FINAL_TYPE (RsSlipEditor, rs_slip_editor, RS, SLIP_EDITOR, AdwBin)

void        rs_slip_editor_set_session   (RsSlipEditor *self,
                                          RsSession    *session);
/* Starts a new, unsaved draft of kind. */
void        rs_slip_editor_new_slip      (RsSlipEditor *self,
                                          RsSlipKind    kind);
/* Shows slip number as it is stored; FALSE with error when there is none. */
gboolean    rs_slip_editor_load          (RsSlipEditor *self,
                                          const char   *number,
                                          GError      **error);
/* The number of the slip shown; NULL while a new draft is not saved yet. */
const char *rs_slip_editor_get_number    (RsSlipEditor *self);
/* Adds a line for a SKU or barcode, as typing it in the product field and pressing Enter
 * does (a scanner): the same product again adds one to its last line. */
gboolean    rs_slip_editor_add_product   (RsSlipEditor *self,
                                          const char   *sku_or_barcode);
/* Saves the draft (new or edited) through core; FALSE with the refusal shown. */
gboolean    rs_slip_editor_save          (RsSlipEditor *self);
/* Saves, then checks the stock: TRUE when every line has it (the confirmation may follow);
 * FALSE with the short lines marked. */
gboolean    rs_slip_editor_check_stock   (RsSlipEditor *self);
/* Lines shown, and whether line index (0-based) is marked as lacking stock or invalid. */
guint       rs_slip_editor_get_n_lines   (RsSlipEditor *self);
const char *rs_slip_editor_get_line_hint (RsSlipEditor *self,
                                          guint         index);
/* The widgets of line index, for tests: "quantity", "cost", "location", "to-location". */
GtkWidget  *rs_slip_editor_get_line_field (RsSlipEditor *self,
                                           guint         index,
                                           const char   *field);

/* A button with a mnemonic label, named by the text shown ("新建入库单(I)") as rs-setup-page.ui
 * does: GTK 4.8 reads a button's own "label" out raw, underscore and all, before its text. */
GtkWidget  *rs_slip_editor_new_button    (const char   *mnemonic_label);

G_END_DECLS
