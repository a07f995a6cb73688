/* rs-returns.c — intake: a return's header, lines and attachments; finding returns (lists: rs-return-list.c). */
#include "rs-returns.h"
#include "rs-return-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-list-index-private.h"
#include "rs-money.h"
#include "rs-number.h"
#include "rs-partners.h"
#include "rs-permission.h"
#include "rs-products.h"
#include "rs-reasons.h"
#include "rs-time-check.h"
#include "rs-validate.h"

/* What a return is written from, once every name is resolved to an id. */
typedef struct
{
  gint64  product_id;
  gint64  quantity;
  gint64  unit_price;
  gint64  sale_slip_line_id;
  const char *serial;
} ResolvedLine;

typedef struct
{
  gint64  customer_id;
  gint64  reason_id;
  gint64  sale_slip_id;
  char   *sale_date;
  char   *request_date;
  GArray *lines;   /* ResolvedLine */
} Resolved;

static void
resolved_free (Resolved *resolved)
{
  g_free (resolved->sale_date);
  g_free (resolved->request_date);
  g_clear_pointer (&resolved->lines, g_array_unref);
  g_free (resolved);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Resolved, resolved_free)

static gboolean
resolve_reason (RsDatabase *db, const char *code, Resolved *resolved, GError **error)
{
  g_autoptr(RsReason) reason = NULL;

  if (code == NULL || *code == '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("Give the reason of the return (a reason code such as quality or damaged).")), FALSE;
  reason = rs_reasons_lookup (db, code, error);
  if (reason == NULL)
    return FALSE;
  if (!rs_reason_get_active (reason))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The reason %s is deactivated; choose another."), code), FALSE;
  resolved->reason_id = rs_reason_get_id (reason);
  return TRUE;
}

/* The slip decides customer and sale date; what was typed must agree with it. */
static gboolean
resolve_sale (RsDatabase *db, const RsReturnFields *fields, Resolved *resolved, GError **error)
{
  g_autoptr(RsPartner) customer = NULL;
  gint64 slip_customer = 0;
  g_autofree char *slip_date = NULL;

  if (fields->sale_slip != NULL && *fields->sale_slip != '\0' &&
      !rs_return_sale_resolve (db, fields->sale_slip, &resolved->sale_slip_id, &slip_customer, &slip_date, error))
    return FALSE;

  if (fields->customer != NULL && *fields->customer != '\0')
    {
      customer = rs_partners_lookup (db, RS_PARTNER_CUSTOMER, fields->customer, error);
      if (customer == NULL)
        return FALSE;
      resolved->customer_id = rs_partner_get_id (customer);
      if (slip_customer != 0 && slip_customer != resolved->customer_id)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("The sale slip %s was shipped to another customer than %s; "
                              "leave the customer out to take the slip’s."), fields->sale_slip, fields->customer), FALSE;
    }
  else if (slip_customer != 0)
    resolved->customer_id = slip_customer;
  else
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("Give the customer of the return (code or name).")), FALSE;

  if (customer == NULL)
    {
      customer = rs_partners_lookup_by_id (db, RS_PARTNER_CUSTOMER, resolved->customer_id, error);
      if (customer == NULL)
        return FALSE;
    }
  if (!rs_partner_get_active (customer))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The customer %s is deactivated; reactivate them first."), rs_partner_get_code (customer)), FALSE;

  if (fields->sale_date != NULL && *fields->sale_date != '\0')
    {
      if (!rs_return_check_date (fields->sale_date, _("sale date"), error))
        return FALSE;
      if (slip_date != NULL && !g_str_equal (slip_date, fields->sale_date))
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("The sale slip %s is dated %s, not %s; leave the sale date out to take the slip’s."),
                            fields->sale_slip, slip_date, fields->sale_date), FALSE;
      resolved->sale_date = g_strdup (fields->sale_date);
    }
  else
    resolved->sale_date = g_steal_pointer (&slip_date);
  return TRUE;
}

static gboolean
resolve_dates (const RsReturnFields *fields, Resolved *resolved, GError **error)
{
  g_autofree char *today = rs_return_today ();

  if (fields->request_date != NULL && *fields->request_date != '\0')
    {
      if (!rs_return_check_date (fields->request_date, _("request date"), error))
        return FALSE;
      resolved->request_date = g_strdup (fields->request_date);
    }
  else
    resolved->request_date = g_strdup (today);

  /* ISO dates compare as text. */
  if (g_strcmp0 (resolved->request_date, today) > 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The request date %s is in the future; today is %s."), resolved->request_date, today), FALSE;
  if (resolved->sale_date != NULL && g_strcmp0 (resolved->sale_date, resolved->request_date) > 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The sale date %s is after the request date %s; check both."),
                        resolved->sale_date, resolved->request_date), FALSE;
  return TRUE;
}

static gboolean
resolve_line (RsDatabase *db, const RsReturnLineFields *fields, guint number, Resolved *resolved,
              ResolvedLine *line, GError **error)
{
  g_autoptr(RsProduct) product = NULL;
  gint64 step = 1, slip_price = -1;

  if (fields->sku == NULL || *fields->sku == '\0')
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("Line %u: give the product’s SKU."), number), FALSE;
  product = rs_products_lookup (db, fields->sku, error);
  if (product == NULL)
    return FALSE;
  if (!rs_product_get_active (product))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: the product %s is deactivated."), number, rs_product_get_sku (product)), FALSE;

  /* 10^(3 - decimals) thousandths is the smallest amount the product is counted in. */
  for (int i = rs_product_get_decimals (product); i < 3; i++)
    step *= 10;
  if (fields->quantity <= 0 || fields->quantity > RS_QUANTITY_MAX)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: the quantity of %s must be more than zero."), number,
                        rs_product_get_sku (product)), FALSE;
  if (fields->quantity % step != 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: %s is counted with %d decimal places; the quantity has more."),
                        number, rs_product_get_sku (product), rs_product_get_decimals (product)), FALSE;
  if (fields->unit_price > RS_MONEY_MAX)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("Line %u: the price is too large."), number), FALSE;
  if (!rs_validate_text (fields->serial, _("serial or lot number"), RS_RETURN_MAX_SERIAL_CHARS,
                         RS_TEXT_OPTIONAL, error))
    return FALSE;

  line->product_id = rs_product_get_id (product);
  line->quantity = fields->quantity;
  line->serial = fields->serial != NULL ? fields->serial : "";
  if (resolved->sale_slip_id != 0)
    {
      GError *local_error = NULL;

      /* Not on the slip: rs_return_sale_check() says so with the quantities. */
      if (!rs_return_sale_line (db, resolved->sale_slip_id, line->product_id, &line->sale_slip_line_id,
                                &slip_price, &local_error) && local_error != NULL)
        return g_propagate_error (error, local_error), FALSE;
    }
  /* The slip's price when it carries one, else the typed one, else the list price. */
  line->unit_price = slip_price >= 0 ? slip_price
                     : fields->unit_price >= 0 ? fields->unit_price
                     : rs_product_get_list_price (product);
  return TRUE;
}

static Resolved *
resolve (RsSession *session, const RsReturnFields *fields, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(Resolved) resolved = g_new0 (Resolved, 1);

  if (!rs_validate_text (fields->order_ref, _("order reference"), RS_RETURN_MAX_REF_CHARS, RS_TEXT_OPTIONAL, error) ||
      !rs_validate_text (fields->description, _("description"), RS_RETURN_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error) ||
      !resolve_reason (db, fields->reason, resolved, error) ||
      !resolve_sale (db, fields, resolved, error) ||
      !resolve_dates (fields, resolved, error))
    return NULL;

  if (fields->n_lines == 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("A return needs at least one line: the product and how many come back.")), NULL;
  if (fields->n_lines > RS_RETURN_MAX_LINES)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("A return has at most %d lines; split it into several returns."), RS_RETURN_MAX_LINES), NULL;
  resolved->lines = g_array_sized_new (FALSE, TRUE, sizeof (ResolvedLine), fields->n_lines);
  for (guint i = 0; i < fields->n_lines; i++)
    {
      ResolvedLine line = { 0 };

      if (!resolve_line (db, &fields->lines[i], i + 1, resolved, &line, error))
        return NULL;
      g_array_append_val (resolved->lines, line);
    }
  return g_steal_pointer (&resolved);
}

static gint64
refund_value (const Resolved *resolved)
{
  gint64 total = 0;

  for (guint i = 0; i < resolved->lines->len; i++)
    {
      const ResolvedLine *line = &g_array_index (resolved->lines, ResolvedLine, i);
      total += rs_return_line_amount (line->quantity, line->unit_price);
    }
  return total;
}

static void
bind_text_or_null (RsStatement *stmt, int column, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
add_attachment (RsSession *session, gint64 return_id, const char *path, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  RsStoredFile file = { 0 };
  gboolean ok;

  if (!rs_return_store_file (db, path, &file, error))
    return FALSE;
  stmt = rs_database_prepare (db,
                              "INSERT INTO return_attachment (return_id, sha256, file_name, content_type, size, "
                              "                               added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, return_id);
      sqlite3_bind_text (stmt, 2, file.sha256, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, file.file_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, file.content_type, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, file.size);
      sqlite3_bind_int64 (stmt, 6, rs_user_get_id (rs_session_get_user (session)));
      sqlite3_bind_int64 (stmt, 7, rs_clock_now ());
      ok = rs_statement_run (stmt, error);
    }
  rs_stored_file_clear (&file);
  return ok;
}

/* Lines, the slip limit, attachments and the return-window check: the part of
 * create and update that follows the header. */
static gboolean
write_body (RsSession *session, gint64 return_id, const RsReturnFields *fields, const Resolved *resolved,
            GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) clear = NULL;
  g_autoptr(RsStatement) insert = NULL;

  clear = rs_database_prepare (db, "DELETE FROM return_line WHERE return_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, return_id);
  if (!rs_statement_run (clear, error))
    return FALSE;

  insert = rs_database_prepare (db,
                                "INSERT INTO return_line (return_id, line_no, product_id, quantity, unit_price, serial, "
                                "                         sale_slip_line_id) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < resolved->lines->len; i++)
    {
      const ResolvedLine *line = &g_array_index (resolved->lines, ResolvedLine, i);

      sqlite3_bind_int64 (insert, 1, return_id);
      sqlite3_bind_int (insert, 2, i + 1);
      sqlite3_bind_int64 (insert, 3, line->product_id);
      sqlite3_bind_int64 (insert, 4, line->quantity);
      sqlite3_bind_int64 (insert, 5, line->unit_price);
      sqlite3_bind_text (insert, 6, line->serial, -1, SQLITE_STATIC);
      if (line->sale_slip_line_id > 0)
        sqlite3_bind_int64 (insert, 7, line->sale_slip_line_id);
      else
        sqlite3_bind_null (insert, 7);
      if (!rs_statement_run (insert, error))
        return FALSE;
      sqlite3_reset (insert);
    }
  g_clear_pointer (&insert, rs_statement_release);

  if (resolved->sale_slip_id != 0 && !rs_return_sale_check (db, return_id, resolved->sale_slip_id, error))
    return FALSE;
  for (guint i = 0; fields->attachments != NULL && fields->attachments[i] != NULL; i++)
    if (!add_attachment (session, return_id, fields->attachments[i], error))
      return FALSE;
  return rs_time_check_return_window (db, return_id, error);
}

RsReturn *
rs_returns_create (RsSession *session, const RsReturnFields *fields, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(Resolved) resolved = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsReturn) created = NULL;
  g_autofree char *number = NULL;
  gint64 now = rs_clock_now ();
  gint64 id;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_EDIT, error))
    return NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  resolved = resolve (session, fields, error);
  if (resolved == NULL)
    return NULL;
  number = rs_number_next (db, RS_NUMBER_PREFIX_RETURN, now, error);
  if (number == NULL)
    return NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO customer_return (number, customer_id, sale_slip_id, order_ref, sale_date, "
                              "  request_date, reason_id, description, refund_value, created_by, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, resolved->customer_id);
  if (resolved->sale_slip_id != 0)
    sqlite3_bind_int64 (stmt, 3, resolved->sale_slip_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, fields->order_ref != NULL ? fields->order_ref : "", -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 5, resolved->sale_date);
  sqlite3_bind_text (stmt, 6, resolved->request_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, resolved->reason_id);
  sqlite3_bind_text (stmt, 8, fields->description != NULL ? fields->description : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, refund_value (resolved));
  sqlite3_bind_int64 (stmt, 10, rs_user_get_id (rs_session_get_user (session)));
  sqlite3_bind_int64 (stmt, 11, now);
  if (!rs_statement_run (stmt, error))
    return NULL;
  id = rs_database_last_insert_id (db);
  g_clear_pointer (&stmt, rs_statement_release);

  if (!write_body (session, id, fields, resolved, error) || !rs_list_index_return (db, id, error))
    return NULL;
  created = rs_return_record_new (session, id, error);
  if (created == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

RsReturn *
rs_returns_update (RsSession *session, const char *number, const RsReturnFields *fields, GError **error)
{
  static const RsReturnState editable[] = { RS_RETURN_DRAFT };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(Resolved) resolved = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_EDIT, error))
    return NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, number, error);
  if (before == NULL || !rs_return_require_state (before, editable, G_N_ELEMENTS (editable), _("change"), error))
    return NULL;
  resolved = resolve (session, fields, error);
  if (resolved == NULL)
    return NULL;

  stmt = rs_database_prepare (db,
                              "UPDATE customer_return SET customer_id = ?2, sale_slip_id = ?3, order_ref = ?4, "
                              "  sale_date = ?5, request_date = ?6, reason_id = ?7, description = ?8, refund_value = ?9 "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (before));
  sqlite3_bind_int64 (stmt, 2, resolved->customer_id);
  if (resolved->sale_slip_id != 0)
    sqlite3_bind_int64 (stmt, 3, resolved->sale_slip_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, fields->order_ref != NULL ? fields->order_ref : "", -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 5, resolved->sale_date);
  sqlite3_bind_text (stmt, 6, resolved->request_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, resolved->reason_id);
  sqlite3_bind_text (stmt, 8, fields->description != NULL ? fields->description : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, refund_value (resolved));
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  if (!write_body (session, rs_return_get_id (before), fields, resolved, error) ||
      !rs_list_index_return (db, rs_return_get_id (before), error))
    return NULL;
  after = rs_return_change (session, before, "return.edit", -1, NULL, NULL, error);
  if (after == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}

RsReturn *
rs_returns_attach (RsSession *session, const char *number, const char *path, GError **error)
{
  static const RsReturnState open_states[] = {
    RS_RETURN_DRAFT, RS_RETURN_SUBMITTED, RS_RETURN_APPROVED, RS_RETURN_RECEIVING, RS_RETURN_RECEIVED,
    RS_RETURN_INSPECTED, RS_RETURN_DISPOSED, RS_RETURN_REJECTED,
  };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_EDIT, error))
    return NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, number, error);
  if (before == NULL ||
      !rs_return_require_state (before, open_states, G_N_ELEMENTS (open_states), _("attach files to"), error) ||
      !add_attachment (session, rs_return_get_id (before), path, error))
    return NULL;
  name = g_filename_display_basename (path);
  after = rs_return_change (session, before, "return.attach", -1, name, NULL, error);
  if (after == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}

RsReturn *
rs_returns_lookup (RsSession *session, const char *number, GError **error)
{
  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  return rs_return_load (rs_session_get_database (session), number, error);
}
