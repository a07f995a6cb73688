#!/usr/bin/env bash
# restock-cli demo: a new database filled with a company and at least 60 returns over the last
# 90 days, in every state, flagged ones too, with slips and photos; `check` clean afterwards;
# refused, changing nothing, on a database that holds more than its admin.
. "$(dirname "$0")/tap.sh"
jv () { printf '%s' "$out" | /usr/bin/python3 -c "import json, sys; v = json.load(sys.stdin); print($1)"; }

cli init --company "华东商贸有限公司"
cli --json demo
check "demo fills the new database (exit 0)" [ $rc = 0 ]
demo=$out
check "at least 60 returns" [ "$(jv 'v["returns"] >= 60')" = True ]
for state in draft submitted approved receiving received inspected disposed settled rejected cancelled; do
  check "returns in the state $state" [ "$(jv "v['states'].get('$state', 0) > 0")" = True ]
done
check "the states add up to the returns" [ "$(jv 'sum(v["states"].values()) == v["returns"]')" = True ]
check "flagged returns, settlements, inspections, slips and photos" \
  [ "$(jv 'v["flagged"] > 0 and v["settlements"] > 0 and v["inspections"] > 0 and v["slips"] > 0 and v["photos"] > 0')" = True ]
check "users for every role" [ "$(jv 'sorted(u["roles"] for u in v["users"])')" = \
  "['finance', 'keeper', 'keeper', 'manager', 'sales', 'sales', 'service', 'service', 'viewer']" ]

cli --json return list --limit 1000
check "return list shows them" [ "$(jv 'len(v["returns"])')" = "$(out=$demo jv 'v["returns"]')" ]
cli --json return list --flagged --limit 1000
check "return list --flagged shows flagged ones" [ "$(jv 'len(v["returns"]) > 0')" = True ]
sqlite3 "$RESTOCK_DB" "SELECT min(created_at), max(created_at) FROM customer_return" > "$work/span"
check "the returns are spread over the last 90 days, none in the future" /usr/bin/python3 -c "
import time; lo, hi = (int(x) / 1e6 for x in open('$work/span').read().split('|'))
now = time.time(); assert now - 90 * 86400 <= lo and hi <= now and hi - lo > 60 * 86400, (lo, hi, now)"
check "inspections carry photos, returns attachments, receipts scans" [ "$(sqlite3 "$RESTOCK_DB" \
  "SELECT (SELECT count(*) > 0 FROM inspection_photo) AND (SELECT count(*) > 0 FROM return_attachment) AND (SELECT count(*) > 0 FROM slip_attachment)")" = 1 ]
sha=$(sqlite3 "$RESTOCK_DB" "SELECT sha256 FROM inspection_photo LIMIT 1")
check "the photos are JPEG files in the store" [ "$(head -c 3 "$work/attachments/${sha:0:2}/$sha" | od -An -tx1 | tr -d ' ')" = ffd8ff ]
check "every kind of disposition happened" [ "$(sqlite3 "$RESTOCK_DB" "SELECT group_concat(kind) FROM (SELECT DISTINCT kind FROM return_disposition ORDER BY kind)")" = \
  repair,replace,restock,scrap,vendor ]
check "discrepancies accepted, sent back and open" [ "$(sqlite3 "$RESTOCK_DB" "SELECT group_concat(state) FROM (SELECT DISTINCT state FROM return_discrepancy ORDER BY state)")" = \
  accepted,open,sent-back ]

cli --json check
check "check is clean afterwards" [ $rc = 0 -a "$(jv 'v["ok"]')" = True ]
cli audit verify
check "the audit chain is intact" [ $rc = 0 ]

name=$(out=$demo jv 'v["users"][0]["name"]'); password=$(out=$demo jv 'v["users"][0]["password"]')
RESTOCK_PASSWORD=$password cli --user "$name" --json return list --limit 1
check "a demo user logs in with the password printed" [ $rc = 0 ]

before=$(db_dump)
cli demo
check "a second demo is refused (exit 1)" [ $rc = 1 ]
check "…saying the database is not empty" grep -q "already holds data" <<< "$err"
check "…and changes nothing" [ "$before" = "$(db_dump)" ]

export RESTOCK_DB=$work/other.db
cli init
cli customer add 某客户
before=$(db_dump)
cli demo
check "demo on a database with a customer is refused (exit 1)" [ $rc = 1 ]
check "…and changes nothing" [ "$before" = "$(db_dump)" ]
LANGUAGE=zh_CN cli demo
check "…in Chinese under zh_CN" grep -q "已有数据" <<< "$err"
done_testing
