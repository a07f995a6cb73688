/* rs-gui-test.h — what the widget tests share: set-up, template children, waiting. */
#pragma once

#include <adwaita.h>
#include "rs-test-util.h"

G_BEGIN_DECLS

/* gtk_test_init() plus libadwaita (normally started by AdwApplication). */
static inline void
rs_gui_test_init (int *argc, char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* A named child of a widget's template (the ids of ui/rs-*.ui). */
#define rs_gui_test_child(widget, type, name) \
  ((GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (widget), (type), (name)))

/* Runs the main loop until the widget's "busy" property is FALSE (its thread is done). */
static inline void
rs_gui_test_wait_idle (gpointer widget)
{
  gboolean busy = TRUE;

  while (busy)
    {
      g_object_get (widget, "busy", &busy, NULL);
      if (busy)
        g_main_context_iteration (NULL, TRUE);
    }
  /* Let idle callbacks queued by the result run too. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* A width × height PNG named `name` in `dir` (a picture the photo strip takes); a new path. */
static inline char *
rs_gui_test_write_png (const char *dir, const char *name, int width, int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
  return path;
}

static inline void
rs_gui_test_set_text (GtkWidget *editable, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static inline const char *
rs_gui_test_get_text (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

G_END_DECLS
