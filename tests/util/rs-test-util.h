/* rs-test-util.h — temporary databases and dumps for the C tests. */
#pragma once

#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TEST_PASSWORD "correct horse 1"

/* A new folder under the test's temporary directory, removed at exit. */
char       *rs_test_make_dir      (void);
/* A path for a database in a fresh folder (the file does not exist yet). */
char       *rs_test_db_path       (void);
/* A fresh, migrated database with the admin user (password RS_TEST_PASSWORD). */
RsDatabase *rs_test_open_initialized (void);
RsSession  *rs_test_login         (RsDatabase *db,
                                   const char *name);
/* Adds a user with the roles and password RS_TEST_PASSWORD, as admin; returns a session as them. */
RsSession  *rs_test_add_user      (RsDatabase *db,
                                   const char *name,
                                   RsRoles     roles);
/* Every row of every table, as text: two equal dumps mean nothing changed. */
char       *rs_test_dump          (RsDatabase *db);
GBytes     *rs_test_read_file     (const char *path);
void        rs_test_write_file    (const char *path,
                                   const char *contents,
                                   gssize      length);

G_END_DECLS
