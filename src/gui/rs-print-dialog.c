/* rs-print-dialog.c */
#include <errno.h>
#include "rs-print-dialog.h"
#include <gtk/gtkunixprint.h>
#include "rs-gui-util.h"
#include "rs-i18n.h"
#include "rs-pdf-print.h"
#include "rs-pdf-template.h"

/* Prints listed in the history, newest first; older ones stay in the archive. */
#define HISTORY_ROWS 20

typedef struct
{
  RsPrintKind kind;
  char       *number;
} Document;

static const struct
{
  RsPdfTemplate id;
  const char   *name;
} papers[] = {
  { RS_PDF_TEMPLATE_A4, N_("A4 portrait") },
  { RS_PDF_TEMPLATE_A5, N_("A5 landscape") },
  { RS_PDF_TEMPLATE_FORM241, N_("241 × 140 mm continuous form") },
};

/* What happens once the PDF is made. */
typedef enum {
  AFTER_PRINT,
  AFTER_SAVE,
  AFTER_OPEN,
} After;

struct _RsPrintDialog
{
  AdwWindow parent_instance;

  RsSession *session;
  GArray *documents;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
  gboolean busy;

  AdwWindowTitle *window_title;
  AdwComboRow *document_row;
  AdwComboRow *paper_row;
  GtkWidget *print_button;
  GtkWidget *save_button;
  GtkWidget *open_button;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkListBox *history_list;
};

G_DEFINE_FINAL_TYPE (RsPrintDialog, rs_print_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The printer and options chosen last, offered again in this run of the program. */
static GtkPrintSettings *last_settings;

typedef struct
{
  RsSession *session;
  RsPrintKind kind;
  char *number;
  RsPdfTemplate paper;
  char *path;
  After after;
  GtkPrinter *printer;
  GtkPrintSettings *settings;
  GtkPageSetup *page_setup;
} MakeData;

typedef struct
{
  RsPrint *print;
  char **warnings;
} MakeResult;

static void
document_clear (Document *document)
{
  g_free (document->number);
}

static void
make_data_free (MakeData *data)
{
  g_clear_object (&data->session);
  g_free (data->number);
  g_free (data->path);
  g_clear_object (&data->printer);
  g_clear_object (&data->settings);
  g_clear_object (&data->page_setup);
  g_free (data);
}

static void
make_result_free (MakeResult *result)
{
  g_clear_object (&result->print);
  g_strfreev (result->warnings);
  g_free (result);
}

static const Document *
get_document (RsPrintDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->document_row);

  if (selected >= self->documents->len)
    return NULL;
  return &g_array_index (self->documents, Document, selected);
}

static RsPdfTemplate
get_paper (RsPrintDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->paper_row);

  return selected < G_N_ELEMENTS (papers) ? papers[selected].id : RS_PDF_TEMPLATE_A4;
}

static const char *
paper_name (const char *nick)
{
  RsPdfTemplate id;

  if (!rs_pdf_template_from_nick (nick, &id, NULL))
    return nick;
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (papers[i].id == id)
      return _(papers[i].name);
  return nick;
}

static void
show_status (RsPrintDialog *self, const char *message, gboolean error)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_actions (RsPrintDialog *self)
{
  gboolean enabled = !self->busy && get_document (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "print.print", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "print.save", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "print.open", enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->document_row), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), !self->busy);
}

static void
set_busy (RsPrintDialog *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    show_status (self, _("Making the PDF…"), FALSE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static GtkWidget *
history_row (RsPrint *print)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (rs_print_get_printed_at (print) / G_USEC_PER_SEC);
  g_autofree char *time = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("");
  /* TRANSLATORS: %u counts the prints of a document: 1 for the first, 2 for the first reprint */
  g_autofree char *title = g_strdup_printf (_("Print %u"), rs_print_get_copy (print));
  g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages",
                                                         rs_print_get_pages (print)),
                                            rs_print_get_pages (print));
  /* TRANSLATORS: who, when, paper and pages of a print: "admin · 2026-11-26 14:05 · A4 portrait · 1 page" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s · %s"), rs_print_get_printed_by (print), time,
                                               paper_name (rs_print_get_template (print)), pages);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The archive of the chosen document: one cheap query. */
static void
load_history (RsPrintDialog *self)
{
  const Document *document = get_document (self);
  g_autoptr(GListModel) prints = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  if (document == NULL)
    return;

  prints = rs_prints_list (self->session, document->kind, document->number, &error);
  if (prints == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }
  n = g_list_model_get_n_items (prints);
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not printed yet"));
      gtk_list_box_append (self->history_list, row);
      return;
    }
  for (guint i = n; i > 0 && n - i < HISTORY_ROWS; i--)
    {
      g_autoptr(RsPrint) print = g_list_model_get_item (prints, i - 1);
      gtk_list_box_append (self->history_list, history_row (print));
    }
}

static void
on_document_selected (RsPrintDialog *self)
{
  const Document *document = get_document (self);

  adw_window_title_set_subtitle (self->window_title, document != NULL ? document->number : NULL);
  load_history (self);
  update_actions (self);
}

static void
add_document (RsPrintDialog *self, GtkStringList *names, RsPrintKind kind, const char *number)
{
  Document document = { kind, g_strdup (number) };
  /* TRANSLATORS: a document and its number: "Return authorisation TH20261126-0001" */
  g_autofree char *name = g_strdup_printf (_("%s %s"), rs_print_kind_get_display_name (kind), number);

  g_array_append_val (self->documents, document);
  gtk_string_list_append (names, name);
}

/* A return's documents: its authorisation and dossier, the reports of its finished
 * inspections and its settlement sheet (from what `return show` lists). */
static gboolean
add_return_documents (RsPrintDialog *self, GtkStringList *names, const char *number, GError **error)
{
  g_autoptr(JsonNode) node = rs_returns_describe (self->session, number, error);
  JsonObject *object;

  if (node == NULL)
    return FALSE;
  object = json_node_get_object (node);
  add_document (self, names, RS_PRINT_RETURN, number);
  add_document (self, names, RS_PRINT_DOSSIER, number);
  if (json_object_has_member (object, "inspections") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "inspections")))
    {
      JsonArray *inspections = json_object_get_array_member (object, "inspections");

      for (guint i = 0; i < json_array_get_length (inspections); i++)
        {
          JsonObject *inspection = json_array_get_object_element (inspections, i);

          if (g_strcmp0 (json_object_get_string_member_with_default (inspection, "state", ""), "finished") == 0)
            add_document (self, names, RS_PRINT_INSPECTION, json_object_get_string_member (inspection, "number"));
        }
    }
  if (json_object_has_member (object, "settlement") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "settlement")))
    add_document (self, names, RS_PRINT_SETTLEMENT,
                  json_object_get_string_member (json_object_get_object_member (object, "settlement"), "number"));
  return TRUE;
}

static void
load_documents (RsPrintDialog *self, RsPrintKind kind, const char *number)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  if (kind == RS_PRINT_RETURN || kind == RS_PRINT_DOSSIER)
    {
      if (!add_return_documents (self, names, number, &error))
        show_status (self, error->message, TRUE);
      selected = kind == RS_PRINT_DOSSIER ? 1 : 0;
    }
  else
    add_document (self, names, kind, number);

  adw_combo_row_set_model (self->document_row, G_LIST_MODEL (names));
  if (selected < self->documents->len)
    adw_combo_row_set_selected (self->document_row, selected);
  on_document_selected (self);
}

static void
make_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  MakeData *data = task_data;
  g_autoptr(RsSession) session = NULL;
  g_autoptr(RsPrint) print = NULL;
  g_auto(GStrv) warnings = NULL;
  GError *error = NULL;
  MakeResult *result;

  /* The window's connection stays with the main thread. */
  session = rs_session_reopen (data->session, &error);
  if (session != NULL)
    print = rs_pdf_print (session, data->kind, data->number, data->paper, data->path, NULL, &warnings, &error);
  if (print == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = g_new0 (MakeResult, 1);
  result->print = g_steal_pointer (&print);
  result->warnings = g_steal_pointer (&warnings);
  g_task_return_pointer (task, result, (GDestroyNotify) make_result_free);
}

static void
print_sent (GtkPrintJob *job, gpointer user_data, const GError *error)
{
  RsPrintDialog *self = user_data;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (error != NULL)
    show_status (self, error->message, TRUE);
  else
    {
      /* TRANSLATORS: %s is a printer's name */
      g_autofree char *message = g_strdup_printf (_("Sent to %s."), gtk_printer_get_name (gtk_print_job_get_printer (job)));
      show_status (self, message, FALSE);
    }
}

static void
uri_shown (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RsPrintDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_cancellable_is_cancelled (self->cancellable))
    show_status (self, error->message, TRUE);
}

static void
send_to_printer (RsPrintDialog *self, MakeData *data, RsPrint *print)
{
  g_autofree char *title = g_strdup_printf ("%s %s", rs_print_kind_get_display_name (data->kind), data->number);
  g_autoptr(GtkPrintJob) job = gtk_print_job_new (title, data->printer, data->settings, data->page_setup);
  g_autoptr(GError) error = NULL;

  /* The archived bytes go to the printer as they are: what is printed is what is kept. */
  if (!gtk_print_job_set_source_file (job, data->path, &error))
    {
      show_status (self, error->message, TRUE);
      return;
    }
  gtk_print_job_send (job, print_sent, g_object_ref (self), g_object_unref);
}

static void
make_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  RsPrintDialog *self = RS_PRINT_DIALOG (source);
  MakeData *data = g_task_get_task_data (G_TASK (res));
  MakeResult *result;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) message = g_string_new (NULL);
  g_autofree char *shown = NULL;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&result, make_result_free);
      return;
    }
  set_busy (self, FALSE);
  if (result == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }
  load_history (self);

  shown = g_filename_display_name (data->path);
  switch (data->after)
    {
    case AFTER_SAVE:
      /* TRANSLATORS: the first %u counts the prints of the document, %s is a file */
      g_string_printf (message, _("Print %u saved as %s."), rs_print_get_copy (result->print), shown);
      break;
    case AFTER_OPEN:
      {
        g_autofree char *uri = g_filename_to_uri (data->path, NULL, NULL);

        g_string_printf (message, _("Print %u opened in the PDF viewer."), rs_print_get_copy (result->print));
        gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, self->cancellable, uri_shown, g_object_ref (self));
      }
      break;
    case AFTER_PRINT:
      /* TRANSLATORS: %u counts the prints of the document, %s is a printer */
      g_string_printf (message, _("Print %u is going to %s…"), rs_print_get_copy (result->print),
                       gtk_printer_get_name (data->printer));
      send_to_printer (self, data, result->print);
      break;
    }
  for (guint i = 0; result->warnings != NULL && result->warnings[i] != NULL; i++)
    g_string_append_printf (message, "\n%s", result->warnings[i]);
  /* The printer's answer may already have replaced the message. */
  if (data->after != AFTER_PRINT || !gtk_widget_has_css_class (GTK_WIDGET (self->status_label), "error"))
    show_status (self, message->str, FALSE);
  make_result_free (result);
}

static void
make_pdf (RsPrintDialog *self, After after, const char *path, GtkPrinter *printer,
          GtkPrintSettings *settings, GtkPageSetup *page_setup)
{
  const Document *document = get_document (self);
  g_autoptr(GTask) task = NULL;
  MakeData *data;

  if (document == NULL || self->busy)
    return;
  data = g_new0 (MakeData, 1);
  data->session = g_object_ref (self->session);
  data->kind = document->kind;
  data->number = g_strdup (document->number);
  data->paper = get_paper (self);
  data->path = g_strdup (path);
  data->after = after;
  g_set_object (&data->printer, printer);
  g_set_object (&data->settings, settings);
  g_set_object (&data->page_setup, page_setup);

  set_busy (self, TRUE);
  task = rs_gui_widget_task_new (GTK_WIDGET (self), self->cancellable, make_done, NULL);
  g_task_set_source_tag (task, make_pdf);
  g_task_set_task_data (task, data, (GDestroyNotify) make_data_free);
  g_task_run_in_thread (task, make_thread);
}

/* Where a PDF for the printer or the viewer goes: the user's cache, one file a document. */
static char *
cache_path (RsPrintDialog *self, GError **error)
{
  const Document *document = get_document (self);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "restock", "prints", NULL);
  g_autofree char *name = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  name = g_strdup_printf ("%s-%s.pdf", rs_print_kind_get_key (document->kind), document->number);
  return g_build_filename (dir, name, NULL);
}

void
rs_print_dialog_save_to (RsPrintDialog *self, const char *path)
{
  g_return_if_fail (RS_IS_PRINT_DIALOG (self));
  make_pdf (self, AFTER_SAVE, path, NULL, NULL, NULL);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RsPrintDialog *self = RS_PRINT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cache_path (self, &error);

  if (path == NULL)
    show_status (self, error->message, TRUE);
  else
    make_pdf (self, AFTER_OPEN, path, NULL, NULL, NULL);
}

static void
on_chooser_response (RsPrintDialog *self, int response, GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        rs_print_dialog_save_to (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RsPrintDialog *self = RS_PRINT_DIALOG (widget);
  const Document *document = get_document (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (document == NULL || self->chooser != NULL)
    return;
  /* TRANSLATORS: a file name: the document kind and its number */
  name = g_strdup_printf (_("%s %s.pdf"), rs_print_kind_get_display_name (document->kind), document->number);
  self->chooser = gtk_file_chooser_native_new (_("Save PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The paper the PDF is laid out for, so the printer takes the right sheet. */
static GtkPageSetup *
page_setup_for (RsPdfTemplate paper)
{
  const RsPdfPage *page = rs_pdf_template_get (paper);
  g_autoptr(GtkPaperSize) size = NULL;
  GtkPageSetup *setup = gtk_page_setup_new ();

  switch (paper)
    {
    case RS_PDF_TEMPLATE_A4:
      size = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      break;
    case RS_PDF_TEMPLATE_A5:
      size = gtk_paper_size_new (GTK_PAPER_NAME_A5);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
      break;
    default:
      size = gtk_paper_size_new_custom ("restock-form241", _("241 × 140 mm continuous form"),
                                        page->width, page->height, GTK_UNIT_POINTS);
      break;
    }
  gtk_page_setup_set_paper_size (setup, size);
  return setup;
}

static void
on_print_response (RsPrintDialog *self, int response, GtkPrintUnixDialog *dialog)
{
  if (response == GTK_RESPONSE_OK)
    {
      GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (dialog);
      g_autoptr(GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (dialog);
      GtkPageSetup *setup = gtk_print_unix_dialog_get_page_setup (dialog);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      g_set_object (&last_settings, settings);
      if (printer != NULL && !gtk_printer_accepts_pdf (printer))
        {
          g_autofree char *message =
            /* TRANSLATORS: %s is a printer's name */
            g_strdup_printf (_("%s does not take PDF documents. Choose another printer, or use Open PDF and print from the viewer."),
                             gtk_printer_get_name (printer));
          show_status (self, message, TRUE);
        }
      else if (printer != NULL && (path = cache_path (self, &error)) == NULL)
        show_status (self, error->message, TRUE);
      else if (printer != NULL)
        make_pdf (self, AFTER_PRINT, path, printer, settings, setup);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The printer first: a print the user cancels is not archived. */
static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RsPrintDialog *self = RS_PRINT_DIALOG (widget);
  g_autoptr(GtkPageSetup) setup = page_setup_for (get_paper (self));
  GtkWidget *dialog;

  if (get_document (self) == NULL || self->busy)
    return;
  dialog = gtk_print_unix_dialog_new (_("Print"), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_print_unix_dialog_set_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), setup);
  gtk_print_unix_dialog_set_embed_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), FALSE);
  gtk_print_unix_dialog_set_manual_capabilities (GTK_PRINT_UNIX_DIALOG (dialog), GTK_PRINT_CAPABILITY_GENERATE_PDF);
  if (last_settings != NULL)
    gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (dialog), last_settings);
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (on_print_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

char **
rs_print_dialog_get_documents (RsPrintDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RS_IS_PRINT_DIALOG (self), NULL);
  for (guint i = 0; i < self->documents->len; i++)
    {
      const Document *document = &g_array_index (self->documents, Document, i);
      g_autofree char *item = g_strdup_printf ("%s:%s", rs_print_kind_get_key (document->kind), document->number);

      g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

RsPrintDialog *
rs_print_dialog_present (GtkWidget *parent, RsSession *session, RsPrintKind kind, const char *number)
{
  RsPrintDialog *self;
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  g_autoptr(GtkStringList) paper_names = gtk_string_list_new (NULL);
  RsPdfTemplate paper;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  self = g_object_new (RS_TYPE_PRINT_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->session = g_object_ref (session);

  paper = rs_pdf_print_get_default_template (rs_session_get_database (session));
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    gtk_string_list_append (paper_names, _(papers[i].name));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (paper_names));
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (papers[i].id == paper)
      adw_combo_row_set_selected (self->paper_row, i);

  load_documents (self, kind, number);
  g_signal_connect_swapped (self->document_row, "notify::selected", G_CALLBACK (on_document_selected), self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
rs_print_dialog_dispose (GObject *object)
{
  RsPrintDialog *self = RS_PRINT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_PRINT_DIALOG);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_print_dialog_parent_class)->dispose (object);
}

static void
rs_print_dialog_finalize (GObject *object)
{
  RsPrintDialog *self = RS_PRINT_DIALOG (object);

  g_array_unref (self->documents);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rs_print_dialog_parent_class)->finalize (object);
}

static void
rs_print_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsPrintDialog *self = RS_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_print_dialog_class_init (RsPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_print_dialog_dispose;
  object_class->finalize = rs_print_dialog_finalize;
  object_class->get_property = rs_print_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "print.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "print.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "print.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "print.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RsPrintDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RsPrintDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, RsPrintDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RsPrintDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, RsPrintDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RsPrintDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, RsPrintDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RsPrintDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, RsPrintDialog, history_list);
}

static void
rs_print_dialog_init (RsPrintDialog *self)
{
  self->documents = g_array_new (FALSE, TRUE, sizeof (Document));
  g_array_set_clear_func (self->documents, (GDestroyNotify) document_clear);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
