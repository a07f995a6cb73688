/* rs-intake-window.h — taking in a return (退货登记): a new one, or a draft edited.
 *
 * Customer (search as you type, or added inline), the sale slip it reverses (fills date,
 * products and prices and caps quantities) or a free order reference, sale date, reason,
 * description, lines (product by SKU or barcode + Enter, quantity, price, serial) and photos.
 * Fields are checked as they are typed with core's parsers and the message shows beside the
 * field; Save stays insensitive until the form is valid. Saving goes through rs_returns_create
 * / _update (photos as attachments); a refusal from core shows in the window and nothing typed
 * is lost. Closing with unsaved changes asks first. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_INTAKE_WINDOW (rs_intake_window_get_type ())
G_DECLARE_FINAL_TYPE (RsIntakeWindow, rs_intake_window, RS, INTAKE_WINDOW, AdwWindow)

/* number: a draft to edit, or NULL for a new return. Emits "saved" (the number) after each save. */
GtkWidget  *rs_intake_window_new        (GtkWindow      *parent,
                                         RsSession      *session,
                                         const char     *number);
/* The number of the return being edited (NULL until a new one is saved). */
const char *rs_intake_window_get_number (RsIntakeWindow *self);
/* TRUE when something was changed since the last save. */
gboolean    rs_intake_window_get_dirty  (RsIntakeWindow *self);
/* Saves (and submits when submit is TRUE) as the buttons do, in a thread on a connection of
 * its own; "busy" is TRUE until it is done. Then the window closes, or shows core's refusal
 * with nothing lost. FALSE when the form is not valid or a save is already running. */
gboolean    rs_intake_window_save       (RsIntakeWindow *self,
                                         gboolean        submit);

/* For tests: the form's parts by name — "customer", "customer-hint", "sale-slip",
 * "order-ref", "sale-date", "reason", "description", "lines-hint", "add-line", "photos",
 * "save", "submit", "message"; a line's as "line1-product", "line1-quantity", "line1-price",
 * "line1-serial", "line1-hint" (1-based). NULL when there is no such part. */
GtkWidget  *rs_intake_window_get_part   (RsIntakeWindow *self,
                                         const char     *name);
/* Selects the customer by code or name, as picking a search result does. */
gboolean    rs_intake_window_choose_customer (RsIntakeWindow *self,
                                              const char     *code_or_name);
/* Adds an empty line and returns its number (1-based). */
guint       rs_intake_window_add_line   (RsIntakeWindow *self);

G_END_DECLS
