#!/usr/bin/env bash
# Every return action by a role that may not do it exits 3 and changes nothing; the approval
# chain is master data only the admin edits.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/returns-setup.sh"

# ---- every action by a role that may not do it ------------------------------------------
as sal return new --customer C002 --reason other --line P-1:1:10
d=$out
as sal return new --customer C002 --reason other --line P-1:1:10
s=$out; as sal return submit "$s"
as sal return new --customer C002 --reason other --line P-1:1:10
r=$out; as sal return submit "$r"; as svc return reject "$r" --comment x
before=$(db_dump)
denied=0 total=0
deny () {   # deny USER ARGS…: exit 3 and a message naming what was refused
  total=$((total + 1))
  as "$@"
  if [ "$rc" = 3 ]; then denied=$((denied + 1)); else echo "# not refused: $* → rc=$rc $err"; fi
}
for u in svc mgr kp fin view; do
  deny $u return new --customer C002 --reason other --line P-1:1:10
  deny $u return edit "$d" --note x
  deny $u return submit "$d"
  deny $u return revise "$r"
  deny $u return attach "$d" "$0"
done
for u in sal kp fin view; do
  deny $u return approve "$s"
  deny $u return reject "$s" --comment x
done
for u in sal mgr kp fin view; do
  deny $u return cancel "$d"
done
for u in sal svc mgr kp fin view; do
  deny $u return chain --level manager
  deny $u return policy --receiving-days 3
done
check "all $total actions by roles that may not do them exit 3" [ $denied = $total ]
check "…and change nothing" [ "$before" = "$(db_dump)" ]
as kp return approve "$s"
check "the refusal names the action" grep -q "approve or reject returns" <<< "$err"
as view --json return list
check "every role may list returns" [ $rc = 0 ]

# ---- the chain is master data the admin edits -------------------------------------------
cli --json return chain
check "the seeded chain: service, manager, admin from 5000.00" [ "$(jv '[(l["role"], l["min_amount"]) for l in v["levels"]]')" = "[('service', None), ('manager', None), ('admin', '5000.00')]" ]
refused "a chain level for a role that cannot approve" 1 "" -- cli return chain --level keeper
refused "an unknown role" 2 "" -- cli return chain --level wizard
cli --json return chain --level service --level manager@1000
check "the admin sets a two-level chain" [ $rc = 0 -a "$(jv '[(l["role"], l["min_amount"]) for l in v["levels"]]')" = "[('service', None), ('manager', '1000.00')]" ]
as sal return new --customer C002 --reason other --line P-1:1:10
small=$out
as sal --json return submit "$small"
check "under ¥1,000 only customer service signs" [ "$(jv '[l["role"] for l in v["levels"]]')" = "['service']" ]
as svc --json return approve "$small"
check "…and one signature approves it" [ "$(json '["state"]')" = approved ]
as sal --json return show "$s"
check "a return submitted before keeps the levels it was submitted with" [ "$(jv '[l["role"] for l in v["levels"]]')" = "['service', 'manager']" ]

done_testing
