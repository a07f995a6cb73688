/* rs-print.c — the print archive: one row per print, the PDF in the file store. */
#include "rs-print.h"
#include "rs-attachment-store.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-inspection.h"
#include "rs-master-private.h"
#include "rs-permission.h"
#include "rs-return-stage-private.h"
#include "rs-returns.h"
#include "rs-settlement.h"
#include "rs-slips.h"

static const struct {
  const char *key;
  const char *name;
} kinds[RS_PRINT_N_KINDS] = {
  [RS_PRINT_SLIP] = { "slip", N_("Stock slip") },
  [RS_PRINT_RETURN] = { "return", N_("Return authorisation") },
  [RS_PRINT_INSPECTION] = { "inspection", N_("Inspection report") },
  [RS_PRINT_SETTLEMENT] = { "settlement", N_("Settlement sheet") },
  [RS_PRINT_DOSSIER] = { "dossier", N_("Return dossier") },
};

const char *
rs_print_kind_get_key (RsPrintKind kind)
{
  g_return_val_if_fail (kind < RS_PRINT_N_KINDS, NULL);
  return kinds[kind].key;
}

const char *
rs_print_kind_get_display_name (RsPrintKind kind)
{
  g_return_val_if_fail (kind < RS_PRINT_N_KINDS, NULL);
  return _(kinds[kind].name);
}

gboolean
rs_print_kind_parse (const char *key, RsPrintKind *kind, GError **error)
{
  for (guint i = 0; i < RS_PRINT_N_KINDS; i++)
    if (key != NULL && g_str_equal (key, kinds[i].key))
      {
        *kind = i;
        return TRUE;
      }
  g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
               _("“%s” is not a kind of document: use slip, return, inspection, settlement or dossier."),
               key != NULL ? key : "");
  return FALSE;
}

/* ---- RsPrint ---------------------------------------------------------------- */

struct _RsPrint
{
  GObject      parent_instance;
  RsPrintKind  kind;
  char        *number;
  guint        copy;
  char        *template_nick;
  guint        pages;
  char        *sha256;
  gint64       size;
  char        *printed_by;
  gint64       printed_at;
};

G_DEFINE_FINAL_TYPE (RsPrint, rs_print, G_TYPE_OBJECT)

static void
rs_print_finalize (GObject *object)
{
  RsPrint *self = RS_PRINT (object);

  g_free (self->number);
  g_free (self->template_nick);
  g_free (self->sha256);
  g_free (self->printed_by);
  G_OBJECT_CLASS (rs_print_parent_class)->finalize (object);
}

static void
rs_print_class_init (RsPrintClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_print_finalize;
}

static void
rs_print_init (RsPrint *self)
{
}

RsPrintKind rs_print_get_kind (RsPrint *self) { return self->kind; }
const char *rs_print_get_number (RsPrint *self) { return self->number; }
guint rs_print_get_copy (RsPrint *self) { return self->copy; }
const char *rs_print_get_template (RsPrint *self) { return self->template_nick; }
guint rs_print_get_pages (RsPrint *self) { return self->pages; }
const char *rs_print_get_sha256 (RsPrint *self) { return self->sha256; }
gint64 rs_print_get_size (RsPrint *self) { return self->size; }
const char *rs_print_get_printed_by (RsPrint *self) { return self->printed_by; }
gint64 rs_print_get_printed_at (RsPrint *self) { return self->printed_at; }

JsonNode *
rs_print_to_json (RsPrint *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RS_IS_PRINT (self), NULL);
  json_builder_begin_object (builder);
  rs_json_add_string (builder, "kind", kinds[self->kind].key);
  rs_json_add_string (builder, "number", self->number);
  rs_json_add_int (builder, "copy", self->copy);
  rs_json_add_string (builder, "template", self->template_nick);
  rs_json_add_int (builder, "pages", self->pages);
  rs_json_add_string (builder, "sha256", self->sha256);
  rs_json_add_int (builder, "size", self->size);
  rs_json_add_string (builder, "printed_by", self->printed_by);
  rs_stage_json_add_time (builder, "printed_at", self->printed_at);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

#define PRINT_SELECT \
  "SELECT p.kind, p.number, p.copy, p.template, p.pages, p.sha256, p.size, u.name, p.printed_at " \
  "FROM print p JOIN user u ON u.id = p.printed_by "

static RsPrint *
from_row (RsStatement *stmt)
{
  RsPrint *self = g_object_new (RS_TYPE_PRINT, NULL);

  rs_print_kind_parse (rs_statement_text (stmt, 0), &self->kind, NULL);
  self->number = g_strdup (rs_statement_text (stmt, 1));
  self->copy = sqlite3_column_int (stmt, 2);
  self->template_nick = g_strdup (rs_statement_text (stmt, 3));
  self->pages = sqlite3_column_int (stmt, 4);
  self->sha256 = g_strdup (rs_statement_text (stmt, 5));
  self->size = sqlite3_column_int64 (stmt, 6);
  self->printed_by = g_strdup (rs_statement_text (stmt, 7));
  self->printed_at = sqlite3_column_int64 (stmt, 8);
  return self;
}

/* ---- printing ----------------------------------------------------------------- */

struct _RsPrintJob
{
  RsSession     *session;
  RsTransaction *tx;
  RsPrintKind    kind;
  char          *number;
  guint          copy;
};

/* The document must exist: the lookups say so in the words people know. */
static gboolean
document_exists (RsSession *session, RsPrintKind kind, const char *number, GError **error)
{
  g_autoptr(GObject) found = NULL;

  switch (kind)
    {
    case RS_PRINT_SLIP:
      found = G_OBJECT (rs_slips_lookup (session, number, error));
      break;
    case RS_PRINT_RETURN:
    case RS_PRINT_DOSSIER:
      found = G_OBJECT (rs_returns_lookup (session, number, error));
      break;
    case RS_PRINT_INSPECTION:
      found = G_OBJECT (rs_inspections_lookup (session, number, error));
      break;
    case RS_PRINT_SETTLEMENT:
      found = G_OBJECT (rs_settlements_lookup (session, number, error));
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  return found != NULL;
}

RsPrintJob *
rs_print_job_begin (RsSession *session, RsPrintKind kind, const char *number, GError **error)
{
  RsDatabase *db;
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;
  RsPrintJob *job;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind < RS_PRINT_N_KINDS, NULL);

  db = rs_session_get_database (session);
  if (!rs_permission_check (session, RS_ACTION_PRINT, error))
    return NULL;
  /* Taken before counting: a concurrent print waits, then counts this one. */
  tx = rs_transaction_begin (db, error);
  if (tx == NULL || !document_exists (session, kind, number, error))
    return NULL;

  stmt = rs_database_prepare (db, "SELECT coalesce (max (copy), 0) FROM print WHERE kind = ? AND number = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kinds[kind].key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  if (!rs_statement_step (stmt, &local_error))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  job = g_new0 (RsPrintJob, 1);
  job->session = g_object_ref (session);
  job->tx = g_steal_pointer (&tx);
  job->kind = kind;
  job->number = g_strdup (number);
  job->copy = sqlite3_column_int (stmt, 0) + 1;
  return job;
}

guint
rs_print_job_get_copy (RsPrintJob *job)
{
  g_return_val_if_fail (job != NULL, 0);
  return job->copy;
}

static RsPrint *
load_copy (RsDatabase *db, RsPrintKind kind, const char *number, guint copy, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, PRINT_SELECT "WHERE p.kind = ? AND p.number = ? AND p.copy = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kinds[kind].key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, copy);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("The print was not recorded."));
      g_propagate_error (error, local_error);
      return NULL;
    }
  return from_row (stmt);
}

RsPrint *
rs_print_job_commit (RsPrintJob *job, const char *template_nick, guint pages, GBytes *pdf, GError **error)
{
  RsDatabase *db;
  g_autoptr(RsAttachmentStore) store = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsPrint) print = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (job != NULL && job->tx != NULL, NULL);
  g_return_val_if_fail (pdf != NULL && template_nick != NULL, NULL);

  db = rs_session_get_database (job->session);
  store = rs_attachment_store_new (db);
  sha256 = rs_attachment_store_add_bytes (store, pdf, error);
  if (sha256 == NULL)
    return NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO print (kind, number, copy, template, pages, sha256, size, printed_by, printed_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kinds[job->kind].key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->number, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, job->copy);
  sqlite3_bind_text (stmt, 4, template_nick, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, pages);
  sqlite3_bind_text (stmt, 6, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, g_bytes_get_size (pdf));
  sqlite3_bind_int64 (stmt, 8, rs_user_get_id (rs_session_get_user (job->session)));
  sqlite3_bind_int64 (stmt, 9, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;

  print = load_copy (db, job->kind, job->number, job->copy, error);
  if (print == NULL)
    return NULL;
  after = rs_print_to_json (print);
  if (!rs_audit_record (job->session, "document.print", kinds[job->kind].key, job->number, NULL, after, error) ||
      !rs_transaction_commit (job->tx, error))
    return NULL;
  g_clear_pointer (&job->tx, rs_transaction_free);
  return g_steal_pointer (&print);
}

void
rs_print_job_free (RsPrintJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->tx, rs_transaction_free);   /* rolls back unless committed */
  g_clear_object (&job->session);
  g_free (job->number);
  g_free (job);
}

GListModel *
rs_prints_list (RsSession *session, RsPrintKind kind, const char *number, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind < RS_PRINT_N_KINDS, NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  stmt = rs_database_prepare (rs_session_get_database (session),
                              PRINT_SELECT "WHERE p.kind = ? AND p.number = ? ORDER BY p.copy", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kinds[kind].key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  store = g_list_store_new (RS_TYPE_PRINT);
  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsPrint) print = from_row (stmt);
      g_list_store_append (store, print);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GBytes *
rs_prints_read (RsSession *session, RsPrint *print, GError **error)
{
  g_autoptr(RsAttachmentStore) store = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (RS_IS_PRINT (print), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  store = rs_attachment_store_new (rs_session_get_database (session));
  return rs_attachment_store_read (store, print->sha256, error);
}
