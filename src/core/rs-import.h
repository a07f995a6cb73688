/* rs-import.h — products, customers and suppliers in from CSV, with a preview first.
 *
 * The file is read as Chinese offices save it: UTF-8 or GBK (detected), with or
 * without a byte order mark, comma or tab separated (detected), quoted fields
 * with line breaks and doubled quotes. The header row is matched by name, in
 * Chinese or English (商品编码 / SKU, 名称 / Name, 单位 / Unit, 成本 / Cost, …);
 * a title line above it is skipped, unknown columns are ignored and listed.
 *
 * Each data row is added (a SKU or code not yet known), updated (a known one:
 * cells left empty keep what is stored), unchanged, or refused with its reason:
 * the same SKU or code twice in the file, a bad number, anything core refuses.
 * Rows go through rs_products_add/update and rs_partners_add/update, so every
 * rule, permission check and audit row is theirs. The whole import is one
 * transaction; a dry run does all of it and rolls back, so its preview is exactly
 * what the import would do. A customer or supplier row without a code is matched
 * by its exact name (one partner of that name: updated; several: refused).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "rs-session.h"
#include "rs-table.h"

G_BEGIN_DECLS

typedef enum {
  RS_IMPORT_PRODUCTS,
  RS_IMPORT_CUSTOMERS,
  RS_IMPORT_SUPPLIERS,
} RsImportKind;

/* "products", "customers", "suppliers". */
const char *rs_import_kind_get_key     (RsImportKind  kind);
gboolean    rs_import_kind_parse       (const char   *key,
                                        RsImportKind *kind,
                                        GError      **error);

typedef enum {
  RS_IMPORT_ADDED,
  RS_IMPORT_UPDATED,
  RS_IMPORT_UNCHANGED,
  RS_IMPORT_REFUSED,
  RS_IMPORT_N_OUTCOMES
} RsImportOutcome;

/* "added", "updated", "unchanged", "refused"; and for people: 新增, 更新 … */
const char *rs_import_outcome_get_key          (RsImportOutcome outcome);
const char *rs_import_outcome_get_display_name (RsImportOutcome outcome);

/* One data row's outcome. Strings belong to the result. */
typedef struct
{
  guint            row;       /* its row in the spreadsheet: the header's is 1 when it is the first line */
  RsImportOutcome  outcome;
  const char      *key;       /* SKU or code as written ("" when none); an added partner: its new code */
  const char      *name;      /* as written, "" when none */
  const char      *message;   /* refused: why. Otherwise a note (e.g. the cost kept), or NULL */
} RsImportRow;

#define RS_TYPE_IMPORT_RESULT (rs_import_result_get_type ())
G_DECLARE_FINAL_TYPE (RsImportResult, rs_import_result, RS, IMPORT_RESULT, GObject)

RsImportKind        rs_import_result_get_kind            (RsImportResult  *self);
gboolean            rs_import_result_get_dry_run         (RsImportResult  *self);
/* "UTF-8", "GB18030" or "UTF-16". */
const char         *rs_import_result_get_encoding        (RsImportResult  *self);
char                rs_import_result_get_delimiter       (RsImportResult  *self);
guint               rs_import_result_get_header_row      (RsImportResult  *self);
/* The file's column names matched to no field, in file order. */
const char * const *rs_import_result_get_ignored_columns (RsImportResult  *self);
guint               rs_import_result_get_count           (RsImportResult  *self,
                                                          RsImportOutcome  outcome);
/* Data rows, blank ones not counted, in file order. */
guint               rs_import_result_get_n_rows          (RsImportResult  *self);
const RsImportRow  *rs_import_result_get_row             (RsImportResult  *self,
                                                          guint            index);
/* Counts and every row's outcome; amounts as the file had them are not repeated. */
JsonNode           *rs_import_result_to_json             (RsImportResult  *self);

/* Reads the file and imports it (dry_run: previews it, writing nothing).
 * Needs the permission to change what is imported (products and suppliers:
 * RS_ACTION_MASTER_EDIT; customers: RS_ACTION_CUSTOMER_EDIT). Fails as a
 * whole — nothing written — when the file cannot be read or decoded, has no
 * header row naming the key columns, on a storage error or when cancelled
 * (G_IO_ERROR_CANCELLED). Progress is in bytes of the decoded file. Blocking:
 * run it in a GTask thread; the database must not be used by another thread meanwhile. */
RsImportResult     *rs_import_file                       (RsSession       *session,
                                                          RsImportKind     kind,
                                                          const char      *path,
                                                          gboolean         dry_run,
                                                          RsProgressFunc   progress,
                                                          gpointer         progress_data,
                                                          GCancellable    *cancellable,
                                                          GError         **error);

G_END_DECLS
