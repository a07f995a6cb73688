/* rs-cli-common.c — the database, the login, option parsing and output for every command. */
#include "rs-cli.h"
#include "rs-i18n.h"

#include <stdio.h>
#include <termios.h>
#include <unistd.h>

G_DEFINE_QUARK (rs-cli-usage-error-quark, rs_cli_usage_error)

RsDatabase *
rs_cli_get_database (RsCli *cli, GError **error)
{
  if (cli->database == NULL)
    {
      if (cli->db_path == NULL)
        cli->db_path = rs_database_get_default_path ();
      cli->database = rs_database_open (cli->db_path, error);
    }
  return cli->database;
}

/* Reads a line from the terminal without echoing it. */
static char *
read_password (const char *prompt, GError **error)
{
  g_autofree char *line = NULL;
  struct termios saved, quiet;
  FILE *tty = fopen ("/dev/tty", "r+");
  size_t size = 0;
  ssize_t len;

  if (tty == NULL)
    {
      g_set_error_literal (error, RS_CLI_USAGE_ERROR, 0,
                           _("No password: set RESTOCK_PASSWORD or run in a terminal."));
      return NULL;
    }
  fputs (prompt, tty);
  fflush (tty);
  tcgetattr (fileno (tty), &saved);
  quiet = saved;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  len = getline (&line, &size, tty);
  tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fputc ('\n', tty);
  fclose (tty);

  if (len < 0)
    return g_strdup ("");
  g_strchomp (line);
  return g_steal_pointer (&line);
}

RsSession *
rs_cli_get_session (RsCli *cli, GError **error)
{
  g_autofree char *password = NULL;
  RsDatabase *db;

  if (cli->session != NULL)
    return cli->session;

  db = rs_cli_get_database (cli, error);
  if (db == NULL)
    return NULL;

  if (cli->user_name == NULL)
    cli->user_name = g_strdup (g_getenv ("RESTOCK_USER") != NULL ? g_getenv ("RESTOCK_USER") : "admin");

  if (g_getenv ("RESTOCK_PASSWORD") != NULL)
    password = g_strdup (g_getenv ("RESTOCK_PASSWORD"));
  else
    {
      g_autofree char *prompt = g_strdup_printf (_("Password for %s: "), cli->user_name);
      password = read_password (prompt, error);
      if (password == NULL)
        return NULL;
    }

  cli->session = rs_session_login (db, cli->user_name, password, error);
  return cli->session;
}

gboolean
rs_cli_usage (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (RS_CLI_USAGE_ERROR, 0, format, args));
  va_end (args);
  return FALSE;
}

gboolean
rs_cli_parse (const char *usage, GOptionEntry *entries, int *argc, char ***argv,
              int operands, GError **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  GError *local_error = NULL;

  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &local_error))
    {
      g_set_error_literal (error, RS_CLI_USAGE_ERROR, 0, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  /* (*argv)[0] is the subcommand itself. */
  if (operands >= 0 && *argc - 1 != operands)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), usage);
  return TRUE;
}

void
rs_cli_output (RsCli *cli, JsonBuilder *object, const char *text)
{
  if (cli->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (object);
      g_autofree char *line = json_to_string (root, FALSE);
      g_print ("%s\n", line);
    }
  else if (text != NULL && *text != '\0')
    g_print ("%s%s", text, g_str_has_suffix (text, "\n") ? "" : "\n");
}

void
rs_cli_output_node (RsCli *cli, JsonNode *object, const char *text)
{
  g_autoptr(JsonNode) node = object;

  if (cli->json)
    {
      g_autofree char *line = json_to_string (node, FALSE);
      g_print ("%s\n", line);
    }
  else if (text != NULL && *text != '\0')
    g_print ("%s%s", text, g_str_has_suffix (text, "\n") ? "" : "\n");
}

int
rs_cli_text_width (const char *text)
{
  int used = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      used += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
  return used;
}

void
rs_cli_append_column (GString *out, const char *text, int width)
{
  int used = rs_cli_text_width (text);

  g_string_append (out, text);
  for (; used < width; used++)
    g_string_append_c (out, ' ');
  g_string_append_c (out, ' ');
}

char *
rs_cli_format_time (gint64 when_us)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  return g_date_time_format_iso8601 (when);
}
