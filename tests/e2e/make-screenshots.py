#!/usr/bin/python3
"""make-screenshots.py OUTDIR [LANGUAGE] — the README's and AppStream's screenshots, made the
way the e2e tests work the window: setup.png, login.png and main.png, cropped to the window.
Not a test. Run it in a throw-away X session from the source root, after building:

    xvfb-run -a -s "-screen 0 1100x760x24" dbus-run-session -- \\
      /usr/bin/python3 tests/e2e/make-screenshots.py data/screenshots zh_CN
(RESTOCK_BUILD_ROOT=build-dir when the build is not in ./build.)"""

import os
import subprocess
import sys
import tempfile
import time

import restock_e2e as e2e

if len(sys.argv) < 2:
    sys.exit(__doc__)
out = os.path.abspath(sys.argv[1])
lang = sys.argv[2] if len(sys.argv) > 2 else None
os.makedirs(out, exist_ok=True)

# The accessible names the script looks for, in the language it runs in.
NAMES = {
    None: {"setup": "Welcome to Restock", "company": "Company name", "password": "Password",
           "repeat": "Repeat password", "user": "User name", "menu": "Main Menu", "logout": "Log Out",
           "login": "Log in with your user name and password."},
    "zh_CN": {"setup": "欢迎使用 Restock", "company": "公司名称(C)", "password": "密码(P)",
              "repeat": "确认密码(R)", "user": "用户名(U)", "menu": "主菜单", "logout": "退出登录(L)",
              "login": "请输入用户名和密码登录。"},
}[lang]

# A home folder of its own, so the setup page shows the usual ~/.local/share/restock/restock.db.
folder = tempfile.mkdtemp(prefix="restock-screenshots-")
db = os.path.join(folder, ".local", "share", "restock", "restock.db")
config = os.path.join(folder, "config")
os.makedirs(os.path.join(config, "glib-2.0", "settings"))
with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
    f.write("[io/github/restockapp/Restock]\nwindow-width=1000\nwindow-height=700\n")


def shot(app, name):
    time.sleep(0.8)    # transitions and the spinner settle
    geometry = e2e.xdotool("getwindowgeometry", "--shell", app.window_id)
    g = dict(line.split("=", 1) for line in geometry.split())
    crop = f"{g['WIDTH']}x{g['HEIGHT']}+{g['X']}+{g['Y']}"
    subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", os.path.join(out, name + ".png")],
                   check=True)
    print(os.path.join(out, name + ".png"))


with e2e.Restock(db, lang=lang, config_dir=config, env={"HOME": folder}) as app:
    app.wait("label", NAMES["setup"])
    app.type_into("text", NAMES["company"], "华东商贸有限公司")
    app.type_into("text", NAMES["password"], e2e.ADMIN_PASSWORD)
    app.type_into("text", NAMES["repeat"], e2e.ADMIN_PASSWORD)
    shot(app, "setup")
    app.key("Return")
    app.wait("label", "华东商贸有限公司")

    e2e.cli(db, "user", "add", "lili", "--role", "sales,keeper", "--full-name", "李丽", new_password="lili-pass-456")
    app.type_into("text", NAMES["user"], "lili")
    app.type_into("text", NAMES["password"], "lili-pass-456")
    app.key("Return")
    app.wait_text("label", "欢迎" if lang == "zh_CN" else "Welcome,")
    shot(app, "main")

    app.click("push button", NAMES["menu"])
    app.click(app.wait("menu item", NAMES["logout"]))
    app.wait("label", NAMES["login"])
    shot(app, "login")
