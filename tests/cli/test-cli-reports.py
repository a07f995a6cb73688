#!/usr/bin/python3
"""test-cli-reports.py — every figure of `restock-cli report …` against what this script works out
itself from what the other commands show (return show, slip list and show, ledger, stock, product
and warehouse list): on a company built here step by step with RESTOCK_NOW moved — every
disposition, costs with a vendor credit larger than the rest, a return of no value, goods accepted
beyond the approved quantity, two suppliers of one product, a voided and an amended sale, an
unfinished inspection, deadlines running late — and on the database of `restock-cli demo`.
Also: date ranges, CSV and XLSX out of a report, roles without report rights refused (exit 3)."""

import concurrent.futures
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile

CLI = os.environ["RESTOCK_CLI"]
ADMIN_PASSWORD = "admin-pass-1"
USER_PASSWORD = "user-pass-123"
NOW = "2026-11-30T12:00:00Z"       # when every report and every show is read

# ---- TAP ------------------------------------------------------------------------------------

tap_n = 0
tap_failed = False


def ok(good, what, detail=""):
    global tap_n, tap_failed
    tap_n += 1
    print(("ok" if good else "not ok"), tap_n, "-", what)
    if not good:
        tap_failed = True
        for line in str(detail).splitlines()[:40]:
            print("#", line)
    sys.stdout.flush()
    return good


class Refused(Exception):
    pass


class Company:
    """One database, driven through restock-cli."""

    def __init__(self, path):
        self.path = path

    def run(self, *args, user="admin", now=NOW, expect=0, as_json=True):
        env = dict(os.environ, RESTOCK_DB=self.path, TZ="UTC", RESTOCK_NOW=now,
                   RESTOCK_PASSWORD=ADMIN_PASSWORD if user == "admin" else USER_PASSWORD,
                   RESTOCK_NEW_PASSWORD=USER_PASSWORD)
        command = [CLI, "--user", user] + (["--json"] if as_json else []) + [str(a) for a in args]
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != expect:
            raise Refused("%s\nexit %d (wanted %d)\nstdout: %s\nstderr: %s" % (
                " ".join(command[1:]), done.returncode, expect, done.stdout[:2000], done.stderr[:2000]))
        self.last_stderr = done.stderr
        return json.loads(done.stdout) if as_json and done.stdout.strip() else done.stdout

    def many(self, commands):
        """Read-only commands at once: SQLite (WAL) lets them read side by side."""
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            return list(pool.map(lambda args: self.run(*args), commands))


# ---- numbers as the CLI prints them -----------------------------------------------------------

def milli(text):
    """"2.5" → 2500, "-0.125" → -125."""
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    value = int(whole) * 1000 + int((fraction + "000")[:3])
    return -value if negative else value


def fen(text):
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    value = int(whole) * 100 + int((fraction + "00")[:2])
    return -value if negative else value


def quantity_text(m):
    sign = "-" if m < 0 else ""
    m = abs(m)
    text = "%d.%03d" % (m // 1000, m % 1000)
    return sign + text.rstrip("0").rstrip(".")


def money_text(f):
    return ("-" if f < 0 else "") + "%d.%02d" % (abs(f) // 100, abs(f) % 100)


def tdiv(a, b):
    """Integer division rounded toward zero (SQL's), b > 0."""
    q = abs(a) // b
    return q if a >= 0 else -q


def round_div(a, b):
    """a ÷ b rounded half away from zero, b > 0."""
    q = (2 * abs(a) + b) // (2 * b)
    return q if a >= 0 else -q


def rate_text(part, whole):
    return None if whole <= 0 else quantity_text(round_div(part * 1000, whole) * 100)


def amount(q_milli, price_fen):
    """What a quantity costs at a price, to the fen, half up: (q × p + 500) ÷ 1000."""
    return (q_milli * price_fen + 500) // 1000


def micros(iso):
    return int(datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()) * 1_000_000


def day_micros(date):
    return micros(date + "T00:00:00+00:00")


# ---- what the other commands show --------------------------------------------------------------

class Facts:
    """Everything the independent computation reads, gathered through restock-cli."""

    def __init__(self, company):
        listed = company.run("return", "list")["returns"]
        self.returns = company.many([("return", "show", r["number"]) for r in listed])
        self.products = {p["sku"]: p for p in company.run("product", "list", "--all")["products"]}
        self.slips = {s["number"]: s for s in company.run("slip", "list")["slips"]}
        wanted = [n for n, s in self.slips.items() if s["state"] == "posted" and s["purpose"] in ("sale", "purchase")]
        self.slip_lines = {s["number"]: s["lines"] for s in company.many([("slip", "show", n) for n in wanted])}
        self.ledger = company.run("ledger")["ledger"]
        self.stock = company.run("stock")["stock"]
        self.warehouses = company.run("warehouse", "list")["warehouses"]


# ---- the figures, worked out here --------------------------------------------------------------

REPORTED_STATES = {"approved", "receiving", "received", "inspected", "disposed", "settled"}
DISPOSITION_ORDER = ["restock", "repair", "scrap", "vendor", "replace", ""]


def in_range(date, frm, to):
    return (frm is None or date >= frm) and (to is None or date <= to)


def supplier_of(facts, sku, request_date):
    """Whom the product was last bought from by the request date, else at all."""
    purchases = []
    for number, lines in facts.slip_lines.items():
        slip = facts.slips[number]
        if slip["purpose"] != "purchase" or not slip["partner"] or not any(l["sku"] == sku for l in lines):
            continue
        purchases.append((slip["date"], slip["posted_at"], number, slip["partner"]["code"], slip["partner"]["name"]))
    purchases.sort(reverse=True)
    before = [p for p in purchases if p[0] <= request_date]
    chosen = (before or purchases or [None])[0]
    return (chosen[3], chosen[4]) if chosen else ("", None)


def shares(total, weights):
    """total over the weights, cumulative and rounded toward zero: they add up to total."""
    whole, upto, out = sum(weights), 0, []
    for w in weights:
        out.append(tdiv(total * (upto + w), whole) - tdiv(total * upto, whole))
        upto += w
    return out


def parts_of(facts, ret, by):
    """The parts of a return the figures are counted on: its lines, or (by disposition) its
    dispositions and what of each line is not disposed of yet. Each part: dict with the group
    key and name, quantity, value, cost (its share), inspected, passed."""
    lines = []
    for line in ret["lines"]:
        q = max(milli(line["quantity"]), milli(line["received"]))
        lines.append(dict(line=line, q=q, value=amount(milli(line["quantity"]), fen(line["unit_price"]))))
    inspections = {i["number"]: i for i in ret["inspections"]}
    parts = []
    for l in lines:
        line, sku = l["line"], l["line"]["sku"]
        product = facts.products[sku]
        mine = [d for d in ret["dispositions"] if d["line"] == line["line"]]
        scrap = sum(fen(d["scrap_loss"]) for d in mine)
        if by != "disposition":
            done = [i for i in ret["inspections"] if i["line"] == line["line"] and i["state"] == "finished"]
            parts.append(dict(line=line["line"], sku=sku, kind=None, q=l["q"], value=l["value"], scrap=scrap,
                              inspected=sum(milli(i["quantity"]) for i in done),
                              passed=sum(milli(i["quantity"]) for i in done if i["verdict"] == "pass")))
            continue
        pieces = []
        for d in mine:   # in the order they were made, as the show lists them
            inspection = inspections.get(d["inspection"])
            finished = inspection is not None and inspection["state"] == "finished"
            q = milli(d["quantity"])
            pieces.append(dict(kind=d["kind"], q=q, scrap=fen(d["scrap_loss"]),
                               inspected=q if finished else 0,
                               passed=q if finished and inspection["verdict"] == "pass" else 0))
        rest = l["q"] - milli(line["disposed"])
        if rest > 0:
            pieces.append(dict(kind="", q=rest, scrap=0, inspected=0, passed=0))
        for piece, value in zip(pieces, shares(l["value"], [p["q"] for p in pieces])):
            parts.append(dict(piece, line=line["line"], sku=sku, value=value))
    totals = {k: sum(fen(c["amount"]) for c in ret["costs"]["lines"] if c["kind"] == k)
              for k in ("freight", "handling", "repair", "vendor-credit", "scrap-loss")}
    shared = totals["freight"] + totals["handling"] + totals["repair"] - totals["vendor-credit"]
    assert totals["scrap-loss"] == sum(p["scrap"] for p in parts), ret["number"]
    basis = [p["value"] for p in parts] if sum(p["value"] for p in parts) > 0 else [p["q"] for p in parts]
    for part, share in zip(parts, shares(shared, basis)):
        part["cost"] = part["scrap"] + share
    return parts


def group_of(facts, ret, part, by):
    product = facts.products[part["sku"]]
    if by == "reason":
        return ret["reason"], ret["reason_name"]
    if by == "product":
        return part["sku"], product["name"]
    if by == "category":
        return product["category"] or "", product["category"]
    if by == "customer":
        return ret["customer"]["code"], ret["customer"]["name"]
    if by == "supplier":
        return supplier_of(facts, part["sku"], ret["request_date"])
    if by == "disposition":
        return part["kind"], None
    return ret["request_date"][:7], ret["request_date"][:7]


def sold(facts, skus, frm, to):
    total = 0
    for number, lines in facts.slip_lines.items():
        slip = facts.slips[number]
        if slip["kind"] == "out" and slip["purpose"] == "sale" and in_range(slip["date"], frm, to):
            total += sum(milli(l["quantity"]) for l in lines if l["sku"] in skus)
    return total


def expected_returns(facts, by, frm, to):
    groups = {}
    everything = dict(returns=set(), q=0, value=0, cost=0, inspected=0, passed=0, skus=set())
    for ret in facts.returns:
        if ret["state"] not in REPORTED_STATES or not in_range(ret["request_date"], frm, to):
            continue
        for part in parts_of(facts, ret, by):
            key, name = group_of(facts, ret, part, by)
            for g in (groups.setdefault(key, dict(name=name, returns=set(), q=0, value=0, cost=0, inspected=0,
                                                  passed=0, skus=set())), everything):
                g["returns"].add(ret["number"])
                g["skus"].add(part["sku"])
                for k in ("q", "value", "cost", "inspected", "passed"):
                    g[k] += part[k]

    def figures(g):
        out = {"returns": len(g["returns"]), "quantity": quantity_text(g["q"]), "refund_value": money_text(g["value"]),
               "handling_cost": money_text(g["cost"]), "inspected": quantity_text(g["inspected"]),
               "passed": quantity_text(g["passed"]), "pass_rate": rate_text(g["passed"], g["inspected"])}
        if by == "product":
            s = sold(facts, g["skus"], frm, to)
            out.update(sold=quantity_text(s), return_rate=rate_text(g["q"], s))
        return out

    rows = {}
    for key, g in groups.items():
        rows[key] = figures(g)
        if by in ("product", "customer", "supplier", "category", "month") and key != "":
            rows[key]["name"] = g["name"]
    return rows, figures(everything)


def median_and_p90(values):
    values = sorted(values)
    n = len(values)
    twice_median = values[(n + 1) // 2 - 1] + values[n // 2]
    p90 = values[(9 * n + 9) // 10 - 1]
    return twice_median, p90


STAGES = [
    ("sale-request", "return-window"),
    ("request-approval", None),
    ("approval-receipt", "receiving-deadline"),
    ("receipt-inspection", "inspection-deadline"),
    ("inspection-disposition", None),
    ("disposition-settlement", None),
]


def expected_stages(facts, frm, to):
    spans = {key: [] for key, _ in STAGES}
    breaches = {kind: [0, 0] for _, kind in STAGES if kind}
    for ret in facts.returns:
        if ret["state"] == "draft" or not in_range(ret["request_date"], frm, to):
            continue
        if ret["sale_date"]:
            spans["sale-request"].append(day_micros(ret["request_date"]) - day_micros(ret["sale_date"]))
        for key, start, end in (("request-approval", "created_at", "approved_at"),
                                ("approval-receipt", "approved_at", "receiving_at"),
                                ("receipt-inspection", "receiving_at", "inspected_at"),
                                ("inspection-disposition", "inspected_at", "disposed_at"),
                                ("disposition-settlement", "disposed_at", "settled_at")):
            if ret[start] and ret[end]:
                spans[key].append(micros(ret[end]) - micros(ret[start]))
        for kind in {f["kind"] for f in ret["flags"]}:
            breaches[kind][0] += 1
        for f in ret["flags"]:
            if f["pending"]:
                breaches[f["kind"]][1] += 1
    rows = {}
    for key, kind in STAGES:
        row = {"returns": len(spans[key]), "median_hours": None, "p90_hours": None, "median_seconds": None,
               "p90_seconds": None, "breach_kind": kind, "breaches": None, "pending": None}
        if spans[key]:
            twice_median, p90 = median_and_p90(spans[key])
            row.update(median_hours=quantity_text(round_div(twice_median, 2 * 360_000_000) * 100),
                       p90_hours=quantity_text(round_div(p90, 360_000_000) * 100),
                       median_seconds=round_div(twice_median, 2_000_000), p90_seconds=round_div(p90, 1_000_000))
        if kind:
            row["breaches"] = breaches[kind][0]
            row["pending"] = None if kind == "return-window" else breaches[kind][1]
        rows[key] = row
    return rows


def expected_stock(facts):
    held = {}   # (warehouse, sku) → [quantity, quarantine, avg cost]
    for level in facts.stock:
        q = milli(level["quantity"])
        h = held.setdefault((level["warehouse"], level["sku"]), [0, 0, fen(level["avg_cost"])])
        h[0] += q
        if level["location_kind"] == "quarantine":
            h[1] += q
    rows, total = {}, dict(products=set(), q=0, qa=0, value=0, qa_value=0)
    for w in facts.warehouses:
        if w["active"] or any(k[0] == w["code"] and v[0] > 0 for k, v in held.items()):
            rows[w["code"]] = dict(name=w["name"], products=set(), q=0, qa=0, value=0, qa_value=0)
    for (code, sku), (q, qa, cost) in held.items():
        if q <= 0:
            continue
        for g in (rows[code], total):
            g["products"].add(sku)
            g["q"] += q
            g["qa"] += qa
            g["value"] += amount(q, cost)
            g["qa_value"] += amount(qa, cost)

    def figures(g):
        return {"products": len(g["products"]), "quantity": quantity_text(g["q"]), "quarantine": quantity_text(g["qa"]),
                "value": money_text(g["value"]), "quarantine_value": money_text(g["qa_value"])}

    out = {}
    for code, g in rows.items():
        out[code] = figures(g)
        out[code]["name"] = g["name"]
    return out, figures(total)


def expected_movements(facts, frm, to):
    groups, total = {}, dict(slips=set(), qin=0, qout=0, vin=0, vout=0)
    for entry in facts.ledger:
        slip = facts.slips[entry["slip"]]
        if slip["state"] != "posted" or not in_range(slip["date"], frm, to):
            continue
        q, cost = milli(entry["quantity"]), fen(entry["unit_cost"])
        key = (slip["date"][:7], slip["kind"], slip["purpose"])
        for g in (groups.setdefault(key, dict(slips=set(), qin=0, qout=0, vin=0, vout=0)), total):
            g["slips"].add(entry["slip"])
            if q > 0:
                g["qin"] += q
                g["vin"] += amount(q, cost)
            else:
                g["qout"] -= q
                g["vout"] += amount(-q, cost)

    def figures(g):
        return {"slips": len(g["slips"]), "quantity_in": quantity_text(g["qin"]),
                "quantity_out": quantity_text(g["qout"]), "value_in": money_text(g["vin"]),
                "value_out": money_text(g["vout"])}

    return {k: figures(g) for k, g in groups.items()}, figures(total)


# ---- comparing ----------------------------------------------------------------------------------

def compare(what, expected_rows, expected_total, report, key_of):
    got = {key_of(r): r for r in report["rows"]}
    problems = []
    if set(got) != set(expected_rows):
        problems.append("groups: reported %s, expected %s" % (sorted(got), sorted(expected_rows)))
    for key, figures in expected_rows.items():
        for member, value in figures.items():
            if key in got and got[key].get(member) != value:
                problems.append("%s %s: reported %r, expected %r" % (key, member, got[key].get(member), value))
    if expected_total is not None:
        for member, value in expected_total.items():
            if report["total"].get(member) != value:
                problems.append("total %s: reported %r, expected %r" % (member, report["total"].get(member), value))
    return ok(not problems, what, "\n".join(problems))


def check_all(company, facts, label, ranges):
    for frm, to in ranges:
        span = "%s…%s" % (frm or "", to or "")
        limits = (["--from", frm] if frm else []) + (["--to", to] if to else [])
        for by in ("reason", "product", "category", "customer", "supplier", "disposition", "month"):
            report = company.run("report", "returns", "--by", by, *limits)
            rows, total = expected_returns(facts, by, frm, to)
            compare("%s: returns by %s, %s, as worked out from return show" % (label, by, span), rows, total,
                    report, lambda r: r["key"])
            if by == "month":
                ok([r["key"] for r in report["rows"]] == sorted(rows),
                   "%s: months in order, %s" % (label, span), [r["key"] for r in report["rows"]])
        report = company.run("report", "stages", *limits)
        compare("%s: stage times and breaches, %s" % (label, span), expected_stages(facts, frm, to), None,
                report, lambda r: r["stage"])
        report = company.run("report", "stock", "--movements", *limits)
        rows, total = expected_movements(facts, frm, to)
        compare("%s: movements per month and purpose, %s" % (label, span), rows, total, report,
                lambda r: (r["month"], r["kind"], r["purpose"]))
    rows, total = expected_stock(facts)
    compare("%s: stock on hand and value per warehouse" % label, rows, total, company.run("report", "stock"),
            lambda r: r["warehouse"])


# ---- the company built here ----------------------------------------------------------------------

INSPECT_PASS = ["--check", "packaging=pass", "--check", "accessories=pass", "--check", "appearance=pass",
                "--check", "function=pass", "--check", "serial=SN"]
INSPECT_FAIL = INSPECT_PASS[:6] + ["--check", "function=fail"] + INSPECT_PASS[8:]


def build(c):
    t0 = "2026-08-01T08:00:00Z"
    c.run("init", "--company", "华东商贸有限公司", now=t0, as_json=False)
    c.run("return", "chain", "--level", "service", now=t0)
    for name, role in (("sal", "sales"), ("svc", "service"), ("mgr", "manager"), ("fin", "finance"),
                       ("kp", "keeper"), ("view", "viewer")):
        c.run("user", "add", name, "--role", role, now=t0)
    c.run("warehouse", "add", "WH1", "主仓库", now=t0)
    c.run("location", "add", "WH1", "A1", now=t0)
    c.run("location", "add", "WH1", "R1", "--kind", "repair", now=t0)
    c.run("warehouse", "add", "WH2", "二号仓库", now=t0)
    c.run("location", "add", "WH2", "B1", now=t0)
    c.run("product", "add", "P-1", "螺丝刀", "--unit", "把", "--price", "99", "--category", "手动工具", now=t0)
    c.run("product", "add", "P-2", "电钻", "--unit", "台", "--price", "3000", "--category", "电动工具", now=t0)
    c.run("product", "add", "P-3", "胶水", "--unit", "瓶", "--price", "5", now=t0)
    c.run("product", "add", "P-4", "电线", "--unit", "米", "--decimals", "3", "--price", "2.5", "--category", "线材", now=t0)
    c.run("product", "add", "P-5", "赠品袋", "--unit", "个", "--category", "手动工具", now=t0)
    c.run("product", "add", "P-6", "样品夹", "--unit", "个", "--price", "10", "--category", "手动工具", now=t0)
    for name, code in (("华东商贸", "C001"), ("西南电器", "C002"), ("北方五金", "C003")):
        c.run("customer", "add", name, "--code", code, now=t0)
    for name, code in (("深圳电子", "S001"), ("宁波工贸", "S002")):
        c.run("supplier", "add", name, "--code", code, now=t0)

    def slip(now, *args, post=True):
        number = c.run("slip", "new", *args, now=now)["number"]
        if post:
            c.run("slip", "post", number, now=now)
        return number

    slip(t0, "--kind", "in", "--purpose", "purchase", "--warehouse", "WH1", "--partner", "S001",
         "--line", "P-1:100@A1:12.50", "--line", "P-2:20@A1:1000", "--line", "P-4:500.5@A1:1.2")
    slip(t0, "--kind", "in", "--purpose", "purchase", "--warehouse", "WH1",
         "--line", "P-3:200@A1:2", "--line", "P-5:50@A1:0")
    slip(t0, "--kind", "in", "--purpose", "purchase", "--warehouse", "WH2", "--partner", "S002", "--line", "P-2:5@B1:1100")
    sale_aug = slip("2026-08-05T10:00:00Z", "--kind", "out", "--purpose", "sale", "--warehouse", "WH1", "--partner", "C001",
                    "--line", "P-1:10@A1", "--line", "P-2:3@A1", "--line", "P-4:100.25@A1")
    slip("2026-09-10T10:00:00Z", "--kind", "out", "--purpose", "sale", "--warehouse", "WH1", "--partner", "C002",
         "--line", "P-1:20@A1", "--line", "P-3:30@A1", "--line", "P-5:5@A1")
    # P-1 is bought from S002 from 15 September on.
    slip("2026-09-15T08:00:00Z", "--kind", "in", "--purpose", "purchase", "--warehouse", "WH1", "--partner", "S002",
         "--line", "P-1:50@A1:13")
    voided = slip("2026-10-05T10:00:00Z", "--kind", "out", "--purpose", "sale", "--warehouse", "WH1", "--partner", "C003",
                  "--line", "P-2:4@A1")
    c.run("slip", "void", voided, "--reason", "录错了客户", now="2026-10-05T11:00:00Z")
    amended = slip("2026-10-06T10:00:00Z", "--kind", "out", "--purpose", "sale", "--warehouse", "WH1", "--partner", "C003",
                   "--line", "P-1:6@A1")
    copy = c.run("slip", "amend", amended, now="2026-10-06T11:00:00Z")["number"]
    c.run("slip", "post", copy, now="2026-10-06T11:05:00Z")
    slip("2026-11-02T10:00:00Z", "--kind", "out", "--purpose", "sale", "--warehouse", "WH1", "--partner", "C001",
         "--line", "P-1:8@A1", "--line", "P-2:2@A1")
    slip("2026-11-03T10:00:00Z", "--kind", "transfer", "--purpose", "transfer", "--warehouse", "WH1", "--to", "WH2",
         "--line", "P-1:5@A1>B1")

    def new(now, *args):
        number = c.run("return", "new", *args, user="sal", now=now)["number"]
        c.run("return", "submit", number, user="sal", now=now)
        return number

    def inspect(r, now, line, checks):
        c.run("return", "inspect", r, "--line", line, *checks, user="kp", now=now)

    # R1: two inspections of one line (pass and fail), restock + scrap + repair and back; every cost.
    r1 = new("2026-08-20T10:00:00Z", "--customer", "C001", "--reason", "quality", "--slip", sale_aug,
             "--line", "P-1:4:99", "--line", "P-2:1:3000")
    c.run("return", "approve", r1, user="svc", now="2026-08-21T09:00:00Z")
    c.run("return", "receive", r1, "--warehouse", "WH1", "--line", "P-1:4", "--line", "P-2:1", user="kp",
          now="2026-08-25T14:00:00Z")
    inspect(r1, "2026-08-26T09:00:00Z", "P-1:3", INSPECT_PASS)
    inspect(r1, "2026-08-26T09:30:00Z", "P-1:1", INSPECT_FAIL)
    inspect(r1, "2026-08-26T10:00:00Z", "P-2", INSPECT_PASS)
    c.run("return", "dispose", r1, "--line", "P-1:3:restock@A1", "--line", "P-1:1:scrap", "--line", "P-2:1:repair",
          user="kp", now="2026-08-27T15:00:00Z")
    c.run("return", "repaired", r1, "--line", "P-2@A1", user="kp", now="2026-09-01T10:00:00Z")
    for kind, value in (("freight", "20"), ("handling", "15.50"), ("repair", "80"), ("vendor-credit", "30"),
                        ("refund", "3396")):
        c.run("return", "cost", r1, "--kind", kind, "--amount", value, user="fin", now="2026-08-28T10:00:00Z")

    # R2: late on every check; a vendor credit larger than the other costs; three decimals.
    r2 = new("2026-08-28T11:00:00Z", "--customer", "C002", "--reason", "damaged", "--sold-on", "2026-07-01",
             "--line", "P-3:10:5", "--line", "P-4:12.345:2.5")
    c.run("return", "approve", r2, user="svc", now="2026-08-29T09:00:00Z")
    c.run("return", "receive", r2, "--warehouse", "WH1", "--line", "P-3:10", "--line", "P-4:12.345", user="kp",
          now="2026-09-15T10:00:00Z")
    inspect(r2, "2026-09-20T10:00:00Z", "P-3", INSPECT_PASS)
    inspect(r2, "2026-09-20T10:10:00Z", "P-4", INSPECT_PASS)
    c.run("return", "dispose", r2, "--line", "P-3:10:restock@A1", "--line", "P-4:12.345:vendor@S001", user="kp",
          now="2026-09-21T10:00:00Z")
    c.run("return", "cost", r2, "--kind", "freight", "--amount", "10", user="fin", now="2026-09-22T10:00:00Z")
    c.run("return", "cost", r2, "--kind", "vendor-credit", "--amount", "100", user="fin", now="2026-09-22T10:00:00Z")

    # R3: nothing of value (costs shared by quantity); a replacement; no sale date.
    r3 = new("2026-09-03T09:00:00Z", "--customer", "C003", "--reason", "wrong-item",
             "--line", "P-5:5:0", "--line", "P-3:2:0")
    c.run("return", "approve", r3, user="svc", now="2026-09-03T15:00:00Z")
    c.run("return", "receive", r3, "--warehouse", "WH1", "--line", "P-5:5", "--line", "P-3:2", user="kp",
          now="2026-09-04T10:00:00Z")
    inspect(r3, "2026-09-04T16:00:00Z", "P-5", INSPECT_PASS)
    inspect(r3, "2026-09-04T16:10:00Z", "P-3", INSPECT_PASS)
    c.run("return", "dispose", r3, "--line", "P-5:5:replace@A1", "--line", "P-3:2:restock@A1", user="kp",
          now="2026-09-05T10:00:00Z")
    c.run("return", "cost", r3, "--kind", "freight", "--amount", "7.01", user="fin", now="2026-09-05T11:00:00Z")

    # R4: one more than approved arrives and is accepted; P-1 was bought from S002 by then.
    # Taken in at 08:00, submitted at 09:00: its request is timed from 08:00.
    r4 = c.run("return", "new", "--customer", "C002", "--reason", "quality", "--sold-on", "2026-09-10",
               "--line", "P-1:2:99", user="sal", now="2026-09-20T08:00:00Z")["number"]
    c.run("return", "submit", r4, user="sal", now="2026-09-20T09:00:00Z")
    c.run("return", "approve", r4, user="svc", now="2026-09-20T12:00:00Z")
    c.run("return", "receive", r4, "--warehouse", "WH1", "--line", "P-1:3", user="kp", now="2026-09-22T09:00:00Z")
    c.run("return", "resolve", r4, "accept", user="svc", now="2026-09-22T11:00:00Z")
    inspect(r4, "2026-09-23T09:00:00Z", "P-1:3", INSPECT_PASS)
    c.run("return", "dispose", r4, "--line", "P-1:3:restock@A1", user="kp", now="2026-09-23T10:00:00Z")
    c.run("return", "cost", r4, "--kind", "handling", "--amount", "9.99", user="fin", now="2026-09-23T11:00:00Z")

    # Finance settles August and September.
    bz = c.run("settlement", "new", "--from", "2026-08-01", "--to", "2026-09-30", user="fin",
               now="2026-10-01T09:00:00Z")["number"]
    c.run("settlement", "approve", bz, now="2026-10-02T09:00:00Z")

    # R5: scrapped after failing; its other line's inspection only started (and now overdue).
    r5 = new("2026-10-10T09:00:00Z", "--customer", "C003", "--reason", "not-as-described",
             "--line", "P-2:1:2800", "--line", "P-1:1:99")
    c.run("return", "approve", r5, user="svc", now="2026-10-10T15:00:00Z")
    c.run("return", "receive", r5, "--warehouse", "WH1", "--line", "P-2:1", "--line", "P-1:1", user="kp",
          now="2026-10-12T09:00:00Z")
    inspect(r5, "2026-10-12T10:00:00Z", "P-2", INSPECT_FAIL)
    c.run("return", "inspect", r5, "--line", "P-1", "--start", user="kp", now="2026-10-12T11:00:00Z")
    c.run("return", "dispose", r5, "--line", "P-2:1:scrap", user="kp", now="2026-10-13T09:00:00Z")
    c.run("return", "cost", r5, "--kind", "freight", "--amount", "15", user="fin", now="2026-10-13T10:00:00Z")

    # R6: half received (the rest overdue now), nothing inspected (overdue too): 50.005 m of P-4
    # in quarantine, worth a fraction of a fen more than whole fen; R7: received, never inspected.
    r6 = new("2026-10-20T09:00:00Z", "--customer", "C001", "--reason", "quality", "--line", "P-4:100.255:2.4")
    c.run("return", "approve", r6, user="svc", now="2026-10-20T10:00:00Z")
    c.run("return", "receive", r6, "--warehouse", "WH1", "--line", "P-4:50.005", user="kp", now="2026-10-25T09:00:00Z")
    # P-6 was first bought (from S001) after R7 asked for it back: R7's P-6 is S001's all the same.
    r7 = new("2026-11-18T09:00:00Z", "--customer", "C002", "--reason", "other", "--line", "P-1:1:99",
             "--line", "P-6:2:10")
    c.run("return", "approve", r7, user="svc", now="2026-11-18T10:00:00Z")
    c.run("return", "receive", r7, "--warehouse", "WH1", "--line", "P-1:1", user="kp", now="2026-11-20T09:00:00Z")
    slip("2026-11-21T09:00:00Z", "--kind", "in", "--purpose", "purchase", "--warehouse", "WH1", "--partner", "S001",
         "--line", "P-6:30@A1:4")

    # R8: restocked, refunded; not settled yet.
    r8 = new("2026-11-05T09:00:00Z", "--customer", "C003", "--reason", "no-reason", "--sold-on", "2026-11-01",
             "--line", "P-2:1:2999.99")
    c.run("return", "approve", r8, user="svc", now="2026-11-05T12:00:00Z")
    c.run("return", "receive", r8, "--warehouse", "WH1", "--line", "P-2:1", user="kp", now="2026-11-06T09:00:00Z")
    inspect(r8, "2026-11-06T15:00:00Z", "P-2", INSPECT_PASS)
    c.run("return", "dispose", r8, "--line", "P-2:1:restock@A1", user="kp", now="2026-11-07T09:00:00Z")
    c.run("return", "cost", r8, "--kind", "refund", "--amount", "2999.99", user="fin", now="2026-11-07T10:00:00Z")
    c.run("return", "cost", r8, "--kind", "freight", "--amount", "25", user="fin", now="2026-11-07T10:00:00Z")

    # Not returns: cancelled after approval, a draft, a rejected one.
    r9 = new("2026-11-10T09:00:00Z", "--customer", "C001", "--reason", "quality", "--line", "P-1:1:99")
    c.run("return", "approve", r9, user="svc", now="2026-11-10T10:00:00Z")
    c.run("return", "cancel", r9, "--comment", "客户撤回", user="svc", now="2026-11-11T10:00:00Z")
    c.run("return", "new", "--customer", "C002", "--reason", "damaged", "--line", "P-1:1:99", user="sal",
          now="2026-11-12T09:00:00Z")
    r11 = new("2026-11-13T09:00:00Z", "--customer", "C003", "--reason", "other", "--sold-on", "2026-11-02",
              "--line", "P-1:1:99")
    c.run("return", "reject", r11, "--comment", "不在退货范围", user="svc", now="2026-11-13T10:00:00Z")
    return dict(r1=r1, r2=r2, r3=r3, r4=r4, r5=r5, r6=r6, r7=r7, r8=r8)


def check_by_hand(company, numbers):
    """A few figures of the built company worked out on paper, against the report itself: the
    computation above could share a mistake with the SQL; these cannot."""
    by_reason = {r["key"]: r for r in company.run("report", "returns", "--by", "reason")["rows"]}
    # R2: P-3 10 × 5.00 + P-4 12.345 × 2.50 (30.8625 → 30.86); freight 10.00 − vendor credit 100.00.
    ok(by_reason["damaged"]["refund_value"] == "80.86" and by_reason["damaged"]["handling_cost"] == "-90.00"
       and by_reason["damaged"]["quantity"] == "22.345",
       "by hand: R2 alone is “damaged”: 80.86 refunded, −90.00 handling, 22.345 returned", by_reason.get("damaged"))
    by_product = {r["key"]: r for r in company.run("report", "returns", "--by", "product", "--from", "2026-08-28",
                                                    "--to", "2026-08-28")["rows"]}
    # −90.00 shared 5000 : 3086 → P-3 ⌈−9000 × 5000 / 8086⌉ = −55.65, P-4 the remaining −34.35.
    ok(by_product["P-3"]["handling_cost"] == "-55.65" and by_product["P-4"]["handling_cost"] == "-34.35",
       "by hand: R2's −90.00 shared over its lines by value, to the fen", by_product)
    by_product = {r["key"]: r for r in company.run("report", "returns", "--by", "product", "--from", "2026-09-03",
                                                    "--to", "2026-09-03")["rows"]}
    # R3 has no value: 7.01 shared 5 : 2 by quantity → 5.00 and 2.01.
    ok(by_product["P-5"]["handling_cost"] == "5.00" and by_product["P-3"]["handling_cost"] == "2.01",
       "by hand: R3 (no value) shares its freight by quantity", by_product)
    by_supplier = {r["key"]: r for r in company.run("report", "returns", "--by", "supplier", "--from", "2026-09-20",
                                                     "--to", "2026-09-20")["rows"]}
    # R4 (20 Sep): P-1 was last bought from S002 on 15 Sep; 3 arrived and were accepted for 2 approved.
    ok(list(by_supplier) == ["S002"] and by_supplier["S002"]["quantity"] == "3"
       and by_supplier["S002"]["refund_value"] == "198.00",
       "by hand: R4's P-1 is S002's (bought 15 Sep), 3 returned, 2 × 99.00 refunded", by_supplier)
    by_supplier = {r["key"]: r for r in company.run("report", "returns", "--by", "supplier", "--from", "2026-11-18",
                                                     "--to", "2026-11-18")["rows"]}
    # R7 (18 Nov): P-1 from S002; P-6, first bought on 21 Nov, from S001.
    ok(sorted(by_supplier) == ["S001", "S002"] and by_supplier["S001"]["refund_value"] == "20.00",
       "by hand: a product bought only after the request is its first supplier's", by_supplier)
    stages = {r["stage"]: r for r in company.run("report", "stages", "--from", "2026-09-20", "--to", "2026-09-20")["rows"]}
    # R4: taken in at 08:00, submitted at 09:00, approved at 12:00: 4 h.
    ok(stages["request-approval"]["median_seconds"] == 4 * 3600, "by hand: a request is timed from when it was taken in",
       stages["request-approval"])
    stages = {r["stage"]: r for r in company.run("report", "stages", "--from", "2026-08-01", "--to", "2026-08-31")["rows"]}
    # R1 approved after 23 h, R2 after 22 h: median 22.5 h, 90th percentile 23 h.
    ok(stages["request-approval"]["returns"] == 2 and stages["request-approval"]["median_hours"] == "22.5"
       and stages["request-approval"]["p90_hours"] == "23",
       "by hand: August's approvals took 23 h and 22 h", stages["request-approval"])
    disposition = {r["key"]: r for r in company.run("report", "returns", "--by", "disposition", "--from", "2026-08-20",
                                                     "--to", "2026-08-20")["rows"]}
    # R1: P-1 3 restocked, 1 scrapped (after the failed inspection), P-2 1 repaired.
    ok(disposition["restock"]["quantity"] == "3" and disposition["restock"]["refund_value"] == "297.00"
       and disposition["scrap"]["quantity"] == "1" and disposition["repair"]["refund_value"] == "3000.00",
       "by hand: R1's dispositions", disposition)


def check_exports(company, work):
    report = company.run("report", "returns", "--by", "product")
    path = os.path.join(work, "by-product.csv")
    said = company.run("report", "returns", "--by", "product", "--csv", path)
    with open(path, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    columns = [c["name"] for c in report["columns"]]
    ok(table[0] == columns and len(table) == len(report["rows"]) + 2 and said["file"] == path,
       "--csv writes the report's columns, its rows and the total", table[:2])
    first, total = table[1], table[-1]
    key = columns.index("SKU") if "SKU" in columns else 0
    row = report["rows"][0]
    ok(first[key] == row["key"] and first[columns.index("Refund value")] == row["refund_value"]
       and total[0] == "Total" and total[columns.index("Refund value")] == report["total"]["refund_value"],
       "the CSV's figures are the report's", (first, total))
    try:
        import openpyxl
    except ImportError:
        print("ok %d - # SKIP python3-openpyxl is not installed" % (tap_n + 1))
        return
    path = os.path.join(work, "stages.xlsx")
    company.run("report", "stages", "--xlsx", path)
    stages = company.run("report", "stages")
    sheet = openpyxl.load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    ok(list(values[0]) == [c["name"] for c in stages["columns"]] and len(values) == 7
       and values[2][2] == float(stages["rows"][1]["median_hours"] or 0),
       "--xlsx writes the stage times as numbers a spreadsheet reads", values[:3])


def check_refusals(company):
    for user in ("sal", "svc", "kp", "view"):
        for args in (("report", "returns", "--by", "reason"), ("report", "stages"), ("report", "stock"),
                     ("report", "stock", "--movements")):
            try:
                company.run(*args, user=user, expect=3, as_json=False)
                good = "report" in company.last_stderr and company.last_stderr.startswith("restock-cli: ")
            except Refused as e:
                good = False
                print("#", e)
            if not good:
                break
        ok(good, "%s may not see reports: exit 3 with one line on stderr" % user)
    for user in ("mgr", "fin"):
        ok(company.run("report", "stock", user=user)["report"] == "stock", "%s sees reports" % user)
    for args, what in ((("report", "returns"), "report returns without --by"),
                       (("report", "returns", "--by", "colour"), "an unknown --by"),
                       (("report", "stages", "--by", "reason"), "--by on stages"),
                       (("report", "stock", "--from", "2026-01-01"), "a range on stock on hand"),
                       (("report", "returns", "--by", "reason", "--csv", "a.csv", "--xlsx", "a.xlsx"), "--csv and --xlsx"),
                       (("report", "sales"), "an unknown report")):
        try:
            company.run(*args, expect=2, as_json=False)
            ok(True, "usage error (exit 2): %s" % what)
        except Refused as e:
            ok(False, "usage error (exit 2): %s" % what, e)
    for args, what in ((("report", "returns", "--by", "reason", "--from", "2026-02-30"), "a date that is none"),
                       (("report", "stages", "--from", "2026-11-30", "--to", "2026-11-01"), "a range the wrong way round")):
        try:
            company.run(*args, expect=1, as_json=False)
            ok(True, "refused (exit 1): %s" % what)
        except Refused as e:
            ok(False, "refused (exit 1): %s" % what, e)


def main():
    print("TAP version 13")
    with tempfile.TemporaryDirectory() as work:
        company = Company(os.path.join(work, "built.db"))
        numbers = build(company)
        ok(True, "a company with returns through every stage is built with the clock moved")
        facts = Facts(company)
        ok(len(facts.returns) == 11, "return show of all its 11 returns is read", len(facts.returns))
        check_all(company, facts, "built", [(None, None), ("2026-09-01", "2026-10-31"), ("2026-11-01", None)])
        check_by_hand(company, numbers)
        check_exports(company, work)
        check_refusals(company)

        demo = Company(os.path.join(work, "demo.db"))
        demo.run("init", now=NOW, as_json=False)
        demo.run("demo", as_json=False)
        facts = Facts(demo)
        ok(len(facts.returns) > 20, "the demo database has returns to report on", len(facts.returns))
        check_all(demo, facts, "demo", [(None, None), ("2026-10-01", "2026-10-31")])
    print("1..%d" % tap_n)
    return 1 if tap_failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Refused as e:
        ok(False, "a command the test needs was refused", e)
        print("1..%d" % tap_n)
        sys.exit(1)
