/* rs-partners.c — customers and suppliers: one set of rules for two tables. */
#include "rs-partners.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-list-index-private.h"
#include "rs-master-private.h"
#include "rs-paged-model.h"
#include "rs-validate.h"

#include <string.h>

#define MAX_PHONE_CHARS 50
#define MAX_CANDIDATES  10

/* What differs between the two: the table, who may change it, the code prefix
 * and the words. The SQL is written once with @T for the table. */
static const struct {
  const char   *table;
  RsMasterTable master;
  RsAction      action;
  const char   *prefix;
  const char   *name_noun;
  const char   *code_noun;
} kinds[] = {
  [RS_PARTNER_CUSTOMER] = {
    "customer", RS_MASTER_CUSTOMER, RS_ACTION_CUSTOMER_EDIT, "C", N_("customer name"), N_("customer code"),
  },
  [RS_PARTNER_SUPPLIER] = {
    "supplier", RS_MASTER_SUPPLIER, RS_ACTION_MASTER_EDIT, "S", N_("supplier name"), N_("supplier code"),
  },
};

/* Whole sentences per kind: "customer" and "supplier" are not words to splice in. */
static void
set_not_found (GError **error, RsPartnerKind kind, const char *shown)
{
  if (kind == RS_PARTNER_CUSTOMER)
    g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no customer with the code or name “%s”."), shown);
  else
    g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no supplier with the code or name “%s”."), shown);
}

static void
set_ambiguous (GError **error, RsPartnerKind kind, const char *shown, const char *candidates)
{
  if (kind == RS_PARTNER_CUSTOMER)
    g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                 _("Several customers are named “%s”: %s. Give the code instead."), shown, candidates);
  else
    g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                 _("Several suppliers are named “%s”: %s. Give the code instead."), shown, candidates);
}

static void
set_code_used (GError **error, RsPartnerKind kind, RsPartner *other)
{
  if (kind == RS_PARTNER_CUSTOMER)
    g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("The customer code “%s” is already used by “%s”."),
                 rs_partner_get_code (other), rs_partner_get_name (other));
  else
    g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("The supplier code “%s” is already used by “%s”."),
                 rs_partner_get_code (other), rs_partner_get_name (other));
}

#define PARTNER_COLUMNS "id, code, name, contact, phone, email, address, remark, active"

static RsStatement *
prepare (RsDatabase *db, RsPartnerKind kind, const char *template, GError **error)
{
  g_autoptr(GString) sql = g_string_new (template);

  g_string_replace (sql, "@T", kinds[kind].table, 0);
  return rs_database_prepare (db, sql->str, error);
}

static RsPartner *
read_partner (RsPartnerKind kind, RsStatement *stmt)
{
  RsPartnerFields f = {
    rs_statement_text (stmt, 1), rs_statement_text (stmt, 2), rs_statement_text (stmt, 3),
    rs_statement_text (stmt, 4), rs_statement_text (stmt, 5), rs_statement_text (stmt, 6),
    rs_statement_text (stmt, 7),
  };
  return rs_partner_new (kind, sqlite3_column_int64 (stmt, 0), &f, sqlite3_column_int (stmt, 8) != 0);
}

static GListModel *
fetch_all (RsPartnerKind kind, RsStatement *stmt, GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RS_TYPE_PARTNER);
  GError *local_error = NULL;

  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsPartner) partner = read_partner (kind, stmt);
      g_list_store_append (store, partner);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static RsPartner *
lookup_by_code (RsDatabase *db, RsPartnerKind kind, const char *code, GError **error)
{
  g_autoptr(RsStatement) stmt = prepare (db, kind, "SELECT " PARTNER_COLUMNS " FROM @T WHERE code = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (rs_statement_step (stmt, error))
    return read_partner (kind, stmt);
  return NULL;
}

RsPartner *
rs_partners_lookup (RsDatabase *db, RsPartnerKind kind, const char *code_or_name, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GListModel) named = NULL;
  g_autofree char *shown = g_utf8_make_valid (code_or_name != NULL ? code_or_name : "", -1);
  g_autoptr(GString) candidates = NULL;
  GError *local_error = NULL;
  RsPartner *partner;
  guint n;

  partner = lookup_by_code (db, kind, code_or_name != NULL ? code_or_name : "", &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  if (partner != NULL)
    return partner;

  stmt = prepare (db, kind, "SELECT " PARTNER_COLUMNS " FROM @T WHERE name = ? ORDER BY code LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code_or_name != NULL ? code_or_name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, MAX_CANDIDATES + 1);
  named = fetch_all (kind, stmt, error);
  if (named == NULL)
    return NULL;

  n = g_list_model_get_n_items (named);
  if (n == 1)
    return g_list_model_get_item (named, 0);
  if (n == 0)
    return set_not_found (error, kind, shown), NULL;

  /* The same name twice: list who they are, so the person can pick by code. */
  candidates = g_string_new (NULL);
  for (guint i = 0; i < MIN (n, MAX_CANDIDATES); i++)
    {
      g_autoptr(RsPartner) candidate = g_list_model_get_item (named, i);
      const char *phone = rs_partner_get_phone (candidate);

      if (i > 0)
        g_string_append (candidates, _(", "));
      g_string_append (candidates, rs_partner_get_code (candidate));
      if (*phone != '\0')
        g_string_append_printf (candidates, " (%s)", phone);
    }
  if (n > MAX_CANDIDATES)
    g_string_append (candidates, _(", …"));
  set_ambiguous (error, kind, shown, candidates->str);
  return NULL;
}

RsPartner *
rs_partners_lookup_by_id (RsDatabase *db, RsPartnerKind kind, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = prepare (db, kind, "SELECT " PARTNER_COLUMNS " FROM @T WHERE id = ?", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (rs_statement_step (stmt, &local_error))
    return read_partner (kind, stmt);
  if (local_error == NULL)
    g_set_error_literal (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("The record no longer exists."));
  g_propagate_error (error, local_error);
  return NULL;
}

static gboolean
validate_fields (RsPartnerKind kind, const RsPartnerFields *f, GError **error)
{
  if (!rs_validate_text (f->code, _(kinds[kind].code_noun), RS_MAX_CODE_CHARS, RS_TEXT_CODE, error) ||
      !rs_validate_text (f->name, _(kinds[kind].name_noun), RS_MAX_NAME_CHARS, RS_TEXT_REQUIRED, error) ||
      !rs_validate_text (f->contact, _("contact person"), RS_MAX_SHORT_CHARS, RS_TEXT_OPTIONAL, error) ||
      !rs_validate_text (f->phone, _("phone number"), MAX_PHONE_CHARS, RS_TEXT_OPTIONAL, error) ||
      !rs_validate_text (f->email, _("e-mail address"), RS_MAX_SHORT_CHARS, RS_TEXT_OPTIONAL, error) ||
      !rs_validate_text (f->address, _("address"), RS_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error) ||
      !rs_validate_text (f->remark, _("remark"), RS_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error))
    return FALSE;

  if (f->email != NULL && *f->email != '\0')
    {
      const char *at = strchr (f->email, '@');
      if (at == NULL || at == f->email || at[1] == '\0' || strchr (f->email, ' ') != NULL)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("“%s” is not an e-mail address; write it like name@example.com."), f->email), FALSE;
    }
  return TRUE;
}

/* C0001, C0002…: the first free number from the count up. */
static char *
next_code (RsDatabase *db, RsPartnerKind kind, GError **error)
{
  g_autoptr(RsStatement) stmt = prepare (db, kind, "SELECT count(*) FROM @T", error);
  gint64 n;

  if (stmt == NULL || !rs_statement_step (stmt, error))
    return NULL;
  n = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, rs_statement_release);

  for (n = n + 1;; n++)
    {
      g_autofree char *code = g_strdup_printf ("%s%04" G_GINT64_FORMAT, kinds[kind].prefix, n);
      g_autoptr(RsPartner) taken = NULL;
      GError *local_error = NULL;

      taken = lookup_by_code (db, kind, code, &local_error);
      if (local_error != NULL)
        return g_propagate_error (error, local_error), NULL;
      if (taken == NULL)
        return g_steal_pointer (&code);
    }
}

RsPartner *
rs_partners_add (RsSession *session, RsPartnerKind kind, const RsPartnerFields *fields, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsPartner) partner = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *code = NULL;
  RsPartnerFields f = *fields;
  GError *local_error = NULL;

  if (!rs_permission_check (session, kinds[kind].action, error) || !validate_fields (kind, &f, error))
    return NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  if (f.code == NULL || *f.code == '\0')
    {
      code = next_code (db, kind, error);
      if (code == NULL)
        return NULL;
      f.code = code;
    }
  partner = lookup_by_code (db, kind, f.code, &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  if (partner != NULL)
    return set_code_used (error, kind, partner), NULL;

  stmt = prepare (db, kind, "INSERT INTO @T (code, name, contact, phone, email, address, remark, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, f.code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, f.name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, f.contact != NULL ? f.contact : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, f.phone != NULL ? f.phone : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, f.email != NULL ? f.email : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, f.address != NULL ? f.address : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, f.remark != NULL ? f.remark : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  partner = rs_partners_lookup_by_id (db, kind, rs_database_last_insert_id (db), error);
  if (partner == NULL ||
      !rs_search_reindex (db, kinds[kind].master, rs_partner_get_id (partner), error))
    return NULL;
  {
    g_autofree char *action = g_strdup_printf ("%s.add", kinds[kind].table);
    after = rs_partner_to_json (partner);
    if (!rs_audit_record (session, action, kinds[kind].table, f.code, NULL, after, error) ||
        !rs_transaction_commit (tx, error))
      return NULL;
  }
  return g_steal_pointer (&partner);
}

GListModel *
rs_partners_list (RsSession *session, RsPartnerKind kind, gboolean include_inactive, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  stmt = prepare (rs_session_get_database (session), kind,
                  "SELECT " PARTNER_COLUMNS " FROM @T WHERE active OR ? ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  return fetch_all (kind, stmt, error);
}

GListModel *
rs_partners_search (RsSession *session, RsPartnerKind kind, const char *query, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autofree char *phrase = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(RsStatement) stmt = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error) ||
      !rs_validate_text (query, _("search text"), RS_MAX_SHORT_CHARS, RS_TEXT_OPTIONAL, error))
    return NULL;

  phrase = rs_search_fts_phrase (query != NULL ? query : "");
  if (phrase != NULL)
    {
      stmt = prepare (db, kind, "SELECT " PARTNER_COLUMNS " FROM @T WHERE active AND id IN "
                                "(SELECT rowid FROM @T_fts WHERE @T_fts MATCH ?) ORDER BY code", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_STATIC);
      return fetch_all (kind, stmt, error);
    }

  /* Trigrams need three characters: one or two are matched with LIKE. */
  pattern = rs_search_like_pattern (query != NULL ? query : "");
  stmt = prepare (db, kind, "SELECT " PARTNER_COLUMNS " FROM @T WHERE active AND (code LIKE ?1 ESCAPE '\\' "
                            "OR name LIKE ?1 ESCAPE '\\' OR contact LIKE ?1 ESCAPE '\\' "
                            "OR phone LIKE ?1 ESCAPE '\\') ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  return fetch_all (kind, stmt, error);
}

/* The paged list's SQL (rs-paged-model.h), @T the table: constant fragments chosen by what
 * is asked, the values bound. The same fields as rs_partners_search and its index. */
#define PAGED_ACTIVE "t.active = 1"
/* With a search of the trigram index, what it finds is looked up by id and sorted: the "+"
 * keeps SQLite from walking the whole index of active rows instead, testing each against the
 * search (ten found among 100,000 products: 33 ms that way, 1 ms this way). */
#define PAGED_ACTIVE_FOUND "+t.active = 1"
#define PAGED_FTS "t.id IN (SELECT rowid FROM @T_fts WHERE @T_fts MATCH :fts)"
#define PAGED_LIKE \
  "t.code LIKE :like ESCAPE '\\' OR t.name LIKE :like ESCAPE '\\' OR t.contact LIKE :like ESCAPE '\\' " \
  "OR t.phone LIKE :like ESCAPE '\\'"
/* PARTNER_COLUMNS of t (json_each has an id too), one row per key in the order of the keys. */
#define PAGED_ROWS \
  "SELECT t.id, t.code, t.name, t.contact, t.phone, t.email, t.address, t.remark, t.active " \
  "FROM json_each (:keys) AS k JOIN @T t ON t.id = k.value ORDER BY k.key"

typedef struct
{
  RsPartnerKind kind;
  RsListSearch *search;
} Paged;

static void
paged_free (Paged *paged)
{
  rs_list_search_free (paged->search);
  g_free (paged);
}

static gboolean
paged_bind (RsStatement *stmt, gpointer user_data, GError **error)
{
  Paged *paged = user_data;

  rs_list_search_bind (paged->search, stmt);
  return TRUE;
}

static GObject *
paged_item (RsStatement *stmt, gpointer user_data, GError **error)
{
  Paged *paged = user_data;

  return G_OBJECT (read_partner (paged->kind, stmt));
}

static char *
for_table (RsPartnerKind kind, const char *template)
{
  GString *sql = g_string_new (template);

  g_string_replace (sql, "@T", kinds[kind].table, 0);
  return g_string_free (sql, FALSE);
}

GListModel *
rs_partners_list_paged (RsSession *session, RsPartnerKind kind, const char *search, gboolean include_inactive,
                        GError **error)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autofree char *from = NULL, *where = NULL, *rows = NULL;
  g_autofree char *fts = NULL;
  gboolean found;
  Paged *paged;
  RsPagedQuery query = {
    .item_type = RS_TYPE_PARTNER,
    .key = "t.id",
    /* Codes are unique: the order is total. */
    .order = "t.code",
    .version_column = -1,   /* no column tells a change; 资料 reads the list again after one */
    .make_item = paged_item,
    .bind = paged_bind,
    .destroy = (GDestroyNotify) paged_free,
  };

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind == RS_PARTNER_CUSTOMER || kind == RS_PARTNER_SUPPLIER, NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  paged = g_new0 (Paged, 1);
  paged->kind = kind;
  if (!rs_list_search_parse (search, &paged->search, error))
    return paged_free (paged), NULL;
  query.user_data = paged;

  found = paged->search != NULL && paged->search->fts != NULL;
  if (!include_inactive)
    g_ptr_array_add (conditions, found ? PAGED_ACTIVE_FOUND : PAGED_ACTIVE);
  if (found)
    g_ptr_array_add (conditions, fts = for_table (kind, PAGED_FTS));
  else if (paged->search != NULL)
    g_ptr_array_add (conditions, PAGED_LIKE);
  where = rs_list_where (conditions);
  query.from = from = for_table (kind, "@T t");
  query.where = where;
  query.rows = rows = for_table (kind, PAGED_ROWS);
  return G_LIST_MODEL (rs_paged_model_new (rs_session_get_database (session), &query, error));
}

/* The partner by code, for the calls that change one. */
static RsPartner *
find_for_change (RsSession *session, RsPartnerKind kind, const char *code, GError **error)
{
  GError *local_error = NULL;
  RsPartner *partner;

  if (!rs_permission_check (session, kinds[kind].action, error))
    return NULL;
  partner = lookup_by_code (rs_session_get_database (session), kind, code != NULL ? code : "", &local_error);
  if (partner == NULL && local_error == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (code != NULL ? code : "", -1);
      set_not_found (&local_error, kind, shown);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return partner;
}

RsPartner *
rs_partners_update (RsSession *session, RsPartnerKind kind, const RsPartnerFields *fields, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsPartner) before = NULL;
  g_autoptr(RsPartner) partner = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  g_autofree char *action = NULL;

  if (!rs_permission_check (session, kinds[kind].action, error) || !validate_fields (kind, fields, error))
    return NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = find_for_change (session, kind, fields->code, error);
  if (before == NULL)
    return NULL;

  stmt = prepare (db, kind, "UPDATE @T SET name = ?, contact = ?, phone = ?, email = ?, address = ?, remark = ? "
                            "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fields->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fields->contact != NULL ? fields->contact : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fields->phone != NULL ? fields->phone : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, fields->email != NULL ? fields->email : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields->address != NULL ? fields->address : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, fields->remark != NULL ? fields->remark : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, rs_partner_get_id (before));
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  partner = rs_partners_lookup_by_id (db, kind, rs_partner_get_id (before), error);
  if (partner == NULL)
    return NULL;
  before_json = rs_partner_to_json (before);
  after_json = rs_partner_to_json (partner);
  if (json_node_equal (before_json, after_json))
    return g_steal_pointer (&partner);   /* nothing changed: rolled back, nothing recorded */
  action = g_strdup_printf ("%s.update", kinds[kind].table);
  if (!rs_search_reindex (db, kinds[kind].master, rs_partner_get_id (partner), error) ||
      !rs_audit_record (session, action, kinds[kind].table, rs_partner_get_code (partner),
                        before_json, after_json, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&partner);
}

gboolean
rs_partners_set_active (RsSession *session, RsPartnerKind kind, const char *code, gboolean active, GError **error)
{
  g_autoptr(RsPartner) partner = find_for_change (session, kind, code, error);
  g_autoptr(JsonNode) before = NULL;

  if (partner == NULL)
    return FALSE;
  if (rs_partner_get_active (partner) == !!active)
    return TRUE;
  before = rs_partner_to_json (partner);
  return rs_master_set_active (session, kinds[kind].master, rs_partner_get_id (partner),
                               rs_partner_get_code (partner), before, active, error);
}

gboolean
rs_partners_remove (RsSession *session, RsPartnerKind kind, const char *code, GError **error)
{
  g_autoptr(RsPartner) partner = find_for_change (session, kind, code, error);
  g_autoptr(JsonNode) before = NULL;
  g_autofree char *shown = NULL;

  if (partner == NULL)
    return FALSE;
  before = rs_partner_to_json (partner);
  shown = g_strdup_printf ("%s %s", rs_partner_get_code (partner), rs_partner_get_name (partner));
  return rs_master_remove (session, kinds[kind].master, rs_partner_get_id (partner),
                           rs_partner_get_code (partner), shown, before, error);
}
