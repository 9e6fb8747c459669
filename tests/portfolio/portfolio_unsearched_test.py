#!/usr/bin/python3
"""A folder `remedy portfolio` cannot search is a warning that names it, escaped, in the order of
the names; the plans found beside it still have their rows, and the exit status stays 0.

A folder deeper than PATH_MAX is the one a search opening folders by path cannot open even as
root (a folder without read permission is read by root all the same), so the test builds three,
one with an escape sequence in its name, in an order that is not the order of their names.

usage: portfolio_unsearched_test.py REMEDY EXAMPLES_DIR
"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile

REMEDY, EXAMPLES = sys.argv[1:3]
ENV = {k: v for k, v in os.environ.items() if k not in ("REMEDY_PLAN", "NO_COLOR")}
PART = "d" * 200
failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)


def deep_tree(top_fd, name, levels):
    """`name`, then `levels` folders of 200 characters below it, with a plan at the bottom."""
    os.mkdir(name, dir_fd=top_fd)
    fds = [os.open(name, os.O_RDONLY, dir_fd=top_fd)]
    for _ in range(levels):
        os.mkdir(PART, dir_fd=fds[-1])
        fds.append(os.open(PART, os.O_RDONLY, dir_fd=fds[-1]))
    os.close(os.open("remedy.toml", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=fds[-1]))
    for fd in fds:
        os.close(fd)


def remove_tree(dir_fd):
    """Taken down through descriptors: removing by whole paths fails past PATH_MAX too."""
    for entry in os.listdir(dir_fd):
        if stat.S_ISDIR(os.stat(entry, dir_fd=dir_fd, follow_symlinks=False).st_mode):
            child = os.open(entry, os.O_RDONLY, dir_fd=dir_fd)
            remove_tree(child)
            os.close(child)
            os.rmdir(entry, dir_fd=dir_fd)
        else:
            os.unlink(entry, dir_fd=dir_fd)


scratch = tempfile.mkdtemp(prefix="remedy-unsearched-")
try:
    os.mkdir(os.path.join(scratch, "near"))
    shutil.copy(os.path.join(EXAMPLES, "northwind.toml"), os.path.join(scratch, "near", "remedy.toml"))
    top = os.open(scratch, os.O_RDONLY)
    for name in ("zz-deep", "aa-\x1b[31m-deep", "mm-deep"):
        deep_tree(top, name, 21)
    listed = [name for name in os.listdir(top) if name.endswith("-deep")]
    os.close(top)

    done = subprocess.run([REMEDY, "portfolio", ".", "--as-of", "2026-11-02", "--color", "never"],
                          cwd=scratch, capture_output=True, text=True, env=ENV, timeout=60)
    expect(done.returncode == 0, f"exit {done.returncode}, expected 0: {done.stderr[-300:]}")
    expect("near/remedy.toml · Northwind Traders / Acme Managed IT" in done.stdout,
           f"the plan beside the deep folders has no row:\n{done.stdout}")
    warnings = [line for line in done.stderr.splitlines() if ": warning: " in line]
    expect(len(warnings) == 3, f"expected three warnings, got:\n{done.stderr}")
    if len(warnings) == 3:
        # By name, whatever order the disk listed them in.
        for warning, start in zip(warnings, ("aa-\\x1b[31m-deep/", "mm-deep/", "zz-deep/")):
            expect(warning.startswith(start + PART + "/"),
                   f"expected a warning for {start!r} here, got {warning[:60]!r} (disk order "
                   f"{listed!r})")
        for warning in warnings:
            expect(warning.endswith(": warning: cannot be searched (File name too long); plans "
                                    "in it may be missing from the portfolio"),
                   f"warning does not say why: {warning[-120:]!r}")
    expect("\x1b" not in done.stderr, "an escape character from a folder name reached stderr")
finally:
    top = os.open(scratch, os.O_RDONLY)
    remove_tree(top)
    os.close(top)
    os.rmdir(scratch)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("portfolio names every folder it cannot search, escaped, in name order")
