#!/usr/bin/python3
"""Hostile ticket exports through `remedy import`: the export is the other side's file, and every
cell of it is untrusted text.

Files (generated here, never committed): the sample exports cut at many byte offsets, bytes
that are not UTF-8, UTF-16, NUL bytes, lone CR, 10 MB cells, a million rows, 100,000 columns, a
quote never closed, garbage, an empty file, a directory, a FIFO, a device, a file past the size
limit, one that cannot be read. Each run must end in exit 0 or 3 (never a signal or a hang);
an exit 3 names the export and the line where the broken row begins (or, when the file itself
cannot be read, the file) and leaves the plan byte for byte as it was; an exit 0 leaves a plan
that `remedy check` reads.

Text: the hostile payloads of hostile_output_test.py (workflow commands, terminal escapes, bidi
controls, formulas, placeholders, long words) in every cell that reaches an output or the plan
(tickets, summaries, status and priority words, dates, column names) and in the export's file
name; control characters in summaries. Both streams of every run are read back with the GitHub
runner's command parser and the terminal rules of hostile_output_test.py; a value shown must be
in the form terminal_text gives it inside a line; the plan the import writes is read back with
tomllib (the ticket and the summary, on one line, intact) and judged by `remedy status` and
`remedy check --format github`, whose outputs are read the same way.

Usage: hostile_exports_test.py REMEDY SAMPLES (tests/plans/import: the sample plans and exports)"""
import os
import pathlib
import re
import shutil
import sys
import tempfile
import tomllib

if len(sys.argv) != 3:
    sys.exit(__doc__.rsplit("\n", 1)[-1])
REMEDY, SAMPLES = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2])
# The channels' readers and remedy's escaping, ported once, in hostile_output_test.py (which
# reads its REMEDY from the command line).
sys.argv = [sys.argv[0], REMEDY]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_output_test as channels  # noqa: E402

AS_OF = "2026-10-26"
rec = channels.Recorder()


def fresh_folder(root, name, plan="jira"):
    folder = pathlib.Path(root, name)
    folder.mkdir()
    shutil.copyfile(SAMPLES / f"{plan}.toml", folder / "remedy.toml")
    return folder


def import_run(folder, export, *options, label=None):
    """remedy import in `folder`: exit 0 or 3, both streams checked; on 3, the plan untouched
    and a located error; on 0, a plan remedy reads."""
    before = (folder / "remedy.toml").read_bytes()
    run = rec.run(label or f"import {export!r}",
                  ["import", str(export), "--as-of", AS_OF, *options], folder, ok=(0, 3))
    if run is None:
        return None
    after = (folder / "remedy.toml").read_bytes()
    if run.code == 3:
        rec.expect(after == before, run.label, "-", "a refused import changed the plan")
        err = run.text("stderr")
        name = channels.term(str(export))
        located = re.search(rf"^{re.escape(name)}:\d+: error: ", err, re.M)
        file_level = re.search(rf"^remedy: error: cannot read the export {re.escape(name)}",
                               err, re.M)
        rec.expect(located or file_level or "remedy: error: " in err, run.label, "stderr",
                   f"no error naming the export and its line: {err[:300]!r}")
    elif after != before:
        check = rec.run(run.label + " (the plan it wrote)",
                        ["check", "-f", "remedy.toml", "--fail-on", "never", "--as-of", AS_OF],
                        folder)
        rec.expect(check is not None and check.code == 0, run.label, "-",
                   "the plan the import wrote is not valid")
    return run


def expect_located(run, export, line, why=""):
    if run is None:
        return
    err = run.text("stderr")
    name = re.escape(channels.term(str(export)))
    rec.expect(run.code == 3 and re.search(rf"^{name}:{line}: error: .*{re.escape(why)}", err,
                                           re.M),
               run.label, "stderr", f"no error at line {line} saying {why!r}: {err[:400]!r}")


def files(root):
    jira = (SAMPLES / "jira.csv").read_bytes()
    german = (SAMPLES / "autotask-de.csv").read_bytes()

    # Cut anywhere: refused with its line, or a shorter export imported.
    for name, data, plan in (("jira.csv", jira, "jira"), ("autotask-de.csv", german,
                                                          "autotask-de")):
        refused = 0
        offsets = sorted(set(range(0, len(data), 17)) | {len(data) - 1})
        for offset in offsets:
            folder = fresh_folder(root, f"cut-{plan}-{offset}", plan)
            (folder / name).write_bytes(data[:offset])
            run = import_run(folder, name, "--incidents", "high")
            refused += run is not None and run.code == 3
            shutil.rmtree(folder)
        print(f"{name}: {len(offsets)} cuts, {refused} refused, the rest imported")

    def case(label, data, *options, plan="jira", line=None, why="", code=None):
        folder = fresh_folder(root, label, plan)
        (folder / f"{label}.csv").write_bytes(data)
        run = import_run(folder, f"{label}.csv", *options)
        if line is not None:
            expect_located(run, f"{label}.csv", line, why)
        elif run is not None and code is not None:
            rec.expect(run.code == code, run.label, "-", f"exit {run.code}, expected {code}")
        return folder, run

    case("invalid-utf8", jira.replace(b"Guest Wi-Fi", b"Guest \xff\xfe Wi-Fi"), line=3,
         why="not UTF-8 here (a byte 0xFF)")
    case("overlong-utf8", jira.replace(b"Mail relay", b"Mail \xc0\xaf relay"), line=7,
         why="not UTF-8")
    case("latin1", german.decode("utf-8").encode("latin-1", "replace"), plan="autotask-de",
         line=1, why="not UTF-8")
    case("utf16", b"\xff\xfe" + jira.decode().encode("utf-16-le"), line=1, why="UTF-16")
    case("nul-in-unmatched-cell", jira.replace(b"New starter laptop", b"New \x00 laptop"),
         code=0)
    case("nul-in-summary", jira.replace(b"Mail relay down", b"Mail \x00 down"), "--incidents",
         "critical", line=7, why="control character")
    case("lone-cr", jira.replace(b"\n", b"\r"), code=0)
    case("crlf-bom", b"\xef\xbb\xbf" + jira.replace(b"\n", b"\r\n"), code=0)
    ten_mb = b"x" * (10 * 1024 * 1024)
    case("10mb-summary-of-an-incident", jira.replace(b"Mail relay down", ten_mb),
         "--incidents", "critical", line=7, why="the summary is 10,485,807 characters long; the limit is 4,096")
    case("10mb-unmatched-cell", jira.replace(b"New starter laptop", ten_mb), code=0)
    case("10mb-ticket", jira.replace(b"NWT-133", ten_mb), code=0)
    case("10mb-date", jira.replace(b"17/Oct/26 4:38 PM,Done", ten_mb + b",Done"), line=2,
         why="is not a date remedy reads")
    header = jira.split(b"\n", 1)[0] + b"\n"
    case("1m-rows", header + b"Spam,NWT-9999\n" * 1000000, code=0)
    case("100k-columns", b",".join(b"c%d" % i for i in range(100000)) + b"\n" + jira, line=1,
         why="the header has no column 'Issue key'")
    case("quote-never-closed", header + b"\"" + ten_mb, line=2, why="never closed")
    case("quotes-everywhere", header + b"\"\"\"\"" * 1000000 + b"\n", code=0)
    case("garbage", bytes((i * 7919 + 13) % 256 for i in range(65536)), code=3)
    case("empty", b"", line=1, why="no header line")

    folder = fresh_folder(root, "not-files")
    for export, why in ((folder, "it is a directory"),
                        (folder / "remedy.toml" / "inside.csv", "Not a directory"),
                        ("/dev/zero", "not a regular file")):
        run = import_run(folder, export)
        rec.expect(run is not None and f"cannot read the export" in run.text("stderr")
                   and why in run.text("stderr"), f"import {export}", "stderr",
                   f"the export is not refused as a file: {why}")
    fifo = folder / "fifo.csv"
    os.mkfifo(fifo)
    expect_located(import_run(folder, "fifo.csv"), "fifo.csv", 1, "no header line")
    huge = folder / "huge.csv"
    huge.write_bytes(b"")
    os.truncate(huge, 256 * 1024 * 1024 + 1)  # sparse: no room on disk
    run = import_run(folder, "huge.csv")
    rec.expect(run is not None and "larger than 256 MiB" in run.text("stderr"), "huge.csv",
               "stderr", "an export past the size limit is not refused by its size")
    if os.geteuid() != 0:  # root reads a file whatever its mode
        locked = folder / "locked.csv"
        locked.write_bytes(jira)
        os.chmod(locked, 0)
        run = import_run(folder, "locked.csv")
        rec.expect(run is not None and "Permission denied" in run.text("stderr"), "locked.csv",
                   "stderr", "an unreadable export is not refused")


def csv_cell(text):
    return '"' + text.replace('"', '""') + '"'


def one_line(text):
    """A summary as the import writes it: each run of blanks and line breaks one space."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip(" ")


def text_in_cells(root):
    header = "Summary,Issue key,Status,Priority,Created,Resolved\n"
    payloads = [p for p in channels.PAYLOADS if not any(c in p for c in "\r\n")]
    # Tickets and summaries that become incidents: the plan keeps them, each output shows them.
    for k, payload in enumerate(payloads):
        folder = fresh_folder(root, f"text-{k}")
        ticket = f"X-{k} {payload}".strip()
        summary = f"{payload}\n second line {payload}"
        export = folder / "export.csv"
        export.write_text(header + f"{csv_cell(summary)},{csv_cell(ticket)},Resolved,Highest,"
                          f"22/Oct/26 7:45 AM,\n", encoding="utf-8")
        run = import_run(folder, "export.csv", "--incidents", "critical")
        if run is None or not rec.expect(run.code == 0, run.label, "stderr",
                                         f"refused: {run.text('stderr')[:300]!r}"):
            continue
        ticket_written = ticket.strip(" \t")
        channels.expect_shown(rec, run, "stdout", ticket_written, "the ticket")
        channels.expect_shown(rec, run, "stdout", one_line(summary), "the summary")
        plan = tomllib.loads((folder / "remedy.toml").read_text(encoding="utf-8"))
        incident = plan["incident"][-1]
        rec.expect(incident.get("ticket") == ticket_written, run.label, "-",
                   f"the plan's ticket is {incident.get('ticket')!r}")
        rec.expect(incident.get("summary") == one_line(summary), run.label, "-",
                   f"the plan's summary is {incident.get('summary')!r}")
        for args, kind in ((["status"], "text"), (["check", "--format", "github"], "github")):
            rec.run(run.label + " then " + args[0], [*args, "--as-of", AS_OF], folder, kind=kind,
                    ok=(0, 1))
        # The same run again changes nothing.
        again = import_run(folder, "export.csv", "--incidents", "critical")
        rec.expect(again is not None and again.code == 0 and
                   ": 0 changed," in again.text(), run.label + " (again)", "stdout",
                   "the second run changed something")

    # Control characters in a summary: refused with the line, shown escaped.
    for k, control in enumerate(channels.CONTROLS):
        folder = fresh_folder(root, f"control-{k}")
        (folder / "export.csv").write_text(
            header + f"{csv_cell('Mail ' + control + ' down')},X-{k},Resolved,Highest,"
            f"22/Oct/26 7:45 AM,\n", encoding="utf-8")
        run = import_run(folder, "export.csv", "--incidents", "critical")
        if control.strip("\r\n") == "":
            rec.expect(run is not None and run.code == 0, f"control {control!r}", "-",
                       "a line break in a summary is not made one line")
        else:
            expect_located(run, "export.csv", 2, "control character")

    # Words, dates and column names quoted in errors; the file name in every line.
    for k, payload in enumerate(payloads):
        folder = fresh_folder(root, f"words-{k}")
        rows = (f"{csv_cell('x')},NWT-101,{csv_cell(payload)},Highest,,\n"
                f"{csv_cell('x')},NWT-102,Resolved,High,,{csv_cell(payload)}\n"
                f"{csv_cell('x')},X-9,Open,{csv_cell(payload)},01/Oct/26,\n")
        (folder / "words.csv").write_text(header + rows, encoding="utf-8")
        run = import_run(folder, "words.csv", "--incidents", "low")
        for line in (2, 3, 4):
            expect_located(run, "words.csv", line)
        if run is not None:
            # Quoted in the message as quoted_cell does: the first 60 characters.
            shown = channels.term_inside(payload.strip(" \t")[:60])
            rec.expect(shown in run.text("stderr"), run.label, "stderr",
                       f"the word is not quoted as {shown!r}")
        (folder / "columns.csv").write_text(f"{csv_cell(payload)},Issue key\nx,NWT-101\n",
                                            encoding="utf-8")
        expect_located(import_run(folder, "columns.csv"), "columns.csv", 1, "the header has no")
    for k, (directory, name, _) in enumerate(channels.FILE_NAMES):
        folder = fresh_folder(root, f"name-{k}")
        try:
            # A name that starts with '-' is given as ./NAME, as a shell user would.
            export = (os.path.join(directory, name) if directory else
                      ("./" if name.startswith("-") else "") + name)
            (folder / export).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SAMPLES / "jira.csv", folder / export)
        except OSError:
            continue
        run = import_run(folder, export, "--dry-run")
        if run is not None and rec.expect(run.code == 0, run.label, "-", "refused"):
            # terminal_text of a line the name starts.
            rec.expect(channels.term(str(export)) in run.text(), run.label, "stdout",
                       f"the export's name is not shown as {channels.term(str(export))!r}")


def main():
    root = tempfile.mkdtemp(prefix="remedy-hostile-exports.")
    try:
        files(root)
        text_in_cells(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for label, stream, line_no, line, why in rec.failures:
        place = f"{stream} line {line_no}" if line_no else stream
        print(f"FAIL {label}\n     {place}: {why}" + (f"\n     line: {line!r}" if line else ""))
    print(f"hostile exports: {rec.runs} runs of remedy, {rec.outputs} outputs and {rec.lines} "
          f"lines checked: {len(rec.failures)} failures")
    return 1 if rec.failures else 0


if __name__ == "__main__":
    sys.exit(main())
