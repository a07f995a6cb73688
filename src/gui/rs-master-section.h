/* rs-master-section.h — 资料: products, categories (with their inspection checklists),
 * customers, suppliers, warehouses (with their locations) and reason codes, one page each,
 * all of the same shape (RsMasterList + RsMasterEditor over an RsMasterKind). */
#pragma once

#include "rs-section.h"
#include "rs-master-list.h"

G_BEGIN_DECLS

#define RS_TYPE_MASTER_SECTION (rs_master_section_get_type ())
G_DECLARE_FINAL_TYPE (RsMasterSection, rs_master_section, RS, MASTER_SECTION, AdwBin)

/* The page of a kind ("products", "customers" …). */
RsMasterList *rs_master_section_get_list (RsMasterSection *self,
                                          const char      *kind_id);

G_END_DECLS
