/* rs-application.h — the restock program: options, actions, settings, windows. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RS_TYPE_APPLICATION (rs_application_get_type ())
G_DECLARE_FINAL_TYPE (RsApplication, rs_application, RS, APPLICATION, AdwApplication)

RsApplication *rs_application_new (void);
/* The desktop settings (window size, last user), or NULL when the schema is not installed. */
GSettings     *rs_application_get_settings (RsApplication *self);

G_END_DECLS
