/* rs-search.h — one search over returns, slips, products and customers: the window's
 * search everywhere (Ctrl+F), and the exact document number a barcode scanner types
 * when it reads the QR code of a printed slip or return.
 *
 * Each kind is searched as its own list searches it (substrings, Chinese too: the FTS5
 * trigram indexes for three characters or more, LIKE for one or two), at most `limit` hits
 * a kind, read through the indexes: the cost is the hits', not the tables'.
 */
#pragma once

#include "rs-session.h"

G_BEGIN_DECLS

typedef enum {
  RS_SEARCH_RETURN,     /* by RMA number */
  RS_SEARCH_SLIP,       /* by slip number */
  RS_SEARCH_PRODUCT,    /* by SKU */
  RS_SEARCH_CUSTOMER,   /* by customer code */
} RsSearchKind;

#define RS_SEARCH_N_KINDS (RS_SEARCH_CUSTOMER + 1)

typedef struct
{
  RsSearchKind kind;
  char        *reference;   /* the number, SKU or code that opens it */
  char        *title;       /* "TH20261126-0001", "P-1 电饭煲", "华东商贸" */
  char        *subtitle;    /* its customer and state, specification, code and phone … */
} RsSearchHit;

void rs_search_hit_free (RsSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsSearchHit, rs_search_hit_free)

/* RsSearchHit, returns first, then slips, products, customers; newest documents first,
 * products by SKU, customers by name (RS_ACTION_VIEW). Refuses a text over 100 characters
 * (RS_ERROR_VALIDATION); an empty text finds nothing. */
GPtrArray *rs_search_everywhere (RsSession    *session,
                                 const char   *text,
                                 guint         limit,
                                 GError      **error);

/* The return or slip numbered text exactly, spaces around and letter case aside: its
 * number as stored, with *kind; NULL (error unset) when there is none (RS_ACTION_VIEW). */
char      *rs_search_document   (RsSession    *session,
                                 const char   *text,
                                 RsSearchKind *kind,
                                 GError      **error);

G_END_DECLS
