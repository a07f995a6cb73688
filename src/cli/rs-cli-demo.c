/* rs-cli-demo.c — demo: fill a new database with a company and 90 days of returns (DESIGN §9). */
#include "rs-cli.h"
#include "rs-i18n.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

/* A 480 × 360 photo-like JPEG: a sky-to-floor gradient, a parcel of the index's colour and
 * its shadow, so each demo photo differs and compresses like a photo, not like a flat fill. */
static GBytes *
make_photo (guint index, gpointer user_data)
{
  const int width = 480, height = 360;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 seed = index * 2654435761u;
  int box_x = 80 + (int) (seed % 120), box_y = 90 + (int) ((seed >> 8) % 60);
  int box_w = 180 + (int) ((seed >> 16) % 80), box_h = 130 + (int) ((seed >> 24) % 50);
  guchar r = 150 + (seed % 90), g = 100 + ((seed >> 5) % 80), b = 50 + ((seed >> 11) % 60);
  gchar *data = NULL;
  gsize size = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        int noise = (int) (((guint) (x * 7919 + y * 104729 + index * 31) % 23)) - 11;
        gboolean in_box = x >= box_x && x < box_x + box_w && y >= box_y && y < box_y + box_h;
        gboolean shadow = !in_box && x >= box_x + 12 && x < box_x + box_w + 12 && y >= box_y + 12 && y < box_y + box_h + 12;
        gboolean tape = in_box && ABS (x - (box_x + box_w / 2)) < 10;
        int base = y < height * 2 / 3 ? 200 - y / 6 : 120 + (x + y) % 16;

        p[0] = CLAMP ((tape ? 210 : in_box ? r : shadow ? base / 2 : base) + noise, 0, 255);
        p[1] = CLAMP ((tape ? 190 : in_box ? g : shadow ? base / 2 : base - 8) + noise, 0, 255);
        p[2] = CLAMP ((tape ? 150 : in_box ? b : shadow ? base / 2 : base - 20) + noise, 0, 255);
      }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "jpeg", NULL, "quality", "80", NULL))
    return NULL;
  return g_bytes_new_take (data, size);
}

gboolean
rs_cli_demo (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *object;
  JsonArray *users;
  RsSession *session;

  if (!rs_cli_parse ("demo", NULL, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  result = rs_demo_fill (session, make_photo, NULL, error);
  if (result == NULL)
    return FALSE;

  object = json_node_get_object (result);
  users = json_object_get_array_member (object, "users");
  g_string_append_printf (text, _("Demo data written: %d returns over the last 90 days, %d slips, %d photos."),
                          (int) json_object_get_int_member (object, "returns"), (int) json_object_get_int_member (object, "slips"),
                          (int) json_object_get_int_member (object, "photos"));
  g_string_append (text, "\n\n");
  g_string_append (text, _("The users and their passwords (shown only this once):"));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);
      g_string_append_printf (text, "  %-10s %-6s %-10s %s\n", json_object_get_string_member (user, "name"),
                              json_object_get_string_member (user, "full_name"), json_object_get_string_member (user, "roles"),
                              json_object_get_string_member (user, "password"));
    }
  rs_cli_output_node (cli, g_steal_pointer (&result), text->str);
  return TRUE;
}
