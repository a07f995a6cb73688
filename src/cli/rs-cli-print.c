/* rs-cli-print.c — print KIND NUMBER -o FILE, print list, and the settings documents use
 * (DESIGN §3, §7, §9). */
#include "rs-cli.h"
#include "rs-i18n.h"
#include "rs-pdf-print.h"
#include "rs-pdf-template.h"

#define PRINT_USAGE "print slip|return|inspection|settlement|dossier NUMBER -o FILE.pdf [--template a4|a5|form241]"

static char *
describe_print (RsPrint *print)
{
  g_autofree char *when = rs_cli_format_time (rs_print_get_printed_at (print));
  g_autofree char *size = g_format_size (rs_print_get_size (print));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s %s, print %u: %u page, %s, %s by %s at %s, SHA-256 %s",
                                       "%s %s, print %u: %u pages, %s, %s by %s at %s, SHA-256 %s",
                                       rs_print_get_pages (print)),
                          rs_print_kind_get_display_name (rs_print_get_kind (print)), rs_print_get_number (print),
                          rs_print_get_copy (print), rs_print_get_pages (print), rs_print_get_template (print), size,
                          rs_print_get_printed_by (print), when, rs_print_get_sha256 (print));
}

static gboolean
print_list (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GListModel) prints = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  RsPrintKind kind;
  RsSession *session;

  if (!rs_cli_parse ("print list slip|return|inspection|settlement|dossier NUMBER", NULL, &argc, &argv, 2, error) ||
      !rs_print_kind_parse (argv[1], &kind, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  prints = rs_prints_list (session, kind, argv[2], error);
  if (prints == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "prints");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (prints); i++)
    {
      g_autoptr(RsPrint) print = g_list_model_get_item (prints, i);
      g_autofree char *line = describe_print (print);

      json_builder_add_value (builder, rs_print_to_json (print));
      g_string_append_printf (text, "%s\n", line);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (g_list_model_get_n_items (prints) == 0)
    g_string_append_printf (text, _("%s has not been printed yet."), argv[2]);
  rs_cli_output (cli, builder, text->str);
  return TRUE;
}

static gboolean
print_document (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *output = NULL;
  g_autofree char *template_nick = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(RsPrint) print = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_nick,
      N_("The paper: a4, a5 (landscape) or form241 (241 mm continuous form); default: the setting"), "a4|a5|form241" },
    { NULL }
  };
  RsPdfTemplate paper = RS_PDF_TEMPLATE_A4;
  RsPrintKind kind;
  RsSession *session;

  if (!rs_cli_parse (PRINT_USAGE, entries, &argc, &argv, 1, error))
    return FALSE;
  if (output == NULL)
    return rs_cli_usage (error, _("Usage: restock-cli %s"), PRINT_USAGE);
  if (!rs_print_kind_parse (argv[0], &kind, error) ||
      (template_nick != NULL && !rs_pdf_template_from_nick (template_nick, &paper, error)))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  print = rs_pdf_print (session, kind, argv[1], template_nick != NULL ? (int) paper : -1, output, NULL, &warnings, error);
  if (print == NULL)
    return FALSE;

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr ("restock-cli: %s\n", warnings[i]);
  node = rs_print_to_json (print);
  json_object_set_string_member (json_node_get_object (node), "file", output);
  {
    g_autofree char *described = describe_print (print);
    g_autofree char *shown = g_filename_display_name (output);

    /* TRANSLATORS: "<what was printed> → <file>" */
    text = g_strdup_printf (_("%s → %s"), described, shown);
  }
  rs_cli_output_node (cli, g_steal_pointer (&node), text);
  return TRUE;
}

gboolean
rs_cli_print (RsCli *cli, int argc, char **argv, GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return print_list (cli, argc - 1, argv + 1, error);
  if (argc >= 2)
    return print_document (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli %s"), PRINT_USAGE);
}

/* ---- settings ---- */

static gboolean
settings_show (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *keys = rs_settings_get_keys ();
  RsSession *session;

  if (!rs_cli_parse ("settings show", NULL, &argc, &argv, 0, error))
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  node = rs_settings_to_json (session, error);
  if (node == NULL)
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = json_object_get_string_member (json_node_get_object (node), keys[i]);

      rs_cli_append_column (text, keys[i], 16);
      rs_cli_append_column (text, rs_settings_key_get_display_name (keys[i]), 12);
      g_string_append_printf (text, "%s\n", *value != '\0' ? value : _("(not set)"));
    }
  rs_cli_output_node (cli, g_steal_pointer (&node), text->str);
  return TRUE;
}

static gboolean
settings_set (RsCli *cli, int argc, char **argv, GError **error)
{
  static const char usage[] = "settings set KEY VALUE";
  const char * const *keys = rs_settings_get_keys ();
  g_autofree char *value = NULL;
  g_autofree char *shown = NULL;
  RsSession *session;
  gboolean known = FALSE;

  if (!rs_cli_parse (usage, NULL, &argc, &argv, 2, error))
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    known |= g_str_equal (argv[1], keys[i]);
  if (!known)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) keys);
      return rs_cli_usage (error, _("“%s” is not a setting: use %s."), argv[1], list);
    }
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  /* The logo is a picture file, stored; the setting keeps its checksum. */
  if (g_str_equal (argv[1], RS_SETTING_COMPANY_LOGO) ? !rs_settings_set_logo (session, argv[2], error)
                                                     : !rs_settings_set (session, argv[1], argv[2], error))
    return FALSE;
  value = rs_settings_get (rs_session_get_database (session), argv[1], "");
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, argv[1]);
    json_builder_add_string_value (builder, value);
    json_builder_end_object (builder);
    shown = g_strdup_printf (_("%s set to “%s”."), rs_settings_key_get_display_name (argv[1]), value);
    rs_cli_output (cli, builder, shown);
  }
  return TRUE;
}

gboolean
rs_cli_settings (RsCli *cli, int argc, char **argv, GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return settings_show (cli, argc - 1, argv + 1, error);
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return settings_set (cli, argc - 1, argv + 1, error);
  return rs_cli_usage (error, _("Usage: restock-cli settings show | settings set KEY VALUE"));
}
