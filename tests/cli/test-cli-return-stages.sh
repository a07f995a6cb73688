#!/usr/bin/env bash
# Every path through DESIGN §2 after approval, driven as the users of each role would: receiving
# (whole, partial, discrepancies accepted and sent back), inspection, each disposition, costs and
# settlement — checking states, signatures, slips, on-hand and costs after each step.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/returns-setup.sh"
. "$(dirname "$0")/return-stages-setup.sh"

# pass_all RMA SKU[:QTY] [ARGS…]: the keeper inspects with every item of the default checklist passed.
pass_all () {
  local r=$1 line=$2; shift 2
  as kp --json return inspect "$r" --line "$line" --check packaging=pass --check accessories=pass \
     --check appearance=pass --check function=pass --check serial=SN-1 "$@"
}

# ---- restock ---------------------------------------------------------------------------------
approved --line P-1:2:99
shown "$R"
check "restock: the return is approved" [ "$(jv 'v["state"]')" = approved ]
check "restock: signed by svc at level 1 and mgr at level 2" \
  [ "$(jv '[(s["level"], s["user"]) for s in v["signatures"]]')" = "[(1, 'svc'), (2, 'mgr')]" ]
qa_before=$(qty P-1 QA)
as kp --json return receive "$R" --warehouse WH1 --line P-1:2
check "restock: the keeper receives 2 (RECEIVED)" [ $rc = 0 -a "$(jv 'v["state"]')" = received ]
check "restock: …received 2 on the line" [ "$(jv 'v["lines"][0]["received"]')" = 2 ]
rk=$(slip_of receipt)
check "restock: …on a posted return-in slip RK…" [ "${rk:0:2}" = RK -a "$(jv "[s['purpose'] + '/' + s['state'] for s in v['slips'] if s['role'] == 'receipt'][0]")" = return-in/posted ]
check "restock: …into quarantine (QA +2)" [ "$(qty P-1 QA)" = $((qa_before + 2)) ]
check "restock: …and the timeline says received, with the slip" \
  [ "$(jv '(v["events"][-1]["kind"], v["events"][-1]["to"], v["events"][-1]["ref"])')" = "('receive', 'received', '$rk')" ]
check "restock: the slip is from the customer, names the return and lands at QA" [ "$(a_slip "$rk" '(v["partner"]["code"], v["remark"], v["lines"][0]["location"])')" = "('C001', 'Return $R', 'QA')" ]
pass_all "$R" P-1
check "restock: the inspection passes (JY…)" [ $rc = 0 -a "$(jv 'v["verdict"]')" = pass -a "$(jv 'v["number"][:2]')" = JY ]
check "restock: …with the default checklist's five results" [ "$(jv 'len(v["results"])')" = 5 -a "$(jv 'v["template"]')" = default ]
shown "$R"
check "restock: the return is INSPECTED" [ "$(jv 'v["state"]')" = inspected ]
a2_before=$(qty P-1 A2)
as kp --json return dispose "$R" --line P-1:2:restock@A2
check "restock: dispose 2 to A2 (DISPOSED)" [ $rc = 0 -a "$(jv 'v["state"]')" = disposed ]
db=$(slip_of disposition)
check "restock: …by a posted transfer DB… (restock)" [ "${db:0:2}" = DB -a "$(jv "[s['purpose'] for s in v['slips'] if s['role'] == 'disposition'][0]")" = restock ]
check "restock: QA back to where it was, A2 +2" [ "$(qty P-1 QA)" = "$qa_before" -a "$(qty P-1 A2)" = $((a2_before + 2)) ]
check "restock: the disposition is done at A2" [ "$(jv '(v["dispositions"][0]["kind"], v["dispositions"][0]["location"], v["dispositions"][0]["state"])')" = "('restock', 'A2', 'done')" ]
as fin --json return cost "$R" --kind refund --amount 198
check "restock: finance records the refund" [ $rc = 0 -a "$(jv 'v["costs"]["totals"]["refund"]')" = 198.00 -a "$(jv 'v["costs"]["totals"]["total"]')" = 198.00 ]
as fin --json return cost "$R" --kind freight --amount 12.50 --remark 顺丰到付
check "restock: …and the freight; the total adds up" [ "$(jv 'v["costs"]["totals"]["total"]')" = 210.50 ]
R_RESTOCK=$R

# ---- repair, then back to storage ---------------------------------------------------------------
approved --line P-2:1:3000
as kp return receive "$R" --warehouse WH1 --line P-2:1
as kp --json return inspect "$R" --line P-2 --check packaging=pass --check accessories=pass \
   --check appearance=pass --check function=fail --check serial=SN-9
check "repair: the inspection fails on function" [ "$(jv 'v["computed_verdict"]')" = fail -a "$(jv 'v["verdict"]')" = fail ]
r1_before=$(qty P-2 R1)
as kp --json return dispose "$R" --line P-2:1:repair
check "repair: to the repair location (the only one: R1), DISPOSED" [ $rc = 0 -a "$(jv 'v["state"]')" = disposed ]
check "repair: …the disposition waits in repair" [ "$(jv '(v["dispositions"][0]["location"], v["dispositions"][0]["state"])')" = "('R1', 'in-repair')" ]
check "repair: R1 +1, QA −1" [ "$(qty P-2 R1)" = $((r1_before + 1)) ]
a1_before=$(qty P-2 A1)
as kp --json return repaired "$R" --line P-2@A1
check "repair: back from repair to A1" [ $rc = 0 -a "$(jv 'v["dispositions"][0]["state"]')" = done ]
back=$(slip_of repair-back)
check "repair: …on a posted transfer DB… (repair-back)" [ "${back:0:2}" = DB -a "$(jv 'v["dispositions"][0]["back_slip"]')" = "$back" ]
check "repair: R1 as before, A1 +1" [ "$(qty P-2 R1)" = "$r1_before" -a "$(qty P-2 A1)" = $((a1_before + 1)) ]
check "repair: the timeline records the repair-back" [ "$(jv 'v["events"][-1]["kind"]')" = repair-back ]
as fin --json return cost "$R" --kind repair --amount 80
check "repair: finance records the repair cost" [ "$(jv 'v["costs"]["totals"]["repair"]')" = 80.00 ]

# ---- scrap ------------------------------------------------------------------------------------
approved --line P-1:2:99
as kp return receive "$R" --warehouse WH1 --line P-1:2
pass_all "$R" P-1 --verdict fail --remark "锈蚀严重"
check "scrap: the inspector may make a pass stricter (fail)" [ "$(jv 'v["computed_verdict"]')" = pass -a "$(jv 'v["verdict"]')" = fail ]
cli --json product show P-1; avg=$(jv 'v["product"]["avg_cost"]')
qa_before=$(qty P-1 QA)
as kp --json return dispose "$R" --line P-1:2:scrap
check "scrap: disposed" [ $rc = 0 -a "$(jv 'v["state"]')" = disposed ]
ck=$(slip_of disposition)
check "scrap: …by a posted out slip CK… (scrap)" [ "${ck:0:2}" = CK -a "$(jv "[s['purpose'] for s in v['slips'] if s['role'] == 'disposition'][0]")" = scrap ]
check "scrap: the loss is 2 × the moving average ($avg)" \
  [ "$(jv 'v["costs"]["totals"]["scrap-loss"]')" = "$(/usr/bin/python3 -c "print('%.2f' % (2 * $avg))")" ]
check "scrap: …shown on the disposition too" [ "$(jv 'v["dispositions"][0]["scrap_loss"]')" = "$(jv 'v["costs"]["totals"]["scrap-loss"]')" ]
check "scrap: QA −2" [ "$(qty P-1 QA)" = $((qa_before - 2)) ]
as fin return cost "$R" --kind scrap-loss --amount 1
check "scrap: the scrap loss is not typed (exit 1)" [ $rc = 1 ]

# ---- return to vendor ----------------------------------------------------------------------------
approved --line P-2:1:3000
as kp return receive "$R" --warehouse WH1 --line P-2:1
as kp return inspect "$R" --line P-2 --check packaging=pass --check accessories=pass --check appearance=fail \
   --check function=fail --check serial=SN-7
as kp --json return dispose "$R" --line P-2:1:vendor
check "vendor: disposed" [ $rc = 0 -a "$(jv 'v["state"]')" = disposed ]
check "vendor: …to the supplier it was last bought from" [ "$(jv 'v["dispositions"][0]["supplier"]')" = S001 ]
ck=$(slip_of disposition)
check "vendor: a posted out slip (return-to-vendor) to S001 from QA" [ "$(a_slip "$ck" '(v["kind"], v["purpose"], v["state"], v["partner"]["code"], v["lines"][0]["location"])')" = "('out', 'return-to-vendor', 'posted', 'S001', 'QA')" ]
as fin --json return cost "$R" --kind refund --amount 3000
as fin --json return cost "$R" --kind vendor-credit --amount 1000
check "vendor: vendor credit reduces the total" [ "$(jv 'v["costs"]["totals"]["vendor-credit"]')" = 1000.00 -a "$(jv 'v["costs"]["totals"]["total"]')" = 2000.00 ]

# ---- replacement -----------------------------------------------------------------------------
approved --line P-2:1:3000
as kp return receive "$R" --warehouse WH1 --line P-2:1
pass_all "$R" P-2
a1_before=$(qty P-2 A1); qa_before=$(qty P-2 QA)
as kp --json return dispose "$R" --line P-2:1:replace@A1
check "replace: disposed" [ $rc = 0 -a "$(jv 'v["state"]')" = disposed ]
ck=$(slip_of disposition)
check "replace: new goods leave A1 to the customer on an out slip (replacement)" [ "$(a_slip "$ck" '(v["kind"], v["purpose"], v["partner"]["code"], v["lines"][0]["location"])')" = "('out', 'replacement', 'C001', 'A1')" ]
check "replace: A1 −1; the returned unit stays in quarantine" [ "$(qty P-2 A1)" = $((a1_before - 1)) -a "$(qty P-2 QA)" = "$qa_before" ]

# ---- partial receipt -------------------------------------------------------------------------
approved --line P-1:3:99 --line P-3:2:5
as kp --json return receive "$R" --warehouse WH1 --line P-1:1
check "partial: 1 of 3 arrives: RECEIVING" [ $rc = 0 -a "$(jv 'v["state"]')" = receiving -a "$(jv 'v["receiving_at"] is not None')" = True ]
check "partial: …not yet received_at" [ "$(jv 'v["received_at"]')" = None ]
pass_all "$R" P-1
shown "$R"
check "partial: what arrived can be inspected already" [ "$(jv 'v["state"]')" = receiving ]
as kp return receive "$R" --warehouse WH2 --line P-1:2
check "partial: the rest must go to the same warehouse (exit 1)" [ $rc = 1 ]
as kp --json return receive "$R" --warehouse WH1 --line P-1:2 --line P-3:2
check "partial: the rest arrives: RECEIVED" [ $rc = 0 -a "$(jv 'v["state"]')" = received ]
check "partial: two receipts, two slips" [ "$(jv 'len(v["receipts"])')" = 2 -a "$(jv 'len([s for s in v["slips"] if s["role"] == "receipt"])')" = 2 ]
pass_all "$R" P-1
pass_all "$R" P-3
shown "$R"
check "partial: all inspected: INSPECTED" [ "$(jv 'v["state"]')" = inspected -a "$(jv 'len(v["inspections"])')" = 3 ]
as kp --json return dispose "$R" --line P-1:1:restock@A1
check "partial: part disposed stays INSPECTED" [ $rc = 0 -a "$(jv 'v["state"]')" = inspected ]
as kp --json return dispose "$R" --line P-1:2:restock@A2 --line P-3:2:restock@A1
check "partial: the rest disposed: DISPOSED" [ $rc = 0 -a "$(jv 'v["state"]')" = disposed ]
check "partial: each line received, inspected, disposed in full" \
  [ "$(jv '[(l["received"], l["inspected"], l["disposed"]) for l in v["lines"]]')" = "[('3', '3', '3'), ('2', '2', '2')]" ]

# ---- a discrepancy accepted ------------------------------------------------------------------
approved --line P-1:1:99
qa1=$(qty P-1 QA); qa3=$(qty P-3 QA)
as kp --json return receive "$R" --warehouse WH1 --line P-1:2 --line P-3:1
check "accept: more than approved and another product: RECEIVING" [ $rc = 0 -a "$(jv 'v["state"]')" = receiving ]
check "accept: …two open discrepancies, excess and other-product" \
  [ "$(jv 'sorted((d["kind"], d["sku"], d["quantity"], d["state"]) for d in v["discrepancies"])')" = "[('excess', 'P-1', '1', 'open'), ('other-product', 'P-3', '1', 'open')]" ]
check "accept: …all of it is in quarantine on the slip" [ "$(qty P-1 QA)" = $((qa1 + 2)) -a "$(qty P-3 QA)" = $((qa3 + 1)) ]
check "accept: …the approved line counts only what was approved" [ "$(jv 'v["lines"][0]["received"]')" = 1 ]
as kp return inspect "$R" --line P-1 --check packaging=pass
check "accept: a line with an open discrepancy goes no further (exit 1)" [ $rc = 1 -a -n "$(grep discrepancy <<< "$err")" ]
as svc --json return resolve "$R" accept --comment 客户多寄的也收下
check "accept: customer service accepts: RECEIVED" [ $rc = 0 -a "$(jv 'v["state"]')" = received ]
check "accept: …the line takes the excess, a new line (origin receipt) the other product" \
  [ "$(jv '[(l["sku"], l["quantity"], l["received"], l["origin"]) for l in v["lines"]]')" = "[('P-1', '1', '2', 'intake'), ('P-3', '1', '1', 'receipt')]" ]
check "accept: …the discrepancies are accepted by svc" [ "$(jv 'sorted(set((d["state"], d["resolved_by"]) for d in v["discrepancies"]))')" = "[('accepted', 'svc')]" ]
pass_all "$R" P-1
pass_all "$R" P-3
as kp --json return dispose "$R" --line P-1:2:restock@A1 --line P-3:1:restock@A1
check "accept: inspected and disposed: DISPOSED" [ $rc = 0 -a "$(jv 'v["state"]')" = disposed ]

# ---- a discrepancy sent back --------------------------------------------------------------------
approved --line P-1:1:99
as kp return receive "$R" --warehouse WH1 --line P-1:1 --line P-3:2
qa3=$(qty P-3 QA)
as svc --json return resolve "$R" send-back --line P-3 --comment 不是我们的货
check "send-back: customer service sends it back: RECEIVED" [ $rc = 0 -a "$(jv 'v["state"]')" = received ]
ck=$(slip_of send-back)
check "send-back: …the discrepancy is sent back on that slip" [ "$(jv '(v["discrepancies"][0]["state"], v["discrepancies"][0]["slip"])')" = "('sent-back', '$ck')" ]
check "send-back: a posted out slip (send-back) of 2 from QA to C001, by svc" [ "$(a_slip "$ck" '(v["kind"], v["purpose"], v["state"], v["partner"]["code"], v["lines"][0]["location"], v["lines"][0]["quantity"], v["created_by"])')" = "('out', 'send-back', 'posted', 'C001', 'QA', '2', 'svc')" ]
check "send-back: QA −2" [ "$(qty P-3 QA)" = $((qa3 - 2)) ]
shown "$R"
check "send-back: the return has one line, nothing added" [ "$(jv 'len(v["lines"])')" = 1 ]
pass_all "$R" P-1
as kp return dispose "$R" --line P-1:1:restock@A1
shown "$R"
check "send-back: then inspected and disposed" [ "$(jv 'v["state"]')" = disposed ]

# ---- inspection: templates, measurements, photos, times ------------------------------------------
cli product add P-4 电池 --unit 个 --category 电池 --cost 20
cli inspection template add BATT 电池检验 --category 电池 --item voltage:measure:电压:V:3.6:4.2 \
    --item label?:check:标签 --item photo:photo:外观照片
check "an admin adds a checklist for a category" [ $rc = 0 ]
approved --line P-4:2:30
as kp return receive "$R" --warehouse WH1 --line P-4:2
RESTOCK_NOW=2026-11-26T13:00:00Z as kp --json return inspect "$R" --line P-4:1 --start
jy=$(jv 'v["number"]')
check "an inspection is started (open) for 1" [ $rc = 0 -a "$(jv 'v["state"]')" = open -a "$(jv 'v["quantity"]')" = 1 ]
as kp return inspect "$R" --line P-4 --check voltage=3.9
check "a photo item without a photo is refused (exit 1)" [ $rc = 1 -a -n "$(grep 'needs a photo' <<< "$err")" ]
printf '\xff\xd8\xff\xe0 battery photo' > "$work/电池.jpg"
RESTOCK_NOW=2026-11-26T13:25:00Z as kp --json return inspect "$R" --line P-4 --check voltage=4.5 --photo "photo=$work/电池.jpg"
check "the open inspection is finished with the category's checklist" [ $rc = 0 -a "$(jv 'v["number"]')" = "$jy" -a "$(jv 'v["template"]')" = BATT ]
check "…a measurement above the maximum fails it" [ "$(jv '[(r["key"], r["value"], r["passed"]) for r in v["results"] if r["key"] == "voltage"][0]')" = "('voltage', '4.5', False)" -a "$(jv 'v["verdict"]')" = fail ]
check "…started and finished by the program's clock" [ "$(jv 'v["started_at"] != v["finished_at"]')" = True ]
check "…the photo is on its item, stored by SHA-256" [ "$(jv 'v["photos"][0]["item"]')" = photo -a "$(jv 'v["photos"][0]["sha256"]')" = "$(sha256sum < "$work/电池.jpg" | cut -d' ' -f1)" ]
as kp --json return inspect "$R" --line P-4 --check voltage=3.9 --photo "$work/电池.jpg" --remark 正常
check "the second unit passes with a photo of the whole line" [ $rc = 0 -a "$(jv 'v["verdict"]')" = pass -a "$(jv 'v["photos"][0]["item"]')" = None ]
shown "$R"
check "the return is INSPECTED with both inspections shown" [ "$(jv 'v["state"]')" = inspected -a "$(jv 'len(v["inspections"])')" = 2 ]
check "…results per item in return show" [ "$(jv 'v["inspections"][0]["results"][0]["key"]')" = voltage ]

# ---- settlement ----------------------------------------------------------------------------------
as fin --json settlement new --from 2026-11-01 --to 2026-11-30
check "settlement: finance gathers the disposed returns of the month (BZ…)" [ $rc = 0 -a "$(jv 'v["number"][:2]')" = BZ -a "$(jv 'v["state"]')" = draft ]
bz=$(jv 'v["number"]')
n=$(jv 'len(v["returns"])')
check "settlement: …all eight disposed returns" [ "$n" = 8 ]
total=$(jv 'v["total"]')
check "settlement: …its total is the sum of the returns' totals" [ "$(jv 'sum(float(r["total"]) for r in v["returns"]) == float(v["total"])')" = True ]
check "settlement: the inspected-only return is not in it" [ "$(jv "'$R' in [r['number'] for r in v['returns']]")" = False ]
shown "$R_RESTOCK"
check "settlement: a gathered return is still DISPOSED until approval" [ "$(jv 'v["state"]')" = disposed -a "$(jv 'v["settlement"]["state"]')" = draft ]
as fin --json settlement approve "$bz"
check "settlement: finance approves it" [ $rc = 0 -a "$(jv 'v["state"]')" = approved -a "$(jv 'v["approved_by"]')" = fin ]
check "settlement: every return in it is SETTLED" [ "$(jv 'set(r["state"] for r in v["returns"])')" = "{'settled'}" ]
shown "$R_RESTOCK"
check "settlement: the return shows the settlement, settled_at and the event" \
  [ "$(jv '(v["state"], v["settlement"]["number"], v["settled_at"] is not None, v["events"][-1]["kind"], v["events"][-1]["ref"])')" = "('settled', '$bz', True, 'settle', '$bz')" ]
as fin return cost "$R_RESTOCK" --kind freight --amount 1
check "settlement: a settled return takes no more costs (exit 1)" [ $rc = 1 ]
as fin settlement approve "$bz"
check "settlement: approving twice is refused (exit 1)" [ $rc = 1 ]
as fin settlement new --from 2026-11-01 --to 2026-11-30
check "settlement: nothing left to settle in the month is refused (exit 1)" [ $rc = 1 ]

# ---- the audit log and the books stay sound -------------------------------------------------------
cli --json audit list --limit 2000
check "every step is audited (receive, resolve, inspect, dispose, repair-back, cost, settle)" \
  [ "$(jv 'sorted(set(e["action"] for e in v["audit"] if e["action"].startswith(("return.receive", "return.resolve", "return.inspect", "return.dispose", "return.repair-back", "return.cost", "return.settle", "settlement."))))')" = \
    "['return.cost', 'return.dispose', 'return.inspect', 'return.inspection-start', 'return.receive', 'return.repair-back', 'return.resolve', 'return.settle', 'settlement.approve', 'settlement.new']" ]
cli --json check
check "check is clean: on-hand = ledger, audit chain intact" [ $rc = 0 -a "$(jv 'v["ok"]')" = True ]
cli audit verify
check "audit verify passes" [ $rc = 0 ]

done_testing
