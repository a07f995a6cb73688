#!/usr/bin/env bash
# init, user add|list|disable through restock-cli: exit codes, the error line, --json, nothing changed on refusal.
. "$(dirname "$0")/tap.sh"

cli init --company "华东商贸有限公司"
check "init succeeds" [ $rc = 0 ]
cli --json user list
check "admin exists with the admin role" [ "$(json '["users"][0]["name"]')" = admin ] 
check "admin's roles" [ "$(json '["users"][0]["roles"]')" = '["admin"]' ]

cli init
check "a second init is refused with exit 1" [ $rc = 1 ]
check "…and says the database is set up" grep -q "already set up" <<< "$err"

before=$(db_dump)
RESTOCK_NEW_PASSWORD=short cli user add bob --role sales
check "a weak new password is refused (exit 1)" [ $rc = 1 ]
check "the error is one line starting with restock-cli:" [ "$(wc -l <<< "$err")" = 1 -a "${err#restock-cli: }" != "$err" ]
RESTOCK_NEW_PASSWORD=long-enough-1 cli user add bob --role wizard
check "an unknown role is refused (exit 1)" [ $rc = 1 ]
RESTOCK_NEW_PASSWORD=long-enough-1 cli user add bob
check "a missing --role is a usage error (exit 2)" [ $rc = 2 ]
cli user add bob --role sales
check "a missing RESTOCK_NEW_PASSWORD is a usage error (exit 2)" [ $rc = 2 ]
check "nothing was written by any refusal" [ "$before" = "$(db_dump)" ]

RESTOCK_PASSWORD=wrong-password cli user list
check "a wrong password is refused (exit 1)" [ $rc = 1 ]
wrong_password_error=$err
RESTOCK_PASSWORD=wrong-password cli --user nobody user list
check "an unknown user gets the very same words" [ $rc = 1 -a "$err" = "$wrong_password_error" ]

RESTOCK_NEW_PASSWORD=bob-pass-123 cli --json user add bob --role sales,keeper --full-name "鲍勃"
check "admin adds a user" [ $rc = 0 ]
check "--json shows the roles" [ "$(json '["roles"]')" = '["sales", "keeper"]' ]

before=$(db_dump)
RESTOCK_PASSWORD=bob-pass-123 RESTOCK_NEW_PASSWORD=eve-pass-123 cli --user bob user add eve --role admin
check "a non-admin's user add exits 3" [ $rc = 3 ]
check "…naming what was refused" grep -q "manage users" <<< "$err"
check "…and changes nothing" [ "$before" = "$(db_dump)" ]

RESTOCK_PASSWORD=bob-pass-123 RESTOCK_NEW_PASSWORD=eve-pass-123 cli --json --user bob user add eve --role admin
check "with --json the refusal is a JSON object too" [ "$(json '["exit"]')" = 3 ]

cli user disable bob
check "admin disables bob" [ $rc = 0 ]
RESTOCK_PASSWORD=bob-pass-123 cli --user bob user list
check "a disabled user cannot log in (exit 1)" [ $rc = 1 ]
check "…and is told so" grep -q "disabled" <<< "$err"

cli frobnicate
check "an unknown command is a usage error (exit 2)" [ $rc = 2 ]

printf 'not a database at all, just text\n%.0s' {1..50} > "$work/notes.txt"
sum=$(sha256sum < "$work/notes.txt")
cli --db "$work/notes.txt" user list
check "a text file as database is refused (exit 1)" [ $rc = 1 ]
check "…with a clear message" grep -q "not a Restock database" <<< "$err"
check "…and left untouched" [ "$sum" = "$(sha256sum < "$work/notes.txt")" ]

LANGUAGE=zh_CN RESTOCK_PASSWORD=wrong-password cli user list
check "errors follow the language (zh_CN)" grep -q "用户名或密码错误" <<< "$err"

done_testing
