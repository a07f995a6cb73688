# tap.sh — sourced by the CLI tests: TAP output and restock-cli helpers.
# Each test gets a fresh folder; `cli ARGS…` runs restock-cli on its database and
# keeps stdout, stderr and the exit status in $out, $err and $rc.
set -u
: "${RESTOCK_CLI:?run through meson test}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RESTOCK_DB=$work/restock.db
export RESTOCK_PASSWORD='admin-pass-1'
unset RESTOCK_USER RESTOCK_NOW
tap_n=0 tap_failed=0
echo "TAP version 13"

ok () {
  tap_n=$((tap_n + 1))
  if [ "$1" = 0 ]; then echo "ok $tap_n - $2"
  else tap_failed=1; echo "not ok $tap_n - $2"
       printf '# rc=%s\n# stdout: %s\n# stderr: %s\n' "$rc" "${out:0:600}" "${err:0:600}"
  fi
}
check () { local what=$1; shift; if "$@"; then ok 0 "$what"; else ok 1 "$what"; fi; }
cli () {
  out=$("$RESTOCK_CLI" "$@" 2> "$work/stderr"); rc=$?
  err=$(cat "$work/stderr")
}
# A JSON field of $out, read by Debian's python (jq is not assumed).
json () { printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; v=json.load(sys.stdin)$1; print(v if not isinstance(v,(dict,list)) else json.dumps(v, ensure_ascii=False))"; }
db_dump () { sqlite3 "$RESTOCK_DB" .dump; }
done_testing () { echo "1..$tap_n"; exit $tap_failed; }
