/* rs-import.c — CSV rows to products, customers and suppliers, through their add/update rules. */
#include "rs-import.h"
#include "rs-session-private.h"
#include "rs-audit.h"
#include "rs-csv.h"
#include "rs-database.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"
#include "rs-partners.h"
#include "rs-permission.h"
#include "rs-products.h"

#include <string.h>

#define PROGRESS_EVERY   1000
#define HEADER_SEARCH    10           /* title lines tolerated above the header */
#define MAX_FILE_SIZE    (512 * 1024 * 1024)

/* ---- fields and the column names that mean them ------------------------ */

typedef enum {
  F_KEY,        /* SKU, or a partner's code */
  F_NAME,
  F_SPEC,
  F_UNIT,
  F_DECIMALS,
  F_BARCODE,
  F_CATEGORY,
  F_COST,
  F_PRICE,
  F_CONTACT,
  F_PHONE,
  F_EMAIL,
  F_ADDRESS,
  F_REMARK,
  N_FIELDS
} Field;

/* Column names as offices write them, '|'-separated, compared after
 * normalize_header(); plus the header our own export writes (msgctxt "column"),
 * in English and translated, so an exported file imports back. */
typedef struct
{
  Field       field;
  const char *aliases;
  const char *exported[2];
} FieldSpec;

static const FieldSpec product_fields[] = {
  { F_KEY, "sku|code|itemcode|productcode|编码|商品编码|产品编码|物料编码|存货编码|货号|商品编号|产品编号|编号|商品代码",
    { NC_("column", "SKU"), NULL } },
  { F_NAME, "name|productname|itemname|名称|商品名称|产品名称|品名|物料名称|存货名称|商品名",
    { NC_("column", "Product name"), NULL } },
  { F_SPEC, "spec|specification|model|规格|规格型号|型号|商品规格", { NC_("column", "Specification"), NULL } },
  { F_UNIT, "unit|uom|单位|计量单位|主单位|基本单位", { NC_("column", "Unit"), NULL } },
  { F_DECIMALS, "decimals|小数位|小数位数|数量小数位", { NC_("column", "Decimals"), NULL } },
  { F_BARCODE, "barcode|ean|upc|条码|条形码|商品条码|国际条码", { NC_("column", "Barcode"), NULL } },
  { F_CATEGORY, "category|类别|分类|商品类别|商品分类|产品类别|产品分类|类目", { NC_("column", "Category"), NULL } },
  { F_COST, "cost|costprice|purchaseprice|成本|成本价|进价|采购价|进货价|参考成本", { NC_("column", "Cost"), NULL } },
  { F_PRICE, "price|listprice|saleprice|售价|销售价|零售价|单价|标准售价|销售单价", { NC_("column", "Price"), NULL } },
};

static const FieldSpec customer_fields[] = {
  { F_KEY, "code|customercode|编码|客户编码|客户编号|客户代码|编号|代码", { NC_("column", "Customer code"), NULL } },
  { F_NAME, "name|customer|customername|company|名称|客户名称|客户|客户全称|单位名称|公司名称",
    { NC_("column", "Customer name"), NULL } },
  { F_CONTACT, "contact|contactperson|联系人|联系人姓名", { NC_("column", "Contact"), NULL } },
  { F_PHONE, "phone|tel|telephone|mobile|cellphone|电话|手机|联系电话|手机号|手机号码|电话号码|座机",
    { NC_("column", "Phone"), NULL } },
  { F_EMAIL, "email|mail|邮箱|电子邮箱|电子邮件|邮件", { NC_("column", "E-mail"), NULL } },
  { F_ADDRESS, "address|地址|联系地址|收货地址|详细地址|通讯地址", { NC_("column", "Address"), NULL } },
  { F_REMARK, "remark|remarks|note|notes|comment|备注|说明", { NC_("column", "Remark"), NULL } },
};

static const FieldSpec supplier_fields[] = {
  { F_KEY, "code|suppliercode|vendorcode|编码|供应商编码|供应商编号|供应商代码|编号|代码",
    { NC_("column", "Supplier code"), NULL } },
  { F_NAME, "name|supplier|suppliername|vendor|vendorname|company|名称|供应商名称|供应商|供应商全称|厂商|单位名称|公司名称",
    { NC_("column", "Supplier name"), NULL } },
  { F_CONTACT, "contact|contactperson|联系人|联系人姓名", { NC_("column", "Contact"), NULL } },
  { F_PHONE, "phone|tel|telephone|mobile|cellphone|电话|手机|联系电话|手机号|手机号码|电话号码|座机",
    { NC_("column", "Phone"), NULL } },
  { F_EMAIL, "email|mail|邮箱|电子邮箱|电子邮件|邮件", { NC_("column", "E-mail"), NULL } },
  { F_ADDRESS, "address|地址|联系地址|详细地址|通讯地址", { NC_("column", "Address"), NULL } },
  { F_REMARK, "remark|remarks|note|notes|comment|备注|说明", { NC_("column", "Remark"), NULL } },
};

static const struct {
  const char      *key;
  const FieldSpec *fields;
  guint            n_fields;
} kinds[] = {
  [RS_IMPORT_PRODUCTS] = { "products", product_fields, G_N_ELEMENTS (product_fields) },
  [RS_IMPORT_CUSTOMERS] = { "customers", customer_fields, G_N_ELEMENTS (customer_fields) },
  [RS_IMPORT_SUPPLIERS] = { "suppliers", supplier_fields, G_N_ELEMENTS (supplier_fields) },
};

const char *
rs_import_kind_get_key (RsImportKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].key;
}

gboolean
rs_import_kind_parse (const char *key, RsImportKind *kind, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (key, kinds[i].key) == 0)
      return *kind = (RsImportKind) i, TRUE;
  return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                      _("“%s” cannot be imported; choose products, customers or suppliers."),
                      key != NULL ? key : ""), FALSE;
}

static const struct {
  const char *key;
  const char *name;
} outcomes[] = {
  [RS_IMPORT_ADDED] = { "added", NC_("import", "Add") },
  [RS_IMPORT_UPDATED] = { "updated", NC_("import", "Update") },
  [RS_IMPORT_UNCHANGED] = { "unchanged", NC_("import", "Unchanged") },
  [RS_IMPORT_REFUSED] = { "refused", NC_("import", "Refused") },
};

const char *
rs_import_outcome_get_key (RsImportOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (outcomes), NULL);
  return outcomes[outcome].key;
}

const char *
rs_import_outcome_get_display_name (RsImportOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (outcomes), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "import", outcomes[outcome].name);
}

/* "*商品名称 (必填)", "成本（元）", "E-Mail" → "商品名称", "成本", "email": spaces,
 * required-field stars, a unit in brackets, case and separators do not matter. */
static char *
normalize_header (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == 0xFF08 /* （ */ || c == '[' || c == 0x3010 /* 【 */)
        depth++;
      else if (c == ')' || c == 0xFF09 || c == ']' || c == 0x3011)
        depth = MAX (depth - 1, 0);
      else if (depth == 0 && !g_unichar_isspace (c) && c != 0xFEFF && c != '*' && c != 0xFF0A /* ＊ */ &&
               c != '_' && c != '-' && c != '.' && c != ':' && c != 0xFF1A /* ： */)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ---- the result ---------------------------------------------------------- */

struct _RsImportResult
{
  GObject       parent_instance;
  RsImportKind  kind;
  gboolean      dry_run;
  const char   *encoding;
  char          delimiter;
  guint         header_row;
  GPtrArray    *ignored;       /* char *, NULL-terminated */
  GArray       *rows;          /* RsImportRow */
  GStringChunk *strings;
  guint         counts[RS_IMPORT_N_OUTCOMES];
};

G_DEFINE_FINAL_TYPE (RsImportResult, rs_import_result, G_TYPE_OBJECT)

static void
rs_import_result_finalize (GObject *object)
{
  RsImportResult *self = RS_IMPORT_RESULT (object);

  g_ptr_array_unref (self->ignored);
  g_array_unref (self->rows);
  g_string_chunk_free (self->strings);
  G_OBJECT_CLASS (rs_import_result_parent_class)->finalize (object);
}

static void
rs_import_result_class_init (RsImportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_import_result_finalize;
}

static void
rs_import_result_init (RsImportResult *self)
{
  self->ignored = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->rows = g_array_new (FALSE, TRUE, sizeof (RsImportRow));
  self->strings = g_string_chunk_new (64 * 1024);
}

RsImportKind rs_import_result_get_kind (RsImportResult *self) { return self->kind; }
gboolean rs_import_result_get_dry_run (RsImportResult *self) { return self->dry_run; }
const char *rs_import_result_get_encoding (RsImportResult *self) { return self->encoding; }
char rs_import_result_get_delimiter (RsImportResult *self) { return self->delimiter; }
guint rs_import_result_get_header_row (RsImportResult *self) { return self->header_row; }
guint rs_import_result_get_n_rows (RsImportResult *self) { return self->rows->len; }

const char * const *
rs_import_result_get_ignored_columns (RsImportResult *self)
{
  static const char *const none[] = { NULL };

  /* An empty array may have no storage yet. */
  return self->ignored->pdata != NULL ? (const char * const *) self->ignored->pdata : none;
}

guint
rs_import_result_get_count (RsImportResult *self, RsImportOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < RS_IMPORT_N_OUTCOMES, 0);
  return self->counts[outcome];
}

const RsImportRow *
rs_import_result_get_row (RsImportResult *self, guint index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, RsImportRow, index);
}

static void
add_row (RsImportResult *self, guint row, RsImportOutcome outcome, const char *key, const char *name,
         const char *message)
{
  RsImportRow r = {
    row, outcome,
    g_string_chunk_insert_const (self->strings, key != NULL ? key : ""),
    g_string_chunk_insert (self->strings, name != NULL ? name : ""),
    message != NULL ? g_string_chunk_insert (self->strings, message) : NULL,
  };

  g_array_append_val (self->rows, r);
  self->counts[outcome]++;
}

static const char *
delimiter_key (char delimiter)
{
  return delimiter == '\t' ? "tab" : delimiter == ';' ? "semicolon" : "comma";
}

JsonNode *
rs_import_result_to_json (RsImportResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kinds[self->kind].key);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, self->dry_run);
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, self->encoding);
  json_builder_set_member_name (builder, "delimiter");
  json_builder_add_string_value (builder, delimiter_key (self->delimiter));
  json_builder_set_member_name (builder, "header_row");
  json_builder_add_int_value (builder, self->header_row);
  json_builder_set_member_name (builder, "ignored_columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->ignored->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->ignored, i));
  json_builder_end_array (builder);
  for (guint o = 0; o < RS_IMPORT_N_OUTCOMES; o++)
    {
      json_builder_set_member_name (builder, outcomes[o].key);
      json_builder_add_int_value (builder, self->counts[o]);
    }
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const RsImportRow *r = &g_array_index (self->rows, RsImportRow, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, r->row);
      json_builder_set_member_name (builder, "outcome");
      json_builder_add_string_value (builder, outcomes[r->outcome].key);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, r->key);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, r->name);
      json_builder_set_member_name (builder, "message");
      if (r->message != NULL)
        json_builder_add_string_value (builder, r->message);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- the import ---------------------------------------------------------- */

typedef struct
{
  RsSession       *session;
  RsDatabase      *db;
  RsImportKind     kind;
  RsImportResult  *result;
  GArray          *columns[N_FIELDS];   /* file column indexes per field; NULL: absent */
  GPtrArray       *header;              /* the header row as written */
  GHashTable      *seen;                /* folded key → first row (GUINT_TO_POINTER) */
} Importer;

static void
importer_clear (Importer *im)
{
  for (guint f = 0; f < N_FIELDS; f++)
    g_clear_pointer (&im->columns[f], g_array_unref);
  g_clear_pointer (&im->header, g_ptr_array_unref);
  g_clear_pointer (&im->seen, g_hash_table_unref);
}

static GHashTable *
alias_table (RsImportKind kind)
{
  GHashTable *aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < kinds[kind].n_fields; i++)
    {
      const FieldSpec *spec = &kinds[kind].fields[i];
      g_auto(GStrv) names = g_strsplit (spec->aliases, "|", -1);

      for (guint k = 0; names[k] != NULL; k++)
        g_hash_table_insert (aliases, normalize_header (names[k]), GINT_TO_POINTER (spec->field + 1));
      for (guint k = 0; k < G_N_ELEMENTS (spec->exported) && spec->exported[k] != NULL; k++)
        {
          g_hash_table_insert (aliases, normalize_header (spec->exported[k]), GINT_TO_POINTER (spec->field + 1));
          g_hash_table_insert (aliases, normalize_header (g_dpgettext2 (GETTEXT_PACKAGE, "column", spec->exported[k])),
                               GINT_TO_POINTER (spec->field + 1));
        }
    }
  return aliases;
}

/* Maps the record's cells to fields; TRUE when it names the columns a header must have. */
static gboolean
map_header (Importer *im, GHashTable *aliases, GPtrArray *cells)
{
  for (guint f = 0; f < N_FIELDS; f++)
    g_clear_pointer (&im->columns[f], g_array_unref);
  g_ptr_array_set_size (im->result->ignored, 0);

  for (guint c = 0; c < cells->len; c++)
    {
      g_autofree char *norm = normalize_header (g_ptr_array_index (cells, c));
      int field = GPOINTER_TO_INT (g_hash_table_lookup (aliases, norm)) - 1;

      if (*norm == '\0')
        continue;
      /* A second column for a field only counts for phones (电话 and 手机). */
      if (field < 0 || (im->columns[field] != NULL && field != F_PHONE))
        {
          g_ptr_array_add (im->result->ignored, g_strdup (g_ptr_array_index (cells, c)));
          continue;
        }
      if (im->columns[field] == NULL)
        im->columns[field] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (im->columns[field], c);
    }
  return im->kind == RS_IMPORT_PRODUCTS ? im->columns[F_KEY] != NULL && im->columns[F_NAME] != NULL
                                        : im->columns[F_NAME] != NULL;
}

static void
set_no_header (GError **error, RsImportKind kind)
{
  if (kind == RS_IMPORT_PRODUCTS)
    g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                         _("No header row names the SKU and product name columns. Name the columns in the "
                           "first row, e.g. 商品编码, 商品名称, 规格型号, 单位, 条码, 类别, 成本价, 售价."));
  else if (kind == RS_IMPORT_CUSTOMERS)
    g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                         _("No header row names the customer name column. Name the columns in the first row, "
                           "e.g. 客户编码, 客户名称, 联系人, 电话, 邮箱, 地址, 备注."));
  else
    g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                         _("No header row names the supplier name column. Name the columns in the first row, "
                           "e.g. 供应商编码, 供应商名称, 联系人, 电话, 邮箱, 地址, 备注."));
}

/* Trims white space (full-width too) and the apostrophe our CSV export puts before formula-like text. */
static char *
clean_cell (const char *cell)
{
  const char *start = cell;
  const char *end = cell + strlen (cell);
  char *clean;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  clean = g_strndup (start, end - start);
  rs_csv_unescape_text (clean);
  return clean;
}

/* The field's text in this row: NULL when the file has no such column, "" for an empty cell. */
static char *
cell_value (Importer *im, GPtrArray *cells, Field field)
{
  GArray *columns = im->columns[field];
  GString *joined = NULL;

  if (columns == NULL)
    return NULL;
  for (guint i = 0; i < columns->len; i++)
    {
      guint c = g_array_index (columns, guint, i);
      g_autofree char *value = c < cells->len ? clean_cell (g_ptr_array_index (cells, c)) : g_strdup ("");

      if (*value == '\0')
        continue;
      if (joined == NULL)
        joined = g_string_new (value);
      else if (strstr (joined->str, value) == NULL)
        g_string_append_printf (joined, " / %s", value);
    }
  return joined != NULL ? g_string_free (joined, FALSE) : g_strdup ("");
}

static const char *
header_name (Importer *im, Field field)
{
  return g_ptr_array_index (im->header, g_array_index (im->columns[field], guint, 0));
}

/* A row's text per field (cell_value()), freed together. */
typedef struct
{
  char *v[N_FIELDS];
} Values;

static void
values_clear (Values *values)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&values->v[i], g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Row refusals are reported; anything else (storage, permission, cancel) ends the import. */
static gboolean
is_row_refusal (const GError *error)
{
  return error->domain == RS_ERROR &&
         (error->code == RS_ERROR_VALIDATION || error->code == RS_ERROR_EXISTS ||
          error->code == RS_ERROR_INVALID_STATE || error->code == RS_ERROR_NOT_FOUND);
}

/* Remembers the row's key; FALSE (a refusal message set) when an earlier row had it. */
static gboolean
first_occurrence (Importer *im, guint row, const char *prefix, const char *key, GError **error)
{
  /* SKUs and codes are unique regardless of ASCII case, as the database compares them. */
  g_autofree char *down = g_ascii_strdown (key, -1);
  g_autofree char *folded = g_strconcat (prefix, down, NULL);
  gpointer first = g_hash_table_lookup (im->seen, folded);

  if (first == NULL)
    {
      g_hash_table_insert (im->seen, g_steal_pointer (&folded), GUINT_TO_POINTER (row));
      return TRUE;
    }
  if (im->kind == RS_IMPORT_PRODUCTS)
    g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("The SKU “%s” is on row %u of the file already."),
                 key, GPOINTER_TO_UINT (first));
  else if (g_str_equal (prefix, "code:"))
    g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("The code “%s” is on row %u of the file already."),
                 key, GPOINTER_TO_UINT (first));
  else
    g_set_error (error, RS_ERROR, RS_ERROR_EXISTS,
                 _("The name “%s” is on row %u of the file already; give each a code to tell them apart."),
                 key, GPOINTER_TO_UINT (first));
  return FALSE;
}

static gboolean
parse_money_cell (Importer *im, Field field, const char *text, gint64 *fen, GError **error)
{
  GError *local_error = NULL;

  if (rs_money_parse (text, fen, &local_error))
    return TRUE;
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("%s: %s"), header_name (im, field), local_error->message);
  g_error_free (local_error);
  return FALSE;
}

static gboolean
parse_decimals_cell (Importer *im, const char *text, int *decimals, GError **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 3, &value, NULL))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("%s: “%s” is not a number of decimal places; write 0, 1, 2 or 3."),
                        header_name (im, F_DECIMALS), text), FALSE;
  *decimals = (int) value;
  return TRUE;
}

/* Whether the statement (one text parameter) finds a row: most imported rows
 * are new, and asking core for them would build a "not found" error each time. */
static gboolean
exists (Importer *im, const char *sql, const char *value, gboolean *found, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (im->db, sql, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  *found = rs_statement_step (stmt, &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

/* One product row. Returns FALSE only for errors that end the import. */
static gboolean
product_row (Importer *im, guint row, GPtrArray *cells, GError **error)
{
  g_auto(Values) row_values = { { NULL } };
  char **values = row_values.v;
  g_autoptr(RsProduct) existing = NULL;
  g_autoptr(RsProduct) done = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *note = NULL;
  RsProductFields f = { 0 };
  RsImportOutcome outcome;
  gboolean found = FALSE;

  for (guint i = 0; i < N_FIELDS; i++)
    values[i] = cell_value (im, cells, i);
  f.sku = values[F_KEY];

  if (*f.sku != '\0' && !first_occurrence (im, row, "sku:", f.sku, &refusal))
    goto refused;
  if (*f.sku != '\0' && !exists (im, "SELECT 1 FROM product WHERE sku = ?", f.sku, &found, error))
    return FALSE;
  if (found)
    {
      existing = rs_products_lookup_by_sku (im->db, f.sku, &refusal);
      if (existing == NULL && !g_error_matches (refusal, RS_ERROR, RS_ERROR_NOT_FOUND))
        return g_propagate_error (error, g_steal_pointer (&refusal)), FALSE;
      g_clear_error (&refusal);
    }

  /* Start from what is stored (an update) or the defaults (an add); what the row has wins. */
  if (existing != NULL)
    {
      f.name = rs_product_get_name (existing);
      f.spec = rs_product_get_spec (existing);
      f.unit = rs_product_get_unit (existing);
      f.decimals = rs_product_get_decimals (existing);
      f.barcode = rs_product_get_barcode (existing);
      f.category = rs_product_get_category (existing);
      f.avg_cost = rs_product_get_avg_cost (existing);
      f.list_price = rs_product_get_list_price (existing);
    }
  if (!is_blank (values[F_NAME]))
    f.name = values[F_NAME];
  if (!is_blank (values[F_SPEC]))
    f.spec = values[F_SPEC];
  if (!is_blank (values[F_UNIT]))
    f.unit = values[F_UNIT];
  if (!is_blank (values[F_BARCODE]))
    f.barcode = values[F_BARCODE];
  if (!is_blank (values[F_CATEGORY]))
    f.category = values[F_CATEGORY];
  if ((!is_blank (values[F_DECIMALS]) && !parse_decimals_cell (im, values[F_DECIMALS], &f.decimals, &refusal)) ||
      (!is_blank (values[F_COST]) && !parse_money_cell (im, F_COST, values[F_COST], &f.avg_cost, &refusal)) ||
      (!is_blank (values[F_PRICE]) && !parse_money_cell (im, F_PRICE, values[F_PRICE], &f.list_price, &refusal)))
    goto refused;

  if (existing == NULL)
    {
      done = rs_products_add (im->session, &f, &refusal);
      outcome = RS_IMPORT_ADDED;
    }
  else if (g_strcmp0 (f.name, rs_product_get_name (existing)) == 0 &&
           g_strcmp0 (f.spec, rs_product_get_spec (existing)) == 0 &&
           g_strcmp0 (f.unit, rs_product_get_unit (existing)) == 0 &&
           f.decimals == rs_product_get_decimals (existing) &&
           g_strcmp0 (f.barcode, rs_product_get_barcode (existing)) == 0 &&
           g_strcmp0 (f.category, rs_product_get_category (existing)) == 0 &&
           f.avg_cost == rs_product_get_avg_cost (existing) &&
           f.list_price == rs_product_get_list_price (existing))
    {
      add_row (im->result, row, RS_IMPORT_UNCHANGED, rs_product_get_sku (existing), f.name, NULL);
      return TRUE;
    }
  else
    {
      outcome = RS_IMPORT_UPDATED;
      done = rs_products_update (im->session, &f, &refusal);
      /* A cost the stock's moving average overrides: keep it, say so, change the rest. */
      if (done == NULL && g_error_matches (refusal, RS_ERROR, RS_ERROR_INVALID_STATE) &&
          f.avg_cost != rs_product_get_avg_cost (existing))
        {
          note = g_strdup (refusal->message);
          g_clear_error (&refusal);
          f.avg_cost = rs_product_get_avg_cost (existing);
          done = rs_products_update (im->session, &f, &refusal);
        }
    }
  if (done != NULL)
    {
      add_row (im->result, row, outcome, rs_product_get_sku (done), rs_product_get_name (done), note);
      return TRUE;
    }

refused:
  if (!is_row_refusal (refusal))
    return g_propagate_error (error, g_steal_pointer (&refusal)), FALSE;
  add_row (im->result, row, RS_IMPORT_REFUSED, values[F_KEY], values[F_NAME], refusal->message);
  return TRUE;
}

static RsPartnerKind
partner_kind (Importer *im)
{
  return im->kind == RS_IMPORT_CUSTOMERS ? RS_PARTNER_CUSTOMER : RS_PARTNER_SUPPLIER;
}

/* The partner with exactly this code, or (by_name) exactly this name; NULL and
 * no error when there is none. Several of the name: refused with the candidates. */
static RsPartner *
find_partner (Importer *im, const char *text, gboolean by_name, GError **error)
{
  static const char *const sql[2][2] = {
    { "SELECT 1 FROM customer WHERE code = ?", "SELECT 1 FROM customer WHERE name = ?" },
    { "SELECT 1 FROM supplier WHERE code = ?", "SELECT 1 FROM supplier WHERE name = ?" },
  };
  GError *local_error = NULL;
  RsPartner *partner;
  gboolean found = FALSE;

  if (!exists (im, sql[partner_kind (im)][by_name], text, &found, error) || !found)
    return NULL;
  partner = rs_partners_lookup (im->db, partner_kind (im), text, &local_error);

  if (g_error_matches (local_error, RS_ERROR, RS_ERROR_NOT_FOUND))
    {
      g_clear_error (&local_error);
      return NULL;
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  /* rs_partners_lookup() tries codes before names: keep only the kind of match asked for. */
  if (by_name ? g_strcmp0 (rs_partner_get_name (partner), text) != 0
              : g_ascii_strcasecmp (rs_partner_get_code (partner), text) != 0)
    g_clear_object (&partner);
  return partner;
}

static gboolean
same_partner (const RsPartnerFields *f, RsPartner *p)
{
  return g_strcmp0 (f->name, rs_partner_get_name (p)) == 0 &&
         g_strcmp0 (f->contact, rs_partner_get_contact (p)) == 0 &&
         g_strcmp0 (f->phone, rs_partner_get_phone (p)) == 0 &&
         g_strcmp0 (f->email, rs_partner_get_email (p)) == 0 &&
         g_strcmp0 (f->address, rs_partner_get_address (p)) == 0 &&
         g_strcmp0 (f->remark, rs_partner_get_remark (p)) == 0;
}

static gboolean
partner_row (Importer *im, guint row, GPtrArray *cells, GError **error)
{
  g_auto(Values) row_values = { { NULL } };
  char **values = row_values.v;
  g_autoptr(RsPartner) existing = NULL;
  g_autoptr(RsPartner) done = NULL;
  g_autoptr(GError) refusal = NULL;
  RsPartnerFields f = { 0 };
  const char *code, *name;

  for (guint i = 0; i < N_FIELDS; i++)
    values[i] = cell_value (im, cells, i);
  code = values[F_KEY] != NULL ? values[F_KEY] : "";
  name = values[F_NAME];

  if (*code != '\0')
    {
      if (!first_occurrence (im, row, "code:", code, &refusal))
        goto refused;
      existing = find_partner (im, code, FALSE, &refusal);
    }
  else if (*name != '\0')
    {
      if (!first_occurrence (im, row, "name:", name, &refusal))
        goto refused;
      existing = find_partner (im, name, TRUE, &refusal);
    }
  if (refusal != NULL)
    goto refused;

  if (existing != NULL)
    {
      f.code = rs_partner_get_code (existing);
      f.name = rs_partner_get_name (existing);
      f.contact = rs_partner_get_contact (existing);
      f.phone = rs_partner_get_phone (existing);
      f.email = rs_partner_get_email (existing);
      f.address = rs_partner_get_address (existing);
      f.remark = rs_partner_get_remark (existing);
    }
  else
    f.code = code;
  if (!is_blank (name))
    f.name = name;
  if (!is_blank (values[F_CONTACT]))
    f.contact = values[F_CONTACT];
  if (!is_blank (values[F_PHONE]))
    f.phone = values[F_PHONE];
  if (!is_blank (values[F_EMAIL]))
    f.email = values[F_EMAIL];
  if (!is_blank (values[F_ADDRESS]))
    f.address = values[F_ADDRESS];
  if (!is_blank (values[F_REMARK]))
    f.remark = values[F_REMARK];

  if (existing == NULL)
    done = rs_partners_add (im->session, partner_kind (im), &f, &refusal);
  else if (same_partner (&f, existing))
    {
      add_row (im->result, row, RS_IMPORT_UNCHANGED, rs_partner_get_code (existing), f.name, NULL);
      return TRUE;
    }
  else
    done = rs_partners_update (im->session, partner_kind (im), &f, &refusal);
  if (done != NULL)
    {
      add_row (im->result, row, existing == NULL ? RS_IMPORT_ADDED : RS_IMPORT_UPDATED,
               rs_partner_get_code (done), rs_partner_get_name (done), NULL);
      return TRUE;
    }

refused:
  if (!is_row_refusal (refusal))
    return g_propagate_error (error, g_steal_pointer (&refusal)), FALSE;
  add_row (im->result, row, RS_IMPORT_REFUSED, code, name, refusal->message);
  return TRUE;
}

static gboolean
all_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *clean = clean_cell (g_ptr_array_index (cells, i));
      if (*clean != '\0')
        return FALSE;
    }
  return TRUE;
}

static char *
read_text (const char *path, const char **encoding, gsize *length, GError **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = g_filename_display_name (path);
  char *text;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("Could not read “%s”: %s"),
                        shown, local_error->message), NULL;
  if (g_mapped_file_get_length (mapped) > MAX_FILE_SIZE)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("“%s” is larger than 512 MB; split it into several files."), shown), NULL;
  if (g_mapped_file_get_length (mapped) == 0)
    {
      *encoding = "UTF-8";
      *length = 0;
      return g_strdup ("");
    }
  text = rs_csv_decode (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped), encoding, error);
  if (text != NULL)
    *length = strlen (text);
  return text;
}

#define IMPORT_CACHE_KIB 262144

/* Sets a page cache of IMPORT_CACHE_KIB (only memory actually used is taken)
 * and returns the size to restore. */
static int
cache_enlarge (RsDatabase *db)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "PRAGMA cache_size", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d; PRAGMA temp_store = MEMORY", IMPORT_CACHE_KIB);
  int previous = -2000;   /* SQLite's default */

  if (stmt != NULL && rs_statement_step (stmt, NULL))
    previous = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, rs_statement_release);
  rs_database_exec (db, sql, NULL);
  return previous;
}

static void
cache_restore (RsDatabase *db, int previous)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", previous);
  rs_database_exec (db, sql, NULL);
}

static RsAction
import_action (RsImportKind kind)
{
  return kind == RS_IMPORT_CUSTOMERS ? RS_ACTION_CUSTOMER_EDIT : RS_ACTION_MASTER_EDIT;
}

/* The permission is asked before reading a byte, so a preview tells at once. */
static gboolean
check_permission (RsSession *session, RsImportKind kind, GError **error)
{
  return rs_permission_check (session, import_action (kind), error);
}

static gboolean
record_import (Importer *im, const char *path, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *action = g_strdup_printf ("%s.import", im->kind == RS_IMPORT_PRODUCTS ? "product"
                                                        : im->kind == RS_IMPORT_CUSTOMERS ? "customer" : "supplier");
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *file = g_filename_display_name (base);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, im->result->encoding);
  for (guint o = 0; o < RS_IMPORT_N_OUTCOMES; o++)
    {
      json_builder_set_member_name (builder, outcomes[o].key);
      json_builder_add_int_value (builder, im->result->counts[o]);
    }
  json_builder_end_object (builder);
  summary = json_builder_get_root (builder);
  return rs_audit_record (im->session, action, "import", file, NULL, summary, error);
}

RsImportResult *
rs_import_file (RsSession *session, RsImportKind kind, const char *path, gboolean dry_run,
                RsProgressFunc progress, gpointer progress_data, GCancellable *cancellable, GError **error)
{
  g_autoptr(RsImportResult) result = NULL;
  g_autoptr(RsCsvReader) reader = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) aliases = NULL;
  g_autoptr(RsTransaction) tx = NULL;
  g_autofree char *text = NULL;
  Importer im = { 0 };
  gsize length = 0;
  gboolean header_found = FALSE;
  gboolean ok = TRUE;
  int cache;

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!check_permission (session, kind, error))
    return NULL;

  result = g_object_new (RS_TYPE_IMPORT_RESULT, NULL);
  result->kind = kind;
  result->dry_run = dry_run;
  text = read_text (path, &result->encoding, &length, error);
  if (text == NULL)
    return NULL;
  reader = rs_csv_reader_new (text, length, 0);
  result->delimiter = rs_csv_reader_get_delimiter (reader);

  aliases = alias_table (kind);
  im.session = session;
  im.db = rs_session_get_database (session);
  im.kind = kind;
  im.result = result;
  im.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The header: the first record naming the key columns, after at most a few title lines. */
  while (!header_found && rs_csv_reader_next (reader, cells) && rs_csv_reader_get_record (reader) <= HEADER_SEARCH)
    if (map_header (&im, aliases, cells))
      {
        header_found = TRUE;
        result->header_row = rs_csv_reader_get_record (reader);
        im.header = g_ptr_array_new_with_free_func (g_free);
        for (guint c = 0; c < cells->len; c++)
          g_ptr_array_add (im.header, clean_cell (g_ptr_array_index (cells, c)));
      }
  if (!header_found)
    {
      g_ptr_array_set_size (result->ignored, 0);
      importer_clear (&im);
      return set_no_header (error, kind), NULL;
    }

  /* The whole file is one transaction: with SQLite's default 2 MB page cache its
   * dirty pages would spill to the WAL over and over. Room for them, for now. */
  cache = cache_enlarge (im.db);
  tx = rs_transaction_begin (im.db, error);
  /* Checked again now that the lock is held, then once for all rows (the user's roles cannot
   * change until the commit): reading the user back per row was a tenth of the import. */
  if (tx == NULL || !check_permission (session, kind, error))
    {
      g_clear_pointer (&tx, rs_transaction_free);
      cache_restore (im.db, cache);
      importer_clear (&im);
      return NULL;
    }
  rs_session_vouch (session, import_action (kind));
  /* No savepoint per row (a tenth of the time): a row refused is refused before it writes,
   * and one that fails after writing fails the whole import (rs_database_set_bulk). */
  rs_database_set_bulk (im.db, TRUE);
  rs_search_defer_begin (im.db);

  while (ok && rs_csv_reader_next (reader, cells))
    {
      guint row = rs_csv_reader_get_record (reader);

      if (row % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          if (progress != NULL)
            progress (rs_csv_reader_get_offset (reader), length, progress_data);
        }
      if (rs_csv_reader_get_unclosed (reader))
        {
          g_autofree char *first = cells->len > 0 ? clean_cell (g_ptr_array_index (cells, 0)) : g_strdup ("");
          add_row (result, row, RS_IMPORT_REFUSED, first, NULL,
                   _("A quoted cell on this row has no closing quote, so the rest of the file was read into it. "
                     "Check the quotes and import again."));
          continue;
        }
      if (all_blank (cells))
        continue;
      ok = kind == RS_IMPORT_PRODUCTS ? product_row (&im, row, cells, error) : partner_row (&im, row, cells, error);
    }

  rs_session_unvouch (session);
  rs_database_set_bulk (im.db, FALSE);
  /* A dry run need not index what it rolls back. */
  ok = rs_search_defer_end (im.db, ok && !dry_run, ok && !dry_run ? error : NULL) && ok;
  if (ok && !dry_run)
    ok = record_import (&im, path, error) && rs_transaction_commit (tx, error);
  g_clear_pointer (&tx, rs_transaction_free);
  cache_restore (im.db, cache);
  importer_clear (&im);
  if (!ok)
    return NULL;   /* the transaction rolls back as it goes */
  if (progress != NULL)
    progress (length, length, progress_data);
  return g_steal_pointer (&result);   /* a dry run: rolled back as tx goes */
}
