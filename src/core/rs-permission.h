/* rs-permission.h — the one place that decides who may do what (DESIGN §1). */
#pragma once

#include "rs-session.h"

G_BEGIN_DECLS

/* Every core entry point that changes data names its action and asks first.
 * New actions are added here and to the table in rs-permission.c. */
typedef enum {
  RS_ACTION_USER_MANAGE,         /* add, change roles, reset password, disable users */
  RS_ACTION_SETTINGS_EDIT,       /* company details, policies, approval chain, templates */
  RS_ACTION_MASTER_EDIT,         /* warehouses, locations, products, categories, suppliers, reason codes */
  RS_ACTION_CUSTOMER_EDIT,       /* customers (sales add them while taking a return) */
  RS_ACTION_RETURN_EDIT,         /* create, edit, submit and revise returns */
  RS_ACTION_RETURN_APPROVE,      /* sign or reject an approval level (the level names the role) */
  RS_ACTION_RETURN_CANCEL,
  RS_ACTION_RETURN_RESOLVE,      /* resolve a receiving discrepancy */
  RS_ACTION_RETURN_RECEIVE,
  RS_ACTION_RETURN_INSPECT,
  RS_ACTION_RETURN_DISPOSE,
  RS_ACTION_RETURN_COST,         /* record refund, freight, handling… */
  RS_ACTION_SETTLEMENT_EDIT,
  RS_ACTION_SETTLEMENT_APPROVE,
  RS_ACTION_SLIP_EDIT,           /* create and edit draft slips, attach files */
  RS_ACTION_SLIP_POST,           /* post, void and amend slips */
  RS_ACTION_REPORT_VIEW,
  RS_ACTION_PRINT,               /* print (and so archive) a document */
  RS_ACTION_VIEW,                /* read master data, lists and documents: any role, as long as the account is enabled */
  RS_ACTION_AUDIT_VIEW,          /* read the audit log */
  RS_N_ACTIONS
} RsAction;

RsRoles     rs_action_get_roles      (RsAction    action);
const char *rs_action_get_name       (RsAction    action);

/* Reads the user's roles and state from the database now, not from the login:
 * a role taken away or an account disabled takes effect at once. */
gboolean    rs_permission_check      (RsSession  *session,
                                      RsAction    action,
                                      GError    **error);
/* The same decision without an error, for offering or greying out a control. */
gboolean    rs_permission_allows     (RsSession  *session,
                                      RsAction    action);

G_END_DECLS
