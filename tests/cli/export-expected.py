#!/usr/bin/python3
"""export-expected.py LIST < JSON — what `restock-cli export LIST` must hold, built from what
`restock-cli --json` lists (product list --all, customer list --all, supplier list --all, stock,
ledger, slip list), independently of the exporter: the English header (tests run untranslated),
each row's values as decimal strings and ISO dates, and each column's type. For check-export.py."""
import json, sys

kind = sys.argv[1]
data = json.load(sys.stdin)

def status(active):
    return "Active" if active else "Inactive"

if kind == "products":
    header = ["SKU", "Product name", "Specification", "Unit", "Decimals", "Barcode", "Category", "Cost", "Price", "Status"]
    types = {"Decimals": "integer", "Cost": "money", "Price": "money"}
    rows = [[p["sku"], p["name"], p["spec"], p["unit"], str(p["decimals"]), p["barcode"], p["category"],
             p["avg_cost"], p["list_price"], status(p["active"])] for p in data["products"]]
elif kind in ("customers", "suppliers"):
    noun = "Customer" if kind == "customers" else "Supplier"
    header = [f"{noun} code", f"{noun} name", "Contact", "Phone", "E-mail", "Address", "Remark", "Status"]
    types = {}
    rows = [[p["code"], p["name"], p["contact"], p["phone"], p["email"], p["address"], p["remark"],
             status(p["active"])] for p in data[kind]]
elif kind == "stock":
    header = ["Warehouse", "Location", "Location kind", "SKU", "Product name", "Quantity", "Unit", "Cost"]
    types = {"Location kind": "shown", "Quantity": "quantity", "Cost": "money"}
    rows = [[s["warehouse"], s["location"], s["location_kind"], s["sku"], s["name"], s["quantity"], s["unit"],
             s["avg_cost"]] for s in data["stock"]]
elif kind == "ledger":
    header = ["Time", "Slip", "SKU", "Warehouse", "Location", "Quantity", "Unit", "Unit cost", "Reversal", "User"]
    types = {"Time": "datetime", "Quantity": "quantity", "Unit cost": "money"}
    rows = [[e["time"], e["slip"], e["sku"], e["warehouse"], e["location"], e["quantity"], e["unit"],
             e["unit_cost"], "Yes" if e["reversal"] else "No", e["user"]] for e in data["ledger"]]
elif kind == "slips":
    header = ["Number", "Type", "Purpose", "State", "Warehouse", "To warehouse", "Date", "Partner", "Remark", "Lines",
              "Created by", "Created at", "Posted by", "Posted at"]
    types = {"Type": "shown", "Purpose": "shown", "State": "shown", "Date": "date", "Lines": "integer",
             "Created at": "datetime", "Posted at": "datetime"}
    rows = [[s["number"], s["kind"], s["purpose"], s["state"], s["warehouse"], s.get("to_warehouse"), s["date"],
             (s["partner"] or {}).get("name"), s["remark"], str(s["line_count"]), s["created_by"], s["created_at"],
             s["posted_by"], s["posted_at"]] for s in data["slips"]]
else:
    sys.exit(f"unknown list {kind}")

json.dump({"header": header, "rows": rows, "types": types}, sys.stdout, ensure_ascii=False)
