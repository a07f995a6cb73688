/* rs-file-guard.c: why nothing but SQLite may open a file of an open database here.
 *
 * POSIX locks belong to the process, and closing any descriptor of a file drops all of the
 * process's locks on it. GIO opens and closes every file in a folder a file chooser shows, to
 * sniff its type: when that folder holds the database, the window silently loses its locks on
 * the WAL index; the next restock-cli then believes it is alone, resets the WAL and deletes it
 * on exit, and whatever the window writes afterwards goes to a deleted file (seen in the return
 * walk: an inspection completed after choosing a photo never reached the database). SQLite
 * cannot defend against this ("How To Corrupt An SQLite Database File", 2.2), so the process
 * does: SQLite opens through its own entry (open_for_sqlite), and every other open64()/openat64()
 * of such a file fails with EACCES (GIO then types the file by its name). */
#define _GNU_SOURCE           /* O_TMPFILE */
#include "config.h"

#include "rs-file-guard-private.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static GMutex guard_lock;
static GHashTable *guarded;          /* canonical database path → number of opens */
static gint n_guarded;               /* read without the lock: the fast way out */
/* The guarded files' names, for a check without locks or allocation: open64() also runs in a
 * child between fork() and exec(), where neither is safe. Names only ever get added. */
#define MAX_NAMES 16
static char names[MAX_NAMES][256];
static gint n_names;

static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

static int
raw_openat (int dir, const char *path, int flags, mode_t mode)
{
  return (int) syscall (SYS_openat, dir, path, flags, mode);
}

/* SQLite's "open" system call: the same as open(), but not through the guard. */
static int
open_for_sqlite (const char *path, int flags, int mode)
{
  return raw_openat (AT_FDCWD, path, flags, (mode_t) mode);
}

void
rs_file_guard_setup (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);

      if (vfs != NULL && vfs->iVersion >= 3 && vfs->xSetSystemCall != NULL)
        vfs->xSetSystemCall (vfs, "open", (sqlite3_syscall_ptr) open_for_sqlite);
      g_once_init_leave (&done, 1);
    }
}

/* The absolute path with its folder's symbolic links resolved (as given when the folder is
 * gone). No open() in here. */
static char *
canonical_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = g_path_get_dirname (absolute);
  g_autofree char *base = g_path_get_basename (absolute);
  char resolved[PATH_MAX];

  if (realpath (dir, resolved) == NULL)
    return g_steal_pointer (&absolute);
  return g_build_filename (resolved, base, NULL);
}

static void
remember_name (const char *path)
{
  const char *base = strrchr (path, '/') != NULL ? strrchr (path, '/') + 1 : path;
  gint n = g_atomic_int_get (&n_names);

  for (gint i = 0; i < n; i++)
    if (strcmp (names[i], base) == 0)
      return;
  if (n < MAX_NAMES && strlen (base) < sizeof names[0])
    {
      strcpy (names[n], base);
      g_atomic_int_set (&n_names, n + 1);
    }
  else
    g_atomic_int_set (&n_names, -1);  /* too many to list: every open takes the slow check */
}

/* Whether the file's name, less a suffix, may be a guarded database's. */
static gboolean
may_be_guarded (const char *path)
{
  const char *base = strrchr (path, '/') != NULL ? strrchr (path, '/') + 1 : path;
  size_t length = strlen (base);
  gint n = g_atomic_int_get (&n_names);

  if (n < 0)
    return TRUE;
  for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
    {
      size_t suffix = strlen (suffixes[s]);

      if (length <= suffix || strcmp (base + length - suffix, suffixes[s]) != 0)
        continue;
      for (gint i = 0; i < n; i++)
        if (strlen (names[i]) == length - suffix && strncmp (names[i], base, length - suffix) == 0)
          return TRUE;
    }
  return FALSE;
}

void
rs_file_guard_add (const char *path)
{
  char *key = canonical_path (path);

  g_mutex_lock (&guard_lock);
  if (guarded == NULL)
    guarded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  remember_name (key);
  g_hash_table_insert (guarded, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (guarded, key)) + 1));
  g_atomic_int_inc (&n_guarded);
  g_mutex_unlock (&guard_lock);
}

void
rs_file_guard_remove (const char *path)
{
  g_autofree char *key = canonical_path (path);
  guint count;

  g_mutex_lock (&guard_lock);
  count = guarded != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (guarded, key)) : 0;
  if (count > 1)
    g_hash_table_insert (guarded, g_strdup (key), GUINT_TO_POINTER (count - 1));
  else if (count == 1)
    g_hash_table_remove (guarded, key);
  if (count > 0)
    g_atomic_int_add (&n_guarded, -1);
  g_mutex_unlock (&guard_lock);
}

gboolean
rs_file_guard_covers (const char *path)
{
  g_autofree char *canonical = NULL;
  gboolean covered = FALSE;

  if (path == NULL || g_atomic_int_get (&n_guarded) == 0 || !may_be_guarded (path))
    return FALSE;
  canonical = canonical_path (path);
  g_mutex_lock (&guard_lock);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes) && !covered; i++)
    {
      size_t length = strlen (canonical), suffix = strlen (suffixes[i]);

      if (length > suffix && strcmp (canonical + length - suffix, suffixes[i]) == 0)
        {
          g_autofree char *database = g_strndup (canonical, length - suffix);
          covered = g_hash_table_contains (guarded, database);
        }
    }
  g_mutex_unlock (&guard_lock);
  return covered;
}

/* ---- the process's open64() and openat64() (GLib and GIO call these) ---- */

static mode_t
mode_argument (int flags, va_list args)
{
  return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg (args, mode_t) : 0;
}

int open64 (const char *path, int flags, ...);
int openat64 (int dir, const char *path, int flags, ...);

int
open64 (const char *path, int flags, ...)
{
  va_list args;
  mode_t mode;

  va_start (args, flags);
  mode = mode_argument (flags, args);
  va_end (args);
  if (rs_file_guard_covers (path))
    {
      errno = EACCES;
      return -1;
    }
  return raw_openat (AT_FDCWD, path, flags, mode);
}

int
openat64 (int dir, const char *path, int flags, ...)
{
  va_list args;
  mode_t mode;

  va_start (args, flags);
  mode = mode_argument (flags, args);
  va_end (args);
  /* A path relative to a folder descriptor is not one a database was opened by; let it be. */
  if (path[0] == '/' && rs_file_guard_covers (path))
    {
      errno = EACCES;
      return -1;
    }
  return raw_openat (dir, path, flags, mode);
}
