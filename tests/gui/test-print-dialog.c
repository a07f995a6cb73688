/* The print dialog: the documents a slip and a return offer, the archived PDF written where
 * Save PDF… says and counted in the history, refusals shown inside the dialog. */
#include "rs-gui-test.h"
#include "rs-print-dialog.h"

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  char       *slip;
  char       *rma;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(RsPartner) customer = NULL;
  g_autoptr(RsSlip) slip = NULL;
  g_autoptr(RsReturn) ret = NULL;
  RsProductFields product_fields = { .sku = "P-1", .name = "电饭煲", .unit = "台", .list_price = 19900 };
  RsPartnerFields partner = { .code = "C001", .name = "华东商贸", .email = "buyer@example.com" };
  RsSlipLineFields line = { .sku = "P-1", .quantity = 2000, .unit_cost = 19900 };
  RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = "WH1", .lines = &line, .n_lines = 1 };
  RsReturnLineFields return_line = { .sku = "P-1", .quantity = 1000, .unit_price = -1 };
  RsReturnFields return_fields = { .customer = "C001", .reason = "quality", .lines = &return_line, .n_lines = 1 };

  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  warehouse = rs_warehouses_add (f->admin, "WH1", "上海总仓", NULL, &error);
  g_assert_no_error (error);
  location = rs_locations_add (f->admin, "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  product = rs_products_add (f->admin, &product_fields, &error);
  g_assert_no_error (error);
  customer = rs_partners_add (f->admin, RS_PARTNER_CUSTOMER, &partner, &error);
  g_assert_no_error (error);
  slip = rs_slips_create_posted (f->admin, &fields, &error);
  g_assert_no_error (error);
  f->slip = g_strdup (rs_slip_get_number (slip));
  ret = rs_returns_create (f->admin, &return_fields, &error);
  g_assert_no_error (error);
  f->rma = g_strdup (rs_return_get_number (ret));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->slip);
  g_free (f->rma);
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
}

static GtkWidget *
child (RsPrintDialog *dialog, const char *name)
{
  return rs_gui_test_child (dialog, RS_TYPE_PRINT_DIALOG, name);
}

static guint
count_rows (RsPrintDialog *dialog)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (child (dialog, "history_list")); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
test_slip_saved (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "slip.pdf", NULL);
  g_autofree char *second = g_build_filename (dir, "again.pdf", NULL);
  g_autofree char *expected = g_strdup_printf ("slip:%s", f->slip);
  g_autoptr(GListModel) prints = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_auto(GStrv) documents = NULL;
  RsPrintDialog *dialog = rs_print_dialog_present (NULL, f->admin, RS_PRINT_SLIP, f->slip);
  GtkLabel *status = GTK_LABEL (child (dialog, "status_label"));

  documents = rs_print_dialog_get_documents (dialog);
  g_assert_cmpuint (g_strv_length (documents), ==, 1);
  g_assert_cmpstr (documents[0], ==, expected);
  g_assert_cmpuint (count_rows (dialog), ==, 1);   /* "Not printed yet" */
  g_assert_true (gtk_widget_is_sensitive (child (dialog, "save_button")));

  rs_print_dialog_save_to (dialog, path);
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "save_button")));
  rs_gui_test_wait_idle (dialog);
  g_assert_true (gtk_widget_is_sensitive (child (dialog, "save_button")));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (status), "slip.pdf"));

  pdf = rs_test_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  prints = rs_prints_list (f->admin, RS_PRINT_SLIP, f->slip, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (prints), ==, 1);
  g_assert_cmpuint (count_rows (dialog), ==, 1);   /* print 1 */

  /* A second save is the first reprint, listed first. */
  rs_print_dialog_save_to (dialog, second);
  rs_gui_test_wait_idle (dialog);
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_rows (dialog), ==, 2);
  {
    AdwPreferencesRow *first = ADW_PREFERENCES_ROW (gtk_widget_get_first_child (child (dialog, "history_list")));
    g_assert_cmpstr (adw_preferences_row_get_title (first), ==, "Print 2");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_return_documents (Fixture *f, gconstpointer data)
{
  g_autofree char *authorisation = g_strdup_printf ("return:%s", f->rma);
  g_autofree char *dossier = g_strdup_printf ("dossier:%s", f->rma);
  g_auto(GStrv) documents = NULL;
  RsPrintDialog *dialog = rs_print_dialog_present (NULL, f->admin, RS_PRINT_DOSSIER, f->rma);

  documents = rs_print_dialog_get_documents (dialog);
  g_assert_cmpuint (g_strv_length (documents), ==, 2);
  g_assert_cmpstr (documents[0], ==, authorisation);
  g_assert_cmpstr (documents[1], ==, dossier);
  /* Opened for the dossier: the dossier is chosen. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (dialog, "document_row"))), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A document that does not exist: said in the dialog, nothing to print, nothing archived. */
static void
test_unknown_document (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "none.pdf", NULL);
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  RsPrintDialog *dialog = rs_print_dialog_present (NULL, f->admin, RS_PRINT_RETURN, "TH20990101-0001");
  GtkLabel *status = GTK_LABEL (child (dialog, "status_label"));
  g_auto(GStrv) documents = rs_print_dialog_get_documents (dialog);

  g_assert_cmpuint (g_strv_length (documents), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "print_button")));

  /* A slip that does not exist is refused by core when the PDF is made. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = rs_print_dialog_present (NULL, f->admin, RS_PRINT_SLIP, "RK20990101-0001");
  status = GTK_LABEL (child (dialog, "status_label"));
  rs_print_dialog_save_to (dialog, path);
  rs_gui_test_wait_idle (dialog);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);
  g_test_add ("/print-dialog/slip-saved", Fixture, NULL, fixture_set_up, test_slip_saved, fixture_tear_down);
  g_test_add ("/print-dialog/return-documents", Fixture, NULL, fixture_set_up, test_return_documents, fixture_tear_down);
  g_test_add ("/print-dialog/unknown-document", Fixture, NULL, fixture_set_up, test_unknown_document, fixture_tear_down);
  return g_test_run ();
}
