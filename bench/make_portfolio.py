#!/usr/bin/python3
"""Writes a consultant's folder tree of N plans, each of ISSUES issues, for `remedy portfolio`.

usage: make_portfolio.py N ISSUES FOLDER

The plans are FOLDER/region-R/client-K/remedy.toml (ten regions), each the plan of
bench/make_plan.py with its own client name and, one in four, in euros; a README.md and a
.git folder with a decoy remedy.toml beside them, which the search must skip. It prints the
plans' paths, one a line, in the order written. The same for the same arguments.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_plan import plan  # noqa: E402  (the one plan generator of the benchmarks)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    n, issues, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    text = plan(issues)
    for k in range(n):
        place = os.path.join(folder, f"region-{k % 10}", f"client-{k:04}")
        os.makedirs(place, exist_ok=True)
        body = text.replace('name = "Aggregate Holdings"', f'name = "Client {k:04} Holdings"')
        if k % 4 == 3:
            body = body.replace('currency = "USD"', 'currency = "EUR"')
        path = os.path.join(place, "remedy.toml")
        with open(path, "w") as f:
            f.write(body)
        with open(os.path.join(place, "README.md"), "w") as f:
            f.write(f"Client {k:04}\n")
        print(path)
    decoy = os.path.join(folder, ".git", "old")
    os.makedirs(decoy, exist_ok=True)
    with open(os.path.join(decoy, "remedy.toml"), "w") as f:
        f.write("not a plan: the search skips .git\n")


main()
