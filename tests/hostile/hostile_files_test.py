"""Hostile plan files, generated here (never committed), fed to the real binary: each must end
in the documented exit status with a located message, never a signal or a hang. Files that are
a valid plan in disguise (CRLF, a BOM, a 10 MB comment) must give the same bytes as the plain
plan. docs/limits.md lists the limits these files run into.

Usage: hostile_files_test.py REMEDY SPEC_EXAMPLE_PLAN"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

AS_OF = "2026-10-18"
TIMEOUT = 20  # seconds; far above what any of these takes, so only a hang reaches it
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1792000000", NO_COLOR="1")
ENV.pop("REMEDY_PLAN", None)

# Every command that reads the plan, in the formats a script or CI would use.
COMMANDS = [
    ["status"],
    ["status", "--format", "json"],
    ["check", "--format", "json", "--fail-on", "never"],
    ["check", "--format", "junit", "--fail-on", "never"],
    ["penalties"],
    ["email", "weekly"],
    ["calendar"],
]

problems = []


def problem(text):
    problems.append(text)
    print("FAIL:", text)


def run(remedy, command, plan):
    try:
        done = subprocess.run([remedy, *command, "-f", plan, "--as-of", AS_OF], env=ENV,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        problem(f"{plan}: {' '.join(command)}: no answer within {TIMEOUT} s (a hang)")
        return None
    if done.returncode < 0:
        problem(f"{plan}: {' '.join(command)}: killed by "
                f"{signal.Signals(-done.returncode).name}")
        return None
    return done


def check_report_shape(command, done, where):
    """The machine formats stay parseable whatever the plan holds."""
    if "json" in command:
        try:
            json.loads(done.stdout.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problem(f"{where}: standard output is not JSON: {error}")
    if "junit" in command:
        try:
            ElementTree.fromstring(done.stdout)
        except ElementTree.ParseError as error:
            problem(f"{where}: standard output is not XML: {error}")


def expect_refused(remedy, plan, why, line=None, file_level=False, commands=COMMANDS):
    """Exit 3 with an error naming the plan and its place (line:column, or only the file when
    the file itself cannot be read); `why` is a piece of the message; `line` the line."""
    place = r":(\d+):(\d+)" if not file_level else ""
    located = re.compile(rf"^{re.escape(plan)}{place}: error: (.*)$", re.MULTILINE)
    for command in commands:
        where = f"{os.path.basename(plan)}: {' '.join(command)}"
        done = run(remedy, command, plan)
        if done is None:
            continue
        if done.returncode != 3:
            problem(f"{where}: exit status {done.returncode}, expected 3")
            continue
        stderr = done.stderr.decode("utf-8", errors="replace")
        errors = located.findall(stderr)
        if not errors:
            problem(f"{where}: no located error on standard error:\n{stderr[:500]}")
            continue
        messages = [match if file_level else match[2] for match in errors]
        if why and not any(why in message for message in messages):
            problem(f"{where}: no error says {why!r}: {messages[:3]}")
        if line is not None and not file_level and not any(int(m[0]) == line for m in errors):
            problem(f"{where}: no error at line {line}: {[m[:2] for m in errors][:3]}")
        if command[0] == "check":
            check_report_shape(command, done, where)


def expect_same_as(remedy, plan, reference, commands=COMMANDS):
    """Read correctly: every command gives the exit status and output of the plain plan."""
    for command in commands:
        where = f"{os.path.basename(plan)}: {' '.join(command)}"
        done = run(remedy, command, plan)
        wanted = run(remedy, command, reference)
        if done is None or wanted is None:
            continue
        if done.returncode != wanted.returncode:
            problem(f"{where}: exit status {done.returncode}, the plain plan gives "
                    f"{wanted.returncode}: {done.stderr.decode(errors='replace')[:300]}")
        elif done.stdout.replace(plan.encode(), b"PLAN") != \
                wanted.stdout.replace(reference.encode(), b"PLAN"):
            problem(f"{where}: output differs from the plain plan's")


def truncated_plans(remedy, text, folder):
    """The plan cut at many byte offsets: refused with a located error, or (when the cut falls
    between two tables) a smaller valid plan."""
    offsets = sorted(set(range(0, len(text), 11)) | {len(text) - 1})
    refused = 0
    for offset in offsets:
        plan = os.path.join(folder, f"cut-{offset}.toml")
        with open(plan, "wb") as out:
            out.write(text[:offset])
        for command in (["status"], ["check", "--format", "json", "--fail-on", "never"]):
            done = run(remedy, command, plan)
            if done is None:
                continue
            where = f"cut at byte {offset}: {' '.join(command)}"
            if done.returncode not in (0, 3):
                problem(f"{where}: exit status {done.returncode}")
            elif done.returncode == 3:
                refused += command[0] == "status"
                if not re.search(rf"^{re.escape(plan)}:\d+:\d+: error: ",
                                 done.stderr.decode(errors="replace"), re.MULTILINE):
                    problem(f"{where}: no located error")
            if command[0] == "check":
                check_report_shape(command, done, where)
        os.remove(plan)
    # Most cuts break the plan; if none did, the cutting is not testing anything.
    if refused < len(offsets) // 2:
        problem(f"only {refused} of {len(offsets)} truncated plans were refused")
    print(f"{len(offsets)} truncated plans: {refused} refused, the rest valid")


def main():
    remedy, example = sys.argv[1], sys.argv[2]
    with open(example, "rb") as source:
        text = source.read()
    assert b"\r" not in text and b'title = "VPN drops' in text
    folder = tempfile.mkdtemp(prefix="remedy-hostile-")
    try:
        def write(name, data):
            path = os.path.join(folder, name)
            with open(path, "wb") as out:
                out.write(data)
            return path

        def line_of(needle):
            return text[:text.index(needle)].count(b"\n") + 1

        plain = write("plain.toml", text)
        title_line = line_of(b'title = "VPN drops')

        truncated_plans(remedy, text, folder)

        # Bytes that are not text.
        expect_refused(remedy, write("invalid-utf8.toml",
                                     text.replace(b"VPN drops", b"VPN \xff\xfe drops", 1)),
                       "invalid utf-8", title_line)
        expect_refused(remedy, write("overlong-utf8.toml",
                                     text.replace(b"VPN drops", b"VPN \xc0\xaf drops", 1)),
                       "utf-8", title_line)
        expect_refused(remedy, write("nul-in-string.toml",
                                     text.replace(b"VPN drops", b"VPN \x00 drops", 1)),
                       "control character", title_line)
        expect_refused(remedy, write("nul-in-comment.toml",
                                     text.replace(b"# required", b"# re\x00quired", 1)),
                       "", line_of(b"# required"))
        expect_refused(remedy, write("escaped-nul.toml",
                                     text.replace(b"VPN drops", b"VPN \\u0000 drops", 1)),
                       "control character (code 0)", title_line)
        expect_refused(remedy, write("escape-sequence.toml",
                                     text.replace(b"VPN drops", b"VPN \\u001b[31m drops", 1)),
                       "control character (code 27)", title_line)

        # Very long values: refused where a limit applies, never cut.
        ten_mb = b"x" * (10 * 1024 * 1024)
        expect_refused(remedy, write("10mb-title.toml",
                                     text.replace(b"VPN drops", ten_mb, 1)),
                       "characters long; the limit is 4,096", title_line)
        expect_refused(remedy, write("10mb-notes.toml",
                                     text.replace(b'title = "VPN drops',
                                                  b'notes = "' + ten_mb + b'"\ntitle = "VPN drops',
                                                  1)),
                       "characters long; the limit is 65,536", title_line)
        expect_refused(remedy, write("10mb-id.toml",
                                     text.replace(b'id = "NET-1"', b'id = "' + ten_mb + b'"', 1)),
                       "issue.id is 10,485,760 characters long", line_of(b'id = "NET-1"'))
        # A long comment or an unknown key's value is not read; the plan is.
        expect_same_as(remedy, write("10mb-comment.toml", text + b"# " + ten_mb + b"\n"), plain)
        expect_refused(remedy, write("10mb-unquoted.toml", text + b"\nx = " + ten_mb + b"\n"),
                       "invalid TOML", text.count(b"\n") + 2)

        # Deep nesting.
        expect_refused(remedy, write("nested-arrays.toml",
                                     b"a = " + b"[" * 10000 + b"]" * 10000 + b"\n" + text),
                       "nested more than 256 deep", 1)
        expect_refused(remedy, write("nested-inline-tables.toml",
                                     text + b"x = " + b"{a = " * 10000 + b"1" + b"}" * 10000 +
                                     b"\n"), "nested more than 256 deep", text.count(b"\n") + 1)
        expect_refused(remedy, write("dotted-key.toml",
                                     b"a" + b".a" * 100000 + b" = 1\n" + text),
                       "more than 32 parts", 1)
        expect_refused(remedy, write("table-header.toml",
                                     text + b"[" + b"a." * 100000 + b"a]\n"),
                       "more than 32 parts", text.count(b"\n") + 1)

        # Line ends and a byte order mark: read as the plain plan.
        expect_same_as(remedy, write("crlf.toml", text.replace(b"\n", b"\r\n")), plain)
        expect_same_as(remedy, write("bom.toml", b"\xef\xbb\xbf" + text), plain)
        expect_same_as(remedy, write("bom-crlf.toml",
                                     b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n")), plain)
        expect_refused(remedy, write("lone-cr.toml", text.replace(b"\n", b"\r")), "", 1)

        # What is not a plan file.
        expect_refused(remedy, write("empty.toml", b""), "missing required table [client]", 1)
        expect_refused(remedy, write("garbage.toml", bytes((i * 7919 + 13) % 256
                                                           for i in range(65536))), "")
        expect_refused(remedy, folder, "it is a directory", file_level=True)
        fifo = os.path.join(folder, "fifo.toml")
        os.mkfifo(fifo)
        expect_refused(remedy, fifo, "missing required table [client]", 1)
        expect_refused(remedy, os.path.join(plain, "inside.toml"), "Not a directory",
                       file_level=True)
        expect_refused(remedy, "/dev/zero", "not a regular file", file_level=True)
        if os.geteuid() != 0:  # root reads a file whatever its mode
            locked = write("locked.toml", text)
            os.chmod(locked, 0)
            expect_refused(remedy, locked, "Permission denied", file_level=True)

        # Sizes and counts past the limits, refused before the work. The generated tables come
        # first, at the top level, and replace the plan's own issues.
        head = text[:text.index(b"[[issue]]")]
        huge = write("huge.toml", b"")
        os.truncate(huge, 256 * 1024 * 1024 + 1)  # sparse: no room on disk
        expect_refused(remedy, huge, "larger than 256 MiB", file_level=True)
        expect_refused(remedy, write("1m-issues.toml",
                                     b"issue = [" + b"{}," * 1000000 + b"{}]\n" + head),
                       "more than 1,000,000 [[issue]] tables", 1, commands=COMMANDS[:3])
        expect_refused(remedy, write("1m-incidents.toml",
                                     b"incident = [" + b"{}," * 1000000 + b"{}]\n" + head),
                       "more than 1,000,000 [[incident]] tables", 1, commands=COMMANDS[:1])
    finally:
        shutil.rmtree(folder)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
