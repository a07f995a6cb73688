/* rs-i18n.c — where the programs find their translations. */
#include "rs-i18n.h"

#include <locale.h>

gboolean
rs_running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  return exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/");
}

void
rs_i18n_init (void)
{
  setlocale (LC_ALL, "");
  /* Run from the build tree (build-aux/run, tests): use the catalogues built there. */
  bindtextdomain (GETTEXT_PACKAGE, rs_running_uninstalled () ? BUILD_LOCALEDIR : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
