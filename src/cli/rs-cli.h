/* rs-cli.h — what every restock-cli command shares: the database, the login, output and exit codes. */
#pragma once

#include <json-glib/json-glib.h>
#include "rs-core.h"

G_BEGIN_DECLS

/* Exit codes, a contract with scripts (DESIGN §9). */
enum {
  RS_CLI_EXIT_OK = 0,
  RS_CLI_EXIT_REFUSED = 1,
  RS_CLI_EXIT_USAGE = 2,
  RS_CLI_EXIT_PERMISSION = 3,
};

#define RS_CLI_USAGE_ERROR (rs_cli_usage_error_quark ())
GQuark rs_cli_usage_error_quark (void);

typedef struct
{
  char       *db_path;
  char       *user_name;
  gboolean    json;
  RsDatabase *database;
  RsSession  *session;
} RsCli;

/* A command group: argv[0] is the group's own name: "user", "slip", … */
typedef gboolean (*RsCliGroupFunc) (RsCli   *cli,
                                    int      argc,
                                    char   **argv,
                                    GError **error);

RsDatabase *rs_cli_get_database (RsCli       *cli,
                                 GError     **error);
/* Logs in as --user (default: $RESTOCK_USER, else admin) with $RESTOCK_PASSWORD or a prompt. */
RsSession  *rs_cli_get_session  (RsCli       *cli,
                                 GError     **error);

/* Parses a subcommand's options; what is left in argc and argv are its operands
 * (argv[0] is the subcommand). `operands` is how many it takes, -1 for any. */
gboolean    rs_cli_parse        (const char  *usage,
                                 GOptionEntry *entries,
                                 int         *argc,
                                 char      ***argv,
                                 int          operands,
                                 GError     **error);
gboolean    rs_cli_usage        (GError     **error,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (2, 3);

/* With --json, prints the object as one line; otherwise prints text (may be NULL). */
void        rs_cli_output       (RsCli       *cli,
                                 JsonBuilder *object,
                                 const char  *text);
/* The same for an object made elsewhere (core's *_to_json()); takes the node. */
void        rs_cli_output_node  (RsCli       *cli,
                                 JsonNode    *object,
                                 const char  *text);
/* Appends text padded with spaces to `width` terminal columns (a Chinese
 * character takes two), then one space: columns that line up in a terminal. */
void        rs_cli_append_column (GString    *out,
                                  const char *text,
                                  int         width);
/* How many terminal columns the text takes (a Chinese character two). */
int         rs_cli_text_width   (const char  *text);
/* "2026-11-26T10:00:00+08:00" for a unix time in microseconds. */
char       *rs_cli_format_time  (gint64       when_us);

gboolean    rs_cli_user         (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_init         (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_warehouse    (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_location     (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_product      (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_customer     (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_supplier     (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_audit        (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_slip         (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_stock        (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_ledger       (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_check        (RsCli *cli, int argc, char **argv, GError **error);
/* backup DIR, restore DIR (rs-cli-backup.c). */
gboolean    rs_cli_backup       (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_restore      (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_import       (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_export       (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_return       (RsCli *cli, int argc, char **argv, GError **error);
/* The return's stages after approval (rs-cli-return-stages.c), dispatched by rs_cli_return(). */
gboolean    rs_cli_return_receive  (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_return_resolve  (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_return_inspect  (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_return_dispose  (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_return_repaired (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_return_cost     (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_inspection   (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_settlement   (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_report       (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_demo         (RsCli *cli, int argc, char **argv, GError **error);
/* print KIND NUMBER -o FILE, print list; settings show|set (rs-cli-print.c). */
gboolean    rs_cli_print        (RsCli *cli, int argc, char **argv, GError **error);
gboolean    rs_cli_settings     (RsCli *cli, int argc, char **argv, GError **error);

G_END_DECLS
