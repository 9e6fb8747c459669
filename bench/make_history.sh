#!/bin/bash
# Makes a git repository whose remedy.toml has COMMITS versions of an ISSUES-issue plan (with
# git fast-import), issues getting resolved as the commits go on: the input of `remedy history`.
# usage: bench/make_history.sh DIR COMMITS ISSUES
# ($REMEDY_PYTHON, else /usr/bin/python3, writes the fast-import stream.)
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 DIR COMMITS ISSUES" >&2; exit 2; }
dir=$1
mkdir -p "$dir"
git -C "$dir" init -q

"${REMEDY_PYTHON:-/usr/bin/python3}" - "$dir/.stream" "$2" "$3" <<'PY'
import sys
commits, issues = int(sys.argv[2]), int(sys.argv[3])
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
    when = start + n * (5000000 // commits)  # about 58 days of commits
    msg = f"revision {n}\n".encode()
    out.write(b"commit refs/heads/main\n")
    out.write(f"committer Bench <bench@example.invalid> {when} +0000\n".encode())
    out.write(b"data %d\n%s" % (len(msg), msg))
    out.write(b"M 100644 inline remedy.toml\n")
    out.write(b"data %d\n%s\n" % (len(data), data))
PY
git -C "$dir" fast-import --quiet < "$dir/.stream"
rm "$dir/.stream"
git -C "$dir" checkout -q main
