#!/usr/bin/python3
"""A folder `remedy portfolio` cannot search is a warning that names it, escaped, in the order of
the names; the plans found beside it still have their rows, and the exit status stays 0.

The test shuts three folders (mode 000), one with an escape sequence in its name, made in an
order that is not the order of their names; as root it runs remedy as the user nobody, since
root reads a folder whatever its mode. And a folder deeper than PATH_MAX, which the search once
could not open, is searched: its plan has its row.

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


def deep_tree(top_fd, name, levels, plan):
    """`name`, then `levels` folders of 200 characters below it, with `plan` at the bottom."""
    os.mkdir(name, dir_fd=top_fd)
    fds = [os.open(name, os.O_RDONLY, dir_fd=top_fd)]
    for _ in range(levels):
        os.mkdir(PART, dir_fd=fds[-1])
        fds.append(os.open(PART, os.O_RDONLY, dir_fd=fds[-1]))
    fd = os.open("remedy.toml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fds[-1])
    os.write(fd, plan)
    os.close(fd)
    for fd in fds:
        os.close(fd)


def as_nobody():
    """Root reads a shut folder all the same: the search runs as nobody then."""
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)


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
os.chmod(scratch, 0o755)
try:
    with open(os.path.join(EXAMPLES, "northwind.toml"), "rb") as f:
        northwind = f.read()
    os.mkdir(os.path.join(scratch, "near"))
    shutil.copy(os.path.join(EXAMPLES, "northwind.toml"), os.path.join(scratch, "near", "remedy.toml"))
    os.chmod(os.path.join(scratch, "near", "remedy.toml"), 0o644)
    top = os.open(scratch, os.O_RDONLY)
    deep_tree(top, "deep", 21, northwind.replace(b"Northwind Traders", b"Deep Traders"))
    for name in ("zz-shut", "aa-\x1b[31m-shut", "mm-shut"):
        os.mkdir(name, dir_fd=top)
        with open(os.path.join(scratch, name, "remedy.toml"), "wb") as f:
            f.write(northwind)
        os.chmod(name, 0, dir_fd=top)
    listed = [name for name in os.listdir(top) if name.endswith("-shut")]
    os.close(top)

    done = subprocess.run([REMEDY, "portfolio", ".", "--as-of", "2026-11-02", "--color", "never"],
                          cwd=scratch, capture_output=True, text=True, env=ENV, timeout=60,
                          preexec_fn=as_nobody)
    expect(done.returncode == 0, f"exit {done.returncode}, expected 0: {done.stderr[-300:]}")
    expect("near/remedy.toml · Northwind Traders / Acme Managed IT" in done.stdout,
           f"the plan beside the shut folders has no row:\n{done.stdout}")
    expect("Deep Traders / Acme Managed IT" in done.stdout,
           f"the plan deeper than PATH_MAX has no row:\n{done.stdout}")
    warnings = [line for line in done.stderr.splitlines() if ": warning: " in line]
    expect(len(warnings) == 3, f"expected three warnings, got:\n{done.stderr}")
    if len(warnings) == 3:
        # By name, whatever order the disk listed them in.
        for warning, start in zip(warnings, ("aa-\\x1b[31m-shut:", "mm-shut:", "zz-shut:")):
            expect(warning.startswith(start),
                   f"expected a warning for {start!r} here, got {warning[:60]!r} (disk order "
                   f"{listed!r})")
        for warning in warnings:
            expect(warning.endswith(": warning: cannot be searched (Permission denied); plans "
                                    "in it may be missing from the portfolio"),
                   f"warning does not say why: {warning[-120:]!r}")
    expect("\x1b" not in done.stderr, "an escape character from a folder name reached stderr")
finally:
    for name in os.listdir(scratch):
        if name.endswith("-shut"):
            os.chmod(os.path.join(scratch, name), 0o755)
    top = os.open(scratch, os.O_RDONLY)
    remove_tree(top)
    os.close(top)
    os.rmdir(scratch)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("portfolio names every folder it cannot search, escaped, in name order")
