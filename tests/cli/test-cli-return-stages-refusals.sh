#!/usr/bin/env bash
# The refusals of receiving, inspection, disposition, costs and settlement: each provoked, each
# leaving the database exactly as it was — and every one of these actions by a role that may not.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/returns-setup.sh"
. "$(dirname "$0")/return-stages-setup.sh"

checks=(--check packaging=pass --check accessories=pass --check appearance=pass --check function=pass --check serial=SN)

# ---- receive before approval --------------------------------------------------------------------
as sal return new --customer C001 --reason quality --line P-1:1:99
draft=$out
refused "receive a draft" 1 "only a return that is" -- as kp return receive "$draft" --warehouse WH1 --line P-1:1
as sal return submit "$draft"
refused "receive a submitted return" 1 "only a return that is" -- as kp return receive "$draft" --warehouse WH1 --line P-1:1
as svc return reject "$draft" --comment 不符合
refused "receive a rejected return" 1 "" -- as kp return receive "$draft" --warehouse WH1 --line P-1:1
approved --line P-1:1:99; cancelled=$R
as svc return cancel "$cancelled" --comment 客户撤回
refused "receive a cancelled return" 1 "" -- as kp return receive "$cancelled" --warehouse WH1 --line P-1:1
approved --line P-1:3:99; partial=$R
refused "receive into an unknown warehouse" 1 "WH9" -- as kp return receive "$partial" --warehouse WH9 --line P-1:1
refused "receive an unknown product" 1 "NOPE" -- as kp return receive "$partial" --warehouse WH1 --line NOPE:1
refused "receive 1.5 of a product counted whole" 1 "" -- as kp return receive "$partial" --warehouse WH1 --line P-1:1.5
refused "receive without --line" 2 "" -- as kp return receive "$partial" --warehouse WH1

# ---- inspect more than received ----------------------------------------------------------------
refused "inspect before anything arrived" 1 "only a return that is" -- as kp return inspect "$partial" --line P-1 "${checks[@]}"
as kp return receive "$partial" --warehouse WH1 --line P-1:1
check "1 of 3 received" [ $rc = 0 ]
refused "inspect more than received" 1 "1 把 received" -- as kp return inspect "$partial" --line P-1:2 "${checks[@]}"
refused "inspect a product not on the return" 1 "no line of the product P-2" -- as kp return inspect "$partial" --line P-2 "${checks[@]}"
refused "an unknown checklist item" 1 "no item “colour”" -- as kp return inspect "$partial" --line P-1 "${checks[@]}" --check colour=pass
refused "a required item left out" 1 "function" -- as kp return inspect "$partial" --line P-1 --check packaging=pass \
  --check accessories=pass --check appearance=pass --check serial=SN
refused "a check that is not pass, fail or na" 1 "pass, fail or na" -- as kp return inspect "$partial" --line P-1 \
  --check packaging=ok --check accessories=pass --check appearance=pass --check function=pass --check serial=SN
refused "a milder verdict than the checklist's" 1 "stricter" -- as kp return inspect "$partial" --line P-1 --check packaging=fail \
  --check accessories=pass --check appearance=pass --check function=pass --check serial=SN --verdict pass
as kp --json return inspect "$partial" --line P-1:1 --start
jy=$(jv 'v["number"]')
refused "start a second inspection of what is being inspected" 1 "being inspected" -- as kp return inspect "$partial" --line P-1:1 --start
refused "finish it with another quantity" 1 "$jy" -- as kp return inspect "$partial" --line P-1:2 "${checks[@]}"
as kp return inspect "$partial" --line P-1 "${checks[@]}"
check "the open inspection is finished" [ $rc = 0 ]

# ---- dispose more than inspected; dispose without stock ------------------------------------------
refused "dispose more than inspected" 1 "cannot be disposed of" -- as kp return dispose "$partial" --line P-1:2:restock@A1
refused "dispose to a location of the wrong kind" 1 "not a Storage location" -- as kp return dispose "$partial" --line P-1:1:restock@R1
refused "scrap with a location" 1 "scrap takes no" -- as kp return dispose "$partial" --line P-1:1:scrap@A1
refused "an unknown disposition" 1 "restock, repair, scrap, vendor or replace" -- as kp return dispose "$partial" --line P-1:1:burn
refused "two lines that together exceed what was inspected" 1 "cannot be disposed of" -- \
  as kp return dispose "$partial" --line P-1:1:restock@A1 --line P-1:1:scrap
approved --line P-3:1:5; nostock=$R
as kp return receive "$nostock" --warehouse WH1 --line P-3:1
as kp return inspect "$nostock" --line P-3 "${checks[@]}"
refused "replace without new goods in storage" 1 "Not enough stock of P-3" -- as kp return dispose "$nostock" --line P-3:1:replace@A1
refused "return to a vendor the product was never bought from" 1 "never bought" -- as kp return dispose "$nostock" --line P-3:1:vendor
# The quarantine stock taken away by hand: the restock then lacks stock and moves nothing.
cli slip new --kind out --purpose scrap --warehouse WH1 --line P-3:1@QA && cli slip post "$out"
refused "restock what is no longer in quarantine" 1 "Not enough stock of P-3" -- as kp return dispose "$nostock" --line P-3:1:restock@A1
refused "repaired with nothing in repair" 1 "in repair" -- as kp return repaired "$nostock" --line P-3

# ---- discrepancies -------------------------------------------------------------------------------
refused "resolve where there is no discrepancy" 1 "no open receiving discrepancy" -- as svc return resolve "$partial" accept
refused "resolve in an unknown way" 1 "accept or send-back" -- as svc return resolve "$partial" forget

# ---- costs and settlement ------------------------------------------------------------------------
refused "a cost before approval" 1 "only a return that is" -- as fin return cost "$draft" --kind refund --amount 10
refused "a cost of zero" 1 "more than zero" -- as fin return cost "$partial" --kind refund --amount 0
refused "an unknown cost kind" 1 "refund, freight, handling, repair or vendor-credit" -- as fin return cost "$partial" --kind bribe --amount 1
refused "settle an undisposed return" 1 "only a return that is" -- \
  as fin settlement new --from 2026-11-01 --to 2026-11-30 --return "$partial"
refused "a period with nothing disposed" 1 "No disposed return" -- as fin settlement new --from 2026-11-01 --to 2026-11-30
refused "a period that ends before it starts" 1 "after it ends" -- as fin settlement new --from 2026-11-30 --to 2026-11-01
refused "approve an unknown settlement" 1 "BZ20990101-0001" -- as fin settlement approve BZ20990101-0001

# ---- every action by a role that may not do it -------------------------------------------------
approved --line P-1:2:99; open=$R
as kp return receive "$open" --warehouse WH1 --line P-1:2 --line P-3:1
as kp return inspect "$open" --line P-1:1 "${checks[@]}"
before=$(db_dump)
denied=0 total=0
deny () {   # deny USER ARGS…: exit 3
  total=$((total + 1))
  as "$@"
  if [ "$rc" = 3 ]; then denied=$((denied + 1)); else echo "# not refused: $* → rc=$rc $err"; fi
}
for u in sal svc mgr fin view; do
  deny $u return receive "$partial" --warehouse WH1 --line P-1:1
  deny $u return inspect "$partial" --line P-1:1 --start
  deny $u return dispose "$open" --line P-1:1:restock@A1
  deny $u return repaired "$open" --line P-1
done
for u in sal mgr kp fin view; do
  deny $u return resolve "$open" accept
done
for u in sal svc mgr kp view; do
  deny $u return cost "$open" --kind refund --amount 1
  deny $u settlement new --from 2026-11-01 --to 2026-11-30
  deny $u settlement approve BZ20990101-0001
done
for u in sal svc mgr kp fin view; do
  deny $u inspection template add X 某检验 --category 电池 --item a:check:A
  deny $u inspection template deactivate default
done
check "all $total actions by roles that may not do them exit 3" [ "$denied" = "$total" ]
check "…and none of them changed anything" [ "$before" = "$(db_dump)" ]
as kp return resolve "$open" accept
check "the refusal names what is refused and who may" [ -n "$(grep 'resolve receiving discrepancies' <<< "$err")" ]

# ---- checklists ----------------------------------------------------------------------------------
cli product add P-4 电池 --unit 个 --category 电池
refused "a checklist for a category that does not exist" 1 "电瓶" -- cli inspection template add X2 另一个 --category 电瓶 --item a:check:A
cli inspection template add BATT 电池检验 --category 电池 --item v:measure:电压:V:3.6:4.2
refused "a second checklist for the category" 1 "deactivate it first" -- cli inspection template add BATT2 电池 --category 电池 --item a:check:A
refused "a checklist whose keys repeat" 1 "used twice" -- cli inspection template add T3 重复 --category 工具 --item a:check:A --item A:check:B
cli product add P-9 小工具 --unit 个 --category 工具
refused "a check with a minimum" 1 "only measurements" -- cli inspection template add T4 错误 --category 工具 --item a:check:A::1:2
refused "the default checklist cannot be deactivated" 1 "default" -- cli inspection template deactivate default

cli --json check
check "check is clean after all the refusals" [ $rc = 0 -a "$(jv 'v["ok"]')" = True ]
done_testing
