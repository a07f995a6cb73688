/* rs-main.c — the restock window program. */
#include "rs-application.h"
#include "rs-core.h"

int
main (int argc, char **argv)
{
  g_autoptr(RsApplication) app = NULL;

  rs_i18n_init ();
  app = rs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
