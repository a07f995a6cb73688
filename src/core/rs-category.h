/* rs-category.h — a product category (it chooses the inspection checklist). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RS_TYPE_CATEGORY (rs_category_get_type ())
G_DECLARE_FINAL_TYPE (RsCategory, rs_category, RS, CATEGORY, GObject)

gint64      rs_category_get_id     (RsCategory *self);
const char *rs_category_get_name   (RsCategory *self);
gboolean    rs_category_get_active (RsCategory *self);

G_END_DECLS
