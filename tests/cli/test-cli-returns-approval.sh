#!/usr/bin/env bash
# The approval chain signed in order through restock-cli, as the users of each role would:
# skipped level, self-approval and the same person twice refused; rejection and revise;
# cancellation from every state that allows it.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/returns-setup.sh"

as sal return new --slip CK$D-0001 --reason quality --note 手柄断裂 --line P-1:2 --line P-2:1::SN-0042
check "a return of 2 P-1 and 1 P-2 is taken in" [ $rc = 0 -a "$out" = TH$D-0001 ]
as sal return new --slip CK$D-0001 --reason quality --line P-1:1
check "…and a second one" [ $rc = 0 -a "$out" = TH$D-0002 ]

# ---- the approval path: service, manager, and admin from ¥5,000.00 ----------------------
as sal --json return submit TH$D-0001
check "sales submits" [ $rc = 0 -a "$(json '["state"]')" = submitted ]
check "a refund of 3198.00 needs levels 1 service and 2 manager" [ "$(jv '[l["role"] for l in v["levels"]]')" = "['service', 'manager']" ]
check "…and waits for level 1" [ "$(json '["next_level"]')" = 1 -a "$(json '["next_role"]')" = service ]
refused "skipping level 1: the manager signs first" 1 "none may be skipped" -- as mgr return approve TH$D-0001
as svc --json return approve TH$D-0001
check "customer service signs level 1" [ $rc = 0 -a "$(json '["state"]')" = submitted ]
check "…a signature: level 1, svc, approve" [ "$(jv '[(s["level"], s["user"], s["decision"]) for s in v["signatures"]]')" = "[(1, 'svc', 'approve')]" ]
check "…now waits for level 2, manager" [ "$(json '["next_level"]')" = 2 -a "$(json '["next_role"]')" = manager ]
refused "the same service user again" 3 "" -- as svc return approve TH$D-0001
refused "another service user cannot sign the manager's level" 3 "Manager" -- as svc2 return approve TH$D-0001
as mgr --json return approve TH$D-0001 --comment 同意退货
check "the manager signs level 2: approved" [ $rc = 0 -a "$(json '["state"]')" = approved ]
check "…two signatures with the comment" [ "$(jv '[(s["level"], s["user"], s["comment"]) for s in v["signatures"]]')" = "[(1, 'svc', ''), (2, 'mgr', '同意退货')]" ]
check "…stamped approved_at" [ "$(json '["approved_at"]')" = 2026-11-26T12:00:00Z ]
check "…with the confirmation e-mail to the customer" grep -q '^mailto:buyer@example.com?subject=Return%20TH'$D'-0001%20approved&body=' <<< "$(json '["confirmation_mailto"]')"
refused "approving an approved return" 1 "Approved" -- as svc2 return approve TH$D-0001

as view --json return show TH$D-0001
check "a viewer sees the return" [ $rc = 0 -a "$(json '["state"]')" = approved ]
check "show: lines with received / inspected / disposed" [ "$(jv '[(l["sku"], l["quantity"], l["received"], l["inspected"], l["disposed"]) for l in v["lines"]]')" = "[('P-1', '2', '0', '0', '0'), ('P-2', '1', '0', '0', '0')]" ]
check "show: the linked sale slip" [ "$(jv '[(s["role"], s["number"]) for s in v["slips"]]')" = "[('sale', 'CK$D-0001')]" ]
check "show: costs with totals" [ "$(json '["costs"]["totals"]["total"]')" = 0.00 -a "$(json '["costs"]["lines"]')" = '[]' ]
check "show: no flags" [ "$(json '["flags"]')" = '[]' ]
check "show: the timeline" [ "$(jv '[e["kind"] for e in v["events"]]')" = "['new', 'submit', 'approve', 'approve']" ]
check "show: the reason's name" [ "$(json '["reason_name"]')" = "Quality problem" ]
LANGUAGE=zh_CN as view return mail TH$D-0001
mail_text=$(/usr/bin/python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$out")
check "the e-mail in Chinese: subject" grep -q "subject=退货申请 TH$D-0001 已批准" <<< "$mail_text"
check "…body lists the goods" grep -q "P-2 电钻 × 1 台" <<< "$mail_text"
check "…and the deadline" grep -q "10 天内寄回" <<< "$mail_text"
refused "no confirmation e-mail before approval" 1 "" -- as view return mail TH$D-0002

# From ¥5,000.00 the admin signs level 3.
as sal return new --customer C002 --reason damaged --order SO-778 --sold-on 2026-11-24 --line P-2:2:2600
big=$out
as sal --json return submit "$big"
check "a refund of 5200.00 needs three levels" [ "$(jv '[l["role"] for l in v["levels"]]')" = "['service', 'manager', 'admin']" ]
refused "the manager cannot skip level 1 of the big return either" 1 "none may be skipped" -- as mgr return approve "$big"
as both return approve "$big"
check "a user with service and manager signs level 1" [ $rc = 0 ]
refused "the same person twice: level 2 by the level-1 signer" 3 "one person signs at most one level" -- as both return approve "$big"
as mgr return approve "$big"
as svc2 --json return show "$big"
check "after two signatures it waits for the admin" [ "$(json '["state"]')" = submitted -a "$(json '["next_role"]')" = admin ]
refused "service cannot sign the admin's level" 3 "" -- as svc2 return approve "$big"
cli --json return approve "$big"
check "the admin signs level 3: approved" [ $rc = 0 -a "$(json '["state"]')" = approved -a "$(jv 'len(v["signatures"])')" = 3 ]

# Self-approval: a user who is sales and customer service takes in a return, then tries to sign it.
as selfie return new --customer C002 --reason other --line P-1:1:10
own=$out
as selfie return submit "$own"
refused "self-approval: the creator holds the service role" 3 "someone else must approve" -- as selfie return approve "$own"
as svc return approve "$own"
check "…someone else may sign it" [ $rc = 0 ]

# ---- rejection and revise ------------------------------------------------------------
as sal return new --customer C002 --reason damaged --sold-on 2026-11-24 --line P-1:1:88
rej=$out
as sal return submit "$rej"
refused "a rejection without a reason" 1 "reason" -- as svc return reject "$rej"
as svc --json return reject "$rej" --comment 照片不清楚
check "customer service rejects with a reason" [ $rc = 0 -a "$(json '["state"]')" = rejected ]
check "…a reject signature at level 1" [ "$(jv '[(s["level"], s["decision"], s["comment"]) for s in v["signatures"]]')" = "[(1, 'reject', '照片不清楚')]" ]
check "…the reason goes back to sales" [ "$(json '["last_comment"]')" = 照片不清楚 ]
refused "a rejected return cannot be submitted" 1 "revise\|Rejected" -- as sal return submit "$rej"
refused "a rejected return cannot be approved" 1 "" -- as mgr return approve "$rej"
as sal --json return revise "$rej" --comment 已补照片
check "sales revises: draft again" [ $rc = 0 -a "$(json '["state"]')" = draft ]
check "…the signatures are cleared" [ "$(json '["signatures"]')" = '[]' ]
as sal --json return edit "$rej" --line P-1:1:60 --note 补充了照片
check "the draft is edited" [ $rc = 0 -a "$(json '["refund_value"]')" = 60.00 -a "$(json '["description"]')" = 补充了照片 ]
as sal --json return submit "$rej"
check "submitted again: round 2, no signatures" [ "$(json '["round"]')" = 2 -a "$(json '["signatures"]')" = '[]' -a "$(json '["next_level"]')" = 1 ]
as svc return approve "$rej"
check "the rejecting service user may sign the new round" [ $rc = 0 ]
as mgr --json return approve "$rej"
check "…and it is approved" [ "$(json '["state"]')" = approved ]
as view --json return show "$rej"
check "the timeline keeps the rejection" [ "$(jv '[e["kind"] for e in v["events"]]')" = "['new', 'submit', 'reject', 'revise', 'edit', 'submit', 'approve', 'approve']" ]
cli --json audit list --limit 200
check "the audit log holds return.reject and return.revise" [ "$(jv '[e["action"] for e in v["audit"] if e["object_key"] == "'"$rej"'" and e["action"] in ("return.reject", "return.revise")]')" = "['return.revise', 'return.reject']" ]

# ---- cancellation -----------------------------------------------------------------------
# From DRAFT, SUBMITTED, REJECTED and APPROVED; not from CANCELLED.
as sal return new --customer C002 --reason other --line P-1:1:10
dr=$out
as sal return new --customer C002 --reason other --line P-1:1:10
sub=$out; as sal return submit "$sub"
as sal return new --customer C002 --reason other --line P-1:1:10
rj=$out; as sal return submit "$rj"; as svc return reject "$rj" --comment 不符合
for n in "$dr" "$sub" "$rj" TH$D-0001; do
  as svc --json return cancel "$n" --comment 客户不退了
  check "customer service cancels $n" [ $rc = 0 -a "$(json '["state"]')" = cancelled -a "$(json '["last_comment"]')" = 客户不退了 ]
done
refused "cancelling twice" 1 "Cancelled" -- as svc return cancel TH$D-0001
refused "revising a cancelled return" 1 "" -- as sal return revise TH$D-0001
LANGUAGE=zh_CN as svc return cancel TH$D-0001
check "the state refusal in Chinese" grep -q "当前为已取消" <<< "$err"

done_testing
