#!/usr/bin/python3
"""First run, the way a person does it: a fresh data folder shows the setup page; company and
password create the database; the login page refuses a wrong password and keeps the user name;
admin logs in and sees their name and roles; a user added with restock-cli logs in and sees
theirs; the last user is remembered for the next start."""

import os
import tempfile

import restock_e2e as e2e

COMPANY = "华东商贸有限公司"
PASSWORD = e2e.ADMIN_PASSWORD
LILI_PASSWORD = "lili-pass-456"

t = e2e.Tap()
folder = tempfile.mkdtemp(prefix="restock-e2e-")
db = os.path.join(folder, "data", "restock.db")     # not even the folder exists yet
config = os.path.join(folder, "config")


def log_in(app, user, password, expect_welcome):
    if user is not None:
        app.type_into("text", "User name", user)
    app.type_into("text", "Password", password)
    app.key("Return")
    return app.wait_text("label", expect_welcome)


try:
    with e2e.Restock(db, config_dir=config) as app:
        # ---- setup ----
        t.step("a fresh data folder opens on the setup page", app.wait, "label", "Welcome to Restock")
        t.check("…and nothing was created before asking", not os.path.exists(db))
        create = app.wait("push button", "Create Database")
        t.check("Create is insensitive on the empty form", not app.is_sensitive(create))
        t.check("every button and field of the setup page has an accessible name",
                not app.unnamed_controls(), app.unnamed_controls())

        app.type_into("text", "Company name", COMPANY)
        app.type_into("text", "Password", "short")
        t.step("a short password is said next to the field",
               app.wait, "label", "The password must have at least 8 characters.")
        t.check("…and Create stays insensitive", not app.is_sensitive(create))

        app.type_into("text", "Password", PASSWORD)
        app.type_into("text", "Repeat password", PASSWORD + "x")
        t.step("a different repeat is said next to the field",
               app.wait, "label", "The two passwords are not the same.")
        t.check("…and Create stays insensitive", not app.is_sensitive(create))

        app.key("BackSpace")
        t.step("the same password twice is confirmed", app.wait, "label", "The passwords match.")
        t.check("…and Create is sensitive", app.is_sensitive(create))

        app.key("Return")      # Enter submits the finished form
        t.step("creating leads to the login page, greeted by the company's name", app.wait, "label", COMPANY)
        t.step("…saying how to log in the first time", app.wait, "label",
               "The database is ready. Log in as “admin” with the password you chose.")
        t.check("every button and field of the login page has an accessible name",
                not app.unnamed_controls(), app.unnamed_controls())
        users = e2e.cli(db, "user", "list")["users"]
        t.check("the database has exactly the user admin, an administrator",
                [(u["name"], u["roles"]) for u in users] == [("admin", ["admin"])], users)

        # ---- login: a wrong password, then the right one ----
        app.type_into("text", "Password", "wrong-password")
        app.key("Return")
        t.step("a wrong password says so", app.wait, "label", "Wrong user name or password.")
        # The user name field's text is not on the bus (GTK 4.8): that it was kept shows in
        # logging in now with only the password typed.
        log_in(app, None, PASSWORD, "Welcome, admin")
        t.check("…it kept the user name: the password alone logs admin in", True)
        t.step("the main page shows the roles", app.wait_text, "label", f"You are logged in to {COMPANY} as: Administrator")
        t.step("the header bar shows the company", app.wait, "label", COMPANY)

        # ---- log out from the primary menu ----
        t.check("every button of the main page has an accessible name",
                not app.unnamed_controls(), app.unnamed_controls())
        app.click("push button", "Main Menu")
        t.step("the menu shows who is logged in", app.wait, "label", "admin")
        t.step("…and their roles", app.wait, "label", "Administrator")
        t.check("every item of the menu has an accessible name", not app.unnamed_controls(), app.unnamed_controls())
        app.click(app.wait("menu item", "Log Out"))
        t.step("Log Out returns to the login page", app.wait, "label", "Log in with your user name and password.")

        # ---- a non-admin user, added with restock-cli ----
        e2e.cli(db, "user", "add", "lili", "--role", "sales,keeper", "--full-name", "李丽",
                new_password=LILI_PASSWORD)
        log_in(app, "lili", LILI_PASSWORD, "Welcome, 李丽")
        t.check("a user added with restock-cli logs in and is welcomed by full name", True)
        t.step("…and sees their roles", app.wait_text, "label", f"You are logged in to {COMPANY} as: Sales, Warehouse keeper")

        app.key("ctrl+q")
        t.check("Ctrl+Q quits cleanly", app.wait_exit() == 0, app.output())

    # ---- the next start: login page, last user filled in ----
    with e2e.Restock(db, config_dir=config) as app:
        t.step("a set-up database opens on the login page", app.wait, "label", "Log in with your user name and password.")
        log_in(app, None, LILI_PASSWORD, "Welcome, 李丽")
        t.check("the last user's name was filled in: the password alone logs lili in", True)
except e2e.Failure as error:
    t.bail(error)

t.done()
