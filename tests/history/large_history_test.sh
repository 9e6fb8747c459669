#!/bin/bash
# `remedy history` on 3,000 commits: git cat-file --batch then gets more input than a pipe
# holds, which once deadlocked (remedy blocked writing while git blocked writing back).
# Passes when every commit comes back as a row. Usage: large_history_test.sh REMEDY [PYTHON]
# (PYTHON writes the fast-import stream; /usr/bin/python3 by default.)
set -euo pipefail
remedy=$1
python=${2:-/usr/bin/python3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
git -C "$dir" init -q
"$python" - "$dir/stream" <<'PY'
import sys
out = open(sys.argv[1], "wb")
for n in range(3000):
    plan = (f'[client]\nname = "C"\n[provider]\nname = "P"\n[timebox]\nstart = 2026-10-01\n'
            f'[[issue]]\nid = "A-1"\ntitle = "Revision {n}"\npriority = "high"\n'
            f'due = 2026-10-20\n').encode()
    out.write(b"commit refs/heads/main\n")
    out.write(f"committer T <t@example.invalid> {1790845200 + n * 600} +0000\n".encode())
    out.write(b"data 2\nr\n")
    out.write(b"M 100644 inline remedy.toml\n")
    out.write(b"data %d\n%s\n" % (len(plan), plan))
PY
git -C "$dir" fast-import --quiet < "$dir/stream"
git -C "$dir" checkout -q main
rows=$("$remedy" history -f "$dir/remedy.toml" --as-of 2026-12-31 --format csv | grep -c '^commit,' || true)
echo "$rows commit rows of 3000"
[ "$rows" -eq 3000 ]
