/* rs-search-popover.h — search everywhere (Ctrl+F): returns, slips, products and customers in
 * one popover, grouped; Enter on an exact return or slip number (typed, or a barcode scanner
 * reading a printed document's QR code) opens that document at once. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_SEARCH_POPOVER (rs_search_popover_get_type ())
G_DECLARE_FINAL_TYPE (RsSearchPopover, rs_search_popover, RS, SEARCH_POPOVER, GtkPopover)

GtkWidget *rs_search_popover_new       (RsSession       *session);
GtkWidget *rs_search_popover_get_entry (RsSearchPopover *self);
/* The results shown, one GtkListBoxRow each, in order. */
GtkListBox *rs_search_popover_get_results (RsSearchPopover *self);

G_END_DECLS
