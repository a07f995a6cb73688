/* rs-returns-section.h — 退货: the list of returns (paged from SQL, searched, filtered and
 * sorted by core) and one return's detail with the actions the user may take now. */
#pragma once

#include "rs-section.h"

G_BEGIN_DECLS

#define RS_TYPE_RETURNS_SECTION (rs_returns_section_get_type ())
G_DECLARE_FINAL_TYPE (RsReturnsSection, rs_returns_section, RS, RETURNS_SECTION, AdwBin)

/* The list model shown (an RsPagedModel of RsReturn), for tests. */
GListModel *rs_returns_section_get_model (RsReturnsSection *self);
/* Applies the search, state and "waiting for me" filters now (typing waits a moment). */
void        rs_returns_section_reload    (RsReturnsSection *self);

G_END_DECLS
