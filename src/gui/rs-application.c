/* rs-application.c */
#include "rs-application.h"
#include "rs-core.h"

struct _RsApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RsApplication, rs_application, ADW_TYPE_APPLICATION)

static void
rs_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
}

static void
rs_application_class_init (RsApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = rs_application_activate;
}

static void
rs_application_init (RsApplication *self)
{
}

RsApplication *
rs_application_new (void)
{
  return g_object_new (RS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}
