#!/usr/bin/python3
"""With LANGUAGE=zh_CN the window is entirely in Chinese (DESIGN §10): every label, button and
field a person can see — setup, login with its error, the main page and its menu, the page for a
bad file — carries no English words beyond the program's name, the user name admin and paths."""

import os
import re
import tempfile

import restock_e2e as e2e

t = e2e.Tap()
folder = tempfile.mkdtemp(prefix="restock-e2e-")
db = os.path.join(folder, "restock.db")

ALLOWED = {"Restock", "admin", "Ctrl", "lili"}
PATH = re.compile(r"\S*/\S*")
WORD = re.compile(r"[A-Za-z]{2,}")


def english(app):
    """The on-screen names that still hold English words."""
    found = []
    for entry in app.describe().split("; "):
        name = entry.split(":", 1)[-1]
        words = [w for w in WORD.findall(PATH.sub("", name)) if w not in ALLOWED]
        if words:
            found.append(f"{entry} ({' '.join(words)})")
    return found


def check_chinese(app, where):
    left = english(app)
    t.check(f"{where} is entirely in Chinese", not left, "\n".join(left))


try:
    with e2e.Restock(db, lang="zh_CN") as app:
        app.wait("label", "欢迎使用 Restock")
        app.type_into("text", "公司名称(C)", "华东商贸有限公司")
        app.type_into("text", "密码(P)", "short")
        app.wait("label", "密码至少需要 8 个字符。")
        check_chinese(app, "the setup page with a short password")

        app.type_into("text", "密码(P)", e2e.ADMIN_PASSWORD)
        app.type_into("text", "确认密码(R)", e2e.ADMIN_PASSWORD)
        app.key("Return")
        app.wait("label", "华东商贸有限公司")
        app.type_into("text", "密码(P)", "wrong-password")
        app.key("Return")
        app.wait("label", "用户名或密码错误。")
        check_chinese(app, "the login page with its error")

        app.type_into("text", "密码(P)", e2e.ADMIN_PASSWORD)
        app.key("Return")
        app.wait("label", "欢迎，admin")
        check_chinese(app, "the main page")
        app.click("push button", "主菜单")
        app.wait("menu item", "退出登录(L)")
        check_chinese(app, "the main menu")

    bad = os.path.join(folder, "notes.db")
    with open(bad, "w") as f:
        f.write("not a database\n" * 100)
    with e2e.Restock(bad, lang="zh_CN") as app:
        app.wait("label", "无法打开数据库")
        check_chinese(app, "the page for a bad file")
except e2e.Failure as error:
    t.bail(error)

t.done()
