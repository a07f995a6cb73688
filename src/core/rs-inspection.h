/* rs-inspection.h — inspecting returned goods (检验): checklists per product category and
 * the inspections (检验单, JY…) of return lines (DESIGN §2).
 *
 * A checklist (template) has items: checks (pass / fail / n.a.), measurements (a number in
 * a unit, failing outside min…max), text, and photo-required items. The product's category
 * chooses the template; without one the default applies. An inspection of a quantity of a
 * line is started and finished by the program's clock; its verdict is computed (a required
 * item failed → fail) and the inspector may only make it stricter. Photos go to the
 * content-addressed store. When every received quantity is inspected the return is INSPECTED.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rs-return.h"
#include "rs-session.h"

G_BEGIN_DECLS

typedef enum {
  RS_INSPECTION_ITEM_CHECK,     /* pass / fail / na */
  RS_INSPECTION_ITEM_MEASURE,   /* a number in the unit, within min…max */
  RS_INSPECTION_ITEM_TEXT,      /* what the inspector writes, e.g. a serial number */
  RS_INSPECTION_ITEM_PHOTO,     /* passes with at least one photo */
} RsInspectionItemKind;

/* "check", "measure", "text", "photo" as stored and typed. */
const char *rs_inspection_item_kind_get_key (RsInspectionItemKind  kind);
gboolean    rs_inspection_item_kind_parse   (const char           *key,
                                             RsInspectionItemKind *kind,
                                             GError              **error);

typedef enum {
  RS_VERDICT_PASS,
  RS_VERDICT_FAIL,
} RsVerdict;

const char *rs_verdict_get_key          (RsVerdict   verdict);
const char *rs_verdict_get_display_name (RsVerdict   verdict);
gboolean    rs_verdict_parse            (const char *key,
                                         RsVerdict  *verdict,
                                         GError    **error);

/* ---- templates ----------------------------------------------------------- */

/* One item of a checklist; strings borrowed. */
typedef struct
{
  const char           *key;        /* what `--check KEY=` names: letters, digits, - and _ */
  const char           *name;       /* shown to the inspector */
  RsInspectionItemKind  kind;
  const char           *unit;       /* measure: "mm", "V", …; NULL otherwise */
  gboolean              has_min;
  gint64                min_value;  /* thousandths of the unit */
  gboolean              has_max;
  gint64                max_value;
  gboolean              required;   /* a failed required item fails the inspection */
} RsInspectionItemFields;

/* A checklist for the products of a category (RS_ACTION_SETTINGS_EDIT; audited
 * "inspection.template.add"). A category has at most one active checklist: deactivate
 * the old one first. Returns the template as JSON (code, name, category, items). */
JsonNode *rs_inspection_templates_add        (RsSession                    *session,
                                              const char                   *code,
                                              const char                   *name,
                                              const char                   *category,
                                              const RsInspectionItemFields *items,
                                              guint                         n_items,
                                              GError                      **error);
/* A category's checklist no longer applies; its products get the default again.
 * The default cannot be deactivated (RS_ACTION_SETTINGS_EDIT). */
gboolean  rs_inspection_templates_deactivate (RsSession                    *session,
                                              const char                   *code,
                                              GError                      **error);
/* Every active template with its items, default first (RS_ACTION_VIEW): {"templates": […]}. */
JsonNode *rs_inspection_templates_list       (RsSession                    *session,
                                              GError                      **error);

/* ---- inspections ---------------------------------------------------------- */

#define RS_TYPE_INSPECTION (rs_inspection_get_type ())
G_DECLARE_FINAL_TYPE (RsInspection, rs_inspection, RS, INSPECTION, GObject)

/* JY20261126-0001 */
const char *rs_inspection_get_number        (RsInspection *self);
const char *rs_inspection_get_return_number (RsInspection *self);
const char *rs_inspection_get_sku           (RsInspection *self);
guint       rs_inspection_get_line_number   (RsInspection *self);
gint64      rs_inspection_get_quantity      (RsInspection *self);   /* thousandths */
gboolean    rs_inspection_get_finished      (RsInspection *self);
gint64      rs_inspection_get_started_at    (RsInspection *self);
gint64      rs_inspection_get_finished_at   (RsInspection *self);   /* 0 while open */
/* Meaningful once finished. */
RsVerdict   rs_inspection_get_computed_verdict (RsInspection *self);
RsVerdict   rs_inspection_get_verdict       (RsInspection *self);
/* number, return, line, sku, template, quantity, state, times, verdicts, remark,
 * results (item, kind, value, passed) and photos. */
JsonNode   *rs_inspection_to_json           (RsInspection *self);

/* One result as typed: KEY=VALUE; strings borrowed. */
typedef struct
{
  const char *key;
  const char *value;   /* pass|fail|na, a number, or text */
} RsInspectionValue;

/* A photo: of an item (key) or of the whole line (key NULL); strings borrowed. */
typedef struct
{
  const char *key;
  const char *path;
} RsInspectionPhoto;

typedef struct
{
  const RsInspectionValue *values;
  guint                    n_values;
  const RsInspectionPhoto *photos;
  guint                    n_photos;
  int                      verdict;   /* -1: as computed; RS_VERDICT_FAIL: stricter */
  const char              *remark;
} RsInspectionFields;

/* Opens an inspection of `quantity` (0: all received and not yet inspected) of the
 * return's line of the product (RS_ACTION_RETURN_INSPECT), stamped now. Refuses more
 * than received and not yet inspected. */
RsInspection *rs_inspections_start  (RsSession                *session,
                                     const char               *return_number,
                                     const char               *sku,
                                     gint64                    quantity,
                                     GError                  **error);
/* Records the results of an open inspection and finishes it now (RS_ACTION_RETURN_INSPECT). */
RsInspection *rs_inspections_finish (RsSession                *session,
                                     const char               *number,
                                     const RsInspectionFields *fields,
                                     GError                  **error);
/* Both at once: finishes the line's open inspection, or starts and finishes a new one. */
RsInspection *rs_inspections_record (RsSession                *session,
                                     const char               *return_number,
                                     const char               *sku,
                                     gint64                    quantity,
                                     const RsInspectionFields *fields,
                                     GError                  **error);
/* The checklist the product of `sku` (a SKU or barcode) is inspected with: its category's
 * template, else the default; as rs_inspection_templates_list() shows each (RS_ACTION_VIEW). */
JsonNode     *rs_inspections_checklist (RsSession                *session,
                                        const char               *sku,
                                        GError                  **error);
/* What finishing with these results would decide, writing nothing (RS_ACTION_VIEW), for a
 * form to show as it is filled in: the verdict computed from the results given so far (and
 * fields->verdict when it is stricter), the keys of the items that fail (failed, may be NULL)
 * and what finishing would still refuse — a required item without a result or photo —
 * in incomplete (may be NULL; NULL when nothing is missing). Values finishing refuses as
 * malformed (a measurement that is no number, an unknown key) are errors here too. */
gboolean      rs_inspections_preview   (RsSession                *session,
                                        const char               *sku,
                                        const RsInspectionFields *fields,
                                        RsVerdict                *verdict,
                                        GStrv                    *failed,
                                        char                    **incomplete,
                                        GError                  **error);
RsInspection *rs_inspections_lookup (RsSession                *session,
                                     const char               *number,
                                     GError                  **error);

G_END_DECLS
