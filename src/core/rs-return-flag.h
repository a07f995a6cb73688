/* rs-return-flag.h — a breach of the time checks on a return: what, the limit, and by how much (DESIGN §2). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  RS_FLAG_RETURN_WINDOW,        /* asked later after the sale than the reason's return window */
  RS_FLAG_RECEIVING_DEADLINE,   /* goods received later than the deadline after approval */
  RS_FLAG_INSPECTION_DEADLINE,  /* received goods inspected later than the deadline */
} RsFlagKind;

/* "return-window", "receiving-deadline", "inspection-deadline" as stored. */
const char *rs_flag_kind_get_key          (RsFlagKind  kind);
const char *rs_flag_kind_get_display_name (RsFlagKind  kind);
gboolean    rs_flag_kind_parse            (const char *key,
                                           RsFlagKind *kind);

#define RS_TYPE_RETURN_FLAG (rs_return_flag_get_type ())
G_DECLARE_FINAL_TYPE (RsReturnFlag, rs_return_flag, RS, RETURN_FLAG, GObject)

RsFlagKind  rs_return_flag_get_kind      (RsReturnFlag *self);
/* TRUE: the deadline has passed and the step is still not done (not recorded yet). */
gboolean    rs_return_flag_get_pending   (RsReturnFlag *self);
/* Microseconds: the limit, what it took (so far), and the excess. */
gint64      rs_return_flag_get_limit     (RsReturnFlag *self);
gint64      rs_return_flag_get_actual    (RsReturnFlag *self);
gint64      rs_return_flag_get_over      (RsReturnFlag *self);
/* Shown in days for the return window and the receiving deadline, hours for inspection. */
gboolean    rs_return_flag_get_in_hours  (RsReturnFlag *self);
/* "Requested 3 days after the 7-day return window" — translated, for lists and documents. */
char       *rs_return_flag_describe      (RsReturnFlag *self);
JsonNode   *rs_return_flag_to_json       (RsReturnFlag *self);

G_END_DECLS
