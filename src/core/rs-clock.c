/* rs-clock.c — wall clock with a test override.
 *
 * Business rules that measure time (lock-outs, deadlines) read the clock here and
 * nowhere else. Tests pin it with rs_clock_set_fixed(); the CLI honours
 * RESTOCK_NOW (ISO 8601) so scenario scripts can move time between commands.
 */
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"

static gint64 fixed_now = -1;

gint64
rs_clock_now (void)
{
  if (fixed_now >= 0)
    return fixed_now;
  return g_get_real_time ();
}

void
rs_clock_set_fixed (gint64 now_us)
{
  fixed_now = now_us;
}

void
rs_clock_advance (gint64 delta_us)
{
  fixed_now = rs_clock_now () + delta_us;
}

void
rs_clock_use_system (void)
{
  fixed_now = -1;
}

gboolean
rs_clock_init_from_env (GError **error)
{
  const char *text = g_getenv ("RESTOCK_NOW");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) local = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  local = g_time_zone_new_local ();
  when = g_date_time_new_from_iso8601 (text, local);
  if (when == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   _("RESTOCK_NOW is not an ISO 8601 time: “%s”"), text);
      return FALSE;
    }
  rs_clock_set_fixed (g_date_time_to_unix (when) * G_USEC_PER_SEC
                      + g_date_time_get_microsecond (when));
  return TRUE;
}
