"""restock_e2e — drive the real restock window the way a person does (DESIGN §10).

Start `restock` on a database, find fields and buttons on the accessibility (AT-SPI) bus by
role and accessible name, click them, type with xdotool, press keys, and check what happened
through `restock-cli --json` (GTK 4.8 does not expose an entry's text over AT-SPI). A failing
step takes a screenshot. Runs with Debian's /usr/bin/python3 (python3-pyatspi) inside an X
session with a D-Bus session bus: build-aux/test, or ../shared/tools/gui-session.

    import restock_e2e as e2e
    t = e2e.Tap()
    with e2e.Restock(db_path) as app:
        app.wait("label", "Welcome to Restock")
        app.type_into("text", "Company name", "华东商贸")
        app.click("push button", "Create Database")
        t.check("the admin exists", e2e.cli(db_path, "user", "list")["users"][0]["name"] == "admin")
    t.done()

Names are what a screen reader reads: an AdwEntryRow's title, a button's label, a label's text.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ADMIN_PASSWORD = "admin-pass-123"
TIMEOUT = float(os.environ.get("RESTOCK_E2E_TIMEOUT", "15"))

_build_root = os.environ.get("RESTOCK_BUILD_ROOT") or os.path.join(os.path.dirname(__file__), "..", "..", "build")
RESTOCK = os.environ.get("RESTOCK_GUI") or os.path.join(_build_root, "src", "gui", "restock")
RESTOCK_CLI = os.environ.get("RESTOCK_CLI") or os.path.join(_build_root, "src", "cli", "restock-cli")

# Where failure screenshots and the program's output go (meson keeps the test's stdout).
ARTIFACTS = os.environ.get("RESTOCK_E2E_ARTIFACTS") or os.path.join(_build_root, "meson-logs", "e2e")


# G_DEBUG (fatal-warnings in tests/meson.build) is for the program under test, not for this
# driver: libatspi warns here about other programs on the bus (a cache that went away) and must
# not abort the test. Taken out before GLib loads (pyatspi is imported late) and given back to
# restock when it starts.
_APP_G_DEBUG = os.environ.pop("G_DEBUG", None)


class Failure(AssertionError):
    pass


def skip(reason):
    """Exit with meson's skip status (77): only for what a machine lacks, never for a wrong result."""
    print(f"1..0 # SKIP {reason}")
    sys.exit(77)


# ---- the desktop session: X display, accessibility bus, tools ----------------------------------

_bus_launcher = None


def _a11y_bus_running():
    r = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus",
                        "--method", "org.a11y.Bus.GetAddress"], capture_output=True, timeout=10)
    return r.returncode == 0


def ensure_session():
    """Check the display and tools, and start the AT-SPI bus launcher like gui-session does
    (build-aux/test runs meson test under plain `xvfb-run … dbus-run-session`)."""
    global _bus_launcher
    if not os.environ.get("DISPLAY"):
        skip("no X display (run under build-aux/test or gui-session)")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        skip("no D-Bus session bus (run under build-aux/test or gui-session)")
    for tool in ("xdotool", "gdbus"):
        if shutil.which(tool) is None:
            raise Failure(f"{tool} is missing: run build-aux/setup-deps")
    if not os.access(RESTOCK, os.X_OK):
        raise Failure(f"{RESTOCK} is not built")
    if not os.access(RESTOCK_CLI, os.X_OK):
        raise Failure(f"{RESTOCK_CLI} is not built")
    if _bus_launcher is None and not _a11y_bus_running():
        for launcher in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher"):
            if os.access(launcher, os.X_OK):
                _bus_launcher = subprocess.Popen([launcher, "--launch-immediately"],
                                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                break
        else:
            raise Failure("at-spi-bus-launcher is missing: run build-aux/setup-deps (at-spi2-core)")
        deadline = time.time() + TIMEOUT
        while not _a11y_bus_running():
            if time.time() > deadline:
                raise Failure("the accessibility bus did not start")
            time.sleep(0.1)


def stop_session():
    global _bus_launcher
    if _bus_launcher is not None:
        _bus_launcher.terminate()
        _bus_launcher.wait(timeout=10)
        _bus_launcher = None


def _pyatspi():
    # Imported only once the bus is up: pyatspi connects to it on import.
    try:
        import pyatspi
    except ImportError:
        raise Failure("pyatspi is missing: run with Debian's /usr/bin/python3 (python3-pyatspi)")
    return pyatspi


def xdotool(*args):
    r = subprocess.run(["xdotool", *map(str, args)], capture_output=True, text=True, timeout=30)
    if r.returncode != 0:
        raise Failure(f"xdotool {' '.join(map(str, args))}: {r.stderr.strip()}")
    return r.stdout


def screenshot(name):
    """The whole screen as ARTIFACTS/NAME.png; returns the path (None when it could not be taken)."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, name + ".png")
    r = subprocess.run(["import", "-window", "root", path], capture_output=True, timeout=30)
    return path if r.returncode == 0 else None


# ---- restock-cli ----------------------------------------------------------------------------

def cli(db, *args, user=None, password=ADMIN_PASSWORD, new_password=None, check=True):
    """Runs `restock-cli --db DB --json [--user USER] ARGS…`; returns the parsed JSON object
    (or, with check=False, the CompletedProcess)."""
    env = dict(os.environ, RESTOCK_PASSWORD=password)
    if new_password is not None:
        env["RESTOCK_NEW_PASSWORD"] = new_password
    cmd = [RESTOCK_CLI, "--db", db, "--json"] + (["--user", user] if user else []) + list(args)
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    if not check:
        return r
    if r.returncode != 0:
        raise Failure(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.strip()}")
    return json.loads(r.stdout)


# ---- the running program --------------------------------------------------------------------

class Restock:
    """The real `restock` binary on one database, as a context manager.

    lang="zh_CN" runs it in Chinese (LANGUAGE=zh_CN under C.UTF-8, DESIGN §10). config_dir keeps
    its GSettings (window size, last user) between runs: pass the same one to a second Restock."""

    def __init__(self, db, lang=None, config_dir=None, args=(), binary=None, env=None, cwd=None):
        self.db = db
        self.lang = lang
        self.config_dir = config_dir or tempfile.mkdtemp(prefix="restock-e2e-config-")
        self.args = list(args)
        self.binary = binary or RESTOCK
        self.extra_env = env or {}      # a value of None removes the variable
        self.cwd = cwd
        self.proc = None
        self.app = None
        self.window_id = None
        self.log_path = None

    # -- life --

    def start(self):
        ensure_session()
        self.pyatspi = _pyatspi()
        env = dict(os.environ)
        if _APP_G_DEBUG is not None:
            env["G_DEBUG"] = _APP_G_DEBUG
        env.update({
            "NO_AT_BRIDGE": "0",            # the test environment turns the bridge off for widget tests
            "GTK_A11Y": "atspi",
            "GDK_BACKEND": "x11",           # xdotool speaks X11
            "GSK_RENDERER": "cairo",
            "GSETTINGS_BACKEND": "keyfile",
            "XDG_CONFIG_HOME": self.config_dir,
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": self.lang or "",
            "RESTOCK_CHECK_IDLE": "1",      # the program says when it keeps a transaction open
        })
        for name, value in self.extra_env.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        os.makedirs(ARTIFACTS, exist_ok=True)
        self.log_path = os.path.join(ARTIFACTS, f"restock-{os.getpid()}-{int(time.time() * 1000)}.log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([self.binary, "--db", self.db] + self.args, env=env, cwd=self.cwd,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.app = self._wait_for_app()
        self.window_id = self._wait_for_window()
        return self

    def _wait_for_app(self):
        desktop = self.pyatspi.Registry.getDesktop(0)
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            self._check_alive()
            for i in range(desktop.childCount):
                try:
                    app = desktop.getChildAtIndex(i)
                    if app is not None and app.get_process_id() == self.proc.pid and app.childCount > 0:
                        return app
                except Exception:
                    pass    # an application leaving the bus while we look
            time.sleep(0.2)
        raise Failure(f"restock (pid {self.proc.pid}) did not appear on the accessibility bus")

    def _wait_for_window(self):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            r = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                               capture_output=True, text=True)
            ids = r.stdout.split()
            if ids:
                return ids[-1]
            time.sleep(0.2)
        raise Failure("restock's window did not appear on the X display")

    def _check_alive(self):
        if self.proc is not None and self.proc.poll() is not None:
            raise Failure(f"restock exited with status {self.proc.returncode}; output:\n{self.output()}")

    def output(self):
        """What the program printed so far (warnings, messages)."""
        if self.log_path is None:
            return ""
        self.log.flush()
        with open(self.log_path) as f:
            return f.read()

    def wait_exit(self, timeout=TIMEOUT):
        """Waits for the program to end by itself (after Quit); returns its exit status."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Failure("restock did not quit")

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.log_path is not None:
            self.log.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, kind, value, tb):
        if kind is not None and self.proc is not None and self.proc.poll() is None:
            shot = screenshot(f"failure-{int(time.time())}")
            if shot:
                print(f"# screenshot of the failure: {shot}")
        self.stop()
        return False

    # -- finding --

    def _on_screen(self, node):
        """GTK 4.8 reports no SHOWING state. The window marks the pages it does not show as
        hidden (they leave the bus); what was never laid out has an empty extent."""
        try:
            ext = node.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS)
            return ext.width > 0 and ext.height > 0
        except Exception:
            return False

    def _find_all(self, role, name, root=None, shown=True):
        found = []

        def walk(node, depth):
            if depth > 60:
                return
            try:
                if node.getRoleName() == role and (name is None or node.name == name):
                    if not shown or self._on_screen(node):
                        found.append(node)
                for i in range(node.childCount):
                    child = node.getChildAtIndex(i)
                    if child is not None:
                        walk(child, depth + 1)
            except Exception:
                pass    # a node that went away while walking
        walk(root or self.app, 0)
        return found

    def find(self, role, name, shown=True):
        """The first node with that role and accessible name (on screen, by default), or None."""
        self._check_alive()
        nodes = self._find_all(role, name, shown=shown)
        return nodes[0] if nodes else None

    def wait(self, role, name, timeout=TIMEOUT, gone=False):
        """Waits until a node with that role and name is on screen (or, gone=True, is not); returns it."""
        deadline = time.time() + timeout
        while True:
            node = self.find(role, name)
            if (node is None) == gone:
                return node
            if time.time() > deadline:
                raise Failure(f"{role} {name!r} {'is still' if gone else 'did not appear'} on screen"
                              f"; on screen now: {self.describe()}")
            time.sleep(0.2)

    def wait_match(self, role, matches, what, timeout=TIMEOUT):
        """Waits for a node of that role for which matches(node) is true and returns it; a node
        that goes away while it is looked at is passed over. what: the node, for the failure."""
        deadline = time.time() + timeout
        while True:
            for node in self._find_all(role, None):
                try:
                    if matches(node):
                        return node
                except Exception:
                    pass
            if time.time() > deadline:
                raise Failure(f"no {role} {what}; on screen now: {self.describe()}")
            time.sleep(0.2)

    def wait_in(self, window, role, name, timeout=TIMEOUT):
        """Like wait(), for a node in the window (dialog) of that title: a field of the same name
        elsewhere (the login page's "User name") is not the one a person types into."""
        return self.wait_match(role, lambda node: node.name == name and self.window_title_of(node) == window,
                               f"{name!r} in the window {window!r}", timeout)

    def window_title_of(self, node):
        """The title of the window the node is in."""
        top = node
        while top.parent is not None and top.parent.getRoleName() != "application":
            top = top.parent
        return top.name

    def wait_text(self, role, prefix, timeout=TIMEOUT):
        """Waits for a node whose name starts with prefix (labels whose text is built at run time)."""
        return self.wait_match(role, lambda node: (node.name or "").startswith(prefix),
                               f"starting with {prefix!r}", timeout)

    def describe(self):
        """The labels, buttons and fields now on screen, for failure messages."""
        wanted = ("label", "push button", "text", "password text", "menu item", "check box", "toggle button")
        names = []

        def walk(node, depth):
            try:
                if depth < 60:
                    if node.getRoleName() in wanted and node.name and self._on_screen(node):
                        names.append(f"{node.getRoleName()}:{node.name}")
                    for i in range(node.childCount):
                        walk(node.getChildAtIndex(i), depth + 1)
            except Exception:
                pass
        walk(self.app, 0)
        return "; ".join(dict.fromkeys(names))

    def wait_window_gone(self, title, timeout=TIMEOUT):
        """Waits until the program's window (dialog) with that title is gone from the X display,
        then a moment more for GTK to drop its accessible nodes."""
        deadline = time.time() + timeout
        while True:
            r = subprocess.run(["xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.proc.pid),
                                "--name", f"^{title}$"], capture_output=True, text=True)
            if not r.stdout.split():
                break
            if time.time() > deadline:
                raise Failure(f"the window {title!r} is still open")
            time.sleep(0.2)
        time.sleep(1.0)

    CONTROLS = ("push button", "toggle button", "text", "password text", "check box", "radio button",
                "menu item", "combo box", "spin button", "slider", "link")

    def unnamed_controls(self):
        """The buttons and fields on screen a screen reader cannot name (DESIGN §8): no name,
        or only the class name GTK falls back to ("GtkImage", "GtkButton")."""
        found = []

        def walk(node, depth):
            try:
                if depth > 60:
                    return
                if node.getRoleName() in self.CONTROLS and self._on_screen(node):
                    name = node.name or ""
                    if not name.strip() or re.fullmatch(r"(Gtk|Adw)[A-Za-z]+", name):
                        ext = node.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS)
                        found.append(f"{node.getRoleName()} {name!r} at {ext.x},{ext.y}")
                for i in range(node.childCount):
                    walk(node.getChildAtIndex(i), depth + 1)
            except Exception:
                pass
        walk(self.app, 0)
        return found

    def is_sensitive(self, node):
        return node.getState().contains(self.pyatspi.STATE_SENSITIVE)

    # -- acting --

    def _node(self, role_or_node, name):
        if isinstance(role_or_node, str):
            return self.wait(role_or_node, name)
        return role_or_node

    def click(self, role_or_node, name=None):
        """Activates a button or menu item through its AT-SPI action, as a screen reader does.
        (A GtkMenuButton exposes its action on the inner button: the first actionable node wins.)"""
        node = self._node(role_or_node, name)

        def actionable(n):
            try:
                action = n.queryAction()
                if action.nActions > 0:
                    return n, action
            except NotImplementedError:
                pass
            for i in range(n.childCount):
                hit = actionable(n.getChildAtIndex(i))
                if hit:
                    return hit
            return None
        hit = actionable(node)
        if hit is None:
            raise Failure(f"{node.getRoleName()} {node.name!r} offers no action")
        n, action = hit
        names = [action.getName(i) for i in range(action.nActions)]
        try:
            action.doAction(names.index("click") if "click" in names else 0)
        except Exception as e:
            # Quit ends the program before it answers; anything else is a real failure.
            if "disconnected" not in str(e) or self.proc.poll() is None and not self._exits_soon():
                raise Failure(f"clicking {node.getRoleName()} {node.name!r}: {e}")

    def _exits_soon(self):
        try:
            self.proc.wait(timeout=5)
            return True
        except subprocess.TimeoutExpired:
            return False

    def click_with_mouse(self, role_or_node, name=None):
        """Clicks the middle of the node with the pointer (focuses a field, like a person). The
        window the node is in (the main window or a dialog) then gets the keyboard, as a window
        manager that focuses on click would give it."""
        node = self._node(role_or_node, name)
        ext = node.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS)
        if ext.width <= 0 or ext.height <= 0:
            raise Failure(f"{node.getRoleName()} {node.name!r} is not on screen")
        top = node
        while top.parent is not None and top.parent.getRoleName() != "application":
            top = top.parent
        window = self._x_window_of(top)
        if window not in self.__dict__.setdefault("windows_seen", set()):
            # A dialog that has just appeared drops a click that comes before it is ready (the
            # field stays unfocused and what is typed next is lost): a person looks at it first.
            self.windows_seen.add(window)
            time.sleep(1.0)
            ext = node.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS)
        # Extents are relative to the window's widget; the X window adds the client-side
        # decoration's border around it, the same on each side.
        geo = xdotool("getwindowgeometry", "--shell", window)
        g = dict(line.split("=", 1) for line in geo.split())
        frame = top.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS)
        dx = int(g["X"]) + (int(g["WIDTH"]) - frame.width) // 2
        dy = int(g["Y"]) + (int(g["HEIGHT"]) - frame.height) // 2
        ext = self._scroll_into_view(node, ext, dx, dy, frame.height)
        xdotool("mousemove", "--sync", dx + ext.x + ext.width // 2, dy + ext.y + ext.height // 2)
        xdotool("click", "1")
        self.clicked_window = window
        time.sleep(0.2)

    def _x_window_of(self, top):
        """The X window of a toplevel accessible node: the one of that title, else the main window."""
        title = top.name or ""
        if title:
            r = subprocess.run(["xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.proc.pid),
                                "--name", "^" + re.escape(title) + "$"], capture_output=True, text=True)
            ids = r.stdout.split()
            if ids:
                return ids[-1]
        return self.window_id

    def _scroll_into_view(self, node, ext, dx, dy, height, header=60):
        """A person scrolls a long form until the field shows: turns the mouse wheel over the
        node's column until its middle is inside the window below the header bar."""
        for _ in range(40):
            middle = ext.y + ext.height // 2
            if header < middle < height - 10:
                break
            y = max(header + 20, min(height - 40, middle))
            xdotool("mousemove", "--sync", dx + ext.x + ext.width // 2, dy + y)
            xdotool("click", "5" if middle >= height - 10 else "4")
            time.sleep(0.15)
            ext = node.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS)
        return ext

    def focus_window(self):
        # No window manager under Xvfb: give the keyboard to the window last clicked in (else the
        # main window), and only when it lacks it (a second focus-in confuses GTK 4.8's GtkText:
        # "did not receive a focus-out"). A window of the program that has the keyboard (a file
        # chooser opened by a button) keeps it until a click lands elsewhere.
        r = subprocess.run(["xdotool", "getwindowfocus"], capture_output=True, text=True)
        focused = r.stdout.strip() if r.returncode == 0 else None
        wanted, self.clicked_window = getattr(self, "clicked_window", None), None
        if wanted is not None:
            if focused == wanted:
                return
            if subprocess.run(["xdotool", "windowfocus", "--sync", wanted], capture_output=True, timeout=30).returncode == 0:
                return
        # Not every window GTK maps carries _NET_WM_PID (a dialog may not): the program's own
        # windows are the ones xdotool finds by its pid.
        ours = subprocess.run(["xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.proc.pid)],
                              capture_output=True, text=True).stdout.split()
        if focused is not None and focused in ours:
            return
        xdotool("windowfocus", "--sync", self.window_id)

    def type(self, text):
        """Types text into the focused widget, key by key (Chinese too).

        xdotool types a character that has no key by remapping a spare keycode for it; typed
        quickly, the next remapping can land before GTK has read the previous key, and a Chinese
        character is lost. So ASCII goes in runs, every other character alone, with a pause."""
        self.focus_window()
        for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]", text):
            if run.isascii():
                xdotool("type", "--delay", "30", run)
            else:
                xdotool("type", "--delay", "60", run)
                time.sleep(0.12)
        time.sleep(0.2)

    def key(self, *keys):
        """Presses keys: key("Return"), key("ctrl+a", "BackSpace"), key("ctrl+q")."""
        self.focus_window()
        xdotool("key", "--delay", "50", *keys)
        time.sleep(0.2)

    def type_into(self, role, name, text, replace=True):
        """Clicks the field named name, empties it (replace=True) and types text."""
        self.click_with_mouse(role, name)
        if replace:
            self.key("ctrl+a", "BackSpace")
        self.type(text)


# ---- TAP output -----------------------------------------------------------------------------

class Tap:
    """Prints TAP (meson's protocol: 'tap'): check() per step, done() at the end."""

    def __init__(self):
        self.n = 0
        self.failed = 0
        print("TAP version 13", flush=True)

    def check(self, what, ok, detail=""):
        self.n += 1
        if not ok:
            self.failed += 1
            shot = screenshot(f"check-{self.n}")
            detail = (detail + (f" (screenshot: {shot})" if shot else "")).strip()
        print(f"{'ok' if ok else 'not ok'} {self.n} - {what}", flush=True)
        if detail and not ok:
            for line in str(detail).splitlines():
                print(f"# {line}", flush=True)
        return ok

    def skip(self, what, reason):
        self.n += 1
        print(f"ok {self.n} - {what} # SKIP {reason}", flush=True)

    def step(self, what, fn, *args, **kwargs):
        """Runs fn; a Failure it raises is this step's 'not ok' (with its message), not a crash."""
        try:
            result = fn(*args, **kwargs)
        except Failure as e:
            self.check(what, False, str(e))
            raise
        self.check(what, True)
        return result

    def done(self):
        print(f"1..{self.n}", flush=True)
        stop_session()
        sys.exit(1 if self.failed else 0)

    def bail(self, error):
        first, *rest = str(error).splitlines() or [""]
        print(f"Bail out! {first}", flush=True)
        for line in rest:
            print(f"# {line}", flush=True)
        stop_session()
        sys.exit(1)
