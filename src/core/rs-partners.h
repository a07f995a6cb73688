/* rs-partners.h — customers and suppliers: adding, finding, searching, retiring.
 * Customers need RS_ACTION_CUSTOMER_EDIT to change, suppliers RS_ACTION_MASTER_EDIT. */
#pragma once

#include <gio/gio.h>
#include "rs-partner.h"
#include "rs-session.h"

G_BEGIN_DECLS

/* Names may repeat (two shops of one name); codes may not (RS_ERROR_EXISTS). */
RsPartner  *rs_partners_add          (RsSession             *session,
                                      RsPartnerKind          kind,
                                      const RsPartnerFields *fields,
                                      GError               **error);
/* Changes the partner whose code is fields->code (a code never changes) to the
 * fields, with the rules of add. Nothing different: nothing written. */
RsPartner  *rs_partners_update       (RsSession             *session,
                                      RsPartnerKind          kind,
                                      const RsPartnerFields *fields,
                                      GError               **error);
/* By code, else by exact name. A name several partners share is refused
 * (RS_ERROR_VALIDATION) with the candidates' codes listed (DESIGN §9). */
RsPartner  *rs_partners_lookup       (RsDatabase            *database,
                                      RsPartnerKind          kind,
                                      const char            *code_or_name,
                                      GError               **error);
RsPartner  *rs_partners_lookup_by_id (RsDatabase            *database,
                                      RsPartnerKind          kind,
                                      gint64                 id,
                                      GError               **error);
/* A GListModel of RsPartner by code; inactive ones only when asked. */
GListModel *rs_partners_list         (RsSession             *session,
                                      RsPartnerKind          kind,
                                      gboolean               include_inactive,
                                      GError               **error);
/* Any part of code, name, contact or phone, Chinese included. */
GListModel *rs_partners_search       (RsSession             *session,
                                      RsPartnerKind          kind,
                                      const char            *query,
                                      GError               **error);
/* The customers or suppliers as the 资料 list shows them: an RsPagedModel (rs-paged-model.h)
 * of RsPartner by code, read a page at a time. search (NULL or blank: every one) matches any
 * part of code, name, contact or phone as rs_partners_search does; inactive ones only when
 * asked. Needs RS_ACTION_VIEW; search text that is not UTF-8 or longer than 100 characters
 * is refused (RS_ERROR_VALIDATION). */
GListModel *rs_partners_list_paged   (RsSession             *session,
                                      RsPartnerKind          kind,
                                      const char            *search,
                                      gboolean               include_inactive,
                                      GError               **error);
gboolean    rs_partners_set_active   (RsSession             *session,
                                      RsPartnerKind          kind,
                                      const char            *code,
                                      gboolean               active,
                                      GError               **error);
/* Deletes a partner nothing refers to; otherwise RS_ERROR_INVALID_STATE. */
gboolean    rs_partners_remove       (RsSession             *session,
                                      RsPartnerKind          kind,
                                      const char            *code,
                                      GError               **error);

G_END_DECLS
