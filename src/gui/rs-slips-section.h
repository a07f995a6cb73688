/* rs-slips-section.h — 出入库: the list of in, out and transfer slips and their editor. */
#pragma once

#include "rs-section.h"
#include "rs-slip-editor.h"

G_BEGIN_DECLS

#define RS_TYPE_SLIPS_SECTION (rs_slips_section_get_type ())
G_DECLARE_FINAL_TYPE (RsSlipsSection, rs_slips_section, RS, SLIPS_SECTION, AdwBin)

/* The list as shown (a GListModel of RsSlip), for tests and the benchmark. */
GListModel *rs_slips_section_get_model  (RsSlipsSection *self);
/* The editor page, made on first use (tests). */
RsSlipEditor *rs_slips_section_get_editor (RsSlipsSection *self);
/* Opens the editor on a new draft of kind (RS_SLIP_IN, RS_SLIP_OUT, RS_SLIP_TRANSFER). */
void        rs_slips_section_new_slip   (RsSlipsSection *self,
                                         RsSlipKind      kind);

G_END_DECLS
