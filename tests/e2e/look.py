#!/usr/bin/python3
"""look.py DB USER PASSWORD OUT.png [--lang zh_CN] [--section NAME] [--click ROLE=NAME …] [--tree]

A developer's look at a screen: starts the real `restock` on DB, logs in as USER, opens the
sidebar section with the accessible name NAME (as shown in the language), clicks the given
controls in order, and saves the window as OUT.png; --tree also prints the AT-SPI tree and
any unnamed control. Not a test. Run it inside a throw-away X session from the source root:

    xvfb-run -a -s "-screen 0 1200x800x24" dbus-run-session -- \\
      /usr/bin/python3 tests/e2e/look.py /tmp/demo.db admin PASS /tmp/shot.png --section Returns
(RESTOCK_BUILD_ROOT=build-dir when the build is not in ./build.)"""

import argparse
import os
import subprocess
import tempfile
import time

import restock_e2e as e2e

p = argparse.ArgumentParser(usage=__doc__)
p.add_argument("db")
p.add_argument("user")
p.add_argument("password")
p.add_argument("out")
p.add_argument("--lang")
p.add_argument("--section")
p.add_argument("--click", action="append", default=[])
p.add_argument("--tree", action="store_true")
p.add_argument("--size", default="1100x720")
a = p.parse_args()

zh = a.lang == "zh_CN"
config = tempfile.mkdtemp(prefix="restock-look-")
os.makedirs(os.path.join(config, "glib-2.0", "settings"))
w, h = a.size.split("x")
with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
    f.write(f"[io/github/restockapp/Restock]\nwindow-width={w}\nwindow-height={h}\n")

with e2e.Restock(a.db, lang=a.lang, config_dir=config) as app:
    app.type_into("text", "用户名(U)" if zh else "User name", a.user)
    app.type_into("text", "密码(P)" if zh else "Password", a.password)
    app.key("Return")
    app.wait("list", "分区" if zh else "Sections")
    if a.section:
        app.click_with_mouse("list item", a.section)    # a list row has no AT-SPI action in GTK 4.8
    for c in a.click:
        role, name = c.split("=", 1)
        app.click(app.wait(role, name))
    time.sleep(1.0)
    geometry = e2e.xdotool("getwindowgeometry", "--shell", app.window_id)
    g = dict(line.split("=", 1) for line in geometry.split())
    crop = f"{g['WIDTH']}x{g['HEIGHT']}+{g['X']}+{g['Y']}"
    subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", a.out], check=True)
    print(a.out)
    if a.tree:
        print(app.describe())
        print("unnamed:", app.unnamed_controls())
