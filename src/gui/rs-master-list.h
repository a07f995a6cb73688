/* rs-master-list.h — one page of 资料: a kind's list with search, "show inactive" and New;
 * activating a row opens the kind's editor (RsMasterEditor). The same for every kind. */
#pragma once

#include "rs-master-kind.h"

G_BEGIN_DECLS

#define RS_TYPE_MASTER_LIST (rs_master_list_get_type ())
G_DECLARE_FINAL_TYPE (RsMasterList, rs_master_list, RS, MASTER_LIST, GtkBox)

GtkWidget          *rs_master_list_new         (RsSession          *session,
                                                const RsMasterKind *kind);
const RsMasterKind *rs_master_list_get_kind    (RsMasterList       *self);
/* Reads the list again with the search as it is now. */
void                rs_master_list_reload      (RsMasterList       *self);
/* Reads the list again now when it is on screen, otherwise the next time it is shown. */
void                rs_master_list_reload_when_shown (RsMasterList *self);
/* The list as shown (tests); read first if it is out of date. */
GListModel         *rs_master_list_get_model   (RsMasterList       *self);
/* Opens the editor of item, or of a new one (NULL); returns it (tests). */
GtkWidget          *rs_master_list_open_editor (RsMasterList       *self,
                                                gpointer            item);
void                rs_master_list_focus_search (RsMasterList      *self);

G_END_DECLS
