#!/usr/bin/env bash
# The time checks with RESTOCK_NOW moved between commands: the return window per reason, the
# receiving deadline, `return list --flagged`, and the admin-edited policy.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/returns-setup.sh"

# ---- time checks: RESTOCK_NOW moves between commands ---------------------------------------
as sal --json return new --customer C002 --reason no-reason --sold-on 2026-11-10 --line P-1:1:10
late=$(json '["number"]')
check "no-reason sold 16 days ago: the 7-day window is broken" [ "$(jv '[(f["kind"], f["limit"], f["actual"], f["over"], f["pending"]) for f in v["flags"]]')" = "[('return-window', '7', '16', '9', False)]" ]
as sal --json return new --customer C002 --reason quality --sold-on 2026-11-10 --line P-1:1:10
late2=$(json '["number"]')
check "quality sold 16 days ago: 15-day window, 1 day over" [ "$(jv '[(f["kind"], f["over"]) for f in v["flags"]]')" = "[('return-window', '1')]" ]
as sal --json return new --customer C002 --reason quality --sold-on 2026-11-11 --line P-1:1:10
check "quality sold 15 days ago: within the window" [ "$(json '["flags"]')" = '[]' ]
ontime=$(json '["number"]')

as view --json return list --flagged
check "list --flagged: the two window breaches" [ "$(jv '[r["number"] for r in v["returns"]]')" = "['$late2', '$late']" ]

as sal return submit "$ontime"; as svc return approve "$ontime"; as mgr return approve "$ontime"
RESTOCK_NOW=2026-12-06T12:00:00Z as view --json return list --flagged --state approved
check "10 days after approval, not received: not yet late" [ "$(jv '[r["number"] for r in v["returns"]]')" = '[]' ]
RESTOCK_NOW=2026-12-06T13:00:00Z as view --json return show "$ontime"
check "10 days and an hour after: a pending receiving breach" [ "$(jv '[(f["kind"], f["limit"], f["pending"]) for f in v["flags"]]')" = "[('receiving-deadline', '10', True)]" ]
check "…by 0.1 days (an hour, rounded up)" [ "$(json '["flags"][0]["over"]')" = 0.1 ]
RESTOCK_NOW=2026-12-09T12:00:00Z as view --json return list --flagged --state approved
check "13 days on, list --flagged holds the approved return not received" [ "$(jv 'sorted(r["number"] for r in v["returns"])')" = "['$ontime']" ]
RESTOCK_NOW=2026-12-09T12:00:00Z as view return list --flagged
check "…with the breach in words" grep -q "Not received 13 days after approval; the deadline is 10 days: 3 days overdue." <<< "$out"
LANGUAGE=zh_CN RESTOCK_NOW=2026-12-09T12:00:00Z as view return list --flagged
check "…in Chinese" grep -q "批准已 13 天仍未收货，时限为 10 天，已逾期 3 天。" <<< "$out"

cli --json return policy --receiving-days 20 --window no-reason=30
check "the admin changes the policy" [ $rc = 0 -a "$(json '["receiving_deadline_days"]')" = 20 -a "$(json '["windows"]["no-reason"]')" = 30 ]
RESTOCK_NOW=2026-12-09T12:00:00Z as view --json return show "$ontime"
check "with 20 days to receive, no breach on day 13" [ "$(json '["flags"]')" = '[]' ]
as sal --json return new --customer C002 --reason no-reason --sold-on 2026-11-10 --line P-1:1:10
check "with a 30-day no-reason window, 16 days is fine" [ "$(json '["flags"]')" = '[]' ]
as view --json return show "$late"
check "a breach recorded earlier stays recorded" [ "$(jv '[f["kind"] for f in v["flags"]]')" = "['return-window']" ]
cli return policy --window no-reason=default
cli --json return policy
check "a reason's window can follow the default again" [ "$(json '["windows"]')" = '{}' ]
refused "a receiving deadline of 0 days" 1 "" -- cli return policy --receiving-days 0

cli audit verify
check "the audit chain is intact after all of it" [ $rc = 0 ]

done_testing

done_testing
