#!/usr/bin/python3
"""Starting up: `restock --db` takes a path relative to where it was started; a program that
finds no settings schema at all (an odd install) still starts, and says why it forgets the
window size; --version answers without a window."""

import os
import shutil
import subprocess
import tempfile

import restock_e2e as e2e

t = e2e.Tap()
folder = tempfile.mkdtemp(prefix="restock-e2e-")

try:
    r = subprocess.run([e2e.RESTOCK, "--version"], capture_output=True, text=True, timeout=30)
    t.check("--version prints the version and exits", r.returncode == 0 and r.stdout.startswith("restock "), r)

    # A relative --db: the database is made where the program was started.
    with e2e.Restock("shop/restock.db", cwd=folder) as app:
        t.step("a relative --db opens the setup page", app.wait, "label", "Welcome to Restock")
        t.step("…naming the file under the folder it was started in",
               app.wait, "label", f"Your company’s new database will be kept in {folder}/shop/restock.db.")

    # Copied out of the build tree, the program no longer looks for the build's schema; with
    # only the system's schemas (GTK's) and not ours, GSettings would abort a program that
    # asked for it blindly.
    alone = os.path.join(folder, "bin")
    os.makedirs(alone)
    binary = shutil.copy(e2e.RESTOCK, alone)
    empty = os.path.join(folder, "empty-data-home")
    os.makedirs(empty)
    env = {"GSETTINGS_SCHEMA_DIR": None, "XDG_DATA_DIRS": "/usr/share", "XDG_DATA_HOME": empty}
    if os.path.exists("/usr/share/glib-2.0/schemas/io.github.restockapp.Restock.gschema.xml"):
        t.skip("without our settings schema the window still opens", "the schema is installed in /usr/share here")
    else:
        with e2e.Restock(os.path.join(folder, "alone.db"), binary=binary, env=env) as app:
            t.step("without our settings schema the window still opens", app.wait, "label", "Welcome to Restock")
            t.check("…and says the window size is not remembered", "is not installed" in app.output(), app.output())
            app.key("ctrl+q")
            t.check("…and quits cleanly", app.wait_exit() == 0, app.output())
except e2e.Failure as error:
    t.bail(error)

t.done()
