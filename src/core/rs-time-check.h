/* rs-time-check.h — the time checks of DESIGN §2: the policy, and the breaches recorded on returns.
 *
 * The policy is three settings and a return window per reason, edited by the admin
 * (RS_ACTION_SETTINGS_EDIT): days from sale to request (per reason; default 15, 7 for
 * no-reason), days from approval to receipt (10), hours from receipt to inspection (48).
 * A breach is recorded on the return (table return_flag) when the late step happens;
 * until then a deadline that has passed shows as a pending flag, measured against
 * rs_clock_now(), in rs_return_get_flags() and `return list --flagged`.
 */
#pragma once

#include "rs-database.h"
#include "rs-return-flag.h"
#include "rs-session.h"

G_BEGIN_DECLS

#define RS_SETTING_RETURN_WINDOW_DAYS        "policy.return_window_days"
#define RS_SETTING_RECEIVING_DEADLINE_DAYS   "policy.receiving_deadline_days"
#define RS_SETTING_INSPECTION_DEADLINE_HOURS "policy.inspection_deadline_hours"

#define RS_US_PER_DAY  (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define RS_US_PER_HOUR (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

#define RS_TIME_POLICY_MAX_DAYS  3650
#define RS_TIME_POLICY_MAX_HOURS 87600

typedef struct
{
  guint return_window_days;          /* for reasons without their own window */
  guint receiving_deadline_days;
  guint inspection_deadline_hours;
} RsTimePolicy;

gboolean rs_time_policy_read              (RsDatabase   *database,
                                           RsTimePolicy *policy,
                                           GError      **error);
/* The return window of a reason in days: its own, else the default. */
gboolean rs_time_policy_get_window        (RsDatabase   *database,
                                           gint64        reason_id,
                                           guint        *days,
                                           GError      **error);
/* Sets one of the three RS_SETTING_* keys in range (RS_ACTION_SETTINGS_EDIT; audited "setting.change"). */
gboolean rs_time_policy_set               (RsSession    *session,
                                           const char   *key,
                                           guint         value,
                                           GError      **error);
/* The window of one reason code; days -1 makes it follow the default again (audited "policy.set"). */
gboolean rs_time_policy_set_reason_window (RsSession    *session,
                                           const char   *reason,
                                           int           days,
                                           GError      **error);
/* JSON of the whole policy: {"return_window_days", "receiving_deadline_days",
 * "inspection_deadline_hours", "windows": {"no-reason": 7, …}} (reasons with their own). */
JsonNode *rs_time_policy_to_json          (RsDatabase   *database,
                                           GError      **error);

/* ---- inside the caller's transaction ---------------------------------- */

/* Re-evaluates the return-window breach of a return from its dates and reason
 * (intake and edits call it). */
gboolean rs_time_check_return_window      (RsDatabase   *database,
                                           gint64        return_id,
                                           GError      **error);
/* Records a breach when actual_us > limit_us; an existing one of the kind keeps the
 * larger excess. Receiving and inspection call the two below rather than this. */
gboolean rs_time_check_record             (RsDatabase   *database,
                                           gint64        return_id,
                                           RsFlagKind    kind,
                                           gint64        limit_us,
                                           gint64        actual_us,
                                           GError      **error);
/* Goods received now: late if more than the receiving deadline after approval. */
gboolean rs_time_check_receipt            (RsDatabase   *database,
                                           gint64        return_id,
                                           GError      **error);
/* Goods received at received_at_us inspected now: late past the inspection deadline. */
gboolean rs_time_check_inspection         (RsDatabase   *database,
                                           gint64        return_id,
                                           gint64        received_at_us,
                                           GError      **error);

/* SQL conditions on "customer_return r", true while a deadline has passed and the step
 * is not done. Parameters ?101 (now), ?102 (receiving limit, µs), ?103 (inspection
 * limit, µs): bind them with rs_time_check_bind(). */
#define RS_TIME_CHECK_RECEIVING_LATE \
  "(r.state IN ('approved', 'receiving') AND ?101 - r.approved_at > ?102)"
#define RS_TIME_CHECK_INSPECTION_LATE \
  "(r.state IN ('receiving', 'received') AND ?101 - r.receiving_at > ?103 AND EXISTS " \
  "  (SELECT 1 FROM return_line il WHERE il.return_id = r.id AND il.inspected_quantity < il.received_quantity))"
gboolean rs_time_check_bind               (RsDatabase   *database,
                                           RsStatement  *stmt,
                                           GError      **error);

G_END_DECLS
