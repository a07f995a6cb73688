/* The photo strip takes pictures as pending files and refuses a file that is no picture
 * (a text file named x.jpg) with a message, leaving the photos it had as they were. */
#include <glib/gstdio.h>
#include "rs-gui-test.h"
#include "rs-photo-strip.h"
#include "rs-photo-viewer.h"
#include "rs-test-util.h"

static void
add_path (RsPhotoStrip *strip, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rs_photo_strip_add_files (strip, &file, 1);
  rs_gui_test_wait_idle (strip);
}

static void
count_changed (RsPhotoStrip *strip, guint *count)
{
  (*count)++;
}

static void
test_refuses_non_picture (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rs-photo-XXXXXX", NULL);
  g_autofree char *png = rs_gui_test_write_png (dir, "box.png", 64, 48);
  g_autofree char *fake = g_build_filename (dir, "x.jpg", NULL);
  GtkWidget *window = gtk_window_new ();
  RsPhotoStrip *strip = RS_PHOTO_STRIP (rs_photo_strip_new ());
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  guint changed = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (strip));
  rs_photo_strip_set_editable (strip, TRUE);
  g_signal_connect (strip, "changed", G_CALLBACK (count_changed), &changed);

  add_path (strip, png);
  before = rs_photo_strip_get_pending_files (strip);
  g_assert_cmpuint (g_strv_length (before), ==, 1);
  g_assert_cmpstr (before[0], ==, png);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (rs_photo_strip_get_message (strip), ==, "");

  g_assert_true (g_file_set_contents (fake, "not a picture, only text\n", -1, NULL));
  add_path (strip, fake);
  after = rs_photo_strip_get_pending_files (strip);
  g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));
  g_assert_cmpuint (rs_photo_strip_get_n_photos (strip), ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_nonnull (strstr (rs_photo_strip_get_message (strip), "x.jpg"));
  g_assert_nonnull (strstr (rs_photo_strip_get_message (strip), "not a picture"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (png);
  g_remove (fake);
  g_rmdir (dir);
}

static void
test_not_editable_paste (void)
{
  RsPhotoStrip *strip = RS_PHOTO_STRIP (g_object_ref_sink (rs_photo_strip_new ()));
  g_auto(GStrv) files = NULL;

  /* Not editable: a paste does nothing. */
  rs_photo_strip_paste (strip);
  files = rs_photo_strip_get_pending_files (strip);
  g_assert_cmpuint (g_strv_length (files), ==, 0);
  g_assert_cmpstr (rs_photo_strip_get_message (strip), ==, "");
  g_object_unref (strip);
}

static void
test_paste_image (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 32, 24);
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *window = gtk_window_new ();
  RsPhotoStrip *strip = RS_PHOTO_STRIP (rs_photo_strip_new ());
  g_auto(GStrv) files = NULL;
  guint changed = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (strip));
  rs_photo_strip_set_editable (strip, TRUE);
  g_signal_connect (strip, "changed", G_CALLBACK (count_changed), &changed);
  gdk_pixbuf_fill (pixbuf, 0x2ec27eff);
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (strip)), texture);

  /* An image copied from another program: written as a PNG, added as a pending photo. */
  rs_photo_strip_paste (strip);
  while (changed == 0)
    g_main_context_iteration (NULL, TRUE);
  files = rs_photo_strip_get_pending_files (strip);
  g_assert_cmpuint (g_strv_length (files), ==, 1);
  g_assert_true (g_str_has_suffix (files[0], ".png"));
  g_assert_true (g_file_test (files[0], G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (rs_photo_strip_get_message (strip), ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

static RsPhotoViewer *
find_viewer (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (RS_IS_PHOTO_VIEWER (window))
        return RS_PHOTO_VIEWER (window);
    }
  return NULL;
}

static void
test_viewer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rs-photo-XXXXXX", NULL);
  g_autofree char *a = rs_gui_test_write_png (dir, "a.png", 64, 48);
  g_autofree char *b = rs_gui_test_write_png (dir, "b.png", 2000, 1500);
  GtkWidget *window = gtk_window_new ();
  RsPhotoStrip *strip = RS_PHOTO_STRIP (rs_photo_strip_new ());
  RsPhotoViewer *viewer;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (strip));
  rs_photo_strip_set_editable (strip, TRUE);
  add_path (strip, a);
  add_path (strip, b);
  rs_photo_strip_show_photo (strip, 1);
  viewer = find_viewer ();
  g_assert_nonnull (viewer);
  g_object_add_weak_pointer (G_OBJECT (viewer), (gpointer *) &viewer);
  g_assert_cmpuint (rs_photo_viewer_get_index (viewer), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (viewer)), ==, "b.png");
  /* Past the last photo: it stays on the last. */
  rs_photo_viewer_set_index (viewer, 2);
  g_assert_cmpuint (rs_photo_viewer_get_index (viewer), ==, 1);
  rs_photo_viewer_set_index (viewer, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (viewer)), ==, "a.png");
  gtk_window_destroy (GTK_WINDOW (viewer));
  g_assert_null (viewer);

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (a);
  g_remove (b);
  g_rmdir (dir);
}

/* A stored photo whose file is gone (a database moved without its attachments folder): the
 * strip shows the missing-picture icon in its place and says why, and nothing crashes. */
static void
test_missing_stored_photo (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  GtkWidget *window = gtk_window_new ();
  RsPhotoStrip *strip = RS_PHOTO_STRIP (rs_photo_strip_new ());

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (strip));
  gtk_window_present (GTK_WINDOW (window));
  rs_photo_strip_set_session (strip, admin);
  rs_photo_strip_add_stored (strip, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "carton.jpg");
  while (*rs_photo_strip_get_message (strip) == '\0')
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rs_photo_strip_get_n_photos (strip), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);
  g_test_add_func ("/photo-strip/refuses-non-picture", test_refuses_non_picture);
  g_test_add_func ("/photo-strip/not-editable", test_not_editable_paste);
  g_test_add_func ("/photo-strip/viewer", test_viewer);
  g_test_add_func ("/photo-strip/paste-image", test_paste_image);
  g_test_add_func ("/photo-strip/missing-stored-photo", test_missing_stored_photo);
  return g_test_run ();
}
