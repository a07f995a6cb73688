/* rs-return-flag.c */
#include "rs-return-private.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-time-check.h"

static const struct {
  const char *key;
  const char *name;
  gboolean    in_hours;
} kinds[] = {
  [RS_FLAG_RETURN_WINDOW] = { "return-window", N_("Return window"), FALSE },
  [RS_FLAG_RECEIVING_DEADLINE] = { "receiving-deadline", N_("Receiving deadline"), FALSE },
  [RS_FLAG_INSPECTION_DEADLINE] = { "inspection-deadline", N_("Inspection deadline"), TRUE },
};

const char *
rs_flag_kind_get_key (RsFlagKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].key;
}

const char *
rs_flag_kind_get_display_name (RsFlagKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return _(kinds[kind].name);
}

gboolean
rs_flag_kind_parse (const char *key, RsFlagKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (key, kinds[i].key) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

G_DEFINE_FINAL_TYPE (RsReturnFlag, rs_return_flag, G_TYPE_OBJECT)

static void
rs_return_flag_class_init (RsReturnFlagClass *klass)
{
}

static void
rs_return_flag_init (RsReturnFlag *self)
{
}

RsReturnFlag *
rs_return_flag_new (RsFlagKind kind, gboolean pending, gint64 limit, gint64 actual, gint64 detected_at)
{
  RsReturnFlag *self = g_object_new (RS_TYPE_RETURN_FLAG, NULL);

  self->kind = kind;
  self->pending = pending;
  self->in_hours = kinds[kind].in_hours;
  self->limit = limit;
  self->actual = actual;
  self->detected_at = detected_at;
  return self;
}

RsFlagKind rs_return_flag_get_kind (RsReturnFlag *self) { return self->kind; }
gboolean rs_return_flag_get_pending (RsReturnFlag *self) { return self->pending; }
gint64 rs_return_flag_get_limit (RsReturnFlag *self) { return self->limit; }
gint64 rs_return_flag_get_actual (RsReturnFlag *self) { return self->actual; }
gint64 rs_return_flag_get_over (RsReturnFlag *self) { return self->actual - self->limit; }
gboolean rs_return_flag_get_in_hours (RsReturnFlag *self) { return self->in_hours; }

/* Microseconds in days or hours with one decimal: "2", "2.5". The excess is rounded
 * up, so a breach never reads as "0". */
static char *
format_span (gint64 us, gboolean in_hours, gboolean round_up)
{
  gint64 unit = in_hours ? RS_US_PER_HOUR : RS_US_PER_DAY;
  gint64 tenths = round_up ? (us * 10 + unit - 1) / unit : (us * 10 + unit / 2) / unit;

  if (tenths % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, tenths / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%d", tenths / 10, (int) (tenths % 10));
}

char *
rs_return_flag_describe (RsReturnFlag *self)
{
  g_autofree char *limit = format_span (self->limit, self->in_hours, FALSE);
  g_autofree char *actual = format_span (self->actual, self->in_hours, FALSE);
  g_autofree char *over = format_span (rs_return_flag_get_over (self), self->in_hours, TRUE);

  switch (self->kind)
    {
    case RS_FLAG_RETURN_WINDOW:
      return g_strdup_printf (_("Requested %s days after the sale; the return window is %s days: %s days too late."),
                              actual, limit, over);
    case RS_FLAG_RECEIVING_DEADLINE:
      if (self->pending)
        return g_strdup_printf (_("Not received %s days after approval; the deadline is %s days: %s days overdue."),
                                actual, limit, over);
      return g_strdup_printf (_("Received %s days after approval; the deadline is %s days: %s days late."),
                              actual, limit, over);
    case RS_FLAG_INSPECTION_DEADLINE:
    default:
      if (self->pending)
        return g_strdup_printf (_("Not inspected %s hours after receipt; the deadline is %s hours: %s hours overdue."),
                                actual, limit, over);
      return g_strdup_printf (_("Inspected %s hours after receipt; the deadline is %s hours: %s hours late."),
                              actual, limit, over);
    }
}

JsonNode *
rs_return_flag_to_json (RsReturnFlag *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *limit = format_span (self->limit, self->in_hours, FALSE);
  g_autofree char *actual = format_span (self->actual, self->in_hours, FALSE);
  g_autofree char *over = format_span (rs_return_flag_get_over (self), self->in_hours, TRUE);
  g_autofree char *when = rs_return_format_time (self->detected_at);
  g_autofree char *message = rs_return_flag_describe (self);

  json_builder_begin_object (builder);
  rs_json_add_string (builder, "kind", kinds[self->kind].key);
  rs_json_add_bool (builder, "pending", self->pending);
  rs_json_add_string (builder, "unit", self->in_hours ? "hour" : "day");
  rs_json_add_string (builder, "limit", limit);
  rs_json_add_string (builder, "actual", actual);
  rs_json_add_string (builder, "over", over);
  rs_json_add_string (builder, "detected_at", when);
  rs_json_add_string (builder, "message", message);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
