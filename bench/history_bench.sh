#!/bin/bash
# Times `remedy history` on 1,000 commits of a 50-issue plan (made with git fast-import).
# usage: bench/history_bench.sh REMEDY     e.g. bench/history_bench.sh build/src/remedy
# A measurement, not a test: the figure depends on the machine.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 REMEDY" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
git -C "$dir" init -q

/usr/bin/python3 - "$dir/stream" <<'PY'
import sys
commits, issues = 1000, 50
start = 1790845200  # 2026-10-01 09:00 UTC
out = open(sys.argv[1], "wb")
def plan(n):
    lines = ['[client]', 'name = "Bench"', 'timezone = "America/Chicago"', '',
             '[provider]', 'name = "Acme"', '', '[timebox]', 'start = 2026-10-01', 'days = 60',
             '', '[penalties]', 'cap = "5000.00"', '[penalties.per_day]', 'critical = "100.00"',
             'high = "50.00"', '[penalties.per_miss]', 'critical = "500.00"', '']
    for i in range(issues):
        due = 2 + (i * 57) // issues
        lines += ['[[issue]]', f'id = "ISS-{i}"', f'title = "Issue number {i}"',
                  f'priority = "{["critical", "high", "medium", "low"][i % 4]}"',
                  f'due = 2026-{10 + (due > 31):02d}-{(due - 1) % 31 + 1:02d}',
                  f'owner = "Team {i % 5}"', f'notes = "Revision {n}"']
        if i * commits < n * issues:  # issues get resolved as the commits go on
            lines += ['status = "resolved"', 'resolved = 2026-10-20']
        lines.append('')
    return "\n".join(lines).encode()
for n in range(commits):
    data = plan(n)
    when = start + n * 5000  # about 58 days of commits
    msg = f"revision {n}\n".encode()
    out.write(b"commit refs/heads/main\n")
    out.write(f"committer Bench <bench@example.invalid> {when} +0000\n".encode())
    out.write(b"data %d\n%s" % (len(msg), msg))
    out.write(b"M 100644 inline remedy.toml\n")
    out.write(b"data %d\n%s\n" % (len(data), data))
PY
git -C "$dir" fast-import --quiet < "$dir/stream"
git -C "$dir" checkout -q main
echo "$(git -C "$dir" rev-list --count main) commits of a $(grep -c '^\[\[issue\]\]' "$dir/remedy.toml")-issue plan"
TIMEFORMAT='%R s'
for format in text json svg; do
    printf '%s: ' "$format"
    { time "$1" history -f "$dir/remedy.toml" --format "$format" > "$dir/out.$format"; } 2>&1
done
