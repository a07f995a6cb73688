/* rs-master-editor.h — the editor window of one master-data item, built from its kind's
 * fields: checks each value as it is typed and says what is wrong under the field; core's
 * refusal goes under the field it names (or under the form), and nothing typed is lost.
 * Without the kind's edit permission everything is shown insensitive, with the reason. */
#pragma once

#include "rs-master-kind.h"

G_BEGIN_DECLS

#define RS_TYPE_MASTER_EDITOR (rs_master_editor_get_type ())
G_DECLARE_FINAL_TYPE (RsMasterEditor, rs_master_editor, RS, MASTER_EDITOR, AdwWindow)

/* item NULL: a new one. Emits "saved" after every change written (save, (de)activate,
 * delete), then closes after a save or delete. */
RsMasterEditor *rs_master_editor_new        (GtkWindow          *parent,
                                             RsSession          *session,
                                             const RsMasterKind *kind,
                                             gpointer            item);
/* Save (as the button does): FALSE when a field or core refused. */
gboolean        rs_master_editor_save       (RsMasterEditor     *self);
/* Deactivate / activate the item now. */
gboolean        rs_master_editor_set_active (RsMasterEditor     *self,
                                             gboolean            active);
/* The entry row of field i and the message under it (tests). */
GtkWidget      *rs_master_editor_get_field  (RsMasterEditor     *self,
                                             guint               i);
GtkLabel       *rs_master_editor_get_hint   (RsMasterEditor     *self,
                                             guint               i);
/* The message under the whole form (core refusals no field owns). */
GtkLabel       *rs_master_editor_get_message (RsMasterEditor    *self);
GtkWidget      *rs_master_editor_get_save_button (RsMasterEditor *self);

G_END_DECLS
