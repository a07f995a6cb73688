#!/usr/bin/python3
"""Issue 7's walk through one return, as the people of each role do it in the window, on a
fresh demo database: sales (王芳) takes in a return of two lines with a photo and submits it;
customer service (赵敏) and the manager (刘强) approve it, each finding it with search
everywhere (Ctrl+F, the number and Enter, as a barcode scanner types it); the keeper (张伟)
receives the goods, inspects them (the drill's battery voltage measures out of range: that
line fails) and disposes of them (restock the good line, scrap the failed one); finance
(周杰) adds a freight cost and settles. Each effect is then checked with restock-cli --json.

A step whose screen is not in this build is reported "not ok … # TODO" with what is missing,
and the steps after it that need its result are reported the same way: nothing is done
through restock-cli in the window's place."""

import json
import os
import struct
import subprocess
import tempfile
import time
import zlib

import restock_e2e as e2e

t = e2e.Tap()
folder = tempfile.mkdtemp(prefix="restock-e2e-return-")
db = os.path.join(folder, "restock.db")
photo = os.path.join(folder, "carton.png")
CUSTOMER = "苏州金诚电子科技有限公司"
DRILL, WRENCH = "DT-1001", "SG-2001"     # a power tool (voltage measured) and a hand tool
PASSWORDS = {}
SETTLE_REMARK = "十一月退货报账"


class NotBuilt(Exception):
    """A screen the step needs is not in this build."""


def cli(*args, **kwargs):
    return e2e.cli(db, *args, **kwargs)


def write_png(path, width=96, height=64):
    """A small picture of a brown carton on white, written by hand (no imaging library needed)."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            inside = 16 <= x < width - 16 and 12 <= y < height - 12
            row += bytes((160, 110, 60) if inside else (250, 250, 250))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def setup():
    env = dict(os.environ, RESTOCK_PASSWORD=e2e.ADMIN_PASSWORD)
    r = subprocess.run([e2e.RESTOCK_CLI, "--db", db, "init", "--company", "华东商贸有限公司"],
                       env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise e2e.Failure(f"init: {r.stderr}")
    demo = cli("demo")
    for user in demo["users"]:
        PASSWORDS[user["name"]] = user["password"]
    write_png(photo)


# ---- finding things by name ----------------------------------------------------------------

def _named_like(node, text, exact):
    """GTK 4.8 names some mnemonic buttons "_Post Post": exact is text itself or "text …"."""
    name = (node.name or "").replace("_", "")
    return (name == text or name.startswith(text + " ")) if exact else text in name


def named(app, role, text, exact=False, timeout=e2e.TIMEOUT):
    """A node of role whose name holds text; exact: whose name, mnemonics aside, is text or
    starts with "text "."""
    return app.wait_match(role, lambda node: _named_like(node, text, exact), f"named like {text!r}", timeout)


def in_window(app, window, role, text, exact=False, timeout=e2e.TIMEOUT):
    """Like named(), for a node in the window (dialog) of that title: the detail page behind a
    dialog has its own "Add Cost…" and "Remark"."""
    return app.wait_match(role, lambda node: _named_like(node, text, exact) and app.window_title_of(node) == window,
                          f"named like {text!r} in {window!r}", timeout)


def type_in_window(app, window, role, text, value):
    app.click_with_mouse(in_window(app, window, role, text))
    app.key("ctrl+a", "BackSpace")
    app.type(value)


def button(app, text, exact=False, timeout=e2e.TIMEOUT):
    return named(app, "push button", text, exact, timeout)


def needs(app, role, text, what, timeout=5):
    """The node, or NotBuilt naming what is missing."""
    try:
        return named(app, role, text, timeout=timeout)
    except e2e.Failure:
        raise NotBuilt(f"{what}: no {role} named {text!r} on screen")


def type_into(app, role, text, value):
    """Like app.type_into, for a field whose name holds text (an entry row adds its own words)."""
    app.click_with_mouse(named(app, role, text))
    app.key("ctrl+a", "BackSpace")
    app.type(value)


def login(app, user):
    app.type_into("text", "User name", user)
    app.type_into("text", "Password", PASSWORDS[user])
    app.key("Return")
    app.wait("list", "Sections", timeout=60)


def open_section(app, title):
    app.click_with_mouse(app.wait("list item", title))
    time.sleep(0.8)


def search_open(app, number, keyboard=True):
    """Ctrl+F (or the sidebar's search button), the number and Enter: what a barcode scanner
    reading the printed QR code does. A section with a search field of its own takes Ctrl+F
    for it while it is shown: from there a person clicks the button."""
    if keyboard:
        app.key("ctrl+f")
    else:
        app.click(app.wait("push button", "Search Everywhere"))
    # The popover shows a hint when empty, or the last search's results (selected: typing replaces it).
    deadline = time.time() + e2e.TIMEOUT
    while (app.find("label", "Type a number, a name, a product or a phone number.") is None
           and app.find("list", "Search Results") is None):
        if time.time() > deadline:
            raise e2e.Failure(f"Ctrl+F opened no search; on screen: {app.describe()}")
        time.sleep(0.2)
    app.type(number)
    app.key("Return")
    named(app, "label", number, timeout=20)
    time.sleep(0.5)


def choose_file(app, path):
    """GTK's own file chooser (no portal here): the path typed into its location field."""
    time.sleep(1.5)
    app.key("ctrl+l")
    app.type(path)
    app.key("Return")
    time.sleep(1.5)


def choose_in_combo(app, row_name, item_text):
    """Opens a combo row by its accessible name with the pointer and picks the item whose name
    holds item_text with the keyboard (Home, then Down until it has the focus, then Enter): a
    popover's items have no window coordinates the pointer could use under Xvfb."""
    combo = named(app, "combo box", row_name, timeout=5)
    app.click_with_mouse(combo)
    time.sleep(0.6)

    def text_of(node):
        """A list item's words: its own name, else its labels' (GTK 4.8 names no list item)."""
        if node.name:
            return node.name
        return " ".join(label.name or "" for label in app._find_all("label", None, root=node, shown=False))

    def items():
        found = app._find_all("list item", None, root=combo, shown=False)
        return found or [n for n in app._find_all("list item", None) if text_of(n)]

    def focused():
        for node in items():
            try:
                if node.getState().contains(app.pyatspi.STATE_FOCUSED):
                    return node
            except Exception:
                pass
        return None

    names = [text_of(n) for n in items()]
    if not any(item_text in name for name in names):
        raise e2e.Failure(f"{row_name}: no choice {item_text!r} among {names}; on screen: {app.describe()}")
    app.key("Home")
    for _ in range(len(names) + 1):
        time.sleep(0.2)
        node = focused()
        if node is None:
            # Focus not told: count the way down instead.
            app.key(*(["Down"] * next(i for i, name in enumerate(names) if item_text in name)))
            break
        if item_text in text_of(node):
            break
        app.key("Down")
    app.key("Return")
    time.sleep(0.5)


def wait_for(what, check, timeout=20):
    """Polls restock-cli until check() is true; returns its last value."""
    deadline = time.time() + timeout
    while True:
        value = check()
        if value or time.time() > deadline:
            return value
        time.sleep(0.5)


def show(number):
    return cli("return", "show", number)


def start_app(config):
    return e2e.Restock(db, config_dir=config, cwd=folder)


# ---- the steps -----------------------------------------------------------------------------

state = {"number": None}


def intake(app):
    open_section(app, "Returns")
    new = needs(app, "push button", "New Return", "the Returns section's New Return button (intake window)")
    before = {r["number"] for r in cli("return", "list")["returns"]}
    app.click(new)
    app.wait("text", "Customer", timeout=20)
    app.type_into("text", "Customer", "金诚")
    time.sleep(1.0)
    app.key("Return")           # Enter takes the first match
    time.sleep(0.5)
    # The form may be taller than the window, and a mouse click lands only on what is scrolled into
    # view: go by the keyboard as a scanner does. Add Line focuses (and scrolls to) the new line's
    # product field; Enter there goes on to its quantity, selected.
    for empty in app._find_all("push button", "Remove Line 1"):
        app.click(empty)
        time.sleep(0.3)
    for sku, quantity in ((DRILL, "1"), (WRENCH, "2")):
        app.click(button(app, "Add Line"))
        time.sleep(0.5)
        app.type(sku)
        app.key("Return")
        time.sleep(0.6)
        app.type(quantity)
        app.key("Tab")
        time.sleep(0.3)
    app.click(button(app, "Add Photos"))
    choose_file(app, photo)
    named(app, "push button", "Open photo carton.png", timeout=15)
    app.click(button(app, "Submit", exact=True))
    numbers = wait_for("a new submitted return", lambda: [r["number"] for r in cli("return", "list")["returns"]
                                                         if r["number"] not in before and r["state"] == "submitted"])
    if not numbers:
        made = [r for r in cli("return", "list")["returns"] if r["number"] not in before]
        raise e2e.Failure(f"no new submitted return (new: {json.dumps(made, ensure_ascii=False)[:400]}); "
                          f"on screen: {app.describe()}")
    state["number"] = numbers[0]


def approve(app):
    search_open(app, state["number"])
    app.click(needs(app, "push button", "Approve…", "the return detail's Approve… button"))
    app.click(button(app, "Approve", exact=True))
    user = state["user"]
    if not wait_for("signed", lambda: any(s["user"] == user for s in show(state["number"])["signatures"])):
        raise e2e.Failure(f"{user}'s signature is not recorded; on screen: {app.describe()}")


def current_lines():
    return [(l["sku"], l["quantity"]) for l in show(state["number"])["lines"]]


def receive(app):
    search_open(app, state["number"])
    app.click(needs(app, "push button", "Receive…", "the return detail's Receive… button"))
    for sku, quantity in current_lines():
        type_into(app, "text", sku, quantity)        # the line's field is named by its product
    app.click(button(app, "Receive", exact=True))
    if not wait_for("received", lambda: show(state["number"])["state"] == "received"):
        raise e2e.Failure("the return is not received: " + show(state["number"])["state"])


# The demo's checklists: power tools measure the battery (17.5–21.5 V) and need a photo of the
# whole tool; electronics and the rest are checks and a serial number.
CHECKLISTS = {
    "DT": (("外观无破损", "电机运转"), ("电池电压", "12"), "机身序列号", True),
    "DZ": (("外观", "开机", "充电"), None, "序列号", False),
    "": (("Packaging", "Accessories", "Appearance", "Function"), None, "Serial number", False),
}


def checklist(sku):
    return CHECKLISTS.get(sku.split("-")[0], CHECKLISTS[""])


def first_button(app, text):
    nodes = [n for n in app._find_all("push button", None) if text in (n.name or "").replace("_", "")]
    if not nodes:
        raise e2e.Failure(f"no push button named like {text!r}; on screen: {app.describe()}")
    return nodes[0]


def inspect(app):
    app.click(needs(app, "push button", "Inspect…", "the return detail's Inspect… button"))
    for sku, _ in current_lines():
        checks, measure, serial, photo_required = checklist(sku)
        named(app, "push button", "Complete Inspection", timeout=20)
        for item in checks:
            app.click(named(app, "push button", f"{item}: Pass", exact=True))
        if measure is not None:
            # Out of range: the line fails.
            app.click_with_mouse(named(app, "spin button", measure[0], exact=True, timeout=5))
            app.key("ctrl+a", "BackSpace")
            app.type(measure[1])
            app.key("Tab")
        type_into(app, "text", serial, "SN-E2E-" + sku)
        if photo_required:
            app.click(first_button(app, "Add Photos"))     # the photo item comes before the line's photos
            choose_file(app, photo)
        app.click(first_button(app, "Complete Inspection"))
        if not wait_for("inspected", lambda: any(i["sku"] == sku and i["state"] == "finished"
                                                 for i in show(state["number"])["inspections"])):
            raise e2e.Failure(f"{sku} is not inspected; on screen: {app.describe()}")
    if not wait_for("inspected", lambda: show(state["number"])["state"] == "inspected"):
        raise e2e.Failure("the return is not inspected: " + show(state["number"])["state"])


def dispose(app):
    search_open(app, state["number"], keyboard=False)
    app.click(needs(app, "push button", "Dispose…", "the return detail's Dispose… button"))
    verdicts = {i["sku"]: i["verdict"] for i in show(state["number"])["inspections"]}
    for sku, _ in current_lines():
        choose_in_combo(app, f"Disposition of {sku}", "Scrap" if verdicts.get(sku) == "fail" else "Restock")
    app.click(button(app, "Dispose", exact=True))
    if not wait_for("disposed", lambda: show(state["number"])["state"] == "disposed"):
        raise e2e.Failure("the return is not disposed of: " + show(state["number"])["state"])


def cost(app):
    search_open(app, state["number"])
    app.click(needs(app, "push button", "Add Cost…", "the return detail's Add Cost… button"))
    title = f"Add Cost to {state['number']}"
    choose_in_combo(app, "Cost kind", "Freight")
    type_in_window(app, title, "text", "Amount (¥)", "25.00")
    app.click(in_window(app, title, "push button", "Add", exact=True))
    if not wait_for("cost", lambda: any(c["kind"] == "freight" for c in show(state["number"])["costs"]["lines"])):
        raise e2e.Failure(f"no freight cost recorded; on screen: {app.describe()}")


def settle(app):
    # The detail may still show the return from the cost step: open it again from the search.
    search_open(app, state["number"], keyboard=False)
    app.click(needs(app, "push button", "Settle…", "the return detail's Settle… button"))
    title = f"Settle {state['number']}"
    type_in_window(app, title, "text", "Remark", SETTLE_REMARK)
    in_window(app, title, "check box", "Approve now")      # on by default for who may approve
    app.click(in_window(app, title, "push button", "Create Settlement", exact=True))
    if not wait_for("settled", lambda: show(state["number"])["state"] == "settled"):
        raise e2e.Failure("the return is not settled: " + show(state["number"])["state"])


def fallback_return():
    waiting = [r["number"] for r in cli("return", "list", "--state", "submitted")["returns"]
               if r["created_by"] == "wangfang" and r["next_role"] == "service"]
    return waiting[0] if waiting else None


# ---- the walk ------------------------------------------------------------------------------

try:
    setup()
except e2e.Failure as error:
    t.bail(error)

config = tempfile.mkdtemp(prefix="restock-e2e-config-")
os.makedirs(os.path.join(config, "glib-2.0", "settings"))
with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
    f.write("[io/github/restockapp/Restock]\nwindow-width=1200\nwindow-height=860\n")

STEPS = [
    ("wangfang", "sales (wangfang) takes in a return of two lines with a photo and submits it", intake),
    ("zhaomin", "customer service (zhaomin) finds it with Ctrl+F and signs level 1", approve),
    ("liuqiang", "the manager (liuqiang) finds it and signs level 2", approve),
    ("zhangwei", "the keeper (zhangwei) receives both lines", receive),
    ("zhangwei", "…inspects them: the drill's voltage out of range fails it, the others pass", inspect),
    ("zhangwei", "…and disposes of them: the passed line restocked, the failed one scrapped", dispose),
    ("zhoujie", "finance (zhoujie) adds a freight cost of ¥25.00", cost),
    ("zhoujie", "…and settles the return", settle),
]

blocked = None
intake_done = False
app = None
try:
    for user, what, step in STEPS:
        if blocked is not None:
            t.n += 1
            print(f"not ok {t.n} - {what} # TODO not done: {blocked}", flush=True)
            continue
        try:
            # Each person in a window of their own: the program started again and logged in.
            if state.get("user") != user:
                if app is not None:
                    app.stop()
                app = start_app(config).start()
                state["user"] = user
                login(app, user)
            step(app)
            t.check(what, True)
            intake_done |= step is intake
        except (NotBuilt, e2e.Failure) as missing:
            if isinstance(missing, NotBuilt):
                t.n += 1
                print(f"not ok {t.n} - {what} # TODO {missing}", flush=True)
            else:
                t.check(what, False, str(missing))
            if step is intake and fallback_return() is not None:
                # The later screens still get their walk, on the demo's return of the same
                # saleswoman that waits for level 1, not on one made through restock-cli.
                state["number"] = fallback_return()
                print(f"# going on with the demo's submitted return {state['number']}", flush=True)
            elif isinstance(missing, NotBuilt):
                blocked = f"needs the step before ({missing})"
            else:
                blocked = "the step before failed"
finally:
    if app is not None:
        shot = e2e.screenshot("return-workflow-end")
        app.stop()

# ---- every effect, from restock-cli ---------------------------------------------------------

number = state["number"]
if number is None:
    t.n += 1
    print(f"not ok {t.n} - the effects are checked with restock-cli # TODO no return was taken in", flush=True)
else:
    r = show(number)
    lines = {l["sku"]: l for l in r["lines"]}
    expected = {sku: l["quantity"] for sku, l in lines.items()}
    if intake_done:
        t.check("the return has the customer and the two lines as typed",
                r["customer"]["name"] == CUSTOMER and expected == {DRILL: "1", WRENCH: "2"},
                json.dumps(r["lines"], ensure_ascii=False))
        t.check("…and the photo attached", [a["file_name"] for a in r["attachments"]] == ["carton.png"],
                json.dumps(r["attachments"]))
    if len(r["signatures"]) > 0:
        t.check("it was signed by zhaomin (level 1) and liuqiang (level 2)",
                [(s["level"], s["user"]) for s in r["signatures"]] == [(1, "zhaomin"), (2, "liuqiang")],
                json.dumps(r["signatures"]))
    if r.get("receipts"):
        received = {l["sku"]: l["received"] for l in r["lines"]}
        t.check("the goods were received in full", received == expected, json.dumps(received))
    if r.get("inspections"):
        verdicts = {i["sku"]: i["verdict"] for i in r["inspections"] if i["state"] == "finished"}
        measured = {sku: ("fail" if checklist(sku)[1] else "pass") for sku in expected}
        t.check("the measured line (the drill's battery at 12 V) failed inspection, the others passed",
                verdicts == measured and "fail" in verdicts.values(), json.dumps(r["inspections"], ensure_ascii=False))
        for i in r["inspections"]:
            voltage = [x for x in i["results"] if x["key"] == "voltage"]
            if voltage:
                t.check(f"…{i['sku']}'s voltage recorded as 12 and out of range", voltage[0]["value"] in ("12", "12.000")
                        and not voltage[0]["passed"], json.dumps(voltage, ensure_ascii=False))
    if r.get("dispositions"):
        kinds = {d["sku"]: d["kind"] for d in r["dispositions"]}
        wanted = {sku: ("scrap" if verdict == "fail" else "restock") for sku, verdict in verdicts.items()}
        t.check("the passed line was restocked and the failed one scrapped",
                kinds == wanted and "scrap" in kinds.values() and "restock" in kinds.values(),
                json.dumps(r["dispositions"], ensure_ascii=False))
    if r["costs"]["lines"]:
        freight = [c for c in r["costs"]["lines"] if c["kind"] == "freight"]
        t.check("a freight cost of 25.00 was recorded by zhoujie",
                len(freight) == 1 and freight[0]["amount"] == "25.00", json.dumps(r["costs"], ensure_ascii=False))
    if r["state"] in ("settled",):
        t.check("the return is settled in an approved settlement",
                r["settlement"] is not None and r["settlement"]["state"] == "approved", json.dumps(r["settlement"]))
        s = cli("settlement", "show", r["settlement"]["number"])
        t.check("…by zhoujie, with the remark as typed, the return alone at its cost total",
                s["created_by"] == "zhoujie" and s["approved_by"] == "zhoujie" and s["remark"] == SETTLE_REMARK
                and [x["number"] for x in s["returns"]] == [number] and s["total"] == r["settlement"]["total"],
                json.dumps(s, ensure_ascii=False))
    t.check("the audit chain is intact after the walk", cli("audit", "verify").get("intact") is True)

t.done()
