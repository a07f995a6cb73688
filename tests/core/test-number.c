/* test-number.c — gap-free daily document numbers, also under concurrent writers. */
#include "rs-test-util.h"
#include "rs-number.h"

#include <sys/wait.h>
#include <unistd.h>

static gint64
local_time (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, 0, 0);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static char *
next_committed (RsDatabase *db, const char *prefix, gint64 when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsTransaction) tx = rs_transaction_begin (db, &error);
  char *number;

  g_assert_no_error (error);
  number = rs_number_next (db, prefix, when, &error);
  g_assert_no_error (error);
  rs_transaction_commit (tx, &error);
  g_assert_no_error (error);
  return number;
}

static void
test_daily_sequence (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  gint64 day1 = local_time (2026, 11, 26, 9), day1_late = local_time (2026, 11, 26, 23);
  gint64 day2 = local_time (2026, 11, 27, 0);
  struct { const char *prefix; gint64 when; const char *expected; } steps[] = {
    { RS_NUMBER_PREFIX_IN, day1, "RK20261126-0001" },
    { RS_NUMBER_PREFIX_IN, day1_late, "RK20261126-0002" },
    { RS_NUMBER_PREFIX_OUT, day1, "CK20261126-0001" },   /* each prefix counts alone */
    { RS_NUMBER_PREFIX_IN, day2, "RK20261127-0001" },    /* and each day starts again */
    { RS_NUMBER_PREFIX_IN, day1, "RK20261126-0003" },
    { RS_NUMBER_PREFIX_RETURN, day2, "TH20261127-0001" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *number = next_committed (db, steps[i].prefix, steps[i].when);
      g_assert_cmpstr (number, ==, steps[i].expected);
    }
}

static void
test_rollback_leaves_no_gap (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  gint64 now = local_time (2026, 11, 26, 9);
  g_autofree char *first = next_committed (db, "DB", now);
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RsTransaction) tx = rs_transaction_begin (db, &error);
    g_autofree char *lost = rs_number_next (db, "DB", now, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (lost, ==, "DB20261126-0002");
    /* The document's write fails: the transaction rolls back with the counter. */
  }
  again = next_committed (db, "DB", now);
  g_assert_cmpstr (first, ==, "DB20261126-0001");
  g_assert_cmpstr (again, ==, "DB20261126-0002");
}

static void
test_beyond_9999 (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  gint64 now = local_time (2026, 11, 26, 9);
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;

  /* Counters only count up one by one, so walk there inside one transaction. */
  {
    g_autoptr(RsTransaction) tx = rs_transaction_begin (db, &error);
    for (int i = 0; i < 9999; i++)
      g_free (rs_number_next (db, "JY", now, &error));
    g_assert_no_error (error);
    rs_transaction_commit (tx, &error);
    g_assert_no_error (error);
  }
  number = next_committed (db, "JY", now);
  g_assert_cmpstr (number, ==, "JY20261126-10000");
}

static void
test_counter_refuses_raw_sql (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autofree char *number = next_committed (db, "BZ", local_time (2026, 11, 26, 9));
  g_autofree char *before = rs_test_dump (db);
  g_autofree char *after = NULL;
  sqlite3 *handle = rs_database_get_handle (db);

  /* Turning a counter back would hand out a number twice. */
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE doc_sequence SET last = 0", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE doc_sequence SET last = last + 5", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM doc_sequence", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

#define WRITERS 4
#define PER_WRITER 60

/* Separate processes, each with its own connection, as two restock-cli runs would be. */
static void
test_concurrent_writers (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 now = local_time (2026, 11, 26, 9);
  int fds[2];
  pid_t pids[WRITERS];

  {
    g_autoptr(RsDatabase) db = rs_test_open_initialized ();
    path = g_strdup (rs_database_get_path (db));
  }
  g_assert_cmpint (pipe (fds), ==, 0);

  for (int w = 0; w < WRITERS; w++)
    {
      pids[w] = fork ();
      g_assert_cmpint (pids[w], >=, 0);
      if (pids[w] == 0)
        {
          g_autoptr(RsDatabase) db = rs_database_open (path, NULL);
          close (fds[0]);
          if (db == NULL)
            _exit (2);
          for (int i = 0; i < PER_WRITER; i++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(RsTransaction) tx = rs_transaction_begin (db, &error);
              g_autofree char *number = tx != NULL ? rs_number_next (db, "CK", now, &error) : NULL;
              char line[32] = { 0 };

              if (number == NULL || !rs_transaction_commit (tx, &error))
                _exit (3);
              g_strlcpy (line, number, sizeof line);
              line[strlen (line)] = '\n';
              if (write (fds[1], line, strlen (line)) < 0)   /* short lines: atomic on a pipe */
                _exit (4);
            }
          _exit (0);
        }
    }
  close (fds[1]);

  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (fds[0]);
    char *line = NULL;

    g_io_channel_set_close_on_unref (channel, TRUE);
    while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
      {
        g_strchomp (line);
        g_assert_false (g_hash_table_contains (seen, line));   /* never the same number twice */
        g_hash_table_add (seen, line);
      }
  }
  for (int w = 0; w < WRITERS; w++)
    {
      int status = 0;
      g_assert_cmpint (waitpid (pids[w], &status, 0), ==, pids[w]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  /* Unique and gap-free: exactly 0001 … 0240. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, WRITERS * PER_WRITER);
  for (int i = 1; i <= WRITERS * PER_WRITER; i++)
    {
      g_autofree char *expected = g_strdup_printf ("CK20261126-%04d", i);
      g_assert_true (g_hash_table_contains (seen, expected));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/daily-sequence", test_daily_sequence);
  g_test_add_func ("/number/rollback-leaves-no-gap", test_rollback_leaves_no_gap);
  g_test_add_func ("/number/beyond-9999", test_beyond_9999);
  g_test_add_func ("/number/counter-refuses-raw-sql", test_counter_refuses_raw_sql);
  g_test_add_func ("/number/concurrent-writers", test_concurrent_writers);

  return g_test_run ();
}
