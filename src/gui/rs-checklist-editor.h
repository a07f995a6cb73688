/* rs-checklist-editor.h — a category's inspection checklist (检验模板) as a group of the
 * category editor: items of kind pass/fail check, measurement (unit, minimum, maximum),
 * text or photo, each required or not. Saving replaces the category's checklist (core
 * keeps one active per category: the old one is deactivated in the same transaction). */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

/* An AdwPreferencesGroup; needs RS_ACTION_SETTINGS_EDIT to save. */
GtkWidget *rs_checklist_editor_new  (RsSession  *session,
                                     RsCategory *category);
/* What the Add and Save buttons do (tests). */
GtkWidget *rs_checklist_editor_add_item (GtkWidget *editor);
gboolean   rs_checklist_editor_save (GtkWidget  *editor);

G_END_DECLS
