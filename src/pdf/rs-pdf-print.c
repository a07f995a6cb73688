/* rs-pdf-print.c — a document from the database to an archived PDF: the header from the
 * settings, the writer of its kind, the print count, the archive, the file. */
#include "rs-pdf-print.h"
#include "rs-pdf-writer.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

RsPdfTemplate
rs_pdf_print_get_default_template (RsDatabase *database)
{
  g_autofree char *nick = rs_settings_get (database, RS_SETTING_PRINT_TEMPLATE, "");
  RsPdfTemplate paper = RS_PDF_TEMPLATE_A4;

  if (*nick != '\0' && !rs_pdf_template_from_nick (nick, &paper, NULL))
    paper = RS_PDF_TEMPLATE_A4;
  return paper;
}

/* Company, address with phone, logo and font from the settings. */
void
rs_pdf_writer_set_header (RsPdfWriter *w)
{
  g_autofree char *company = rs_settings_get (w->database, RS_SETTING_COMPANY_NAME, "");
  g_autofree char *address = rs_settings_get (w->database, RS_SETTING_COMPANY_ADDRESS, "");
  g_autofree char *phone = rs_settings_get (w->database, RS_SETTING_COMPANY_PHONE, "");
  g_autofree char *logo = rs_settings_get (w->database, RS_SETTING_COMPANY_LOGO, "");
  g_autofree char *font = rs_settings_get (w->database, RS_SETTING_PRINT_FONT, "");
  g_autofree char *contact = NULL;
  g_autofree char *logo_path = NULL;

  /* Addresses are typed on several lines; the header has one line for them. */
  g_strdelimit (address, "\n", ' ');
  g_strstrip (address);
  if (*phone != '\0')
    /* TRANSLATORS: the company's address and phone number in the header of documents. */
    contact = *address != '\0' ? g_strdup_printf (_("%s · Tel. %s"), address, phone)
                               : g_strdup_printf (_("Tel. %s"), phone);
  else
    contact = g_strdup (address);

  if (*logo != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (rs_attachment_store_verify (w->store, logo, &error))
        logo_path = rs_attachment_store_get_path (w->store, logo);
      else
        g_ptr_array_add (w->warnings, g_strdup_printf (_("The logo was left out: %s"), error->message));
    }
  rs_pdf_document_set_company (w->doc, company, contact, logo_path);
  rs_pdf_document_set_font_file (w->doc, *font != '\0' ? font : NULL);
}

static RsPdfDocument *
build (RsSession *session, RsPrintKind kind, const char *number, int paper, GPtrArray *warnings, GError **error)
{
  static gboolean (*const writers[RS_PRINT_N_KINDS]) (RsPdfWriter *, const char *, GError **) = {
    [RS_PRINT_SLIP] = rs_pdf_slip_write,
    [RS_PRINT_RETURN] = rs_pdf_return_write,
    [RS_PRINT_INSPECTION] = rs_pdf_inspection_write,
    [RS_PRINT_SETTLEMENT] = rs_pdf_settlement_write,
    [RS_PRINT_DOSSIER] = rs_pdf_dossier_write,
  };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autoptr(RsPdfDocument) doc = NULL;
  RsPdfWriter w = { 0 };
  gboolean ok;

  g_return_val_if_fail (kind < RS_PRINT_N_KINDS, NULL);
  doc = rs_pdf_document_new (paper >= 0 ? (RsPdfTemplate) paper : rs_pdf_print_get_default_template (db));
  w.session = session;
  w.database = db;
  w.doc = doc;
  w.store = store;
  w.warnings = warnings;
  rs_pdf_writer_set_header (&w);
  ok = writers[kind] (&w, number, error);
  g_clear_pointer (&w.user_names, g_hash_table_unref);
  return ok ? g_steal_pointer (&doc) : NULL;
}

static char **
steal_warnings (GPtrArray *warnings, char **more)
{
  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    g_ptr_array_add (warnings, g_strdup (more[i]));
  if (warnings->len == 0)
    return NULL;
  g_ptr_array_add (warnings, NULL);
  return (char **) g_ptr_array_steal (warnings, NULL);
}

RsPdfDocument *
rs_pdf_print_build (RsSession *session, RsPrintKind kind, const char *number, int paper,
                    char ***warnings, GError **error)
{
  g_autoptr(GPtrArray) warned = g_ptr_array_new_with_free_func (g_free);
  RsPdfDocument *doc;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (warnings != NULL)
    *warnings = NULL;
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  doc = build (session, kind, number, paper, warned, error);
  if (doc != NULL && warnings != NULL)
    *warnings = steal_warnings (warned, NULL);
  return doc;
}

/* ---- the output file ---- */

static gboolean
set_save_error (GError **error, const char *path, int saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("The PDF could not be saved as “%s”: %s"),
               name, g_strerror (saved_errno));
  return FALSE;
}

/* A temporary file beside path, opened before anything is printed: an output that cannot
 * be written is refused before the print is counted. */
static char *
open_beside (const char *path, int *fd, GError **error)
{
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);

  /* Renaming onto a folder would fail only after the print is archived. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_save_error (error, path, EISDIR);
      return NULL;
    }
  *fd = g_mkstemp_full (temp, O_WRONLY, 0644);
  if (*fd < 0)
    {
      set_save_error (error, path, errno);
      return NULL;
    }
  return g_steal_pointer (&temp);
}

static gboolean
write_all (int fd, GBytes *bytes, const char *path, GError **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  while (size > 0)
    {
      gssize written = write (fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return set_save_error (error, path, written < 0 ? errno : ENOSPC);
      data += written;
      size -= written;
    }
  if (fsync (fd) != 0)
    return set_save_error (error, path, errno);
  return TRUE;
}

RsPrint *
rs_pdf_print (RsSession *session, RsPrintKind kind, const char *number, int paper, const char *path,
              GBytes **pdf, char ***warnings, GError **error)
{
  g_autoptr(GPtrArray) warned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RsPrintJob) job = NULL;
  g_autoptr(RsPdfDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RsPrint) print = NULL;
  g_auto(GStrv) render_warnings = NULL;
  g_autofree char *temp = NULL;
  int fd = -1;
  gboolean written;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (warnings != NULL)
    *warnings = NULL;

  if (path != NULL && (temp = open_beside (path, &fd, error)) == NULL)
    return NULL;

  /* The job holds the write lock from counting to archiving: the document is read, and
   * its copy number taken, in one transaction. */
  job = rs_print_job_begin (session, kind, number, error);
  if (job != NULL)
    doc = build (session, kind, number, paper, warned, error);
  if (doc != NULL)
    {
      rs_pdf_document_set_print_count (doc, rs_print_job_get_copy (job));
      bytes = rs_pdf_document_render (doc, &render_warnings, error);
    }
  written = bytes != NULL && (temp == NULL || write_all (fd, bytes, path, error));
  if (fd >= 0)
    close (fd);
  if (written)
    print = rs_print_job_commit (job, rs_pdf_template_get (rs_pdf_document_get_template (doc))->nick,
                                 rs_pdf_document_get_n_pages (doc), bytes, error);
  if (print == NULL)
    {
      if (temp != NULL)
        g_unlink (temp);
      return NULL;
    }
  if (temp != NULL && g_rename (temp, path) != 0)
    {
      /* Archived already; only the copy on disk is missing, and the message says where. */
      set_save_error (error, path, errno);
      g_unlink (temp);
      return NULL;
    }

  if (pdf != NULL)
    *pdf = g_steal_pointer (&bytes);
  if (warnings != NULL)
    *warnings = steal_warnings (warned, render_warnings);
  return g_steal_pointer (&print);
}
