/* rs-inspection-private.h — what the inspection modules share. */
#pragma once

#include "rs-inspection.h"
#include "rs-database.h"

G_BEGIN_DECLS

/* The seeded default checklist's English names, translated; other names as stored. */
const char *rs_inspection_display_name   (const char *stored);
/* A measurement in thousandths of its unit: "12.5", "-0.25". */
char       *rs_inspection_format_measure (gint64      milli);

/* A template with its items as rs_inspection_templates_list() shows each. */
JsonNode   *rs_inspection_template_to_json (RsDatabase *database,
                                            gint64      template_id,
                                            GError    **error);

G_END_DECLS
