/* rs-approval.h — the approval chain and the life of a return up to approval (DESIGN §2).
 *
 *   DRAFT ─submit→ SUBMITTED ─approve level 1 … n→ APPROVED
 *   SUBMITTED ─reject→ REJECTED ─revise→ DRAFT
 *   DRAFT, SUBMITTED, REJECTED, APPROVED ─cancel→ CANCELLED
 *
 * The chain is master data: ordered levels, each a role and an optional amount from
 * which it applies. Submitting copies the levels that apply to the return's refund
 * value; they are signed strictly in order (禁止越级) by a holder of the level's role
 * (or an admin); the creator may not approve their own return, and one person signs
 * at most one level. Revising starts a new round: the signatures so far no longer count.
 * Every call checks permission and state, and writes its audit row and timeline event
 * in its own transaction; a refused call changes nothing.
 */
#pragma once

#include <gio/gio.h>
#include "rs-return.h"
#include "rs-role.h"
#include "rs-session.h"

G_BEGIN_DECLS

#define RS_APPROVAL_MAX_LEVELS 9

typedef struct
{
  RsRoles role;          /* one role of RS_ACTION_RETURN_APPROVE: admin, service, manager */
  gint64  min_amount;    /* fen; -1: the level always applies */
} RsApprovalLevel;

/* The chain in order; level n is levels[n - 1]. Free with g_array_unref. */
GArray   *rs_approval_chain_get   (RsDatabase            *database,
                                   GError               **error);
/* Replaces the chain (RS_ACTION_SETTINGS_EDIT; audited "approval.chain"). At least one
 * level, at most RS_APPROVAL_MAX_LEVELS; returns already submitted keep their levels. */
gboolean  rs_approval_chain_set   (RsSession             *session,
                                   const RsApprovalLevel *levels,
                                   guint                  n_levels,
                                   GError               **error);
JsonNode *rs_approval_chain_to_json (GArray              *levels);

/* DRAFT → SUBMITTED (RS_ACTION_RETURN_EDIT). Checks the sale-slip limit again.
 * When no level applies the return is APPROVED at once. */
RsReturn *rs_returns_submit  (RsSession  *session,
                              const char *number,
                              const char *comment,
                              GError    **error);
/* Signs the next level (RS_ACTION_RETURN_APPROVE and the level's role); the last
 * level makes the return APPROVED. */
RsReturn *rs_returns_approve (RsSession  *session,
                              const char *number,
                              const char *comment,
                              GError    **error);
/* SUBMITTED → REJECTED by the signer of the next level; the reason is required. */
RsReturn *rs_returns_reject  (RsSession  *session,
                              const char *number,
                              const char *reason,
                              GError    **error);
/* REJECTED → DRAFT (RS_ACTION_RETURN_EDIT): editable again; the next submission is a new round. */
RsReturn *rs_returns_revise  (RsSession  *session,
                              const char *number,
                              const char *comment,
                              GError    **error);
/* DRAFT, SUBMITTED, REJECTED or APPROVED → CANCELLED (RS_ACTION_RETURN_CANCEL). */
RsReturn *rs_returns_cancel  (RsSession  *session,
                              const char *number,
                              const char *reason,
                              GError    **error);

G_END_DECLS
