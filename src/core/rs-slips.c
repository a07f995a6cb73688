/* rs-slips.c — the life of a slip and the stock it moves (DESIGN §3).
 *
 * Each entry point is one transaction: permission, the change, the stock
 * movements and the audit row commit together or not at all. Stock moves only
 * here: a posting appends one ledger row per movement and adds the same quantity
 * to on-hand; a void appends the negated rows. The triggers of 0003-slips.sql
 * refuse any other change to posted rows, whoever writes to the file.
 */
#include "rs-slips.h"
#include "rs-attachment-store.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-list-index-private.h"
#include "rs-money.h"
#include "rs-number.h"
#include "rs-partners.h"
#include "rs-permission.h"
#include "rs-products.h"
#include "rs-slip-private.h"
#include "rs-validate.h"
#include "rs-warehouses.h"

#include <stdio.h>
#include <string.h>

#define MAX_REMARK_CHARS 500
#define MAX_REASON_CHARS 500

/* ---- reading ----------------------------------------------------------- */

static char *
column_text_or_null (RsStatement *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : g_strdup (rs_statement_text (stmt, column));
}

RsSlip *
rs_slip_from_row (RsStatement *stmt)
{
  RsSlip *slip = g_object_new (RS_TYPE_SLIP, NULL);
  RsSlipState state = RS_SLIP_DRAFT;
  RsSlipKind kind = RS_SLIP_IN;

  rs_slip_kind_parse (rs_statement_text (stmt, 4), &kind, NULL);
  rs_slip_state_parse (rs_statement_text (stmt, 6), &state, NULL);

  slip->id = sqlite3_column_int64 (stmt, 0);
  slip->number = g_strdup (rs_statement_text (stmt, 1));
  slip->base_number = g_strdup (rs_statement_text (stmt, 2));
  slip->revision = sqlite3_column_int (stmt, 3);
  slip->kind = kind;
  slip->purpose = g_strdup (rs_statement_text (stmt, 5));
  slip->state = state;
  slip->warehouse_id = sqlite3_column_int64 (stmt, 7);
  slip->warehouse_code = g_strdup (rs_statement_text (stmt, 8));
  slip->to_warehouse_id = sqlite3_column_int64 (stmt, 9);
  slip->to_warehouse_code = column_text_or_null (stmt, 10);
  slip->date = g_strdup (rs_statement_text (stmt, 11));
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    {
      slip->has_partner = TRUE;
      slip->partner_kind = RS_PARTNER_CUSTOMER;
      slip->partner_id = sqlite3_column_int64 (stmt, 12);
      slip->partner_code = g_strdup (rs_statement_text (stmt, 13));
      slip->partner_name = g_strdup (rs_statement_text (stmt, 14));
    }
  else if (sqlite3_column_type (stmt, 15) != SQLITE_NULL)
    {
      slip->has_partner = TRUE;
      slip->partner_kind = RS_PARTNER_SUPPLIER;
      slip->partner_id = sqlite3_column_int64 (stmt, 15);
      slip->partner_code = g_strdup (rs_statement_text (stmt, 16));
      slip->partner_name = g_strdup (rs_statement_text (stmt, 17));
    }
  slip->remark = g_strdup (rs_statement_text (stmt, 18));
  slip->amends_id = sqlite3_column_int64 (stmt, 19);
  slip->amends = column_text_or_null (stmt, 20);
  slip->amended_by = column_text_or_null (stmt, 21);
  slip->created_by = g_strdup (rs_statement_text (stmt, 22));
  slip->created_at = sqlite3_column_int64 (stmt, 23);
  slip->posted_by = column_text_or_null (stmt, 24);
  slip->posted_at = sqlite3_column_int64 (stmt, 25);
  slip->voided_by = column_text_or_null (stmt, 26);
  slip->voided_at = sqlite3_column_int64 (stmt, 27);
  slip->void_reason = column_text_or_null (stmt, 28);
  slip->n_lines = sqlite3_column_int (stmt, 29);
  slip->total = sqlite3_column_int64 (stmt, 30);
  return slip;
}

static gboolean
load_lines (RsDatabase *db, RsSlip *slip, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT l.id, l.line_no, l.product_id, p.sku, p.name, p.unit, p.decimals, "
                              "       l.location_id, lo.code, lo.kind = 'quarantine', l.to_location_id, tl.code, "
                              "       l.quantity, l.unit_cost "
                              "FROM slip_line l "
                              "JOIN product p ON p.id = l.product_id "
                              "JOIN location lo ON lo.id = l.location_id "
                              "LEFT JOIN location tl ON tl.id = l.to_location_id "
                              "WHERE l.slip_id = ? ORDER BY l.line_no", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slip->id);
  g_list_store_remove_all (slip->lines);
  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsSlipLine) line = g_object_new (RS_TYPE_SLIP_LINE, NULL);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->number = sqlite3_column_int (stmt, 1);
      line->product_id = sqlite3_column_int64 (stmt, 2);
      line->sku = g_strdup (rs_statement_text (stmt, 3));
      line->product_name = g_strdup (rs_statement_text (stmt, 4));
      line->unit = g_strdup (rs_statement_text (stmt, 5));
      line->decimals = sqlite3_column_int (stmt, 6);
      line->location_id = sqlite3_column_int64 (stmt, 7);
      line->location_code = g_strdup (rs_statement_text (stmt, 8));
      line->from_quarantine = sqlite3_column_int (stmt, 9) != 0;
      line->to_location_id = sqlite3_column_int64 (stmt, 10);
      line->to_location_code = column_text_or_null (stmt, 11);
      line->quantity = sqlite3_column_int64 (stmt, 12);
      line->unit_cost = sqlite3_column_type (stmt, 13) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 13);
      g_list_store_append (slip->lines, line);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  slip->n_lines = g_list_model_get_n_items (G_LIST_MODEL (slip->lines));
  return TRUE;
}

static gboolean
load_attachments (RsDatabase *db, RsSlip *slip, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT a.file_name, a.sha256, a.content_type, a.size, u.name, a.added_at "
                              "FROM slip_attachment a JOIN user u ON u.id = a.added_by "
                              "WHERE a.slip_id = ? ORDER BY a.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slip->id);
  g_list_store_remove_all (slip->attachments);
  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsSlipAttachment) attachment = g_object_new (RS_TYPE_SLIP_ATTACHMENT, NULL);

      attachment->file_name = g_strdup (rs_statement_text (stmt, 0));
      attachment->sha256 = g_strdup (rs_statement_text (stmt, 1));
      attachment->content_type = g_strdup (rs_statement_text (stmt, 2));
      attachment->size = sqlite3_column_int64 (stmt, 3);
      attachment->added_by = g_strdup (rs_statement_text (stmt, 4));
      attachment->added_at = sqlite3_column_int64 (stmt, 5);
      g_list_store_append (slip->attachments, attachment);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static RsSlip *
load_slip (RsDatabase *db, const char *number, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsSlip) slip = NULL;
  GError *local_error = NULL;

  if (number == NULL || *number == '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("Give the number of a slip.")), NULL;

  stmt = rs_database_prepare (db, RS_SLIP_SELECT "WHERE s.number = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no slip numbered “%s”."), number);
      g_propagate_error (error, local_error);
      return NULL;
    }
  slip = rs_slip_from_row (stmt);
  g_clear_pointer (&stmt, rs_statement_release);

  if (!load_lines (db, slip, error) || !load_attachments (db, slip, error))
    return NULL;
  return g_steal_pointer (&slip);
}

RsSlip *
rs_slips_lookup (RsSession *session, const char *number, GError **error)
{
  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  return load_slip (rs_session_get_database (session), number, error);
}

GStrv
rs_slips_get_purposes (RsDatabase *db, RsSlipKind kind, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, "SELECT purpose FROM slip_purpose WHERE kind = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, rs_slip_kind_get_key (kind), -1, SQLITE_STATIC);
  while (rs_statement_step (stmt, &local_error))
    g_strv_builder_add (builder, rs_statement_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* ---- checking what is written ------------------------------------------ */

typedef struct
{
  gint64 product_id;
  gint64 location_id;
  gint64 to_location_id;
  gint64 quantity;
  gint64 unit_cost;
} ResolvedLine;

typedef struct
{
  gint64  warehouse_id;
  gint64  to_warehouse_id;
  char   *date;
  gint64  customer_id;
  gint64  supplier_id;
  GArray *lines;   /* ResolvedLine */
} Resolved;

static void
resolved_free (Resolved *resolved)
{
  g_free (resolved->date);
  g_clear_pointer (&resolved->lines, g_array_unref);
  g_free (resolved);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Resolved, resolved_free)

static char *
resolve_date (const char *text, GError **error)
{
  int year = 0, month = 0, day = 0;
  char end = 0;

  if (text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (rs_clock_now () / G_USEC_PER_SEC);
      return g_date_time_format (now, "%Y-%m-%d");
    }
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year) || year < 1900)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-11-26."), text);
      return NULL;
    }
  return g_strdup (text);
}

static gboolean
resolve_purpose (RsDatabase *db, RsSlipKind kind, const char *purpose, GError **error)
{
  g_auto(GStrv) allowed = rs_slips_get_purposes (db, kind, error);
  g_autofree char *list = NULL;

  if (allowed == NULL)
    return FALSE;
  if (purpose != NULL && g_strv_contains ((const char * const *) allowed, purpose))
    return TRUE;
  list = g_strjoinv (", ", allowed);
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               /* TRANSLATORS: "“gift” is not a purpose for this kind of slip (Out slip): use one of sale, scrap, …" */
               _("“%s” is not a purpose for this kind of slip (%s): use one of %s."),
               purpose != NULL ? purpose : "", rs_slip_kind_get_display_name (kind), list);
  return FALSE;
}

static RsWarehouse *
resolve_warehouse (RsDatabase *db, const char *code, GError **error)
{
  g_autoptr(RsWarehouse) warehouse = NULL;

  if (code == NULL || *code == '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("Give the slip’s warehouse.")), NULL;
  warehouse = rs_warehouses_lookup (db, code, error);
  if (warehouse == NULL)
    return NULL;
  if (!rs_warehouse_get_active (warehouse))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The warehouse %s is deactivated: it takes no new slips."), code), NULL;
  return g_steal_pointer (&warehouse);
}

/* Purchases and returns to vendors name a supplier; sales, customer returns and
 * replacements a customer; the other purposes either, found by code or name. */
static gboolean
resolve_partner (RsDatabase *db, const char *purpose, const char *partner, Resolved *resolved, GError **error)
{
  static const char * const supplier_purposes[] = { "purchase", "return-to-vendor", NULL };
  static const char * const customer_purposes[] = { "sale", "return-in", "replacement", "send-back", NULL };
  g_autoptr(RsPartner) customer = NULL;
  g_autoptr(RsPartner) supplier = NULL;
  g_autoptr(GError) customer_error = NULL;
  g_autoptr(GError) supplier_error = NULL;
  gboolean want_customer = !g_strv_contains (supplier_purposes, purpose);
  gboolean want_supplier = !g_strv_contains (customer_purposes, purpose);

  if (partner == NULL || *partner == '\0')
    return TRUE;

  if (want_customer)
    customer = rs_partners_lookup (db, RS_PARTNER_CUSTOMER, partner, &customer_error);
  if (want_supplier)
    supplier = rs_partners_lookup (db, RS_PARTNER_SUPPLIER, partner, &supplier_error);

  if (customer != NULL && supplier != NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("“%s” names both the customer %s and the supplier %s: give the code of the one you mean."),
                        partner, rs_partner_get_code (customer), rs_partner_get_code (supplier)), FALSE;
  if (customer == NULL && supplier == NULL)
    {
      /* An ambiguous name says more than "not found": pass that on first. */
      GError *chosen = customer_error != NULL && !g_error_matches (customer_error, RS_ERROR, RS_ERROR_NOT_FOUND)
                       ? customer_error
                       : supplier_error != NULL && !g_error_matches (supplier_error, RS_ERROR, RS_ERROR_NOT_FOUND)
                       ? supplier_error : NULL;
      if (chosen != NULL)
        g_propagate_error (error, g_error_copy (chosen));
      else if (want_customer && want_supplier)
        g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND,
                     _("There is no customer or supplier with the code or name “%s”."), partner);
      else if (want_customer)
        g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND,
                     _("There is no customer with the code or name “%s”."), partner);
      else
        g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND,
                     _("There is no supplier with the code or name “%s”."), partner);
      return FALSE;
    }

  if (customer != NULL)
    resolved->customer_id = rs_partner_get_id (customer);
  else
    resolved->supplier_id = rs_partner_get_id (supplier);
  return TRUE;
}

static RsLocation *
lookup_location (RsDatabase *db, RsWarehouse *warehouse, const char *code, GError **error)
{
  g_autoptr(RsLocation) location = rs_locations_lookup (db, rs_warehouse_get_code (warehouse), code, error);

  if (location == NULL)
    return NULL;
  if (!rs_location_get_active (location))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The location %s of warehouse %s is deactivated."),
                        code, rs_warehouse_get_code (warehouse)), NULL;
  return g_steal_pointer (&location);
}

/* No location given: a customer return arrives in quarantine; anything else
 * needs the warehouse to have exactly one storage location, or it must be named. */
static RsLocation *
default_location (RsSession *session, RsWarehouse *warehouse, const char *purpose, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(GListModel) locations = NULL;
  g_autoptr(RsLocation) found = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  guint storage = 0;

  if (g_str_equal (purpose, "return-in"))
    return rs_locations_get_quarantine (db, rs_warehouse_get_id (warehouse), error);

  locations = rs_locations_list (session, rs_warehouse_get_code (warehouse), error);
  if (locations == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(RsLocation) location = g_list_model_get_item (locations, i);

      if (!rs_location_get_active (location))
        continue;
      g_string_append_printf (codes, "%s%s", codes->len > 0 ? ", " : "", rs_location_get_code (location));
      if (rs_location_get_kind (location) == RS_LOCATION_STORAGE)
        {
          storage++;
          g_set_object (&found, location);
        }
    }
  if (storage == 1)
    return g_steal_pointer (&found);

  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("Say which location of warehouse %s each line uses (SKU:QTY@LOCATION); it has %s."),
               rs_warehouse_get_code (warehouse), codes->str);
  return NULL;
}

static gboolean
resolve_line (RsSession *session, RsSlipKind kind, const char *purpose, RsWarehouse *warehouse,
              RsWarehouse *to_warehouse, const RsSlipLineFields *fields, guint number,
              ResolvedLine *out, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(RsLocation) to_location = NULL;
  gint64 step;

  if (fields->sku == NULL || *fields->sku == '\0')
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("Line %u names no product."), number), FALSE;
  product = rs_products_lookup (db, fields->sku, error);
  if (product == NULL)
    return g_prefix_error (error, _("Line %u: "), number), FALSE;
  if (!rs_product_get_active (product))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: the product %s is deactivated."), number, rs_product_get_sku (product)), FALSE;

  /* 10^(3 - decimals) thousandths is the smallest amount the product is counted in. */
  step = 1;
  for (int i = rs_product_get_decimals (product); i < 3; i++)
    step *= 10;
  if (fields->quantity <= 0 || fields->quantity > RS_QUANTITY_MAX)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: the quantity of %s must be more than zero."), number,
                        rs_product_get_sku (product)), FALSE;
  if (fields->quantity % step != 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: the quantity has too many decimal places for %s (it takes %d)."),
                        number, rs_product_get_sku (product), rs_product_get_decimals (product)), FALSE;

  if (fields->unit_cost >= 0 && kind != RS_SLIP_IN)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: a unit cost is given only on in-slips; out and transfer slips use the moving average."),
                        number), FALSE;
  if (fields->unit_cost > RS_MONEY_MAX)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("Line %u: the unit cost is too large."), number), FALSE;

  location = fields->location != NULL && *fields->location != '\0'
             ? lookup_location (db, warehouse, fields->location, error)
             : default_location (session, warehouse, purpose, error);
  if (location == NULL)
    return g_prefix_error (error, _("Line %u: "), number), FALSE;

  if (kind == RS_SLIP_OUT && g_str_equal (purpose, "sale") &&
      rs_location_get_kind (location) == RS_LOCATION_QUARANTINE)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: goods in the quarantine location %s cannot be sold; inspect them and move them to storage first."),
                        number, rs_location_get_code (location)), FALSE;

  if (kind == RS_SLIP_TRANSFER)
    {
      const char *code = fields->to_location != NULL && *fields->to_location != '\0'
                         ? fields->to_location : rs_location_get_code (location);

      to_location = lookup_location (db, to_warehouse, code, error);
      if (to_location == NULL)
        return g_prefix_error (error, _("Line %u: "), number), FALSE;
      if (rs_location_get_id (to_location) == rs_location_get_id (location))
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("Line %u moves %s from %s to the same place: give another location (SKU:QTY@FROM>TO)."),
                            number, rs_product_get_sku (product), rs_location_get_code (location)), FALSE;
    }
  else if (fields->to_location != NULL && *fields->to_location != '\0')
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: only transfer slips have a target location (>LOCATION)."), number), FALSE;

  out->product_id = rs_product_get_id (product);
  out->location_id = rs_location_get_id (location);
  out->to_location_id = to_location != NULL ? rs_location_get_id (to_location) : 0;
  out->quantity = fields->quantity;
  out->unit_cost = fields->unit_cost;
  return TRUE;
}

static Resolved *
resolve_fields (RsSession *session, RsSlipKind kind, const RsSlipFields *fields, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(Resolved) resolved = g_new0 (Resolved, 1);
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsWarehouse) to_warehouse = NULL;

  if (!resolve_purpose (db, kind, fields->purpose, error) ||
      !rs_validate_text (fields->remark, _("remark"), MAX_REMARK_CHARS, RS_TEXT_MULTILINE, error))
    return NULL;
  resolved->date = resolve_date (fields->date, error);
  if (resolved->date == NULL)
    return NULL;

  warehouse = resolve_warehouse (db, fields->warehouse, error);
  if (warehouse == NULL)
    return NULL;
  resolved->warehouse_id = rs_warehouse_get_id (warehouse);
  if (kind == RS_SLIP_TRANSFER)
    {
      to_warehouse = fields->to_warehouse != NULL && *fields->to_warehouse != '\0'
                     ? resolve_warehouse (db, fields->to_warehouse, error)
                     : g_object_ref (warehouse);
      if (to_warehouse == NULL)
        return NULL;
      resolved->to_warehouse_id = rs_warehouse_get_id (to_warehouse);
    }
  else if (fields->to_warehouse != NULL && *fields->to_warehouse != '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("Only transfer slips have a receiving warehouse (--to).")), NULL;

  if (!resolve_partner (db, fields->purpose, fields->partner, resolved, error))
    return NULL;

  if (fields->n_lines == 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("A slip needs at least one line.")), NULL;
  if (fields->n_lines > RS_SLIP_MAX_LINES)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("A slip has at most %d lines; split it into several slips."), RS_SLIP_MAX_LINES), NULL;

  resolved->lines = g_array_sized_new (FALSE, TRUE, sizeof (ResolvedLine), fields->n_lines);
  for (guint i = 0; i < fields->n_lines; i++)
    {
      ResolvedLine line = { 0 };

      if (!resolve_line (session, kind, fields->purpose, warehouse, to_warehouse, &fields->lines[i], i + 1, &line, error))
        return NULL;
      g_array_append_val (resolved->lines, line);
    }
  return g_steal_pointer (&resolved);
}

/* ---- writing a draft ---------------------------------------------------- */

static gint64
session_user_id (RsSession *session)
{
  return rs_user_get_id (rs_session_get_user (session));
}

static void
bind_id_or_null (RsStatement *stmt, int column, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
insert_lines (RsDatabase *db, gint64 slip_id, const Resolved *resolved, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO slip_line (slip_id, line_no, product_id, location_id, to_location_id, "
                              "                       quantity, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < resolved->lines->len; i++)
    {
      const ResolvedLine *line = &g_array_index (resolved->lines, ResolvedLine, i);

      sqlite3_bind_int64 (stmt, 1, slip_id);
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_int64 (stmt, 3, line->product_id);
      sqlite3_bind_int64 (stmt, 4, line->location_id);
      bind_id_or_null (stmt, 5, line->to_location_id);
      sqlite3_bind_int64 (stmt, 6, line->quantity);
      if (line->unit_cost >= 0)
        sqlite3_bind_int64 (stmt, 7, line->unit_cost);
      else
        sqlite3_bind_null (stmt, 7);
      if (!rs_statement_run (stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gint64
insert_slip (RsSession *session, RsSlipKind kind, const char *purpose, const Resolved *resolved,
             const char *remark, const char *base_number, int revision, gint64 amends_id, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *number = revision > 0 ? g_strdup_printf ("%s-%d", base_number, revision) : g_strdup (base_number);
  gint64 id;

  stmt = rs_database_prepare (db,
                              "INSERT INTO slip (number, base_number, revision, kind, purpose, warehouse_id, "
                              "                  to_warehouse_id, slip_date, customer_id, supplier_id, remark, "
                              "                  amends_id, created_by, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, base_number, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, revision);
  sqlite3_bind_text (stmt, 4, rs_slip_kind_get_key (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, purpose, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, resolved->warehouse_id);
  bind_id_or_null (stmt, 7, resolved->to_warehouse_id);
  sqlite3_bind_text (stmt, 8, resolved->date, -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 9, resolved->customer_id);
  bind_id_or_null (stmt, 10, resolved->supplier_id);
  sqlite3_bind_text (stmt, 11, remark != NULL ? remark : "", -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 12, amends_id);
  sqlite3_bind_int64 (stmt, 13, session_user_id (session));
  sqlite3_bind_int64 (stmt, 14, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return 0;
  id = rs_database_last_insert_id (db);

  if (!insert_lines (db, id, resolved, error) || !rs_list_index_slip (db, id, error) ||
      !rs_list_summarize_slip (db, id, error))
    return 0;
  return id;
}

static gboolean
audit_slip (RsSession *session, const char *action, RsSlip *before, RsSlip *after, GError **error)
{
  g_autoptr(JsonNode) before_json = before != NULL ? rs_slip_to_json (before) : NULL;
  g_autoptr(JsonNode) after_json = after != NULL ? rs_slip_to_json (after) : NULL;
  RsSlip *subject = after != NULL ? after : before;

  return rs_audit_record (session, action, "slip", subject->number, before_json, after_json, error);
}

/* ---- moving stock ------------------------------------------------------- */

typedef struct
{
  RsSlipLine *line;
  gint64      warehouse_id;
  gint64      location_id;
  gint64      quantity;      /* signed */
  gboolean    to_side;       /* the receiving side of a transfer */
} Movement;

static GArray *
slip_movements (RsSlip *slip, gboolean reverse)
{
  GListModel *lines = G_LIST_MODEL (slip->lines);
  GArray *movements = g_array_sized_new (FALSE, TRUE, sizeof (Movement), slip->n_lines * 2);
  int sign = reverse ? -1 : 1;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      RsSlipLine *line = g_list_model_get_item (lines, i);
      Movement from = { line, slip->warehouse_id, line->location_id, 0, FALSE };

      g_object_unref (line);   /* the slip's store keeps it alive */
      from.quantity = sign * (slip->kind == RS_SLIP_IN ? line->quantity : -line->quantity);
      g_array_append_val (movements, from);
      if (slip->kind == RS_SLIP_TRANSFER)
        {
          Movement to = { line, slip->to_warehouse_id, line->to_location_id, sign * line->quantity, TRUE };
          g_array_append_val (movements, to);
        }
    }
  return movements;
}

static gboolean
read_on_hand (RsDatabase *db, gint64 product_id, gint64 location_id, gint64 *quantity, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, "SELECT quantity FROM stock_on_hand WHERE product_id = ? AND location_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, location_id);
  *quantity = rs_statement_step (stmt, &local_error) ? sqlite3_column_int64 (stmt, 0) : 0;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Every product and location the slip takes from must hold what all its lines
 * together take, before anything is written: the refusal names the first that
 * does not. */
static gboolean
check_stock (RsDatabase *db, RsSlip *slip, GArray *movements, gboolean voiding, GError **error)
{
  for (guint i = 0; i < movements->len; i++)
    {
      const Movement *m = &g_array_index (movements, Movement, i);
      gint64 requested = 0, on_hand = 0;
      gboolean seen = FALSE;

      if (m->quantity >= 0)
        continue;
      for (guint j = 0; j < movements->len && !seen; j++)
        {
          const Movement *other = &g_array_index (movements, Movement, j);
          if (other->line->product_id != m->line->product_id || other->location_id != m->location_id)
            continue;
          if (j < i && other->quantity < 0)
            seen = TRUE;   /* already checked together with that one */
          else if (other->quantity < 0)
            requested -= other->quantity;
        }
      if (seen)
        continue;
      if (!read_on_hand (db, m->line->product_id, m->location_id, &on_hand, error))
        return FALSE;
      if (on_hand < requested)
        {
          g_autofree char *have = rs_quantity_format (on_hand, m->line->decimals);
          g_autofree char *want = rs_quantity_format (requested, m->line->decimals);
          const char *location = m->to_side ? m->line->to_location_code : m->line->location_code;
          const char *warehouse = m->to_side ? slip->to_warehouse_code : slip->warehouse_code;

          if (voiding)
            g_set_error (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK,
                         _("Not enough stock of %s “%s” at %s / %s to void %s: %s %s on hand, %s %s to take back. "
                           "Nothing was voided."),
                         m->line->sku, m->line->product_name, warehouse, location, slip->number,
                         have, m->line->unit, want, m->line->unit);
          else
            g_set_error (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK,
                         _("Not enough stock of %s “%s” at %s / %s: %s %s on hand, %s %s requested. "
                           "Nothing of %s was posted."),
                         m->line->sku, m->line->product_name, warehouse, location,
                         have, m->line->unit, want, m->line->unit, slip->number);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_average (RsDatabase *db, gint64 product_id, gint64 *avg_cost, gint64 *total, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT p.avg_cost, (SELECT coalesce (sum (h.quantity), 0) FROM stock_on_hand h "
                              "                    WHERE h.product_id = p.id) "
                              "FROM product p WHERE p.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("The product no longer exists."));
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *avg_cost = sqlite3_column_int64 (stmt, 0);
  if (total != NULL)
    *total = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* The moving average over all locations: (Q·avg + q·cost) / (Q + q), rounded half
 * up, with q negative when a void takes an in-line back. 128-bit: quantity × fen
 * overflows 64 bits near the limits. When nothing would remain the average stays. */
static gint64
moving_average (gint64 total, gint64 avg_cost, gint64 quantity, gint64 unit_cost)
{
  __int128 value = (__int128) total * avg_cost + (__int128) quantity * unit_cost;
  __int128 remaining = (__int128) total + quantity;

  if (remaining <= 0)
    return avg_cost;
  if (value <= 0)
    return 0;
  return (gint64) ((value + remaining / 2) / remaining);
}

static gboolean
update_average (RsDatabase *db, RsSlipLine *line, gint64 quantity, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  gint64 avg_cost = 0, total = 0, updated;

  if (!read_average (db, line->product_id, &avg_cost, &total, error))
    return FALSE;
  updated = moving_average (total, avg_cost, quantity, line->unit_cost);
  if (updated == avg_cost)
    return TRUE;

  stmt = rs_database_prepare (db, "UPDATE product SET avg_cost = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, updated);
  sqlite3_bind_int64 (stmt, 2, line->product_id);
  return rs_statement_run (stmt, error);
}

static gboolean
apply_movement (RsSession *session, RsSlip *slip, const Movement *m, gboolean reversal, gint64 now, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) ledger = NULL;
  g_autoptr(RsStatement) on_hand = NULL;
  gint64 unit_cost = m->line->unit_cost;

  /* The cost an in-line brought moves the average before its stock counts in it. */
  if (slip->kind == RS_SLIP_IN && m->line->unit_cost >= 0)
    {
      if (!update_average (db, m->line, m->quantity, error))
        return FALSE;
    }
  else if (!read_average (db, m->line->product_id, &unit_cost, NULL, error))
    return FALSE;

  ledger = rs_database_prepare (db,
                                "INSERT INTO stock_ledger (product_id, warehouse_id, location_id, quantity, unit_cost, "
                                "                          slip_id, slip_line_id, reversal, created_by, created_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (ledger == NULL)
    return FALSE;
  sqlite3_bind_int64 (ledger, 1, m->line->product_id);
  sqlite3_bind_int64 (ledger, 2, m->warehouse_id);
  sqlite3_bind_int64 (ledger, 3, m->location_id);
  sqlite3_bind_int64 (ledger, 4, m->quantity);
  sqlite3_bind_int64 (ledger, 5, unit_cost);
  sqlite3_bind_int64 (ledger, 6, slip->id);
  sqlite3_bind_int64 (ledger, 7, m->line->id);
  sqlite3_bind_int (ledger, 8, reversal ? 1 : 0);
  sqlite3_bind_int64 (ledger, 9, session_user_id (session));
  sqlite3_bind_int64 (ledger, 10, now);
  if (!rs_statement_run (ledger, error))
    return FALSE;

  /* SQLite checks quantity >= 0 on the row to insert before it sees the conflict,
   * so only arrivals upsert; a taking finds its row (check_stock made sure). */
  on_hand = rs_database_prepare (db, m->quantity > 0
                                 ? "INSERT INTO stock_on_hand (product_id, location_id, warehouse_id, quantity) "
                                   "VALUES (?1, ?2, ?3, ?4) "
                                   "ON CONFLICT (product_id, location_id) DO UPDATE SET quantity = quantity + excluded.quantity"
                                 : "UPDATE stock_on_hand SET quantity = quantity + ?4 "
                                   "WHERE product_id = ?1 AND location_id = ?2 AND warehouse_id = ?3",
                                 error);
  if (on_hand == NULL)
    return FALSE;
  sqlite3_bind_int64 (on_hand, 1, m->line->product_id);
  sqlite3_bind_int64 (on_hand, 2, m->location_id);
  sqlite3_bind_int64 (on_hand, 3, m->warehouse_id);
  sqlite3_bind_int64 (on_hand, 4, m->quantity);
  if (!rs_statement_run (on_hand, error))
    return FALSE;
  if (sqlite3_changes (rs_database_get_handle (db)) != 1)
    return g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                        _("On hand of %s at %s was not found; run “restock-cli check”."),
                        m->line->sku, m->to_side ? m->line->to_location_code : m->line->location_code), FALSE;
  return TRUE;
}

static gboolean
move_stock (RsSession *session, RsSlip *slip, gboolean reverse, gint64 now, GError **error)
{
  g_autoptr(GArray) movements = slip_movements (slip, reverse);

  if (!check_stock (rs_session_get_database (session), slip, movements, reverse, error))
    return FALSE;
  /* A void undoes the lines last to first, so averages unwind in the order they were built. */
  for (guint k = 0; k < movements->len; k++)
    {
      guint i = reverse ? movements->len - 1 - k : k;
      if (!apply_movement (session, slip, &g_array_index (movements, Movement, i), reverse, now, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
require_state (RsSlip *slip, RsSlipState wanted, GError **error)
{
  if (slip->state == wanted)
    return TRUE;

  if (slip->state == RS_SLIP_DRAFT)
    g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                 _("%s is a draft and has moved no stock; post it first."), slip->number);
  else if (slip->state == RS_SLIP_VOIDED)
    g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                 _("%s is voided; nothing more can be done with it."), slip->number);
  else
    g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                 _("%s is already posted and cannot change; amend it instead."), slip->number);
  return FALSE;
}

/* The slip's summary for the lists, after posting or voiding; the value posting settled is kept. */
static gboolean
summarize (RsDatabase *db, RsSlip *slip, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  if (!rs_list_summarize_slip (db, slip->id, error))
    return FALSE;
  stmt = rs_database_prepare (db, "SELECT total FROM slip_summary WHERE slip_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slip->id);
  if (rs_statement_step (stmt, &local_error))
    slip->total = sqlite3_column_int64 (stmt, 0);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

void
rs_stock_change_free (RsStockChange *change)
{
  g_free (change->sku);
  g_free (change->product_name);
  g_free (change->unit);
  g_free (change->warehouse);
  g_free (change->location);
  g_free (change);
}

/* The same sums as check_stock(), kept for every movement instead of stopping at the first
 * shortfall, so that each short line can be named. */
GPtrArray *
rs_slips_preview_post (RsSession *session, const char *number, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsSlip) slip = NULL;
  g_autoptr(GArray) movements = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) rs_stock_change_free);

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  slip = load_slip (db, number, error);
  if (slip == NULL || !require_state (slip, RS_SLIP_DRAFT, error))
    return NULL;

  movements = slip_movements (slip, FALSE);
  for (guint i = 0; i < movements->len; i++)
    {
      const Movement *m = &g_array_index (movements, Movement, i);
      RsStockChange *change = g_new0 (RsStockChange, 1);

      g_ptr_array_add (changes, change);
      change->line = m->line->number;
      change->sku = g_strdup (m->line->sku);
      change->product_name = g_strdup (m->line->product_name);
      change->unit = g_strdup (m->line->unit);
      change->decimals = m->line->decimals;
      change->warehouse = g_strdup (m->to_side ? slip->to_warehouse_code : slip->warehouse_code);
      change->location = g_strdup (m->to_side ? m->line->to_location_code : m->line->location_code);
      change->change = m->quantity;
      if (!read_on_hand (db, m->line->product_id, m->location_id, &change->on_hand, error))
        return NULL;
      change->after = change->on_hand;
      for (guint j = 0; j < movements->len; j++)
        {
          const Movement *other = &g_array_index (movements, Movement, j);
          if (other->line->product_id == m->line->product_id && other->location_id == m->location_id)
            change->after += other->quantity;
        }
    }
  return g_steal_pointer (&changes);
}

/* Draft → posted inside the caller's transaction; slip is updated to match.
 * authorised: the caller has checked a workflow action that stands for posting. */
static gboolean
post_in_transaction (RsSession *session, RsSlip *slip, gboolean authorised, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  gint64 now = rs_clock_now ();
  gint64 user_id = session_user_id (session);

  if ((!authorised && !rs_permission_check (session, RS_ACTION_SLIP_POST, error)) ||
      !require_state (slip, RS_SLIP_DRAFT, error))
    return FALSE;
  if (slip->n_lines == 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("%s has no lines to post."), slip->number), FALSE;

  /* Checked again here: a location may have changed kind since the draft was written. */
  if (slip->kind == RS_SLIP_OUT && g_str_equal (slip->purpose, "sale"))
    for (guint i = 0; i < slip->n_lines; i++)
      {
        g_autoptr(RsSlipLine) line = g_list_model_get_item (G_LIST_MODEL (slip->lines), i);
        if (line->from_quarantine)
          return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                              _("Line %u: goods in the quarantine location %s cannot be sold; inspect them and move them to storage first."),
                              line->number, line->location_code), FALSE;
      }

  /* State first: the ledger's trigger accepts rows only for a posted slip. */
  stmt = rs_database_prepare (db, "UPDATE slip SET state = 'posted', posted_by = ?, posted_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, slip->id);
  if (!rs_statement_run (stmt, error))
    return FALSE;

  slip->state = RS_SLIP_POSTED;
  slip->posted_at = now;
  g_free (slip->posted_by);
  slip->posted_by = g_strdup (rs_user_get_name (rs_session_get_user (session)));

  return move_stock (session, slip, FALSE, now, error) && summarize (db, slip, error) &&
         rs_audit_record (session, "slip.post", "slip", slip->number, NULL, NULL, error);
}

/* Posted → voided inside the caller's transaction; amended_by_id links an amendment. */
static gboolean
void_in_transaction (RsSession *session, RsSlip *slip, const char *reason, gint64 amended_by_id, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  gint64 now = rs_clock_now ();

  if (!rs_permission_check (session, RS_ACTION_SLIP_POST, error) ||
      !require_state (slip, RS_SLIP_POSTED, error))
    return FALSE;
  if (*trimmed == '\0')
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Say why %s is voided."), slip->number), FALSE;
  if (!rs_validate_text (trimmed, _("reason"), MAX_REASON_CHARS, RS_TEXT_MULTILINE, error))
    return FALSE;

  stmt = rs_database_prepare (db,
                              "UPDATE slip SET state = 'voided', voided_by = ?, voided_at = ?, void_reason = ?, "
                              "                amended_by_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_user_id (session));
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, trimmed, -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 4, amended_by_id);
  sqlite3_bind_int64 (stmt, 5, slip->id);
  if (!rs_statement_run (stmt, error))
    return FALSE;

  slip->state = RS_SLIP_VOIDED;
  slip->voided_at = now;
  g_free (slip->voided_by);
  slip->voided_by = g_strdup (rs_user_get_name (rs_session_get_user (session)));
  g_free (slip->void_reason);
  slip->void_reason = g_steal_pointer (&trimmed);

  if (!move_stock (session, slip, TRUE, now, error) || !summarize (db, slip, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, slip->void_reason);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  return rs_audit_record (session, "slip.void", "slip", slip->number, NULL, after, error);
}

/* ---- the entry points ---------------------------------------------------- */

static RsSlip *
create (RsSession *session, const RsSlipFields *fields, gboolean post, gboolean authorised, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(Resolved) resolved = NULL;
  g_autoptr(RsSlip) slip = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (fields != NULL && fields->kind <= RS_SLIP_TRANSFER, NULL);

  tx = rs_transaction_begin (db, error);
  if (tx == NULL || (!authorised && !rs_permission_check (session, RS_ACTION_SLIP_EDIT, error)))
    return NULL;
  /* Asked before anything is written, so a keeper without posting rights gets no orphan draft. */
  if (post && !authorised && !rs_permission_check (session, RS_ACTION_SLIP_POST, error))
    return NULL;

  resolved = resolve_fields (session, fields->kind, fields, error);
  if (resolved == NULL)
    return NULL;
  number = rs_number_next (db, rs_slip_kind_get_prefix (fields->kind), rs_clock_now (), error);
  if (number == NULL ||
      insert_slip (session, fields->kind, fields->purpose, resolved, fields->remark, number, 0, 0, error) == 0)
    return NULL;

  slip = load_slip (db, number, error);
  if (slip == NULL || !audit_slip (session, "slip.create", NULL, slip, error))
    return NULL;
  if (post && !post_in_transaction (session, slip, authorised, error))
    return NULL;
  if (!rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&slip);
}

RsSlip *
rs_slips_create (RsSession *session, const RsSlipFields *fields, GError **error)
{
  return create (session, fields, FALSE, FALSE, error);
}

RsSlip *
rs_slips_create_posted (RsSession *session, const RsSlipFields *fields, GError **error)
{
  return create (session, fields, TRUE, FALSE, error);
}

RsSlip *
rs_slips_create_posted_for_workflow (RsSession *session, const RsSlipFields *fields, GError **error)
{
  return create (session, fields, TRUE, TRUE, error);
}

RsSlip *
rs_slips_update (RsSession *session, const char *number, const RsSlipFields *fields, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(Resolved) resolved = NULL;
  g_autoptr(RsSlip) before = NULL;
  g_autoptr(RsSlip) after = NULL;
  g_autoptr(RsStatement) stmt = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  tx = rs_transaction_begin (db, error);
  if (tx == NULL || !rs_permission_check (session, RS_ACTION_SLIP_EDIT, error))
    return NULL;
  before = load_slip (db, number, error);
  if (before == NULL)
    return NULL;
  if (before->state != RS_SLIP_DRAFT)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("%s is %s; only a draft can be edited."), number,
                        rs_slip_state_get_display_name (before->state)), NULL;
  if (fields->kind != before->kind)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("%s is of the kind “%s”, which cannot change; start a new slip instead."), number,
                        rs_slip_kind_get_display_name (before->kind)), NULL;

  resolved = resolve_fields (session, before->kind, fields, error);
  if (resolved == NULL)
    return NULL;

  stmt = rs_database_prepare (db,
                              "UPDATE slip SET purpose = ?, warehouse_id = ?, to_warehouse_id = ?, slip_date = ?, "
                              "                customer_id = ?, supplier_id = ?, remark = ? WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fields->purpose, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, resolved->warehouse_id);
  bind_id_or_null (stmt, 3, resolved->to_warehouse_id);
  sqlite3_bind_text (stmt, 4, resolved->date, -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 5, resolved->customer_id);
  bind_id_or_null (stmt, 6, resolved->supplier_id);
  sqlite3_bind_text (stmt, 7, fields->remark != NULL ? fields->remark : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, before->id);
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, "DELETE FROM slip_line WHERE slip_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, before->id);
  if (!rs_statement_run (stmt, error) || !insert_lines (db, before->id, resolved, error) ||
      !rs_list_summarize_slip (db, before->id, error))
    return NULL;

  after = load_slip (db, number, error);
  if (after == NULL || !audit_slip (session, "slip.edit", before, after, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}

RsSlip *
rs_slips_post (RsSession *session, const char *number, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsSlip) slip = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  slip = load_slip (db, number, error);
  if (slip == NULL || !post_in_transaction (session, slip, FALSE, error) || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&slip);
}

RsSlip *
rs_slips_void (RsSession *session, const char *number, const char *reason, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsSlip) slip = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  slip = load_slip (db, number, error);
  if (slip == NULL || !void_in_transaction (session, slip, reason, 0, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&slip);
}

static gboolean
copy_attachments (RsDatabase *db, gint64 from_id, gint64 to_id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO slip_attachment (slip_id, sha256, file_name, content_type, size, "
                              "                             added_by, added_at) "
                              "SELECT ?, sha256, file_name, content_type, size, added_by, added_at "
                              "FROM slip_attachment WHERE slip_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, to_id);
  sqlite3_bind_int64 (stmt, 2, from_id);
  return rs_statement_run (stmt, error);
}

RsSlip *
rs_slips_amend (RsSession *session, const char *number, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsSlip) original = NULL;
  g_autoptr(RsSlip) copy = NULL;
  g_autoptr(Resolved) resolved = g_new0 (Resolved, 1);
  g_autofree char *reason = NULL;
  gint64 copy_id;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);

  tx = rs_transaction_begin (db, error);
  if (tx == NULL || !rs_permission_check (session, RS_ACTION_SLIP_POST, error))
    return NULL;
  original = load_slip (db, number, error);
  if (original == NULL || !require_state (original, RS_SLIP_POSTED, error))
    return NULL;

  /* The copy: the same header and lines, as a draft numbered …-1, -2, … */
  resolved->warehouse_id = original->warehouse_id;
  resolved->to_warehouse_id = original->to_warehouse_id;
  resolved->date = g_strdup (original->date);
  if (original->has_partner && original->partner_kind == RS_PARTNER_CUSTOMER)
    resolved->customer_id = original->partner_id;
  else if (original->has_partner)
    resolved->supplier_id = original->partner_id;
  resolved->lines = g_array_sized_new (FALSE, TRUE, sizeof (ResolvedLine), original->n_lines);
  for (guint i = 0; i < original->n_lines; i++)
    {
      g_autoptr(RsSlipLine) line = g_list_model_get_item (G_LIST_MODEL (original->lines), i);
      ResolvedLine copied = { line->product_id, line->location_id, line->to_location_id,
                              line->quantity, line->unit_cost };
      g_array_append_val (resolved->lines, copied);
    }
  copy_id = insert_slip (session, original->kind, original->purpose, resolved, original->remark,
                         original->base_number, original->revision + 1, original->id, error);
  if (copy_id == 0 || !copy_attachments (db, original->id, copy_id, error))
    return NULL;

  reason = g_strdup_printf (_("Amended as %s-%d"), original->base_number, original->revision + 1);
  if (!void_in_transaction (session, original, reason, copy_id, error))
    return NULL;

  {
    g_autofree char *copy_number = g_strdup_printf ("%s-%d", original->base_number, original->revision + 1);
    copy = load_slip (db, copy_number, error);
  }
  if (copy == NULL || !audit_slip (session, "slip.amend", NULL, copy, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* The first bytes tell a photo from a PDF when the name does not. */
static GBytes *
read_head (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);

  return stream != NULL ? g_input_stream_read_bytes (G_INPUT_STREAM (stream), 4096, NULL, NULL) : NULL;
}

RsSlip *
rs_slips_attach (RsSession *session, const char *number, const char *path, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsAttachmentStore) store = NULL;
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsSlip) slip = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GBytes) head = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *content_type = NULL;
  gint64 size;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  tx = rs_transaction_begin (db, error);
  if (tx == NULL || !rs_permission_check (session, RS_ACTION_SLIP_EDIT, error))
    return NULL;
  slip = load_slip (db, number, error);
  if (slip == NULL)
    return NULL;
  if (slip->state == RS_SLIP_VOIDED)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("%s is voided; nothing more can be done with it."), slip->number), NULL;

  name = g_filename_display_basename (path);
  if (!rs_validate_text (name, _("file name"), 255, RS_TEXT_REQUIRED, error))
    return NULL;
  store = rs_attachment_store_new (db);
  sha256 = rs_attachment_store_add_file (store, path, error);
  if (sha256 == NULL)
    return NULL;
  head = read_head (path);
  content_type = rs_attachment_guess_content_type (name, head);

  stmt = rs_database_prepare (db, "SELECT size FROM stored_file WHERE sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  if (!rs_statement_step (stmt, error))
    return NULL;
  size = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db,
                              "INSERT INTO slip_attachment (slip_id, sha256, file_name, content_type, size, "
                              "                             added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, slip->id);
  sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, content_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, size);
  sqlite3_bind_int64 (stmt, 6, session_user_id (session));
  sqlite3_bind_int64 (stmt, 7, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  if (!rs_audit_record (session, "slip.attach", "slip", slip->number, NULL, after, error) ||
      !load_attachments (db, slip, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&slip);
}

GBytes *
rs_slips_read_attachment (RsSession *session, RsSlipAttachment *attachment, GError **error)
{
  g_autoptr(RsAttachmentStore) store = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RS_IS_SLIP_ATTACHMENT (attachment), NULL);

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  store = rs_attachment_store_new (rs_session_get_database (session));
  return rs_attachment_store_read (store, attachment->sha256, error);
}
