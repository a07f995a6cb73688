/* rs-pdf-writer.c — what the document writers share: names, times, numbers, stored photos. */
#include "rs-pdf-writer.h"

const char *
rs_pdf_json_string (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

JsonArray *
rs_pdf_json_array (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  static JsonArray *empty;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, json_array_new ());
  return empty;
}

void
rs_pdf_pairs_add (GPtrArray *pairs, const char *label, const char *value)
{
  g_ptr_array_add (pairs, g_strdup (label));
  g_ptr_array_add (pairs, g_strdup (value != NULL ? value : ""));
}

void
rs_pdf_pairs_take (GPtrArray *pairs, const char *label, char *value)
{
  rs_pdf_pairs_add (pairs, label, value);
  g_free (value);
}

const char * const *
rs_pdf_pairs_end (GPtrArray *pairs)
{
  g_ptr_array_add (pairs, NULL);
  return (const char * const *) pairs->pdata;
}

const char *
rs_pdf_writer_user_name (RsPdfWriter *w, const char *login)
{
  const char *name;

  if (login == NULL || *login == '\0')
    return "";
  if (w->user_names == NULL)
    {
      g_autoptr(GListModel) users = rs_users_list (w->session, NULL);

      w->user_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; users != NULL && i < g_list_model_get_n_items (users); i++)
        {
          g_autoptr(RsUser) user = g_list_model_get_item (users, i);

          g_hash_table_insert (w->user_names, g_strdup (rs_user_get_name (user)),
                               g_strdup (rs_user_get_display_name (user)));
        }
    }
  name = g_hash_table_lookup (w->user_names, login);
  return name != NULL ? name : login;
}

char *
rs_pdf_writer_format_time (gint64 when_us)
{
  g_autoptr(GDateTime) when = NULL;

  if (when_us == 0)
    return g_strdup ("");
  when = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  return g_date_time_format (when, "%Y-%m-%d %H:%M");
}

gint64
rs_pdf_writer_parse_iso (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;

  if (iso == NULL || *iso == '\0')
    return 0;
  when = g_date_time_new_from_iso8601 (iso, NULL);
  return when != NULL ? g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when) : 0;
}

char *
rs_pdf_writer_format_iso (const char *iso)
{
  return rs_pdf_writer_format_time (rs_pdf_writer_parse_iso (iso));
}

char *
rs_pdf_writer_quantity (gint64 milli, int decimals, const char *unit)
{
  g_autofree char *number = rs_quantity_format (milli, decimals);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, unit);
}

char *
rs_pdf_writer_json_quantity (const char *decimal, int decimals)
{
  gint64 milli = 0;

  if (decimal == NULL || *decimal == '\0')
    return g_strdup ("");
  if (!rs_quantity_parse (decimal, 3, &milli, NULL))
    return g_strdup (decimal);
  return rs_quantity_format (milli, decimals);
}

gint64
rs_pdf_writer_json_fen (const char *decimal)
{
  gint64 fen = 0;

  if (decimal != NULL)
    rs_money_parse_signed (decimal, &fen, NULL);
  return fen;
}

char *
rs_pdf_writer_json_money (const char *decimal)
{
  if (decimal == NULL || *decimal == '\0')
    return g_strdup ("");
  return rs_money_format (rs_pdf_writer_json_fen (decimal));
}

typedef struct
{
  RsAttachmentStore *store;
  const char        *sha256;
  GError            *error;
} Check;

static void
check_photo (gpointer data, gpointer user_data)
{
  Check *check = data;

  rs_attachment_store_verify (check->store, check->sha256, &check->error);
}

void
rs_pdf_writer_add_stored_photos (RsPdfWriter *w, GPtrArray *pairs)
{
  guint n = pairs->len / 2;
  g_autofree Check *checks = g_new0 (Check, n);

  for (guint i = 0; i < n; i++)
    {
      checks[i].store = w->store;
      checks[i].sha256 = pairs->pdata[2 * i];
    }
  if (n > 1)
    {
      GThreadPool *pool = g_thread_pool_new (check_photo, NULL, MIN (n, g_get_num_processors ()), FALSE, NULL);

      for (guint i = 0; i < n; i++)
        g_thread_pool_push (pool, &checks[i], NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }
  else if (n == 1)
    check_photo (&checks[0], NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *caption = pairs->pdata[2 * i + 1];

      if (checks[i].error != NULL)
        {
          /* TRANSLATORS: in place of a photo on a printed document; %s is the photo's caption. */
          g_autofree char *note = g_strdup_printf (_("Photo “%s” not printed: the stored file is missing or damaged."),
                                                   caption);

          rs_pdf_document_add_text (w->doc, note);
          g_ptr_array_add (w->warnings, g_strdup_printf ("%s %s", note, checks[i].error->message));
          g_clear_error (&checks[i].error);
        }
      else
        {
          g_autofree char *path = rs_attachment_store_get_path (w->store, checks[i].sha256);
          rs_pdf_document_add_photo (w->doc, path, caption);
        }
    }
}
