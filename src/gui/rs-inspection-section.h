/* rs-inspection-section.h — 检验: the returns whose goods wait for inspection, and the
 * inspection page of one: each received line's checklist (the product category's template)
 * with pass / fail / n.a. toggles, measurements with their unit and range, text and photos,
 * the verdict computed live by core (rs_inspections_preview), and Complete
 * (rs_inspections_record) with core's refusal shown beside the line. Completing a line, or
 * opening the same return again, leaves the other lines as the inspector left them. */
#pragma once

#include "rs-section.h"

G_BEGIN_DECLS

#define RS_TYPE_INSPECTION_SECTION (rs_inspection_section_get_type ())
G_DECLARE_FINAL_TYPE (RsInspectionSection, rs_inspection_section, RS, INSPECTION_SECTION, AdwBin)

/* For tests: the return shown ("" on the list). */
const char *rs_inspection_section_get_number (RsInspectionSection *self);
/* For tests: a part of line `line` (1-based, as in the return) by name — "verdict",
 * "missing", "complete", "message", "photos" (the line's strip), "stricter", "remark";
 * an item's as "ITEM-KEY" (its row), "ITEM-KEY:pass", ":fail", ":na", ":value" (the spin
 * or entry), ":photos". NULL when there is none. */
GtkWidget  *rs_inspection_section_get_part   (RsInspectionSection *self,
                                              guint                line,
                                              const char          *name);

G_END_DECLS
