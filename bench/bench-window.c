/* bench-window.c — the real slips section in a window (issue 8): opening the 出入库 list and
 * scrolling to its end, on the database given, as a person's window would.
 *
 * Not a test: it prints one line of figures. Run it through build-aux/bench-window, once on a
 * database of 100,000 slips and 1,000,000 ledger rows (bench-lists makes it) and once on an
 * empty one, each in its own process, under Xvfb. Times are from creating the section to the
 * first frame painted with its rows bound, and from setting the scroll position to the end
 * to the frame that shows the last rows. Peak memory is VmHWM, reset after logging in (the
 * Argon2id hash takes 64 MB that has nothing to do with the list).
 */
#include "rs-section.h"
#include "rs-slips-section.h"
#include "rs-table-view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock, gpointer user_data)
{
  painted = TRUE;
}

/* Runs the main loop until a frame has been painted after now. */
static void
wait_for_paint (GtkWidget *window)
{
  /* A frame even when nothing changed (an empty list does not move when scrolled). */
  gtk_widget_queue_draw (window);
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10);
}

static void
reset_peak (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file != NULL)
    {
      fputs ("5", file);
      fclose (file);
    }
}

/* Another section (dashboard, returns, stock, master …): the time from nothing to its first
 * frame, cold and warm, as the main window makes it when first opened. */
static int
other_section (RsSession *session, const char *db, const char *id)
{
  const RsSectionInfo *info = rs_sections_find (id);
  GtkWidget *window, *section;
  double times[2];

  if (info == NULL)
    {
      g_printerr ("bench-window: no section “%s”\n", id);
      return 2;
    }
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), NULL);
  wait_for_paint (window);
  for (int i = 0; i < 2; i++)
    {
      gint64 start = g_get_monotonic_time ();

      section = g_object_new (info->get_type (), "session", session, NULL);
      gtk_window_set_child (GTK_WINDOW (window), section);
      wait_for_paint (window);
      times[i] = (g_get_monotonic_time () - start) / 1e3;
      if (i == 0)
        {
          gtk_window_set_child (GTK_WINDOW (window), NULL);
          wait_for_paint (window);
        }
    }
  g_print ("%-36s %-10s first frame %7.1f ms (cold %7.1f)  peak %7ld kB\n", db, id, times[1], times[0],
           status_kb ("VmHWM:"));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = NULL;
  g_autoptr(RsSession) session = NULL;
  GtkWidget *window, *section, *view;
  GtkAdjustment *adjustment;
  GListModel *model;
  gint64 start;
  double cold_ms, made_ms, first_ms, end_ms, pages_ms;
  guint n;

  if (argc != 4 && argc != 5)
    {
      g_printerr ("usage: bench-window DB USER PASSWORD [SECTION]\n");
      return 2;
    }
  rs_i18n_init ();
  gtk_init ();
  adw_init ();
  db = rs_database_open (argv[1], &error);
  if (db != NULL)
    session = rs_session_login (db, argv[2], argv[3], &error);
  if (session == NULL)
    {
      g_printerr ("bench-window: %s\n", error->message);
      return 1;
    }
  reset_peak ();
  if (argc == 5)
    return other_section (session, argv[1], argv[4]);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), NULL);
  wait_for_paint (window);

  /* From nothing to the list on screen: the section (its paged model's snapshot of keys and
   * first page) and the first frame with the rows bound. The first section of the process also
   * pays for GTK's one-time work (the template parsed, fonts for Chinese loaded, CSS): "cold";
   * the same again once that is done: "warm", what opening the list costs itself. */
  start = g_get_monotonic_time ();
  section = g_object_new (RS_TYPE_SLIPS_SECTION, "session", session, NULL);
  gtk_window_set_child (GTK_WINDOW (window), section);
  wait_for_paint (window);
  cold_ms = (g_get_monotonic_time () - start) / 1e3;
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  wait_for_paint (window);

  start = g_get_monotonic_time ();
  section = g_object_new (RS_TYPE_SLIPS_SECTION, "session", session, NULL);
  made_ms = (g_get_monotonic_time () - start) / 1e3;
  gtk_window_set_child (GTK_WINDOW (window), section);
  wait_for_paint (window);
  first_ms = (g_get_monotonic_time () - start) / 1e3;

  model = rs_slips_section_get_model (RS_SLIPS_SECTION (section));
  n = g_list_model_get_n_items (model);
  view = GTK_WIDGET (rs_table_view_get_list_view (RS_TABLE_VIEW (gtk_widget_get_template_child (section, RS_TYPE_SLIPS_SECTION,
                                                                                       "slips_view"))));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  /* The end, in one jump (the scroll bar dragged down). */
  start = g_get_monotonic_time ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  wait_for_paint (window);
  end_ms = (g_get_monotonic_time () - start) / 1e3;

  /* Then back up 50 pages, a frame each (Page Up held down). */
  start = g_get_monotonic_time ();
  for (int i = 0; i < 50; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - gtk_adjustment_get_page_size (adjustment));
      wait_for_paint (window);
    }
  pages_ms = (g_get_monotonic_time () - start) / 1e3 / 50;

  g_print ("%-36s %7u slips  first rows %7.1f ms (made %6.1f, cold %7.1f)  end %6.1f ms  page up %5.1f ms/frame  peak %7ld kB\n",
           argv[1], n, first_ms, made_ms, cold_ms, end_ms, pages_ms, status_kb ("VmHWM:"));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
