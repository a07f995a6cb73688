/* rs-products.h — adding, finding, searching and retiring products. */
#pragma once

#include <gio/gio.h>
#include "rs-product.h"
#include "rs-session.h"

G_BEGIN_DECLS

/* Needs RS_ACTION_MASTER_EDIT. Refuses a duplicate SKU or barcode (RS_ERROR_EXISTS)
 * and empty, too long or invalid text (RS_ERROR_VALIDATION). */
RsProduct  *rs_products_add            (RsSession             *session,
                                        const RsProductFields *fields,
                                        GError               **error);
/* Changes the product whose SKU is fields->sku (a SKU never changes) to the
 * fields, with the rules of add. Once stock has moved, the cost is the moving
 * average and cannot be set by hand; once any document counts the product, its
 * decimals cannot change (both RS_ERROR_INVALID_STATE). Nothing different:
 * nothing written. */
RsProduct  *rs_products_update         (RsSession             *session,
                                        const RsProductFields *fields,
                                        GError               **error);
/* By SKU, else by barcode (what a scanner types). RS_ERROR_NOT_FOUND when neither. */
RsProduct  *rs_products_lookup         (RsDatabase            *database,
                                        const char            *sku_or_barcode,
                                        GError               **error);
RsProduct  *rs_products_lookup_by_sku  (RsDatabase            *database,
                                        const char            *sku,
                                        GError               **error);
RsProduct  *rs_products_lookup_by_id   (RsDatabase            *database,
                                        gint64                 id,
                                        GError               **error);
/* A GListModel of RsProduct by SKU; inactive ones only when asked. */
GListModel *rs_products_list           (RsSession             *session,
                                        gboolean               include_inactive,
                                        GError               **error);
/* Any part of SKU, name, specification or barcode, Chinese included. */
GListModel *rs_products_search         (RsSession             *session,
                                        const char            *query,
                                        GError               **error);
/* The products as the 资料 list shows them: an RsPagedModel (rs-paged-model.h) of RsProduct
 * by SKU, read a page at a time. search (NULL or blank: every product) matches any part of
 * SKU, name, specification or barcode as rs_products_search does; inactive products only when
 * asked. Needs RS_ACTION_VIEW; search text that is not UTF-8 or longer than 100 characters
 * is refused (RS_ERROR_VALIDATION). */
GListModel *rs_products_list_paged     (RsSession             *session,
                                        const char            *search,
                                        gboolean               include_inactive,
                                        GError               **error);
/* Deactivated products stay in history but are not offered for new documents. */
gboolean    rs_products_set_active     (RsSession             *session,
                                        const char            *sku,
                                        gboolean               active,
                                        GError               **error);
/* Deletes a product nothing refers to; one with stock or history is refused
 * (RS_ERROR_INVALID_STATE) — deactivate it instead. */
gboolean    rs_products_remove         (RsSession             *session,
                                        const char            *sku,
                                        GError               **error);

G_END_DECLS
