/* rs-inspection-private.h — what the inspection modules share. */
#pragma once

#include "rs-inspection.h"

G_BEGIN_DECLS

/* The seeded default checklist's English names, translated; other names as stored. */
const char *rs_inspection_display_name   (const char *stored);
/* A measurement in thousandths of its unit: "12.5", "-0.25". */
char       *rs_inspection_format_measure (gint64      milli);

G_END_DECLS
