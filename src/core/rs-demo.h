/* rs-demo.h — demo data: a Chinese trading company with 90 days of returns (`restock-cli demo`).
 *
 * Everything goes through the same core calls people use, as the users of each role, with
 * the clock moved to when each step happened: users, warehouses and locations, categories
 * and products, checklists, customers and suppliers, purchases and sales, and 64 returns
 * spread over every state (rejected, cancelled and flagged ones too) with their receipts,
 * inspections with photos, dispositions, costs and settlements.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rs-session.h"

G_BEGIN_DECLS

/* A small JPEG photo, different for each index: core has no image library, its caller does. */
typedef GBytes *(*RsDemoPhotoFunc) (guint    index,
                                    gpointer user_data);

/* Fills the database of `admin` (an administrator's session) when it holds nothing but its
 * admin; otherwise RS_ERROR_INVALID_STATE and nothing is written. Days count back from
 * rs_clock_now(), which is left where it was. Returns {"users": [{"name", "full_name",
 * "roles", "password"}…], "returns": N, "states": {"draft": n, …}, "flagged": n, …}: the
 * passwords are shown nowhere else. */
JsonNode *rs_demo_fill (RsSession       *admin,
                        RsDemoPhotoFunc  photo,
                        gpointer         user_data,
                        GError         **error);

G_END_DECLS
