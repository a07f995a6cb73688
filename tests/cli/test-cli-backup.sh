#!/usr/bin/env bash
# backup DIR / restore DIR: a round trip gives back the rows and the files; a foreign, newer,
# incomplete or damaged backup and a non-admin are refused with the database unchanged.
. "$(dirname "$0")/tap.sh"

# Every table but the audit log (a restore adds its own row there), and the audit log's rows.
rows () { sqlite3 "$RESTOCK_DB" "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT IN ('audit') ORDER BY name" |
          while read -r t; do echo "== $t"; sqlite3 "$RESTOCK_DB" "SELECT * FROM \"$t\""; done; }
audit_actions () { sqlite3 "$RESTOCK_DB" "SELECT action FROM audit ORDER BY id"; }

cli init --company "华东商贸有限公司"
check "init" [ $rc = 0 ]
base64 -d > "$work/logo.png" <<'EOF'
iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==
EOF
cli settings set company.logo "$work/logo.png"
check "a logo goes into the file store" [ $rc = 0 ]
RESTOCK_NEW_PASSWORD=keeper-pass-1 cli user add li --role keeper
check "a keeper" [ $rc = 0 ]

cli --json backup "$work/backups/第一次"
check "backup exits 0" [ $rc = 0 ]
check "--json names the folder" [ "$(json '["folder"]')" = "$work/backups/第一次" ]
check "…and counts the stored file" [ "$(json '["files"]')" = 1 ]
check "the folder holds the manifest" [ -f "$work/backups/第一次/manifest.json" ]
check "…and the database" [ -f "$work/backups/第一次/restock.db" ]
check "…and the logo under its hash" [ "$(find "$work/backups/第一次/attachments" -type f | wc -l)" = 1 ]
check "…with nothing left half-written beside it" [ "$(ls "$work/backups")" = "第一次" ]
check "the manifest's checksums are right" /usr/bin/python3 - "$work/backups/第一次" <<'EOF'
import hashlib, json, os, sys
d = sys.argv[1]
m = json.load(open(os.path.join(d, "manifest.json")))
assert m["format"] == "restock-backup"
for f in m["files"]:
    data = open(os.path.join(d, f["path"]), "rb").read()
    assert len(data) == f["size"] and hashlib.sha256(data).hexdigest() == f["sha256"], f
EOF
check "the backup is in the audit log" [ "$(audit_actions | tail -1)" = database.backup ]
saved_rows=$(rows)
saved_audit=$(audit_actions)

cli backup "$work/backups/第一次"
check "backing up into a full folder is refused (exit 1)" [ $rc = 1 ]
check "…saying so" grep -q "already exists" <<< "$err"

# Changes after the backup.
cli user disable li
cli settings set company.name "改名后的公司"
logo=$(find "$(dirname "$RESTOCK_DB")/attachments" -type f)
rm "$logo"

cli --json restore "$work/backups/第一次"
check "restore exits 0" [ $rc = 0 ]
check "--json says who made the backup" [ "$(json '["created_by"]')" = admin ]
check "the rows are the backed-up ones" [ "$(rows)" = "$saved_rows" ]
check "the audit log goes on with the restore" [ "$(audit_actions)" = "$saved_audit"$'\n'database.restore ]
check "the lost logo is back" [ -f "$logo" ]
cli check
check "check finds nothing wrong after the restore" [ $rc = 0 ]
RESTOCK_PASSWORD=keeper-pass-1 cli --user li stock
check "li, enabled at backup time, logs in again" [ $rc = 0 ]

# Refusals: each leaves the database exactly as it is.
before=$(db_dump)
spoil () { rm -rf "$work/bad"; cp -r "$work/backups/第一次" "$work/bad"; }

mkdir -p "$work/plain"; echo hello > "$work/plain/notes.txt"
cli restore "$work/plain"
check "a folder that is no backup is refused (exit 1)" [ $rc = 1 ]
check "…saying it is not a Restock backup" grep -q "not a Restock backup" <<< "$err"

spoil; /usr/bin/python3 - "$work/bad/manifest.json" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1])); m["schema_version"] = 9999; json.dump(m, open(sys.argv[1], "w"))
EOF
cli restore "$work/bad"
check "a backup of a newer Restock is refused (exit 1)" [ $rc = 1 ]
check "…saying so" grep -q "newer version" <<< "$err"

spoil; find "$work/bad/attachments" -type f -delete
cli restore "$work/bad"
check "an incomplete backup is refused (exit 1)" [ $rc = 1 ]
check "…naming the missing file" grep -q "is missing" <<< "$err"

spoil; printf 'x' | dd of="$work/bad/restock.db" bs=1 seek=5000 conv=notrunc status=none
cli restore "$work/bad"
check "a damaged database copy is refused (exit 1)" [ $rc = 1 ]
check "…as not matching its checksum" grep -q "checksum" <<< "$err"

cli restore "$work/no-such-folder"
check "a missing folder is refused (exit 1)" [ $rc = 1 ]
cli restore
check "restore without a folder is a usage error (exit 2)" [ $rc = 2 ]
cli backup
check "backup without a folder is a usage error (exit 2)" [ $rc = 2 ]

RESTOCK_PASSWORD=keeper-pass-1 cli --user li restore "$work/backups/第一次"
check "a keeper's restore exits 3" [ $rc = 3 ]
RESTOCK_PASSWORD=keeper-pass-1 cli --user li backup "$work/backups/keeper"
check "a keeper's backup exits 3" [ $rc = 3 ]
check "…and makes no folder" [ ! -e "$work/backups/keeper" ]
check "no refusal changed anything" [ "$before" = "$(db_dump)" ]

LANGUAGE=zh_CN cli restore "$work/plain"
check "in Chinese too" grep -q "不是 Restock 备份" <<< "$err"

done_testing
