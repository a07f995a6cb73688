/* rs-csv.c — decoding and splitting CSV files; writing fields spreadsheets read back. */
#include "rs-csv.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <string.h>

char *
rs_csv_decode (const char *data, gsize length, const char **encoding, GError **error)
{
  static const char utf8_bom[] = "\xEF\xBB\xBF";
  g_autoptr(GError) local_error = NULL;
  const char *from = NULL;
  const char *end = NULL;
  gsize skip = 0;
  char *text;

  /* What people pick by mistake: the workbook itself, not a CSV saved from it. */
  if ((length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0) ||
      (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0))
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("This is an Excel workbook, not a CSV file. In Excel choose "
                                  "“Save As” → “CSV UTF-8 (comma delimited)” and import that file.")), NULL;

  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    from = "UTF-16LE", skip = 2;
  else if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    from = "UTF-16BE", skip = 2;
  if (from != NULL)
    {
      gsize written = 0;

      text = g_convert (data + skip, (gssize) (length - skip), "UTF-8", from, NULL, &written, &local_error);
      if (text == NULL || memchr (text, '\0', written) != NULL)
        {
          g_free (text);
          return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                      _("The file says it is UTF-16 text but is not; save it again as CSV UTF-8.")), NULL;
        }
      *encoding = "UTF-16";
      return text;
    }

  if (memchr (data, '\0', length) != NULL)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("The file holds binary data, not CSV text; save it from the spreadsheet as CSV.")), NULL;

  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    skip = 3;
  if (g_utf8_validate (data + skip, (gssize) (length - skip), &end))
    {
      *encoding = "UTF-8";
      return g_strndup (data + skip, length - skip);
    }

  /* Not UTF-8: what Chinese Windows saves as "CSV" is GBK, which GB18030 contains. */
  text = g_convert (data, (gssize) length, "UTF-8", "GB18030", NULL, NULL, &local_error);
  if (text == NULL)
    {
      g_autofree char *where = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (end - data) + 1);
      return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                          _("The file is neither UTF-8 nor GBK text (byte %s is neither); "
                            "save it again as CSV UTF-8."), where), NULL;
    }
  /* A GB18030 byte order mark decodes to U+FEFF. */
  if (g_str_has_prefix (text, utf8_bom))
    memmove (text, text + 3, strlen (text + 3) + 1);
  *encoding = "GB18030";
  return text;
}

struct _RsCsvReader
{
  const char *text;
  gsize       length;
  gsize       pos;
  char        delimiter;
  guint       record;
  gboolean    unclosed;
  GString    *field;
};

/* Counts candidates outside quotes over the first few lines: a title line
 * above the header has none, the header and data lines have many. */
static char
detect_delimiter (const char *text, gsize length)
{
  static const char candidates[] = { '\t', ',', ';' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint lines = 0;
  guint best = 1;   /* comma */

  for (gsize i = 0; i < length && lines < 5; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == '\n')
        lines++;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k]++;
    }
  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

RsCsvReader *
rs_csv_reader_new (const char *text, gsize length, char delimiter)
{
  RsCsvReader *reader = g_new0 (RsCsvReader, 1);

  reader->text = text;
  reader->length = length;
  reader->delimiter = delimiter != 0 ? delimiter : detect_delimiter (text, length);
  reader->field = g_string_sized_new (256);
  return reader;
}

void
rs_csv_reader_free (RsCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_string_free (reader->field, TRUE);
  g_free (reader);
}

char
rs_csv_reader_get_delimiter (RsCsvReader *reader)
{
  return reader->delimiter;
}

guint
rs_csv_reader_get_record (RsCsvReader *reader)
{
  return reader->record;
}

gboolean
rs_csv_reader_get_unclosed (RsCsvReader *reader)
{
  return reader->unclosed;
}

gsize
rs_csv_reader_get_offset (RsCsvReader *reader)
{
  return reader->pos;
}

gboolean
rs_csv_reader_next (RsCsvReader *reader, GPtrArray *fields)
{
  const char *text = reader->text;
  gsize n = reader->length;
  gsize pos = reader->pos;

  g_ptr_array_set_size (fields, 0);
  reader->unclosed = FALSE;
  if (pos >= n)
    return FALSE;
  reader->record++;

  for (;;)
    {
      GString *field = reader->field;

      g_string_truncate (field, 0);
      if (pos < n && text[pos] == '"')
        {
          pos++;
          for (;;)
            {
              const char *quote = memchr (text + pos, '"', n - pos);

              if (quote == NULL)
                {
                  g_string_append_len (field, text + pos, (gssize) (n - pos));
                  pos = n;
                  reader->unclosed = TRUE;
                  break;
                }
              g_string_append_len (field, text + pos, quote - (text + pos));
              pos = (gsize) (quote - text) + 1;
              if (pos < n && text[pos] == '"')
                {
                  g_string_append_c (field, '"');   /* "" inside quotes is one quote */
                  pos++;
                  continue;
                }
              break;
            }
        }
      /* Unquoted text, or what follows a closing quote (taken as it is, like spreadsheets do). */
      while (pos < n && text[pos] != reader->delimiter && text[pos] != '\n' && text[pos] != '\r')
        g_string_append_c (field, text[pos++]);
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (pos < n && text[pos] == reader->delimiter)
        {
          pos++;
          continue;
        }
      if (pos < n && text[pos] == '\r')
        {
          pos++;
          if (pos < n && text[pos] == '\n')
            pos++;
        }
      else if (pos < n && text[pos] == '\n')
        pos++;
      break;
    }
  reader->pos = pos;
  return TRUE;
}

static gboolean
looks_like_formula (const char *field)
{
  return field[0] == '=' || field[0] == '+' || field[0] == '-' || field[0] == '@';
}

void
rs_csv_append_field (GString *out, const char *field, char delimiter)
{
  gboolean escape = looks_like_formula (field) ||
                    (field[0] == '\'' && looks_like_formula (field + 1));   /* so unescaping gives it back */
  gboolean quote = FALSE;

  for (const char *p = field; *p != '\0' && !quote; p++)
    quote = *p == delimiter || *p == '"' || *p == '\n' || *p == '\r';

  if (quote)
    g_string_append_c (out, '"');
  if (escape)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

void
rs_csv_append_number (GString *out, const char *number)
{
  g_string_append (out, number);
}

void
rs_csv_unescape_text (char *field)
{
  if (field[0] == '\'' && looks_like_formula (field + 1))
    memmove (field, field + 1, strlen (field + 1) + 1);
}
