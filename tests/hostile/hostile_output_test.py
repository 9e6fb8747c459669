#!/usr/bin/python3
"""Hostile text in every string of a plan, through every output of remedy: data, never structure.

The text of a plan is written by the other side of a dispute. This suite writes plans whose
every string position holds hostile text (GitHub workflow commands, XML and HTML, CSV formulas,
terminal escapes, bidi controls, mail encoded-words, letter placeholders, a 200-character word,
odd white space), hostile key and table names, and hostile file names; it runs every command
and format on them with fixed days and SOURCE_DATE_EPOCH, and reads every output, standard
output and standard error, back with its real reader:

  GitHub runner  actions/runner src/Runner.Common/ActionCommand.cs, TryParseV2 and TryParse,
                 ported below, on every line of both streams (a line ends at LF, CR or CRLF,
                 and TrimStart() removes every .NET white space, U+00A0 and U+3000 too);
                 only `check --format github` may print commands, and those must carry the
                 hostile text as data
  terminal       no control byte but LF, no DEL, C1 or bidi control (SGR only with --color)
  JSON           json.loads; the value intact where it belongs
  XML            xml.etree (and xmllint --noout): the value intact in its attribute or text
  HTML           html5lib in strict mode (`remedy report`): no parse error, no script, the
                 client's name in the page's <title> as text
  mail           email.parser with policy.strict: no defect, lines <= 78, display names and
                 the subject round-trip, the body holds the value, the calendar part parses
  iCalendar      icalendar: SUMMARY and DESCRIPTION intact (less the controls TEXT cannot hold)
  CSV            csv.reader: every row as wide as the header, the value in the documented form

Where the text is expected, it is expected in exactly the form remedy documents: its escaping
functions (escape.cpp, utf8.cpp) are ported below byte for byte, and each check compares what
the channel's reader reads back with what the port gives: terminal_text on each string it is
given (a leading "::" escaped wherever the string is put), terminal_lines on a report, one
terminal_text()'d line a diagnostic on standard error and in JUnit, csv_field, the GitHub and
XML escapes. `history` refuses a plan whose path holds a line break (exit 3, one line naming
the commit).

Plans whose values hold control characters must be refused (exit 3) with a located error,
and those outputs are read back the same way; the edit commands get hostile text and the plan
they write is read back with tomllib. Every failure is listed with its command, stream, line
and reason; the exit status is 1 when there is any. Runs take fixed days and
SOURCE_DATE_EPOCH, and git commits fixed dates, so the outcome does not depend on the clock
or the load.

Usage: hostile_output_test.py REMEDY"""
import base64
import concurrent.futures
import csv
import email.header
import email.parser
import email.policy
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import traceback
import xml.etree.ElementTree as ElementTree

import html5lib
import icalendar

if len(sys.argv) != 2:
    sys.exit(__doc__.rsplit("\n", 1)[-1])
REMEDY = os.path.abspath(sys.argv[1])
EPOCH = "1792540800"
RUN_TIMEOUT = 30  # seconds a single run may take: only a hang reaches it, whatever the load
WORKERS = max(2, min(8, os.cpu_count() or 2))
XMLLINT = shutil.which("xmllint")
GIT = shutil.which("git")

START = "2026-10-01"
DAYS = ("2026-10-20", "2026-12-05", "2026-12-12")  # before (at risk), on and after the deadline
SVG = "{http://www.w3.org/2000/svg}"

# ---------------------------------------------------------------------------------------------
# The hostile text.

# Accepted in a value (no C0 control but tab, no DEL). Each value position gets five of these
# joined by spaces, rotated over the plans so that every payload reaches every position.
PAYLOADS = [
    "::error file=evil.txt,line=1::injected",
    "::add-mask::secret",
    "::stop-commands::tok",
    "##[add-mask]secret",
    "##[set-output name=x;]y",
    "%0A%25%0D , : ; \" ' \\ 100%",
    "]]> --> <!-- </script><b>bold</b> &amp; &lt; &#35;",
    "{{provider}} {{client}} {{reference}} {{issues}} {{",
    "\u202eevil\u202c \u2066isolate\u2069 \u200e\u200f\u061c",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "abcdefghij" * 20,
    "Ünïcødé 日本語 😀 Ωμέγα — café",
    "\t::error::tab\tinside",
    " ::warning::leading-space",
    "\u00a0::error::nbsp",
    "\u3000::error::ideographic \u2003::error::em-space \u2028::error::line-separator",
    "\u00a0\u00a0::error::nbsp2 \u2029::error::paragraph-separator",
    "=?UTF-8?B?PHNjcmlwdD4=?= =?UTF-8?Q?Pat?=",
    "From here ::error::mid ##[group]x",
    "-1+2 @SUM(A1) +x",
    "\"O'Neil \\\"OJ\\\" Smith\"",
]
GROUP = 5  # payloads per value
PLANS = 5  # GROUP * PLANS >= len(PAYLOADS): every payload in every position

# Key and table names: TOML quoted keys hold any character; remedy warns about them.
KEYS = [
    "k\n::error file=evil.txt::key",
    "\u001b]0;pwned\u0007",
    "\u001b[31mred\u001b[0m \u001b[2J",
    "\r::warning::cr",
    "\r\n::notice::crlf",
    "\n\u00a0::error::nbsp-key",
    "\n\u0085::error::nel-key \u009b31m",
    "\n\t::error::tab-key",
    "##[add-mask]key ##[set-output name=x;]y",
    "\u202ertl-key\u2066",
    "\u0000nul \u007fdel \u000bvt",
    "\n\u3000::error::ideographic-key",
]

# Control characters a value may not hold: the plan is refused at the value.
# The C1 controls too (NEL, CSI), which some terminals act on.
CONTROLS = ["\r", "\n", "\r\n", "\u001b[31m", "\u001b]0;title\u0007", "\u001b[2J", "\u007f",
            "\u0000", "\u000b", "\u0085", "\u009b31m"]

# File names (folder, file, whether to read its history): passed with -f, relative to the
# working directory, which is the top of the git repository that holds them.
FILE_NAMES = [
    ("::error::x", "a ##[add-mask]b.toml", True),
    (None, "x\r::warning::cr %0A%25%0D,:;=x.toml", True),
    ("x\n::error file=evil.txt::nl", "plan.toml", True),
    ("y\n\u00a0::error::nl-nbsp", "plan.toml", True),
    ("\u00a0::error::nbsp-dir", "plan.toml", True),
    (None, "\u3000::error::ideographic.toml", False),
    (None, "\t::error::tab.toml", False),
    (None, "\u001b[31mred\u001b]0;title\u0007 \u202eevil\u2066.toml", True),
    (None, "=HYPERLINK(x).toml", True),
    (None, "-rf.toml", True),
    (None, "\udcff-latin1.toml", True),  # the byte 0xff: a name that is not UTF-8
    (None, "::error::x.toml", True),  # beside a decoy error::x.toml
]

# Text for the edit commands: TOML structure, placeholders, workflow commands, a tab.
EDIT_TEXT = ("x\" # ::error::t ##[add-mask]s \u202e\t{{provider}} \\u0041 \"\"\" ''' [[issue]] "
             "=1+1 \u00a0::error::nbsp \\")

# ---------------------------------------------------------------------------------------------
# The GitHub Actions runner, ported from actions/runner src/Runner.Common/ActionCommand.cs.

RUNNER_COMMANDS = {"add-mask", "stop-commands", "error", "warning", "notice", "debug", "group",
                   "endgroup", "set-output", "save-state", "add-path", "set-env", "echo",
                   "add-matcher", "remove-matcher"}
# .NET Char.IsWhiteSpace, what String.TrimStart() and Trim() remove.
NET_WHITESPACE = ("\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                  "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def runner_lines(text):
    """The lines the runner reads (StreamReader.ReadLine: LF, CR or CRLF ends a line)."""
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _replace_all(text, mappings):
    for token, replacement in mappings:
        text = text.replace(replacement, token)
    return text


DATA_ESCAPES = [("\r", "%0D"), ("\n", "%0A"), ("%", "%25")]
PROPERTY_ESCAPES = [("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")]
OLD_ESCAPES = [(";", "%3B"), ("\r", "%0D"), ("\n", "%0A"), ("]", "%5D"), ("%", "%25")]


def _net_split_pair(text):
    """String.Split('=', count: 2, RemoveEmptyEntries)."""
    pair = [part for part in text.lstrip("=").split("=", 1)]
    return [part for part in pair if part]


def parse_v2(line):
    """ActionCommand.TryParseV2: (command, properties, data) or None."""
    message = line.lstrip(NET_WHITESPACE)
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name not in RUNNER_COMMANDS:
        return None
    properties = {}
    if space > 0:
        for prop in info[space + 1:].strip(NET_WHITESPACE).split(","):
            pair = _net_split_pair(prop) if prop else []
            if len(pair) == 2:
                properties[pair[0]] = _replace_all(pair[1], PROPERTY_ESCAPES)
    return name, properties, _replace_all(message[end + 2:], DATA_ESCAPES)


def parse_old(line):
    """ActionCommand.TryParse, the older `##[name props]data` form: (command, data) or None."""
    start = line.find("##[")
    if start < 0:
        return None
    close = line.find("]", start)
    if close < 0:
        return None
    info = line[start + 3:close]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name not in RUNNER_COMMANDS:
        return None
    return name, _replace_all(line[close + 1:], OLD_ESCAPES)


# ---------------------------------------------------------------------------------------------
# The documented forms of plan text in each channel: remedy's escaping functions
# (src/render/escape.cpp, src/util/utf8.cpp), ported byte for byte, and what each channel's
# reader reads back of them. Text from the file system may hold lone surrogates (os.fsdecode
# of bytes that are not UTF-8): the functions take the bytes remedy was given
# (surrogateescape), as remedy does.

BIDI = {0x061C, 0x200E, 0x200F} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def _bytes(text):
    return text.encode("utf-8", "surrogateescape")


def decode_utf8(data, i):
    """utf8.cpp decode_utf8: (code point, length) of the sequence at data[i], length 0 when
    the bytes there are not UTF-8 (RFC 3629: no overlong form, surrogate or value past
    U+10FFFF)."""
    if i >= len(data):
        return 0, 0
    lead = data[i]
    if lead < 0x80:
        return lead, 1
    low, high = 0x80, 0xBF
    if 0xC2 <= lead <= 0xDF:
        length, value = 2, lead & 0x1F
    elif 0xE0 <= lead <= 0xEF:
        length, value = 3, lead & 0x0F
        if lead == 0xE0:
            low = 0xA0
        if lead == 0xED:
            high = 0x9F
    elif 0xF0 <= lead <= 0xF4:
        length, value = 4, lead & 0x07
        if lead == 0xF0:
            low = 0x90
        if lead == 0xF4:
            high = 0x8F
    else:
        return 0, 0
    if len(data) - i < length or not low <= data[i + 1] <= high:
        return 0, 0
    for k in range(1, length):
        if data[i + k] & 0xC0 != 0x80:
            return 0, 0
        value = (value << 6) | (data[i + k] & 0x3F)
    return value, length


def is_runner_white_space(code):
    """escape.cpp is_runner_white_space: .NET's Char.IsWhiteSpace."""
    return (code == 0x20 or 0x09 <= code <= 0x0D or code in (0x85, 0xA0, 0x1680)
            or 0x2000 <= code <= 0x200A or code in (0x2028, 0x2029, 0x202F, 0x205F, 0x3000))


def starts_workflow_command(data, line_start, i):
    """escape.cpp starts_workflow_command: "::" at i with only runner white space since
    line_start."""
    if data[i:i + 2] != b"::" or i < line_start:
        return False
    k = line_start
    while k < i:
        code, length = decode_utf8(data, k)
        if length == 0 or not is_runner_white_space(code):
            return False
        k += length
    return True


def _is_c1_or_bidi(code):
    return 0x80 <= code <= 0x9F or code in BIDI


SGR_CODES = (b"\x1b[0m", b"\x1b[1m", b"\x1b[2m", b"\x1b[32m", b"\x1b[33m", b"\x1b[1;31m")


def escape_terminal(text, breaks_kept=False, colour_kept=False, line_start=True):
    """escape.cpp escape_terminal, on str (bytes that are not UTF-8 as surrogates)."""
    data = _bytes(text)
    out = bytearray()
    start = 0 if line_start else None
    i = 0
    while i < len(data):
        byte = data[i]
        if byte == 0x0A and breaks_kept:
            out += b"\n"
            i += 1
            start = i
            continue
        if colour_kept:
            sgr = next((code for code in SGR_CODES if data.startswith(code, i)), None)
            if sgr:
                out += sgr
                i += len(sgr)
                continue
        if start is not None and starts_workflow_command(data, start, i):
            out += b"\\x3a:"
            i += 2
            continue
        if data.startswith(b"##[", i):
            out += b"#\\x23["
            i += 3
            continue
        if 0x20 <= byte < 0x7F:
            out.append(byte)
            i += 1
            continue
        code, length = decode_utf8(data, i)
        if length == 0 or code < 0x20 or code == 0x7F:
            out += {0x0A: b"\\n", 0x0D: b"\\r", 0x09: b"\\t"}.get(byte, b"\\x%02x" % byte)
            i += 1
            continue
        if _is_c1_or_bidi(code):
            out += b"\\u%04x" % code
        else:
            out += data[i:i + length]
        i += length
    return out.decode("utf-8")


def term(text):
    """terminal_text: controls (C0, DEL, C1), bidi controls and bytes that are not UTF-8 shown
    as escapes, "##[" as "#\\x23[", and a "::" that starts the string (after runner white
    space, line breaks included: they are escaped, not kept) as "\\x3a:", wherever the string
    is put."""
    return escape_terminal(text)


def term_inside(text):
    """The characters of `text` as terminal_text shows them when they are inside a line that
    something else starts (escape_terminal with Placement::inside_line): its "::" stays."""
    return escape_terminal(text, line_start=False)


def term_lines(text, line_start=True):
    """terminal_lines(text, Colour::kept), what finish.cpp writes of a report for a person:
    line breaks kept, every line that starts with "::" after runner white space escaped."""
    return escape_terminal(text, breaks_kept=True, colour_kept=True, line_start=line_start)


def github_form(text, prop):
    """What the runner reads back of github_message / github_property: the characters it
    unescapes intact, the text between them as terminal_text shows it inside a line."""
    special = "%\r\n:," if prop else "%\r\n"
    return "".join(part if len(part) == 1 and part in special else term_inside(part)
                   for part in re.split("([" + re.escape(special) + "])", text) if part)


def xml_form(text):
    """What an XML parser reads back of xml_text / xml_attribute: characters XML 1.0 does not
    allow, and bytes that are not UTF-8, as U+FFFD; the rest (references included) intact."""
    data, out, i = _bytes(text), [], 0
    while i < len(data):
        code, length = decode_utf8(data, i)
        allowed = length and (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF
                              or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF)
        out.append(chr(code) if allowed else "\ufffd")
        i += length or 1
    return "".join(out)


def json_form(text):
    """What a JSON reader reads back of append_json_quoted: bytes that are not UTF-8 as
    U+FFFD, the rest intact."""
    data, out, i = _bytes(text), [], 0
    while i < len(data):
        code, length = decode_utf8(data, i)
        out.append(chr(code) if length else "\ufffd")
        i += length or 1
    return "".join(out)


def _plain_number(text):
    """escape.cpp is_plain_number: an optional '-', ASCII digits, at most one '.'."""
    return re.fullmatch(r"-?([0-9]+\.?[0-9]*|\.[0-9]+)", text) is not None


def csv_form(text):
    """What csv.reader reads back of csv_field: the text as terminal_text shows it (no control
    character, one line; "##[" and a leading "::" escaped), and a "'" before text a
    spreadsheet would run as a formula."""
    field = term(text)
    if field and (field[0] in "=+@" or (field[0] == "-" and not _plain_number(field))):
        field = "'" + field
    return field


def ics_form(text):
    """What an iCalendar reader reads back of ics_text: the controls TEXT cannot hold dropped."""
    return "".join(c for c in text if not ((ord(c) < 0x20 and c not in "\t\n") or c == "\x7f"))


def display_name(written):
    """The display name remedy reads from `written <address>` (mail_address.cpp)."""
    name = written.strip(" \t")
    if len(name) >= 2 and name[0] == '"' and name[-1] == '"':
        name = re.sub(r"\\(.)", r"\1", name[1:-1], flags=re.S)
    return name


def flowed(value):
    """A pattern for `value` in a letter body re-flowed to 72 columns: its white space as any
    white space, and a line break (with indentation) allowed between any two characters, since
    a word longer than a line is cut (docs/decisions.md)."""
    parts = []
    for char in value.strip(" \t"):
        if char in " \t":
            if parts[-1] != r"\s+":
                parts.append(r"\s+")
        else:
            parts.append(re.escape(char) + r"(?:\n *)?")
    return re.compile("".join(parts))


def squeeze(text):
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------------------------------------
# Plans.

def toml_string(text):
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


POSITIONS = ["client.name", "client.display", "provider.name", "provider.display", "cc1.display",
             "reference", "net.title", "net.category", "net.owner", "net.notes", "srv.title",
             "hd.title", "prc.title", "prc.waiver", "incident.summary", "extension.reason"]
ISSUES = [("NET-1", "critical", "net.title"), ("SRV-2", "high", "srv.title"),
          ("HD-3", "medium", "hd.title"), ("PRC-4", "low", "prc.title")]
UNRESOLVED = ("NET-1", "SRV-2")  # on every day judged


def values_for(k):
    values = {}
    for j, position in enumerate(POSITIONS):
        chosen = [PAYLOADS[(k * GROUP + t + j) % len(PAYLOADS)] for t in range(GROUP)]
        values[position] = ("\n" if position == "net.notes" else " ").join(chosen)
    values["net.notes"] += "\r\nlast line"
    values["cc2.display"] = PAYLOADS[(len(PAYLOADS) - 1 + 3 * k) % len(PAYLOADS)]
    return values


def keys_for(k):
    return {slot: KEYS[(k + n) % len(KEYS)]
            for n, slot in enumerate(("client", "issue", "table", "provider"))}


def contact(display, address):
    return f"{display} <{address}>"


ADDRESSES = {"client": "alex@northwind.example", "provider": "pat@acme-it.example",
             "cc1": "desk@acme-it.example", "cc2": "cfo@northwind.example"}


def plan_text(v, keys, override=None):
    """A valid plan with the values `v` and the unknown keys `keys`; `override` replaces one
    position's TOML value text (for the plans that must be refused)."""
    def q(position):
        if override and override[0] == position:
            return override[1]
        if position.endswith(".display"):
            who = position.split(".")[0]
            return toml_string(contact(v[position], ADDRESSES[who]))
        return toml_string(v[position])
    return f"""# A remediation plan with hostile text in every string (tests/hostile).
[client]
name = {q("client.name")}
contact = {q("client.display")}
timezone = "America/Chicago"
{toml_string(keys["client"])} = 1

[provider]
name = {q("provider.name")}
contact = {q("provider.display")}
cc = [{q("cc1.display")}, {q("cc2.display")}]
{toml_string(keys["provider"])} = "x"

[contract]
reference = {q("reference")}
currency = "USD"
monthly_fee = "12500.00"

[timebox]
start = {START}
days = 60

[[timebox.extension]]
days = 5
agreed = 2026-10-10
reason = {q("extension.reason")}

[penalties]
grace_days = 1
cap = "20%"

[penalties.per_day]
critical = "500.00"
high = "200.00"

[penalties.per_miss]
critical = "2%"
high = "300.00"

[ultimatum]
issued = 2026-10-02
strikes = 2
severity = "high"

[{toml_string(keys["table"])}]
x = 1

[[issue]]
id = "NET-1"
title = {q("net.title")}
priority = "critical"
due = 2026-10-15
status = "open"
category = {q("net.category")}
owner = {q("net.owner")}
notes = {q("net.notes")}
{toml_string(keys["issue"])} = "v"

[[issue]]
id = "SRV-2"
title = {q("srv.title")}
priority = "high"
due = 2026-11-20
status = "in_progress"

[[issue]]
id = "HD-3"
title = {q("hd.title")}
priority = "medium"
due = 2026-10-12
status = "resolved"
resolved = 2026-10-13

[[issue]]
id = "PRC-4"
title = {q("prc.title")}
priority = "low"
due = 2026-10-30
status = "waived"
waiver = {q("prc.waiver")}

[[incident]]
date = 2026-10-16
priority = "high"
summary = {q("incident.summary")}
"""


def unknown_key_messages(keys):
    return [f"unknown key client.{keys['client']} is ignored",
            f"unknown key provider.{keys['provider']} is ignored",
            f"unknown key {keys['table']} is ignored",
            f"unknown key issue.{keys['issue']} is ignored"]


TEMPLATE_LINES = ["::error file=evil.txt,line=1::template-line",
                  "##[add-mask]template-secret",
                  "  ::warning::indented",
                  "\u00a0::error::nbsp-template",
                  "\u0085::error::nel-template",
                  "]]> <!-- --> <b> &amp; =HYPERLINK(\"x\") %0A ,:; } {",
                  "From the template"]
TEMPLATE_SUBJECT = "::error file=t.txt::subject ##[add-mask]s %0A =?UTF-8?Q?Injected?="


def template_text():
    body = "\n".join(TEMPLATE_LINES[:-1])
    return (f"Subject: {TEMPLATE_SUBJECT} {{{{provider}}}}\n\n{body}\n"
            f"{TEMPLATE_LINES[-1]} {{{{provider}}}} and {{{{client}}}}.\n- {{{{reference}}}}\n")


# ---------------------------------------------------------------------------------------------
# Running and recording.

BASE_ENV = {key: value for key, value in os.environ.items()
            if key not in ("REMEDY_PLAN", "NO_COLOR", "CLICOLOR_FORCE", "FORCE_COLOR")
            and not key.startswith("GIT_")}
BASE_ENV.update(SOURCE_DATE_EPOCH=EPOCH, LC_ALL="C.UTF-8", TERM="dumb",
                GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)


class Run:
    def __init__(self, label, code, out, err):
        self.label, self.code, self.out, self.err = label, code, out, err

    def text(self, stream="stdout"):
        return (self.out if stream == "stdout" else self.err).decode("utf-8", "replace")


class Recorder:
    """The failures and counts of one job, in the order they were found."""

    def __init__(self):
        self.failures = []
        self.xml = []  # (label, document) for xmllint
        self.runs = self.outputs = self.lines = 0

    def fail(self, label, stream, line_no, line, why):
        self.failures.append((label, stream, line_no, line, why))

    def expect(self, ok, label, stream, why, line_no=0, line=""):
        if not ok:
            self.fail(label, stream, line_no, line, why)
        return ok

    def run(self, label, args, cwd, kind="text", ok=(0,), env=None):
        """Runs remedy, checks its exit status and both streams against what every output must
        satisfy, and returns the Run (None when it did not finish)."""
        self.runs += 1
        label = label + " :: remedy " + " ".join(show(a, 60) for a in args)
        try:
            done = subprocess.run([REMEDY, *args], cwd=cwd, env=dict(BASE_ENV, **(env or {})),
                                  stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.fail(label, "-", 0, "", f"no answer within {RUN_TIMEOUT} s")
            return None
        result = Run(label, done.returncode, done.stdout, done.stderr)
        if done.returncode < 0:
            self.fail(label, "-", 0, "", f"killed by signal {-done.returncode}")
        elif done.returncode not in ok:
            self.fail(label, "-", 0, first_line(done.stderr),
                      f"exit status {done.returncode}, expected {' or '.join(map(str, ok))}")
        self.check_stream(label, "stdout", done.stdout, kind)
        self.check_stream(label, "stderr", done.stderr, "text")
        return result

    def check_stream(self, label, stream, data, kind):
        self.outputs += 1
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.fail(label, stream, data[:error.start].count(b"\n") + 1,
                      data[max(0, error.start - 60):error.end + 20].decode("utf-8", "replace"),
                      f"not UTF-8 ({error.reason} at byte {error.start})")
            text = data.decode("utf-8", "replace")
        lines = runner_lines(text)
        self.lines += len(lines)
        github = stream == "stdout" and kind == "github"
        for number, line in enumerate(lines, 1):
            if not github:
                command = parse_v2(line)
                if command:
                    self.fail(label, stream, number, line,
                              f"the runner reads the workflow command ::{command[0]} "
                              f"(properties {command[1]}, data {command[2]!r})")
                elif line.lstrip(NET_WHITESPACE).startswith("::"):
                    self.fail(label, stream, number, line,
                              "the line starts with '::' after white space (escape.h: shown as "
                              "\\x3a:)")
            old = parse_old(line)
            if old:
                self.fail(label, stream, number, line,
                          f"the runner reads the older command ##[{old[0]}] (data {old[1]!r})")
            elif "##[" in line:
                self.fail(label, stream, number, line, "a raw '##[' (escape.h: never written)")
            self.check_characters(label, stream, number, line, kind)

    def check_characters(self, label, stream, number, line, kind):
        if kind in ("ics", "csv"):  # documents that carry the text as it is (RFC 5545, 4180)
            return
        if kind == "text-colour":
            line = re.sub(r"\x1b\[[0-9;]*m", "", line)
        allowed = "\t" if kind in ("junit", "svg", "mail") else ""
        for char in line:
            code = ord(char)
            if ((code < 0x20 and char not in allowed) or code == 0x7F or 0x80 <= code <= 0x9F
                    or code in BIDI):
                self.fail(label, stream, number, line,
                          f"raw control character U+{code:04X} in {kind} output")
                return


def show(text, limit=100):
    shown = repr(text)
    return shown if len(shown) <= limit else shown[:limit] + "..."


def first_line(data):
    return data.decode("utf-8", "replace").split("\n", 1)[0]


def contains(rec, run, stream, needle, what, text=None):
    haystack = text if text is not None else run.text(stream)
    return rec.expect(needle in haystack, run.label, stream,
                      f"{what} is not shown as {show(needle, 200)}")


def shown_in_lines(value, text):
    """Whether `value`, put raw into a report that finish.cpp passes through terminal_lines
    (colour kept), is in `text` (the report as written, colour codes included) in the form
    terminal_lines gives it there: its "::" escaped where only runner white space precedes it
    on its line (remedy's colour codes are not white space), kept elsewhere."""
    at_start, inside = term_lines(value, True), term_lines(value, False)
    for form, blank_before in ((at_start, True), (inside, False)):
        pos = text.find(form)
        while pos >= 0:
            prefix = text[text.rfind("\n", 0, pos) + 1:pos]
            blank = all(is_runner_white_space(ord(c)) for c in prefix)
            if at_start == inside or blank == blank_before:
                return True
            pos = text.find(form, pos + 1)
    return False


def expect_shown(rec, run, stream, value, what):
    """`value` in a report as terminal_lines shows it where it stands (shown_in_lines)."""
    ok = shown_in_lines(value, run.text(stream))
    return rec.expect(ok, run.label, stream,
                      f"{what} is not shown as {show(term_lines(value, False), 200)} (within a "
                      f"line) or {show(term_lines(value, True), 200)} (after only white space)")


# ---------------------------------------------------------------------------------------------
# Readers.

def load_json(rec, run, what="JSON"):
    try:
        return json.loads(run.out.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        rec.fail(run.label, "stdout", 0, "", f"{what} does not parse: {error}")
        return None


def load_xml(rec, run):
    rec.xml.append((run.label, run.out))  # for xmllint, run once on all of them
    try:
        return ElementTree.fromstring(run.out)
    except ElementTree.ParseError as error:
        rec.fail(run.label, "stdout", 0, "", f"XML does not parse: {error}")
        return None


def diagnostic_line(d, file_name=None):
    """diagnostic.cpp to_string of a diagnostic of `check --format json`; `file_name`, the
    name as given, stands for its file (which JSON carries with U+FFFD for a byte that is not
    UTF-8)."""
    file = file_name if file_name is not None and d['file'] == json_form(file_name) else d['file']
    place = f":{d['line']}:{d['column']}" if d.get("line") is not None else ""
    return f"{file}{place}: {d['severity']}: {d['message']}"


def diagnostic_pattern(file_name, severity, message):
    """A line of standard error that holds one diagnostic, as finish.cpp writes it: the whole
    line through terminal_text, so the file name that starts it has its leading "::" escaped,
    and the message, inside the line, keeps its own."""
    return re.compile(re.escape(term(file_name)) + r"(?::\d+:\d+)?: " + re.escape(severity) +
                      ": " + re.escape(term_inside(message)))


def check_stderr_diagnostics(rec, run, file_name, messages):
    """Each hostile key's warning on standard error, behind the file name, as terminal_text
    shows them."""
    err = run.text("stderr")
    lines = err.split("\n")
    for message in messages:
        pattern = diagnostic_pattern(file_name, "warning", message)
        rec.expect(any(pattern.fullmatch(line) for line in lines), run.label, "stderr",
                   f"an unknown key's warning is not shown as the line "
                   f"{show(term(file_name) + ':L:C: warning: ' + term_inside(message), 300)}")
    prefix = term(file_name) + ":"
    for number, line in enumerate(err.split("\n"), 1):
        if ": warning: " in line or ": error: " in line:
            if not line.startswith("remedy: "):
                rec.expect(line.startswith(prefix), run.label, "stderr",
                           f"the diagnostic does not start with the file name as "
                           f"{show(prefix)}", number, line)


def check_github(rec, run, doc, file_name, passed=None):
    """Every line one of remedy's commands; read as the runner reads it, each holds the
    diagnostic or verdict of `check --format json` (`doc`), the hostile text as data.
    `passed` overrides doc["passed"] (the same plan and day with another --fail-on)."""
    passed = doc.get("passed") if passed is None and doc else passed
    parsed = []
    for number, line in enumerate(runner_lines(run.text()), 1):
        command = parse_v2(line)
        if not rec.expect(command is not None and command[0] in ("error", "warning", "notice"),
                          run.label, "stdout", "not a ::error/::warning/::notice command",
                          number, line):
            continue
        unknown = set(command[1]) - {"file", "line", "col", "endLine", "endColumn", "title"}
        rec.expect(not unknown, run.label, "stdout", f"unknown properties {unknown}", number,
                   line)
        parsed.append((number, line, command))
    if doc is None:
        return
    diagnostics = doc.get("diagnostics", [])
    for d, (number, line, (name, props, data)) in zip(diagnostics, parsed):
        where = (run.label, "stdout")
        rec.expect(name == d["severity"], *where, f"::{name} for a {d['severity']}", number, line)
        rec.expect(props.get("file") == github_form(file_name, True), *where,
                   f"the runner reads file={show(props.get('file'))}, not the file "
                   f"{show(github_form(file_name, True))}", number, line)
        if d.get("line") is not None:
            rec.expect(props.get("line") == str(d["line"]) and props.get("col") == str(d["column"]),
                       *where, f"place {props} is not {d['line']}:{d['column']}", number, line)
        rec.expect(data == github_form(d["message"], False), *where,
                   f"the runner reads the message {show(data, 300)}, not "
                   f"{show(github_form(d['message'], False), 300)}", number, line)
    rest = parsed[len(diagnostics):]
    if not doc.get("valid"):
        rec.expect(not rest and len(parsed) == len(diagnostics), run.label, "stdout",
                   f"{len(parsed)} commands for {len(diagnostics)} diagnostics")
        return
    if rec.expect(rest, run.label, "stdout", "no verdict command"):
        number, line, (name, props, data) = rest[-1]
        rec.expect(name == ("notice" if passed else "error"), run.label, "stdout",
                   f"verdict command ::{name}, passed={passed}", number, line)
        rec.expect(props.get("file") == github_form(file_name, True), run.label, "stdout",
                   f"the verdict names file={show(props.get('file'))}", number, line)
        rec.expect(data.startswith(f"{doc['verdict']} on {doc['as_of']}"), run.label, "stdout",
                   f"verdict message {show(data)}", number, line)
        for number, line, (name, props, data) in rest[:-1]:
            rec.expect(name == "warning" and props.get("file") == github_form(file_name, True),
                       run.label, "stdout", "a reason is not a ::warning for the file",
                       number, line)


def check_junit(rec, run, doc, file_name, titles):
    """The plan's case named by the file, its diagnostics as text, each issue's case named by
    its id and title: the hostile text intact once parsed."""
    root = load_xml(rec, run)
    if root is None or doc is None:
        return
    cases = root.findall("./testsuite/testcase")
    if not rec.expect(cases, run.label, "stdout", "no test case"):
        return
    validity = cases[0]
    for attribute in ("name", "file"):
        rec.expect(validity.get(attribute) == xml_form(file_name), run.label, "stdout",
                   f"the plan case's {attribute} is {show(validity.get(attribute))}, not the "
                   f"file {show(xml_form(file_name))}")
    # One terminal_text()'d line a diagnostic (controls shown as escapes, not U+FFFD), then
    # xml_text: what the parser reads back.
    expected = "".join(xml_form(term(diagnostic_line(d, file_name))) + "\n"
                       for d in doc.get("diagnostics", []))
    details = validity.find("error") if not doc.get("valid") else validity.find("system-err")
    if expected:
        rec.expect(details is not None and (details.text or "") == expected, run.label, "stdout",
                   f"the plan case holds {show(details.text if details is not None else None, 300)}"
                   f", not the diagnostics {show(expected, 300)}")
    for case in cases[2:]:
        name = case.get("name", "")
        issue_id = name.split(":", 1)[0]
        if issue_id in titles:
            rec.expect(name == xml_form(f"{issue_id}: {titles[issue_id]}"), run.label, "stdout",
                       f"issue case named {show(name, 300)}, not with its title "
                       f"{show(titles[issue_id], 300)}")
            rec.expect(case.get("file") == xml_form(file_name), run.label, "stdout",
                       f"issue case file {show(case.get('file'))}")
    if titles and doc.get("valid"):
        # The plan, the verdict, one per issue, and one for the warnings when there are any.
        warned = any(case.get("name") == "warnings" for case in cases)
        rec.expect(len(cases) == 2 + len(titles) + warned, run.label, "stdout",
                   f"{len(cases)} test cases for {len(titles)} issues")


def check_calendar_bytes(rec, label, data, v, what="calendar"):
    """icalendar reads it; SUMMARY and DESCRIPTION hold the plan's text."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        # The calendar itself is reported by check_stream; its text cannot be compared.
        if what != "calendar":
            rec.fail(label, "stdout", 0, show(data[max(0, error.start - 40):error.end + 20]),
                     f"{what} is not UTF-8 ({error.reason} at byte {error.start})")
        return
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        rec.fail(label, "stdout", 0, "", f"icalendar cannot read the {what}: {error!r}")
        return
    agreement = f"{v['provider.name']} ({v['reference']})"
    titles = {issue_id: v[position] for issue_id, _, position in ISSUES}
    priorities = {issue_id: priority for issue_id, priority, _ in ISSUES}
    # Every issue keeps its event (a closed one cancelled); an issue that owes money once late
    # may have a "penalties start" event.
    expected = {ics_form(f"{i} ({priorities[i]}) due: {titles[i]}") for i in titles}
    expected.add(ics_form(f"Remediation deadline: {v['provider.name']}"))
    allowed = expected | {ics_form(f"{i} ({priorities[i]}): penalties start") for i in titles}
    summaries = set()
    for event in calendar.walk("VEVENT"):
        summary = str(event.get("SUMMARY", ""))
        summaries.add(summary)
        description = str(event.get("DESCRIPTION", ""))
        rec.expect(ics_form(agreement) in description, label, "stdout",
                   f"{what}: DESCRIPTION {show(description, 300)} does not hold "
                   f"{show(ics_form(agreement), 300)}")
    rec.expect(expected <= summaries <= allowed, label, "stdout",
               f"{what}: SUMMARY values {sorted(map(show, summaries - allowed))} where "
               f"{sorted(map(show, expected - summaries))} were expected")
    name = str(calendar.get("X-WR-CALNAME", ""))
    rec.expect(ics_form(agreement) in name, label, "stdout",
               f"{what}: X-WR-CALNAME {show(name, 300)} does not hold the agreement")


ENCODED_WORD = re.compile(r"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([QqBb])\?([^?\s]*)\?=")


def decode_word(match):
    charset, encoding, text = match.groups()
    if encoding in "Bb":
        data = base64.b64decode(text + "=" * (-len(text) % 4))
    else:
        data = re.sub(rb"=([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                      text.replace("_", " ").encode("ascii", "replace"))
    return data.decode(charset, "replace")


def read_mailboxes(value):
    """An address header's (display name, address) pairs as RFC 5322 and RFC 2047 read them:
    a quoted string is literal, an atom that is an encoded-word is decoded, the white space
    between two adjacent encoded-words is dropped. (The email package keeps that white space
    in an address header, and decodes encoded-words inside quoted strings.)"""
    boxes, words, i = [], [], 0

    def display():
        text = ""
        for n, (kind, word) in enumerate(words):
            if n and not (kind == "encoded" and words[n - 1][0] == "encoded"):
                text += " "
            text += word
        return text
    while i < len(value):
        char = value[i]
        if char in " \t\r\n":
            i += 1
        elif char == '"':
            j, text = i + 1, []
            while j < len(value) and value[j] != '"':
                if value[j] == "\\" and j + 1 < len(value):
                    j += 1
                text.append(value[j])
                j += 1
            words.append(("quoted", "".join(text)))
            i = j + 1
        elif char == "<":
            j = value.find(">", i)
            j = len(value) if j < 0 else j
            boxes.append((display(), value[i + 1:j]))
            words, i = [], j + 1
        elif char == ",":
            if words:
                boxes.append(("", display()))
                words = []
            i += 1
        else:
            j = i
            while j < len(value) and value[j] not in ' \t\r\n"<,':
                j += 1
            match = ENCODED_WORD.fullmatch(value[i:j])
            words.append(("encoded", decode_word(match)) if match else ("atom", value[i:j]))
            i = j
    if words:
        boxes.append(("", display()))
    return boxes


def raw_headers(raw):
    """The top-level header fields, unfolded: {lower-case name: raw value}."""
    fields = {}
    name = None
    for line in raw.split(b"\n\n", 1)[0].decode("ascii", "replace").split("\n"):
        if line[:1] in (" ", "\t") and name:
            fields[name] += line
        elif ":" in line:
            name, value = line.split(":", 1)
            name = name.lower()
            fields[name] = value
    return fields


def check_mail(rec, run, v, kind, to=None, cc=None, template=False, reason=None):
    raw = run.out
    for number, line in enumerate(raw.split(b"\n"), 1):
        rec.expect(len(line.rstrip(b"\r")) <= 78, run.label, "stdout",
                   f"a line of {len(line)} characters (at most 78)", number,
                   line.decode("utf-8", "replace"))
    try:
        msg = email.parser.BytesParser(policy=email.policy.strict).parsebytes(raw)
    except Exception as error:  # noqa: BLE001 - the strict parser raises the defect it finds
        rec.fail(run.label, "stdout", 0, "", f"the strict mail parser refuses it: {error!r}")
        return
    for part in msg.walk():
        for defect in part.defects:
            rec.fail(run.label, "stdout", 0, "", f"mail defect: {defect!r}")
        for name in set(part.keys()):
            for field in part.get_all(name) or []:
                for defect in getattr(field, "defects", ()):
                    rec.fail(run.label, "stdout", 0, "", f"defect in header {name}: {defect!r}")
    expected = {
        "From": [(display_name(v["client.display"]), ADDRESSES["client"])],
        "To": to or [(display_name(v["provider.display"]), ADDRESSES["provider"])],
        "Cc": cc or [(display_name(v["cc1.display"]), ADDRESSES["cc1"]),
                     (display_name(v["cc2.display"]), ADDRESSES["cc2"])],
    }
    fields = raw_headers(raw)
    for header, mailboxes in expected.items():
        try:
            addresses = [a.addr_spec for a in msg[header].addresses]
        except Exception as error:  # noqa: BLE001
            rec.fail(run.label, "stdout", 0, "", f"{header} does not parse: {error!r}")
            continue
        rec.expect(addresses == [a for _, a in mailboxes], run.label, "stdout",
                   f"{header} holds the addresses {addresses}")
        got = read_mailboxes(fields.get(header.lower(), ""))
        rec.expect(got == mailboxes, run.label, "stdout",
                   f"{header} reads back as {show(got, 400)}, not {show(mailboxes, 400)} "
                   f"(raw: {show(fields.get(header.lower()), 400)})")
    subject = str(email.header.make_header(email.header.decode_header(
        fields.get("subject", "").strip())))
    wanted = [v["provider.name"]] + ([TEMPLATE_SUBJECT] if template else [v["reference"]])
    for value in wanted:
        rec.expect(squeeze(value) in squeeze(subject), run.label, "stdout",
                   f"the Subject reads back as {show(subject, 300)}: it does not hold "
                   f"{show(value, 300)}")
    parts = list(msg.walk())
    text_part = next((p for p in parts if p.get_content_type() == "text/plain"), None)
    if not rec.expect(text_part is not None, run.label, "stdout", "no text/plain part"):
        return
    body = text_part.get_content()
    wanted = [v["client.name"], v["provider.name"]]
    if template:
        wanted += TEMPLATE_LINES + [v["reference"]]
    else:
        wanted += [display_name(v["provider.display"]), display_name(v["client.display"])]
        if kind in ("notice", "ultimatum"):
            wanted += [v[position] for issue_id, _, position in ISSUES if issue_id in UNRESOLVED]
        if kind in ("notice", "ultimatum", "termination"):
            wanted.append(v["reference"])
    if reason:
        wanted.append(reason)
    for value in wanted:
        rec.expect(flowed(value).search(body) is not None, run.label, "stdout",
                   f"the decoded body does not hold {show(value, 300)}")
    calendars = [p for p in parts if p.get_content_type() == "text/calendar"]
    if kind in ("notice", "ultimatum"):
        if rec.expect(len(calendars) == 1, run.label, "stdout",
                      f"{len(calendars)} text/calendar parts"):
            check_calendar_bytes(rec, run.label, calendars[0].get_payload(decode=True), v,
                                 "the calendar attachment")


# ---------------------------------------------------------------------------------------------
# The jobs. Each runs in a worker thread and returns its Recorder.

def check_report_page(rec, run, v):
    """`remedy report`: a strict HTML5 parser reads it, it holds no script, and the client's
    name is in its <title> as text."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        tree = parser.parse(run.text())
    except html5lib.html5parser.ParseError as error:
        rec.fail(run.label, "stdout", 0, "", f"not strict HTML5: {error}")
        return
    rec.expect(not list(tree.iter("script")), run.label, "stdout", "a <script> element")
    title = "".join(tree.find(".//head/title").itertext())
    name = v["client.name"]
    # What XML cannot carry (C0 controls, U+FFFE) is shown as U+FFFD, and an HTML parser
    # reads a CR as a line feed: those names are not compared.
    if all(" " <= c < "\ufffe" and not "\ud800" <= c <= "\udfff" for c in name):
        rec.expect(name in title, run.label, "stdout",
                   f"the <title> {show(title, 200)} does not hold {show(name, 200)}")


def job_values(folder, file_name, k, v, keys, day, reason_option):
    """Every report, check format, letter and the calendar of one plan on one day."""
    rec = Recorder()
    label = f"plan {k} on {day}"
    base = ["-f", file_name, "--as-of", day]
    messages = unknown_key_messages(keys)
    titles = {issue_id: v[position] for issue_id, _, position in ISSUES}

    def report(args, kind="text", ok=(0,)):
        run = rec.run(label, args + base, folder, kind, ok)
        if run is not None:
            check_stderr_diagnostics(rec, run, file_name, messages)
        return run

    # The text reports; in colour on the first day.
    for colour in ("never", "always") if day == DAYS[0] else ("never",):
        kind = "text" if colour == "never" else "text-colour"
        status = report(["status", "--color", colour], kind)
        if status:
            for position in ("client.name", "provider.name", "reference") + tuple(
                    p for _, _, p in ISSUES):
                expect_shown(rec, status, "stdout", v[position], position)
            if day == DAYS[0]:
                expect_shown(rec, status, "stdout", v["incident.summary"],
                             "the incident of the week")
        verdict = report(["verdict", "--color", colour], kind)
        if verdict:
            expect_shown(rec, verdict, "stdout", v["provider.name"], "provider.name")
        report(["penalties", "--color", colour], kind)

    # The JSON reports.
    status = report(["status", "--format", "json"], "json")
    if status and (doc := load_json(rec, status)) is not None:
        for issue in doc.get("issues", []):
            if issue.get("id") in titles:
                rec.expect(issue.get("title") == titles[issue["id"]], status.label, "stdout",
                           f"issues[{issue['id']}].title is {show(issue.get('title'), 300)}, "
                           f"not {show(titles[issue['id']], 300)}")
        rec.expect(sorted(i.get("id") for i in doc.get("issues", [])) == sorted(titles),
                   status.label, "stdout", "the issues are not NET-1, SRV-2, HD-3, PRC-4")
        for key, position in (("client", "client.name"), ("provider", "provider.name")):
            if key in doc:
                rec.expect(doc[key] == v[position], status.label, "stdout",
                           f"{key} is {show(doc[key], 300)}, not {show(v[position], 300)}")
        summaries = []

        def walk(node):
            if isinstance(node, dict):
                if "summary" in node:
                    summaries.append(node["summary"])
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)
        walk(doc)
        for summary in summaries:
            rec.expect(summary == v["incident.summary"], status.label, "stdout",
                       f"an incident summary is {show(summary, 300)}")
        if day == DAYS[0]:
            rec.expect(summaries, status.label, "stdout", "the incident of the week is missing")
    for command in ("verdict", "penalties"):
        run = report([command, "--format", "json"], "json")
        if run:
            load_json(rec, run)

    # check, in each format; with --fail-on never the JSON is the same but "passed".
    as_json = report(["check", "--format", "json"], "json", (0, 1))
    doc = load_json(rec, as_json) if as_json else None
    if doc is not None:
        rec.expect(doc.get("file") == file_name, as_json.label, "stdout",
                   f"file is {show(doc.get('file'))}")
        got = [d.get("message") for d in doc.get("diagnostics", [])]
        for message in messages:
            rec.expect(message in got, as_json.label, "stdout",
                       f"no diagnostic {show(message)} (got {show(got, 400)})")
        rec.expect(all(d.get("file") == file_name for d in doc.get("diagnostics", [])),
                   as_json.label, "stdout", "a diagnostic does not name the file")
    for fail_on in ("at-risk", "never"):
        options = ["check", "--fail-on", fail_on]
        ok = (0, 1) if fail_on == "at-risk" else (0,)
        text = report(options, "text", ok)
        if text:
            rec.expect(text.text().startswith(term_lines(term(file_name) + ": valid plan")),
                       text.label, "stdout", "the report does not start with the file name",
                       1, text.text().split("\n", 1)[0])
        github = report(options + ["--format", "github"], "github", ok)
        if github and doc is not None:
            check_github(rec, github, doc, file_name,
                         passed=True if fail_on == "never" else None)
        junit = report(options + ["--format", "junit"], "junit", ok)
        if junit and doc is not None:
            check_junit(rec, junit, doc, file_name, titles)

    calendar = report(["calendar"], "ics")
    if calendar:
        check_calendar_bytes(rec, calendar.label, calendar.out, v)
    page = report(["report"], "svg")
    if page:
        check_report_page(rec, page, v)
    for kind in LETTERS:
        reason = EDIT_TEXT.replace("\\", "/") if kind == "termination" else None
        args = letter_args(kind, reason)
        ok = (0, 3) if kind in MAY_BE_REFUSED else (0,)
        letter = report(args, "mail", ok)
        if letter and letter.code == 0:
            check_mail(rec, letter, v, kind, reason=reason)
        elif letter:
            rec.expect(letter.err.strip() != b"", letter.label, "stderr", "refused in silence")
    return rec


LETTERS = ("notice", "weekly", "changes", "ultimatum", "statement", "termination", "closing")
MAY_BE_REFUSED = ("ultimatum", "closing")  # before the warning's day, or before the end


def letter_args(kind, reason):
    """`remedy email KIND` with what the kind needs: a forced termination its ground, the
    record of changes every change from the start, a statement its month."""
    extra = {"termination": ["--force", "--reason", reason or "ground given"],
             "changes": ["--since", "2000-01-01"],
             "statement": ["--month", DAYS[0][:7], "--force"]}
    return ["email", kind] + extra.get(kind, [])


def job_letters_special(folder, file_name, k, v, keys, templates, bad_templates):
    """Letters from hostile templates, to hostile --to/--cc, and a template that is refused."""
    rec = Recorder()
    label = f"plan {k} letters"
    base = ["-f", file_name, "--as-of", DAYS[0]]
    for kind in LETTERS:
        args = letter_args(kind, "ground given") + ["--templates", templates]
        letter = rec.run(label, args + base, folder, "mail",
                         ok=(0, 3) if kind in MAY_BE_REFUSED else (0,))
        if letter and letter.code == 0:
            # The templates folder words the four letters of round 1; the others are built in.
            check_mail(rec, letter, v, kind,
                       template=kind in ("notice", "weekly", "ultimatum", "termination"))
    to = "=?UTF-8?B?PHNjcmlwdD4=?= ::error::to <to@acme-it.example>"
    cc = ["\"##[add-mask]cc, \\\"q\\\" ::warning::x\" <cc@acme-it.example>",
          "\u202eevil \u00a0::error::cc <cc2@acme-it.example>",
          "=?UTF-8?Q?Pat?= Doe <cc3@acme-it.example>"]
    args = ["email", "weekly", "--to", to] + [a for c in cc for a in ("--cc", c)]
    letter = rec.run(label, args + base, folder, "mail")
    if letter and letter.code == 0:
        check_mail(rec, letter, v, "weekly",
                   to=[(display_name(to.rsplit("<", 1)[0]), "to@acme-it.example")],
                   cc=[(display_name(c.rsplit("<", 1)[0]), c.rsplit("<", 1)[1][:-1]) for c in cc])
    refused = rec.run(label, ["email", "weekly", "--templates", bad_templates] + base, folder,
                      "mail", ok=(3,))
    if refused:
        rec.expect(b"error" in refused.err, refused.label, "stderr",
                   "an unknown placeholder is refused without an error")
    return rec


# Plain ASCII text that looks like RFC 2047 encoded-words: a header must not let a mail reader
# decode it.
ENCODED_LOOKALIKES = {
    "client.name": "Northwind =?UTF-8?B?PHNjcmlwdD4=?= Traders",
    "client.display": "Alex =?UTF-8?Q?Kim?=",
    "provider.name": "Acme =?UTF-8?Q?Injected?= IT",
    "provider.display": "=?UTF-8?B?PHNjcmlwdD4=?= Pat",
    "cc1.display": "Desk =?ISO-8859-1?Q?=E9?=",
    "cc2.display": "\"=?UTF-8?Q?quoted?=\"",
    "reference": "MSA =?UTF-8?Q?2024?= 017",
}


def job_letters(folder, file_name, v, keys):
    """The four letters of a plan whose ASCII text looks like encoded-words."""
    rec = Recorder()
    for kind in LETTERS:
        letter = rec.run("encoded-word lookalikes",
                         letter_args(kind, "ground given") + ["-f", file_name, "--as-of", DAYS[0]],
                         folder, "mail", ok=(0, 3) if kind in MAY_BE_REFUSED else (0,))
        if letter and letter.code == 0:
            check_stderr_diagnostics(rec, letter, file_name, unknown_key_messages(keys))
            check_mail(rec, letter, v, kind)
    return rec


def job_refused(folder, file_name, position, control, key_messages, rotation):
    """A plan with a control character in one value: refused at the value by every command."""
    rec = Recorder()
    label = f"refused plan ({position} holds {control!r})"
    base = ["-f", file_name, "--as-of", DAYS[0]]
    located = re.compile(re.escape(term(file_name)) + r":\d+:\d+: error: ")
    first = rec.run(label, ["check", "--format", "json"] + base, folder, "json", ok=(0, 1, 3))
    if first is None:
        return rec
    doc = load_json(rec, first)
    if not rec.expect(first.code == 3, first.label, "-",
                      f"a plan whose {position} holds the control character {control!r} is "
                      f"accepted (exit {first.code}), not refused with exit 3"):
        # Accepted: still read what every command makes of it.
        for args, kind in ((["status"], "text"), (["email", "weekly"], "mail"),
                           (["calendar"], "ics"), (["check", "--format", "junit"], "junit")):
            rec.run(label, args + base, folder, kind, ok=(0, 1))
        return rec
    runs = {"json": first}
    others = (("status", ["status"], "text"), ("email", ["email", "notice"], "mail"),
              ("calendar", ["calendar"], "ics"))
    for name, args, kind in (("github", ["check", "--format", "github"], "github"),
                             ("junit", ["check", "--format", "junit"], "junit"),
                             others[rotation % len(others)]):
        run = rec.run(label, args + base, folder, kind, ok=(3,))
        if run is not None:
            runs[name] = run
    for run in runs.values():
        err = run.text("stderr")
        rec.expect(any(located.match(line) and "control character" in line
                       for line in err.split("\n")),
                   run.label, "stderr", "no located error about the control character")
        rec.expect(f"remedy: {term(file_name)} is not a valid plan" in err, run.label,
                   "stderr", "no summary line naming the file")
        lines = err.split("\n")
        for message in key_messages:
            pattern = diagnostic_pattern(file_name, "warning", message)
            rec.expect(any(pattern.fullmatch(line) for line in lines), run.label, "stderr",
                       f"an unknown key's warning is not shown as the line "
                       f"{show(term(file_name) + ':L:C: warning: ' + term_inside(message), 300)}")
    for name in ("status", "email", "calendar"):
        if name in runs:
            rec.expect(runs[name].out == b"", runs[name].label, "stdout",
                       "output written for a refused plan")
    if doc is not None:
        rec.expect(doc.get("valid") is False, first.label, "stdout", "valid is not false")
        rec.expect(any(d.get("severity") == "error" and "control character" in d.get("message", "")
                       for d in doc.get("diagnostics", [])), first.label, "stdout",
                   "no error about the control character")
        if "github" in runs:
            check_github(rec, runs["github"], doc, file_name)
        if "junit" in runs:
            check_junit(rec, runs["junit"], doc, file_name, {})
    return rec


def job_file_name(repo, file_name, keys, history):
    """A plan whose file name is hostile: every output that names the file, and its history."""
    rec = Recorder()
    label = f"file {file_name!r}"
    base = ["-f", file_name, "--as-of", DAYS[0]]
    messages = unknown_key_messages(keys)
    runs = {}
    for name, args, kind, ok in (("json", ["check", "--format", "json"], "json", (1,)),
                                 ("text", ["check"], "text", (1,)),
                                 ("github", ["check", "--format", "github"], "github", (1,)),
                                 ("junit", ["check", "--format", "junit"], "junit", (1,)),
                                 ("never", ["check", "--fail-on", "never", "--format", "github"],
                                  "github", (0,)),
                                 ("status", ["status"], "text", (0,))):
        run = rec.run(label, args + base, repo, kind, ok)
        if run:
            runs[name] = run
            check_stderr_diagnostics(rec, run, file_name, messages)
    if "text" in runs:
        text = runs["text"].text()
        rec.expect(text.startswith(term_lines(term(file_name) + ": valid plan")),
                   runs["text"].label, "stdout", f"the report does not start with the file name as "
                   f"{show(term(file_name))}", 1, text.split("\n", 1)[0])
    if "json" in runs and (doc := load_json(rec, runs["json"])) is not None:
        rec.expect(doc.get("file") == json_form(file_name), runs["json"].label, "stdout",
                   f"file is {show(doc.get('file'))}, not {show(json_form(file_name))}")
        if "github" in runs:
            check_github(rec, runs["github"], doc, file_name)
        if "never" in runs:
            check_github(rec, runs["never"], doc, file_name, passed=True)
        if "junit" in runs:
            check_junit(rec, runs["junit"], doc, file_name, {})

    if history:
        check_history(rec, label, repo, file_name, history)

    # An edit names the file on standard output.
    added = rec.run(label, ["add", "-f", file_name, "--title", "Added by the hostile suite",
                            "--priority", "high", "--due", "2026-11-01"], repo, "text")
    if added and added.code == 0:
        rec.expect(added.text().startswith(term_lines(term(file_name) + ": ")), added.label,
                   "stdout", f"the edit's report does not start with the file name as "
                   f"{show(term(file_name))}", 1, added.text().split("\n", 1)[0])
    return rec


def job_several(cwd, plans, values):
    """`portfolio` and `check` of several plans at once: hostile file names (`plans`, given after
    `--`, so that "-rf.toml" is a name) and hostile values (`values`: the file's client and
    provider names, or None), in every format; each plan's strings intact in its row or report.
    """
    rec = Recorder()
    label = f"{len(plans)} plans in {os.path.basename(cwd)}"
    day = ["--as-of", DAYS[0]]
    for colour in ("never", "always"):
        rec.run(label, ["portfolio", "--color", colour] + day + ["--"] + plans, cwd,
                "text" if colour == "never" else "text-colour")
    as_json = rec.run(label, ["portfolio", "--format", "json"] + day + ["--"] + plans, cwd,
                      "json")
    doc = load_json(rec, as_json) if as_json else None
    if doc is not None:
        rows = {row.get("file"): row for row in doc.get("plans", [])}
        for plan in plans:
            row = rows.get(json_form(plan))
            if not rec.expect(row is not None and row.get("valid"), as_json.label, "stdout",
                              f"no valid row for {show(json_form(plan))}"):
                continue
            if values.get(plan):
                for key, position in (("client", "client.name"), ("provider", "provider.name")):
                    rec.expect(row.get(key) == json_form(values[plan][position]), as_json.label,
                               "stdout", f"{key} is {show(row.get(key), 300)}")
    as_csv = rec.run(label, ["portfolio", "--format", "csv"] + day + ["--"] + plans, cwd, "csv")
    if as_csv:
        lines = list(csv.reader(io.StringIO(as_csv.text(), newline="")))
        rec.expect(lines and all(len(line) == len(lines[0]) for line in lines), as_csv.label,
                   "stdout", "a row is not as wide as the header")
        files = {line[0]: line for line in lines[1:]}
        for plan in plans:
            line = files.get(csv_form(plan))
            if rec.expect(line is not None, as_csv.label, "stdout",
                          f"no row for {show(csv_form(plan))}") and values.get(plan):
                rec.expect(line[1] == csv_form(values[plan]["client.name"]), as_csv.label,
                           "stdout", f"client is {show(line[1], 300)}")

    check = ["check", "--fail-on", "never"] + day
    rec.run(label, check + ["--"] + plans, cwd, "text")
    as_json = rec.run(label, check + ["--format", "json", "--"] + plans, cwd, "json")
    docs = load_json(rec, as_json) if as_json else None
    if docs is not None:
        rec.expect([d.get("file") for d in docs] == [json_form(p) for p in plans], as_json.label,
                   "stdout", "the array is not one object per plan, in order")
    github = rec.run(label, check + ["--format", "github", "--"] + plans, cwd, "github")
    if github and docs is not None:
        # Each plan's commands, as the runner reads them, checked as those of that plan alone.
        by_file = {}
        for number, line in enumerate(runner_lines(github.text()), 1):
            command = parse_v2(line)
            if rec.expect(command is not None, github.label, "stdout", "not a command", number,
                          line):
                by_file.setdefault(command[1].get("file"), []).append(line)
        for plan, plan_doc in zip(plans, docs):
            lines = by_file.pop(github_form(plan, True), [])
            check_github(rec, Run(github.label, github.code, "\n".join(lines).encode(), b""),
                         plan_doc, plan, passed=True)
        rec.expect(not by_file, github.label, "stdout",
                   f"commands for files not checked: {show(list(by_file), 300)}")
    junit = rec.run(label, check + ["--format", "junit", "--"] + plans, cwd, "junit")
    root = load_xml(rec, junit) if junit else None
    if root is not None:
        suites = root.findall("./testsuite")
        rec.expect([suite.get("name") for suite in suites] == [xml_form(p) for p in plans],
                   junit.label, "stdout", "not one test suite per plan, named by its file")
    return rec


def check_history(rec, label, repo, file_name, expected_commits):
    """`history` in its four formats: the file and its versions' errors as data. A plan whose
    path holds a line break, which git cat-file --batch cannot be asked about, is refused at
    the first commit (oldest first, as plan_history.cpp reads the versions) that holds it, in
    every format."""
    line_break = "\n" in file_name
    refusal = None
    if line_break:
        oldest = git_output(repo, "--literal-pathspecs", "log", "--format=%H", "--",
                            file_name).split()[-1]
        refusal = (f"remedy: error: the plan's path at commit {oldest[:7]} holds a line break, "
                   f"which git cannot be asked about; rename the file")
    runs = {}
    for fmt, kind in (("json", "json"), ("text", "text"), ("csv", "csv"), ("svg", "svg")):
        run = rec.run(label, ["history", "-f", file_name, "--as-of", "2026-11-30", "--format",
                              fmt], repo, kind,
                      ok=(3,) if line_break else (0,))
        if run and line_break:
            rec.expect(run.text("stderr") == refusal + "\n", run.label, "stderr",
                       f"the refusal is not the one line {show(refusal, 300)}", 1,
                       first_line(run.err))
            rec.expect(run.out == b"", run.label, "stdout", "output written for a refused history")
        elif run and run.code == 0:
            runs[fmt] = run
    if line_break:
        return
    doc = load_json(rec, runs["json"]) if "json" in runs else None
    if doc is None:
        return
    where = runs["json"].label
    rec.expect(doc.get("plan") == json_form(file_name), where, "stdout",
               f"plan is {show(doc.get('plan'))}, not {show(json_form(file_name))}")
    commits = doc.get("commits", [])
    rec.expect(len(commits) == expected_commits, where, "stdout",
               f"{len(commits)} commits, expected {expected_commits}")
    for commit in commits:
        rec.expect(commit.get("path") == json_form(file_name), where, "stdout",
                   f"a commit's path is {show(commit.get('path'))}, not the plan "
                   f"{show(json_form(file_name))}")
        rec.expect(commit.get("error") != "the plan does not exist at this commit", where,
                   "stdout", f"commit {commit.get('commit', '')[:7]}: {commit.get('error')}")
    points = commits + doc.get("weeks", [])
    if "text" in runs:
        text = runs["text"].text()
        # The file name through terminal_text on its own: its leading "::" escaped, mid-line.
        heading = term_lines("History of " + term(file_name) + " up to 2026-11-30: ")
        rec.expect(text.startswith(heading), runs["text"].label, "stdout",
                   f"the file name is not shown as {show(heading, 200)}", 1,
                   text.split("\n", 1)[0])
        for point in points:
            if point.get("error"):
                contains(rec, runs["text"], "stdout", term(point["error"]), "a version's error",
                         text)
    if "csv" in runs:
        rows = list(csv.reader(io.StringIO(runs["csv"].text(), newline="")))
        header = rows[0] if rows else []
        for number, row in enumerate(rows, 1):
            rec.expect(len(row) == len(header), runs["csv"].label, "stdout",
                       f"row {number} has {len(row)} columns, not {len(header)}", number,
                       show(row, 300))
        # The figures' rows, without the rows of the changes each commit made.
        figures = [row for row in rows[1:] if row and row[0] in ("commit", "week")]
        for row, point in zip(figures, points):
            if len(row) != len(header) or "path" not in header or "error" not in header:
                continue
            cell = dict(zip(header, row))
            rec.expect(cell["path"] == csv_form(file_name), runs["csv"].label, "stdout",
                       f"path column {show(cell['path'])}, not {show(csv_form(file_name))}")
            if point.get("error"):
                rec.expect(cell["error"] == csv_form(point["error"]), runs["csv"].label,
                           "stdout", f"error column {show(cell['error'], 300)}, not "
                           f"{show(csv_form(point['error']), 300)}")
        rec.expect(len(figures) == len(points), runs["csv"].label, "stdout",
                   f"{len(figures)} commit and week rows for {len(points)} points")
    if "svg" in runs and (root := load_xml(rec, runs["svg"])) is not None:
        # The chart is titled by the parties, not the file: it parses (the XML reader above),
        # and its title is the parties' names as the plan gives them.
        title = root.find(SVG + "title")
        want = "Remediation history: " + (f"{doc.get('client')} and {doc.get('provider')}"
                                          if doc.get("client") else "")
        rec.expect(title is not None and title.text.startswith("Remediation history: "),
                   runs["svg"].label, "stdout",
                   f"<title> is {show(title.text if title is not None else None)}, not "
                   f"{show(want)}")


def job_edits(folder, file_name, k, v):
    """The edit commands with hostile text, each read back from the file and by status."""
    rec = Recorder()
    label = f"edits of plan {k}"
    path = os.path.join(folder, file_name)

    def plan():
        with open(path, "rb") as stream:
            return tomllib.load(stream)

    # Every edit fixes its today, so that the waiver's default day stays inside the time box.
    today = ["--as-of", "2026-10-20"]

    def edit(args, check):
        run = rec.run(label, args + ["-f", file_name] + today, folder, "text")
        if run is None or run.code != 0:
            return
        try:
            check(plan())
        except (tomllib.TOMLDecodeError, KeyError, IndexError) as error:
            rec.fail(run.label, "file", 0, "", f"the edited plan does not read back: {error!r}")

    text = {name: f"{EDIT_TEXT} {name}" for name in ("title", "category", "owner", "reason",
                                                       "summary", "extension")}

    def added(p):
        issue = p["issue"][-1]
        for key in ("title", "category", "owner"):
            rec.expect(issue.get(key) == text[key], label, "file",
                       f"the new issue's {key} reads back as {show(issue.get(key), 300)}")
    edit(["add", "--title", text["title"], "--priority", "high", "--due", "2026-11-01",
          "--category", text["category"], "--owner", text["owner"]], added)
    try:
        new_id = plan()["issue"][-1]["id"]
    except Exception:  # noqa: BLE001 - reported above
        new_id = "NET-1"
    edit(["waive", new_id, "--reason", text["reason"]],
         lambda p: rec.expect(p["issue"][-1].get("waiver") == text["reason"], label, "file",
                              f"the waiver reads back as {show(p['issue'][-1].get('waiver'))}"))
    edit(["incident", "--priority", "medium", "--summary", text["summary"], "--on",
          "2026-10-18"],
         lambda p: rec.expect(p["incident"][-1].get("summary") == text["summary"], label, "file",
                              "the incident's summary does not read back"))
    edit(["extend", "--days", "3", "--reason", text["extension"], "--agreed", "2026-10-19"],
         lambda p: rec.expect(p["timebox"]["extension"][-1].get("reason") == text["extension"],
                              label, "file", "the extension's reason does not read back"))
    edit(["resolve", "NET-1", "--on", "2026-10-19"],
         lambda p: rec.expect(p["issue"][0].get("status") == "resolved", label, "file",
                              "NET-1 is not resolved"))
    status = rec.run(label, ["status", "-f", file_name, "--as-of", "2026-10-20"], folder, "text")
    if status:
        for key in ("title", "summary"):
            expect_shown(rec, status, "stdout", text[key], f"the edited {key}")
    status = rec.run(label, ["status", "-f", file_name, "--as-of", "2026-10-20", "--format",
                             "json"], folder, "json")
    if status and (doc := load_json(rec, status)) is not None:
        rec.expect(any(i.get("title") == text["title"] for i in doc.get("issues", [])),
                   status.label, "stdout", "the added title is not intact in the JSON")

    # Refused edits leave the file as it was.
    with open(path, "rb") as stream:
        before = stream.read()
    for args, ok in (
            (["add", "--title", "a\u001b[31mb\r\n::error::c", "--priority", "high", "--due",
              "2026-11-01"], (3,)),
            (["add", "--title", "ok", "--id", "::error::x ##[add-mask]y", "--priority", "high",
              "--due", "2026-11-01"], (2, 3)),
            (["resolve", "::error::nope\n\u00a0::error::id ##[add-mask]z", "--on",
              "2026-10-19"], (2, 3)),
            (["waive", "SRV-2", "--reason", "\u001b]0;title\u0007 \u009b31m"], (3,)),
            (["incident", "--priority", "high", "--summary", "x\n::error::y", "--on",
              "2026-10-19"], (3,)),
            (["extend", "--days", "1", "--reason", "\r::warning::cr", "--agreed",
              "2026-10-19"], (3,))):
        run = rec.run(label, args + ["-f", file_name] + today, folder, "text", ok)
        with open(path, "rb") as stream:
            rec.expect(stream.read() == before, run.label if run else label, "file",
                       "a refused edit changed the plan")
    return rec


def job_history(repo, file_name, commits):
    rec = Recorder()
    check_history(rec, "history with an invalid version", repo, file_name, commits)
    return rec


def job_missing(folder):
    rec = Recorder()
    name = "::error::missing\n\u00a0::error::x ##[add-mask]y.toml"
    run = rec.run("missing plan", ["status", "-f", name], folder, "text", ok=(3,))
    if run:
        # A diagnostic without a place: the name starts the line, so its "::" is escaped.
        prefix = term(name) + ": error: "
        rec.expect(any(line.startswith(prefix) for line in run.text("stderr").split("\n")),
                   run.label, "stderr", f"the missing file's name is not shown as the line "
                   f"{show(prefix + '...', 200)}", 1, first_line(run.err))
    return rec


# ---------------------------------------------------------------------------------------------
# Setting up: plans, templates and a git repository.

def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="", errors="surrogateescape") as stream:
        stream.write(text)


def git(repo, *args, date=None):
    env = dict(BASE_ENV, HOME=repo)
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run([GIT, "-c", "user.name=Hostile Suite", "-c",
                    "user.email=hostile@example.invalid", "-c", "commit.gpgsign=false", "-c",
                    "core.autocrlf=false", *args],
                   cwd=repo, env=env, check=True, capture_output=True, timeout=RUN_TIMEOUT)


def git_output(repo, *args):
    return subprocess.run([GIT, *args], cwd=repo, env=dict(BASE_ENV, HOME=repo), check=True,
                          capture_output=True, timeout=RUN_TIMEOUT).stdout.decode("utf-8")


def invalid_version(text):
    """The plan with hostile per_day keys, which are errors quoting the key."""
    extra = "".join(f"{toml_string(key)} = \"1.00\"\n" for key in
                    ("x\n\u00a0::error::pd ##[add-mask]q", "y\n\u0085::error::nel",
                     "z\n::error file=evil.txt::plain"))
    return text.replace('high = "200.00"\n', 'high = "200.00"\n' + extra, 1)


def xmllint(work, results):
    """`xmllint --noout` on every XML document, in one run; its errors go to the jobs."""
    if not XMLLINT:
        return
    folder = os.path.join(work, "xml")
    os.makedirs(folder)
    documents = {}
    for rec in results:
        for label, data in rec.xml:
            path = os.path.join(folder, f"{len(documents)}.xml")
            with open(path, "wb") as stream:
                stream.write(data)
            documents[path] = (rec, label)
    paths = list(documents)
    for start in range(0, len(paths), 200):
        lint = subprocess.run([XMLLINT, "--noout", *paths[start:start + 200]],
                              capture_output=True, timeout=RUN_TIMEOUT)
        if lint.returncode == 0:
            continue
        for line in lint.stderr.decode("utf-8", "replace").split("\n"):
            path = line.split(":", 1)[0]
            if path in documents:
                rec, label = documents[path]
                rec.fail(label, "stdout", 0, "", f"xmllint --noout: {line[len(path):]}")


HISTORY_PLAN = "history.toml"  # committed valid, then invalid (hostile errors), then valid


def build_repository(work):
    """A git repository holding the plans with hostile file names, each committed twice, and
    HISTORY_PLAN. Returns the repository, the plans [(path, k, with_history)], the number of
    commits of each plan whose history is read, and the names the file system refused."""
    repo = os.path.join(work, "repo")
    os.makedirs(repo)
    file_plans, skipped = [], []
    for n, (folder, file_name, with_history) in enumerate(FILE_NAMES):
        path = os.path.join(folder, file_name) if folder else file_name
        k = n % PLANS
        try:
            write(os.path.join(repo, path), plan_text(values_for(k), keys_for(k)))
        except OSError as error:
            skipped.append(f"{path!r}: {error}")
            continue
        file_plans.append((path, k, with_history))
    # A decoy for "::error::x.toml", which git would read as the pathspec "error::x.toml".
    write(os.path.join(repo, "error::x.toml"),
          plan_text(values_for(1), keys_for(1)).replace("NET-1", "DECOY-1"))
    history_text = plan_text(values_for(2), keys_for(2))
    write(os.path.join(repo, HISTORY_PLAN), history_text)
    if not GIT:
        return repo, file_plans, {}, skipped
    git(repo, "init", "-q", ".")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first", date="2026-10-05T12:00:00+00:00")
    for path, k, _ in file_plans:
        write(os.path.join(repo, path), plan_text(values_for(k), keys_for(k)).replace(
            'status = "in_progress"', 'status = "open"', 1))
    write(os.path.join(repo, HISTORY_PLAN), invalid_version(history_text))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second", date="2026-10-12T12:00:00+00:00")
    write(os.path.join(repo, HISTORY_PLAN), history_text.replace(
        'status = "in_progress"', 'status = "open"', 1))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "third", date="2026-10-19T12:00:00+00:00")
    history = {path: 2 for path, _, with_history in file_plans if with_history}
    return repo, file_plans, history, skipped


def guarded(job, *args):
    """Runs a job; an exception in the suite's own code is a failure of the job, not a crash."""
    try:
        return job(*args)
    except Exception:  # noqa: BLE001
        rec = Recorder()
        rec.fail(f"{job.__name__}{show(args, 200)}", "-", 0, "",
                 "the check raised " + traceback.format_exc())
        return rec


def main():
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="remedy-hostile-")
    jobs, plans = [], 0
    try:
        reason_option = b"--reason" in subprocess.run(
            [REMEDY, "email", "--help"], capture_output=True, env=BASE_ENV,
            timeout=RUN_TIMEOUT).stdout
        vals = os.path.join(work, "values")
        templates = "tpl ::error::x\n\u00a0::error::tpl ##[add-mask]t"
        bad_templates = "bad ::error::y\n\u3000::error::bad"
        for kind in ("notice", "weekly", "ultimatum", "termination"):
            write(os.path.join(vals, templates, f"{kind}.txt"), template_text())
        write(os.path.join(vals, bad_templates, "weekly.txt"),
              "Subject: x\n\nDear {{::error::x ##[add-mask]y\n\u00a0::error::z}},\n")
        value_plans = []
        for k in range(PLANS):
            v, keys = values_for(k), keys_for(k)
            name = f"values-{k}.toml"
            write(os.path.join(vals, name), plan_text(v, keys))
            value_plans.append((name, k, v, keys))
            plans += 1

        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            def submit(job, *args):
                return pool.submit(guarded, job, *args)

            # Every value position hostile, each plan on each day; letters from templates.
            for name, k, v, keys in value_plans:
                for day in DAYS:
                    jobs.append(submit(job_values, vals, name, k, v, keys, day, reason_option))
                jobs.append(submit(job_letters_special, vals, name, k, v, keys, templates,
                                   bad_templates))
            v = dict(values_for(0), **ENCODED_LOOKALIKES)
            write(os.path.join(vals, "encoded-words.toml"), plan_text(v, keys_for(0)))
            plans += 1
            jobs.append(submit(job_letters, vals, "encoded-words.toml", v, keys_for(0)))
            # Control characters in each value position: refused.
            refused = os.path.join(work, "refused")
            v, keys = values_for(0), keys_for(0)
            for j, position in enumerate(POSITIONS + ["cc2.display"]):
                controls = [c for c in CONTROLS
                            if position != "net.notes" or c not in ("\r", "\n", "\r\n")]
                control = controls[j % len(controls)]
                bad = dict(v)
                bad[position] = f"::error::pre{control}::error file=evil.txt::post ##[add-mask]x"
                name = f"refused-{j}.toml"
                write(os.path.join(refused, name), plan_text(bad, keys))
                plans += 1
                jobs.append(submit(job_refused, refused, name, position, control,
                                   unknown_key_messages(keys), j))
            # The C1 controls in a value and in each provider.cc entry, which the rotation
            # above does not all reach: refused like the C0 controls.
            for j, (position, control) in enumerate((("net.title", "\u0085"),
                                                     ("cc1.display", "\u0085"),
                                                     ("cc2.display", "\u009b31m"))):
                bad = dict(v)
                bad[position] = f"::error::pre{control}::error file=evil.txt::post ##[add-mask]x"
                name = f"refused-c1-{j}.toml"
                write(os.path.join(refused, name), plan_text(bad, keys))
                plans += 1
                jobs.append(submit(job_refused, refused, name, position, control,
                                   unknown_key_messages(keys), j))
            jobs.append(submit(job_missing, work))

            # Hostile file names, in one git repository; the edits come after everything that
            # reads them.
            repo, file_plans, history, skipped = build_repository(work)
            plans += len(file_plans) + 1
            reading = [submit(job_file_name, repo, path, keys_for(k), history.get(path))
                       for path, k, _ in file_plans]
            if GIT:
                reading.append(submit(job_history, repo, HISTORY_PLAN, 3))
            # Several plans at once: hostile values, and hostile file names.
            reading.append(submit(job_several, vals, [name for name, _, _, _ in value_plans],
                                  {name: v for name, _, v, _ in value_plans}))
            reading.append(submit(job_several, repo, [path for path, _, _ in file_plans], {}))
            jobs += reading
            concurrent.futures.wait(reading)
            # The edits, on copies of the value plans.
            edits = os.path.join(work, "edits")
            for name, k, v, keys in value_plans[:2]:
                write(os.path.join(edits, name), plan_text(v, keys))
                jobs.append(submit(job_edits, edits, name, k, v))
            results = [job.result() for job in jobs]
        xmllint(work, results)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    failures = [f for rec in results for f in rec.failures]
    runs = sum(rec.runs for rec in results)
    outputs = sum(rec.outputs for rec in results)
    lines = sum(rec.lines for rec in results)
    for label, stream, line_no, line, why in failures:
        place = f"{stream} line {line_no}" if line_no else stream
        print(f"FAIL {label}\n     {place}: {why}" + (f"\n     line: {line!r}" if line else ""))
    if not GIT:
        print("note: git is not installed; history was not checked")
    for note in skipped:
        print(f"note: file name skipped, the file system refused it: {note}")
    by_reason = {}
    for _, _, _, _, why in failures:
        reason = re.sub(r"\b[0-9a-f]{7,40}\b", "…",
                        re.split(r"[(\"{\[]| '", why, maxsplit=1)[0]).strip()
        by_reason[reason] = by_reason.get(reason, 0) + 1
    if failures:
        print("\nFailures by kind:")
        for reason, count in sorted(by_reason.items(), key=lambda item: -item[1]):
            print(f"  {count:5}  {reason}")
    print(f"\nhostile outputs: {plans} plans, {runs} runs of remedy, {outputs} outputs and "
          f"{lines} lines checked in {time.monotonic() - started:.1f} s: "
          f"{len(failures)} failure{'s' if len(failures) != 1 else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
