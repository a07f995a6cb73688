#!/usr/bin/python3
"""A file that is no Restock database — not a database at all, another program's, or made by a
newer Restock — opens on a page that says so in core's words and offers another file; the file
is left byte for byte as it was. Choosing a good database there leads on to its login page."""

import os
import sqlite3
import tempfile

import restock_e2e as e2e

t = e2e.Tap()
folder = tempfile.mkdtemp(prefix="restock-e2e-")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def make_garbage(path):
    with open(path, "wb") as f:
        f.write(b"These are not the bytes of a database.\n" * 200)


def sql(path, *statements):
    # Closed explicitly: a connection left to the garbage collector would checkpoint its
    # WAL into the file later, while the test compares the bytes.
    c = sqlite3.connect(path)
    for statement in statements:
        c.execute(statement)
    c.commit()
    c.close()


def make_foreign(path):
    sql(path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)", "INSERT INTO invoices (total) VALUES (12.5)")


def make_newer(path):
    e2e.cli(path, "init", "--company", "未来公司")
    sql(path, "PRAGMA user_version = 9999")


cases = [
    ("not a database", make_garbage, "is not a Restock database: it is not a database file at all."),
    ("another program's database", make_foreign, "is a database of another program, not of Restock."),
    ("a newer Restock's database", make_newer, "was made by a newer version of Restock"),
]

try:
    good = os.path.join(folder, "good.db")
    e2e.cli(good, "init", "--company", "华东商贸有限公司")

    for what, make, words in cases:
        path = os.path.join(folder, what.replace(" ", "-").replace("'", "") + ".db")
        make(path)
        before = read(path)
        with e2e.Restock(path) as app:
            t.step(f"{what}: the window says it cannot open it", app.wait, "label", "Cannot Open the Database")
            t.step(f"…in core's words, naming the file", app.wait_text, "label", f"“{path}” {words}")
            t.step(f"…and offers another file", app.wait, "push button", "Choose Another File…")
            t.check("…and no setup or login form is on screen",
                    app.find("text", "Password") is None and app.find("push button", "Create Database") is None,
                    app.describe())
            t.check("…and every button there has an accessible name", not app.unnamed_controls(),
                    app.unnamed_controls())
            if make is make_garbage:
                # The file chooser is GTK's own dialog here (no portal): type the path, like a person.
                app.click("push button", "Choose Another File…")
                app.wait("label", "Open")
                app.key("ctrl+l")
                app.type(good)
                app.key("Return")
                # Asked while it is being destroyed, the dialog's nodes make GTK 4.8 send a null
                # object path (a GLib-CRITICAL, fatal here): let it go before looking again.
                app.wait_window_gone("Open Database")
                t.step("choosing a good database there shows its login page", app.wait, "label", "华东商贸有限公司")
        t.check(f"{what}: the file is unchanged", read(path) == before)
        t.check(f"…and nothing was created beside it",
                sorted(os.listdir(folder)) == sorted(set(os.listdir(folder)) - {os.path.basename(path) + "-wal",
                                                                                os.path.basename(path) + "-shm"}),
                os.listdir(folder))
except e2e.Failure as error:
    t.bail(error)

t.done()
