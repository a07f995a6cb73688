/* rs-cli-backup.c — backup DIR, restore DIR (DESIGN §6, §9). */
#include "rs-cli.h"
#include "rs-i18n.h"

static void
add_info_json (JsonBuilder *builder, RsBackupInfo *info)
{
  g_autofree char *created_at = rs_cli_format_time (info->created_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "folder");
  json_builder_add_string_value (builder, info->path);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, created_at);
  json_builder_set_member_name (builder, "created_by");
  json_builder_add_string_value (builder, info->created_by);
  json_builder_set_member_name (builder, "company");
  json_builder_add_string_value (builder, info->company);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, info->schema_version);
  json_builder_set_member_name (builder, "files");
  json_builder_add_int_value (builder, info->n_files);
  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, (gint64) info->size);
  json_builder_end_object (builder);
}

/* The folder operand, absolute: the manifest and the audit log name it. */
static char *
folder_operand (const char *usage, int *argc, char ***argv, GError **error)
{
  if (!rs_cli_parse (usage, NULL, argc, argv, 1, error))
    return NULL;
  return g_canonicalize_filename ((*argv)[1], NULL);
}

gboolean
rs_cli_backup (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *folder = folder_operand ("backup DIR", &argc, &argv, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RsBackupInfo) info = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  RsSession *session;

  if (folder == NULL)
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  info = rs_backup_create (session, folder, NULL, NULL, NULL, error);
  if (info == NULL)
    return FALSE;

  add_info_json (builder, info);
  size = g_format_size (info->size);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Backed up to %s: the database and %u stored file, %s.",
                                       "Backed up to %s: the database and %u stored files, %s.", info->n_files),
                          info->path, info->n_files, size);
  rs_cli_output (cli, builder, text);
  return TRUE;
}

gboolean
rs_cli_restore (RsCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *folder = folder_operand ("restore DIR", &argc, &argv, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RsBackupInfo) info = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *text = NULL;
  RsSession *session;

  if (folder == NULL)
    return FALSE;
  session = rs_cli_get_session (cli, error);
  if (session == NULL)
    return FALSE;
  /* Read first to say what came back; restore checks it all again. */
  info = rs_backup_read_info (folder, error);
  if (info == NULL || !rs_backup_restore (session, folder, NULL, NULL, NULL, error))
    return FALSE;

  add_info_json (builder, info);
  created_at = rs_cli_format_time (info->created_at);
  /* TRANSLATORS: restored from FOLDER, made at TIME by USER */
  text = g_strdup_printf (_("Restored the backup in %s, made at %s by %s."), info->path, created_at, info->created_by);
  rs_cli_output (cli, builder, text);
  return TRUE;
}
