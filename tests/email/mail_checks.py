"""Checks of one generated message and of one calendar, against the plan it came from.

Each check appends a problem (a sentence naming what is wrong, with the evidence) to a list;
nothing here runs remedy. Used by check_messages.py and smtp_roundtrip.py."""
import base64
import binascii
import collections
import dataclasses
import datetime
import email.header
import email.parser
import email.policy
import email.utils
import re
import zoneinfo

import icalendar

KIND_WORDS = {  # the kind, in words, as a subject may say it
    "notice": re.compile(r"notice|dissatisf", re.I),
    "weekly": re.compile(r"week|status", re.I),
    "ultimatum": re.compile(r"ultimatum|warning", re.I),
    "termination": re.compile(r"terminat", re.I),
    "changes": re.compile(r"change", re.I),
    "statement": re.compile(r"statement", re.I),
    "closing": re.compile(r"complete|clos", re.I),
}
WITH_CALENDAR = ("notice", "ultimatum", "changes")  # the letters that set or move dates
REQUIRED_ONCE = ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version")
AT_MOST_ONCE = ("Cc", "Reply-To", "Content-Type", "Content-Transfer-Encoding")
DATE_RE = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) "
    r"(\d\d):(\d\d):(\d\d) ([+-]\d{4})$")
ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
MESSAGE_ID_RE = re.compile(rf"^<({ATEXT}(?:\.{ATEXT})*)@([^<>@\s]+)>$")
ENCODED_WORD_RE = re.compile(r"=\?([^?\s*]+)(\*[A-Za-z-]+)?\?([QqBb])\?([!->@-~]*)\?=")
Q_IN_PHRASE = re.compile(r"^(?:[A-Za-z0-9!*+/_-]|=[0-9A-Fa-f]{2})*$")
Q_IN_TEXT = re.compile(r"^(?:[!-<>@-~]|=[0-9A-Fa-f]{2})*$")
BASE64_LINE = re.compile(r"^[A-Za-z0-9+/]*={0,2}$")
ADDRESS_HEADERS = ("From", "To", "Cc", "Reply-To", "Sender")
HEADER_LINE_LIMIT = 78  # RFC 5322 2.1.1: a line SHOULD be at most 78 characters (MUST: 998)
ENCODED_WORD_LINE_LIMIT = 76  # RFC 2047 2: a line with an encoded-word is limited to 76


@dataclasses.dataclass
class Checked:
    """What the tests need again from a message that was checked."""
    message: object = None
    headers: dict = dataclasses.field(default_factory=dict)  # name -> unfolded raw value
    text: str | None = None
    ics: bytes | None = None
    events: list = dataclasses.field(default_factory=list)  # [(uid, dtstart, summary)]


def show(data, limit=120):
    text = repr(data)
    return text if len(text) <= limit else text[:limit] + "..."


def first_difference(a, b):
    """Where two byte strings first differ, as the line of each."""
    lines_a, lines_b = a.split(b"\n"), b.split(b"\n")
    for number, (x, y) in enumerate(zip(lines_a, lines_b), 1):
        if x != y:
            return f"line {number}: {show(x)} vs {show(y)}"
    return f"one is a prefix of the other ({len(lines_a)} vs {len(lines_b)} lines)"


def unfold_header_block(lines, problems, where):
    """[(name, unfolded raw value)] from the raw header lines of one part."""
    fields = []
    for number, line in enumerate(lines, 1):
        if line[:1] in (" ", "\t"):
            if not fields:
                problems.append(f"{where}: header block starts with a continuation line "
                                f"{show(line)}")
                continue
            name, value = fields[-1]
            fields[-1] = (name, value + line)
            continue
        match = re.match(r"^([!-9;-~]+):[ \t]?(.*)$", line)
        if not match:
            problems.append(f"{where}: header line {number} is not 'Name: value': {show(line)}")
            continue
        fields.append((match.group(1), match.group(2)))
    return fields


def check_encoded_words(name, value, problems, where):
    """RFC 2047: every '=?' starts a whole encoded-word of at most 75 characters, in UTF-8,
    set off by white space, whose bytes decode on their own (no character split across two
    words); in an address header only the characters allowed in a phrase."""
    start = value.find("=?")
    while start >= 0:
        match = ENCODED_WORD_RE.match(value, start)
        if not match:
            problems.append(f"{where}: {name}: '=?' at column {start} does not start an "
                            f"encoded-word: {show(value[start:start + 80])}")
            start = value.find("=?", start + 2)
            continue
        _check_encoded_word(name, value, match, problems, where)
        start = value.find("=?", match.end())


def _check_encoded_word(name, value, match, problems, where):
    word, start, end = match.group(0), match.start(), match.end()
    if start > 0 and value[start - 1] not in " \t":
        problems.append(f"{where}: {name}: encoded-word {show(word)} is not preceded by "
                        f"white space (after {show(value[max(0, start - 10):start])})")
    if end < len(value) and value[end] not in " \t":
        problems.append(f"{where}: {name}: encoded-word {show(word)} is not followed by "
                        f"white space (before {show(value[end:end + 10])})")
    if len(word) > 75:
        problems.append(f"{where}: {name}: encoded-word of {len(word)} characters "
                        f"(RFC 2047 allows 75): {show(word)}")
    charset, encoding, text = match.group(1), match.group(3).upper(), match.group(4)
    if charset.lower() != "utf-8":
        problems.append(f"{where}: {name}: encoded-word in charset {charset!r}, not utf-8")
    if encoding == "Q":
        in_phrase = name in ADDRESS_HEADERS
        if not (Q_IN_PHRASE if in_phrase else Q_IN_TEXT).match(text):
            problems.append(f"{where}: {name}: Q-encoded text {show(text)} has characters "
                            f"not allowed {'in a phrase' if in_phrase else 'there'}")
            return
        raw = re.sub(rb"=([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                     text.replace("_", " ").encode("ascii"))
    else:
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError) as error:
            problems.append(f"{where}: {name}: B-encoded text {show(text)}: {error}")
            return
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{where}: {name}: encoded-word {show(word)} is not whole UTF-8 "
                        f"characters on its own ({error.reason})")


def check_raw_lines(raw, problems, where):
    """LF line ends, 7-bit ASCII, lines within the limits of RFC 5322 and RFC 2047; returns the
    header blocks (top level and each MIME part) as lists of lines."""
    if b"\r" in raw:
        line = raw[:raw.index(b"\r")].count(b"\n") + 1
        problems.append(f"{where}: carriage return on line {line}: the message must use LF "
                        f"line endings (for sendmail -t)")
    if not raw.endswith(b"\n"):
        problems.append(f"{where}: the message does not end with a line break")
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if any(byte >= 0x80 for byte in line):
            problems.append(f"{where}: line {number} is not ASCII: {show(line)}")
        elif any(byte < 0x20 and byte != 0x09 and byte != 0x0D for byte in line):
            problems.append(f"{where}: line {number} has a control character: {show(line)}")
        if len(line) > 998:
            problems.append(f"{where}: line {number} has {len(line)} characters (RFC 5322: at "
                            f"most 998)")
    text = [line.decode("ascii", "replace").rstrip("\r") for line in lines]
    boundaries = set(re.findall(r'boundary="?([^";\s]+)"?', "\n".join(text), re.I))
    blocks, block, in_headers = [], [], True
    for number, line in enumerate(text, 1):
        if in_headers:
            if line == "":
                blocks.append(block)
                block, in_headers = [], False
                continue
            block.append(line)
            encoded = "=?" in line
            limit = ENCODED_WORD_LINE_LIMIT if encoded else HEADER_LINE_LIMIT
            if len(line) > limit:
                rule = ("RFC 2047: at most 76 with an encoded-word" if encoded
                        else "RFC 5322: should be at most 78")
                problems.append(f"{where}: header line {number} has {len(line)} characters "
                                f"({rule}): {show(line)}")
        elif line.startswith("--") and line[2:] in boundaries:
            in_headers = True
    if in_headers and block:
        problems.append(f"{where}: a header block is not ended by an empty line")
        blocks.append(block)
    return blocks


def check_quoted_printable(payload, problems, where):
    """RFC 2045 6.7: lines of at most 76 characters, printable ASCII, '=' only as =XX (upper
    case hex) or a soft line break, no white space at the end of a line."""
    for number, line in enumerate(payload.split("\n"), 1):
        if len(line) > 76:
            problems.append(f"{where}: quoted-printable line {number} has {len(line)} "
                            f"characters (at most 76): {show(line)}")
        body = line[:-1] if line.endswith("=") else line
        if re.search(r"=(?![0-9A-F]{2})", body):
            problems.append(f"{where}: quoted-printable line {number} has a bad '=' escape: "
                            f"{show(line)}")
        if re.search(r"[^\t -~]", line):
            problems.append(f"{where}: quoted-printable line {number} has a character that must "
                            f"be encoded: {show(line)}")
        if line.endswith((" ", "\t")):
            problems.append(f"{where}: quoted-printable line {number} ends with white space "
                            f"(must be encoded): {show(line)}")


def check_base64(payload, problems, where):
    lines = [line for line in payload.split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if len(line) > 76:
            problems.append(f"{where}: base64 line {number} has {len(line)} characters "
                            f"(at most 76)")
        if not BASE64_LINE.match(line):
            problems.append(f"{where}: base64 line {number} has characters outside the "
                            f"alphabet: {show(line)}")
    try:
        return base64.b64decode("".join(lines), validate=True)
    except (binascii.Error, ValueError) as error:
        problems.append(f"{where}: base64 does not decode: {error}")
        return None


def check_addresses(msg, headers, name, expected, problems, where):
    """The header holds exactly the expected (display name, address) pairs, in order, the
    display names decoding back exactly, and each address written literally."""
    field = msg[name]
    if field is None:
        if expected:
            problems.append(f"{where}: no {name} header; expected {expected}")
        return
    if not expected:
        problems.append(f"{where}: {name} header {show(headers.get(name))} should be absent")
        return
    try:
        got = [(a.display_name, a.addr_spec) for a in field.addresses]
    except Exception as error:  # noqa: BLE001 - any parse failure is the finding
        problems.append(f"{where}: {name} does not parse: {error!r}")
        return
    if got != list(expected):
        wrong = [f"{g!r} instead of {w!r}" for g, w in zip(got, expected) if g != w] or [
            f"{len(got)} addresses, expected {len(expected)}"]
        problems.append(f"{where}: {name} decodes to {'; '.join(wrong)} "
                        f"(raw: {show(headers.get(name), 300)})")
    pairs = email.utils.getaddresses([str(field)])
    if [address for _, address in pairs] != [address for _, address in expected]:
        problems.append(f"{where}: {name}: email.utils.getaddresses reads addresses "
                        f"{[a for _, a in pairs]}, expected {[a for _, a in expected]}")
    raw = headers.get(name, "")
    by_rfc2047 = [(rfc2047_decode(display), address)
                  for display, address in email.utils.getaddresses([raw])]
    if by_rfc2047 != list(expected):
        wrong = [f"{got!r} instead of {want!r}" for got, want in zip(by_rfc2047, expected)
                 if got != want] or [f"{len(by_rfc2047)} addresses, expected {len(expected)}"]
        problems.append(f"{where}: {name}: read as RFC 2047 says (email.header.decode_header: "
                        f"white space between adjacent encoded-words is dropped), "
                        f"{'; '.join(wrong)} (raw: {show(raw, 300)})")
    for display, address in expected:
        if address not in raw:
            problems.append(f"{where}: {name}: address {address} is not written as it is "
                            f"(raw: {show(raw, 300)})")


def rfc2047_decode(text):
    """Text with encoded-words decoded as RFC 2047 6.2 says (email.header, not the address
    parser of the email package, which keeps the space between adjacent encoded-words)."""
    if "=?" not in text:
        return text
    return str(email.header.make_header(email.header.decode_header(text)))


def check_date(value, timezone, epoch, now_range, problems, where):
    match = DATE_RE.match(value or "")
    if not match:
        problems.append(f"{where}: Date {value!r} is not an RFC 5322 date such as "
                        f"'Mon, 21 Sep 2026 09:13:20 -0500'")
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError) as error:
        problems.append(f"{where}: Date {value!r} does not parse: {error}")
        return None
    if when.tzinfo is None:
        problems.append(f"{where}: Date {value!r} has no usable zone offset")
        return None
    if when.strftime("%a") != match.group(1):
        problems.append(f"{where}: Date {value!r}: the day is a {when.strftime('%a')}")
    instant = when.timestamp()
    if epoch is not None and instant != epoch:
        problems.append(f"{where}: Date {value!r} is not the instant of SOURCE_DATE_EPOCH="
                        f"{epoch} ({datetime.datetime.fromtimestamp(epoch, datetime.UTC)})")
    if epoch is None and now_range and not now_range[0] - 5 <= instant <= now_range[1] + 5:
        problems.append(f"{where}: Date {value!r} without SOURCE_DATE_EPOCH is not the time of "
                        f"the run")
    zone = zoneinfo.ZoneInfo(timezone)
    expected = datetime.datetime.fromtimestamp(instant, zone).utcoffset()
    if when.utcoffset() != expected:
        minutes = int(expected.total_seconds()) // 60
        problems.append(f"{where}: Date {value!r} is not in the client's time zone {timezone} "
                        f"(there it is {'-' if minutes < 0 else '+'}"
                        f"{abs(minutes) // 60:02d}{abs(minutes) % 60:02d})")
    return when


def check_text_part(part, plan, problems, where):
    if part.get_content_type() != "text/plain":
        problems.append(f"{where}: text part is {part.get_content_type()}, not text/plain")
    if (part.get_param("charset") or "").lower() != "utf-8":
        problems.append(f"{where}: text part charset is {part.get_param('charset')!r}, "
                        f"not utf-8")
    cte = (part.get("Content-Transfer-Encoding") or "").strip().lower()
    if cte != "quoted-printable":
        problems.append(f"{where}: text part Content-Transfer-Encoding is {cte!r}, not "
                        f"quoted-printable")
    payload = part.get_payload()
    if not isinstance(payload, str):
        problems.append(f"{where}: text part has no text payload")
        return None
    check_quoted_printable(payload, problems, where)
    try:
        text = part.get_payload(decode=True).decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{where}: text body is not UTF-8: {error}")
        return None
    if "\r" in text:
        problems.append(f"{where}: decoded text has a carriage return")
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > 78:
            problems.append(f"{where}: decoded text line {number} has {len(line)} characters "
                            f"(at most 78): {show(line)}")
    if plan.provider_name not in " ".join(text.split()):  # the name may be wrapped
        problems.append(f"{where}: the text does not mention the provider {plan.provider_name!r}")
    if not text.strip():
        problems.append(f"{where}: the text is empty")
    return text


def check_calendar_part(part, problems, where):
    if part.get_content_type() != "text/calendar":
        problems.append(f"{where}: second part is {part.get_content_type()}, not text/calendar")
    if (part.get_param("charset") or "").lower() != "utf-8":
        problems.append(f"{where}: calendar charset is {part.get_param('charset')!r}, not utf-8")
    if (part.get_param("method") or "").upper() != "PUBLISH":
        problems.append(f"{where}: calendar Content-Type method is {part.get_param('method')!r}"
                        f", not PUBLISH")
    if part.get_content_disposition() != "attachment":
        problems.append(f"{where}: calendar Content-Disposition is "
                        f"{part.get_content_disposition()!r}, not attachment")
    filename = part.get_filename()
    if not filename or not filename.lower().endswith(".ics"):
        problems.append(f"{where}: calendar filename {filename!r} does not end with .ics")
    cte = (part.get("Content-Transfer-Encoding") or "").strip().lower()
    if cte != "base64":
        problems.append(f"{where}: calendar Content-Transfer-Encoding is {cte!r}, not base64")
        payload = part.get_payload(decode=True)
        return payload if isinstance(payload, bytes) else None
    return check_base64(part.get_payload(), problems, where)


def check_message(raw, plan, as_of, kind, epoch, problems, where, to=None, cc=None,
                  now_range=None):
    """Every promise of the contract about one message of `kind` for `plan` on `as_of`."""
    checked = Checked()
    if not raw:
        problems.append(f"{where}: empty output")
        return checked
    blocks = check_raw_lines(raw, problems, where)
    fields = unfold_header_block(blocks[0] if blocks else [], problems, where)
    counts = collections.Counter(name.lower() for name, _ in fields)
    for name in REQUIRED_ONCE:
        if counts[name.lower()] != 1:
            problems.append(f"{where}: {name} appears {counts[name.lower()]} times, not once")
    for name in AT_MOST_ONCE:
        if counts[name.lower()] > 1:
            problems.append(f"{where}: {name} appears {counts[name.lower()]} times")
    for name in ("Bcc", "Resent-From"):
        if counts[name.lower()]:
            problems.append(f"{where}: unexpected {name} header")
    headers = {}
    for name, value in fields:
        headers.setdefault(_canonical(name), value)
        check_encoded_words(_canonical(name), value, problems, where)
    for block in blocks[1:]:
        for name, value in unfold_header_block(block, problems, where + " (MIME part)"):
            check_encoded_words(_canonical(name), value, problems, where + " (MIME part)")
    checked.headers = headers

    try:
        msg = email.parser.BytesParser(policy=email.policy.strict).parsebytes(raw)
    except Exception as error:  # noqa: BLE001 - the strict parser raises the defect it finds
        problems.append(f"{where}: the strict parser refuses the message: {error!r}")
        return checked
    checked.message = msg
    for part in msg.walk():
        for defect in part.defects:
            problems.append(f"{where}: defect in {part.get_content_type()}: {defect!r}")
        for name in set(part.keys()):
            for field in part.get_all(name) or []:
                for defect in getattr(field, "defects", ()):
                    problems.append(f"{where}: defect in header {name}: {defect!r}")

    check_addresses(msg, headers, "From", [plan.client_contact], problems, where)
    check_addresses(msg, headers, "To", to if to is not None else [plan.provider_contact],
                    problems, where)
    check_addresses(msg, headers, "Cc", cc if cc is not None else plan.cc, problems, where)

    subject = str(msg["Subject"] or "")
    if rfc2047_decode(headers.get("Subject", "")) != subject:
        problems.append(f"{where}: Subject reads {subject!r} with the email package but "
                        f"{rfc2047_decode(headers.get('Subject', ''))!r} with email.header")
    if plan.provider_name not in subject:
        problems.append(f"{where}: Subject {subject!r} does not contain the provider name "
                        f"{plan.provider_name!r}")
    if plan.reference and plan.reference not in subject:
        problems.append(f"{where}: Subject {subject!r} does not contain the contract reference "
                        f"{plan.reference!r}")
    if not KIND_WORDS[kind].search(subject):
        problems.append(f"{where}: Subject {subject!r} does not say the kind ({kind}) in words")

    check_date(headers.get("Date"), plan.timezone, epoch, now_range, problems, where)

    message_id = headers.get("Message-ID", "")
    match = MESSAGE_ID_RE.match(message_id.strip())
    if not match:
        problems.append(f"{where}: Message-ID {message_id!r} is not <id@domain>")
    elif match.group(2).lower() != plan.client_domain.lower():
        problems.append(f"{where}: Message-ID {message_id!r} is not in the domain of "
                        f"client.contact ({plan.client_domain})")
    if headers.get("MIME-Version", "").strip() != "1.0":
        problems.append(f"{where}: MIME-Version is {headers.get('MIME-Version')!r}, not 1.0")

    if kind not in WITH_CALENDAR:
        if msg.is_multipart():
            problems.append(f"{where}: a {kind} message is {msg.get_content_type()}, not a "
                            f"single text/plain part")
            return checked
        checked.text = check_text_part(msg, plan, problems, where)
    else:
        if msg.get_content_type() != "multipart/mixed":
            problems.append(f"{where}: a {kind} message is {msg.get_content_type()}, not "
                            f"multipart/mixed")
            return checked
        cte = (msg.get("Content-Transfer-Encoding") or "7bit").strip().lower()
        if cte not in ("7bit", "8bit", "binary"):
            problems.append(f"{where}: multipart Content-Transfer-Encoding {cte!r}")
        parts = msg.get_payload()
        if len(parts) != 2:
            problems.append(f"{where}: {len(parts)} MIME parts, expected the text and the "
                            f"calendar: {[p.get_content_type() for p in parts]}")
        if parts:
            checked.text = check_text_part(parts[0], plan, problems, where + " (text part)")
        if len(parts) >= 2:
            checked.ics = check_calendar_part(parts[1], problems, where + " (calendar part)")
            if checked.ics is not None:
                checked.events = check_calendar(checked.ics, plan, as_of, epoch, problems,
                               where + " (calendar part)")
    return checked


def _canonical(name):
    for known in REQUIRED_ONCE + AT_MOST_ONCE + ADDRESS_HEADERS:
        if known.lower() == name.lower():
            return known
    return name


TEXT_PROPERTIES = ("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "X-WR-CALNAME",
                   "X-WR-CALDESC")


def check_text_escapes(line, problems, where):
    """RFC 5545 3.3.11: in a TEXT value a backslash, ';' and ',' are escaped with a backslash,
    and a backslash only escapes one of those or n/N."""
    quoted, colon = False, -1
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            colon = index
            break
    name = re.split(r"[;:]", line, maxsplit=1)[0].upper()
    if colon < 0 or name not in TEXT_PROPERTIES:
        return
    value, index = line[colon + 1:], 0
    while index < len(value):
        char = value[index]
        if char == "\\":
            if value[index + 1:index + 2] not in ("\\", ";", ",", "n", "N"):
                problems.append(f"{where}: {name}: bad escape {value[index:index + 2]!r} in "
                                f"{show(value)}")
            index += 2
            continue
        if char in ";,":
            problems.append(f"{where}: {name}: unescaped {char!r} in {show(value)}")
        index += 1


def check_calendar(ics, plan, as_of, epoch, problems, where, notes=None):
    """RFC 5545 with CRLF lines, METHOD:PUBLISH, one all-day VEVENT per issue on its effective
    due date (STATUS:CANCELLED once it is resolved or waived, CONFIRMED before), at most one
    "penalties start" event per issue after that date (cancelled with the issue), one event on
    the deadline, a SEQUENCE on each, unique UIDs, DTSTAMP from the epoch.
    Returns [(uid, dtstart, summary)] of the events."""
    try:
        ics.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{where}: the calendar is not UTF-8: {error}")
    if not ics.endswith(b"\r\n"):
        problems.append(f"{where}: the calendar does not end with CRLF")
    lines = ics.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"{where}: calendar line {number} has a bare LF or CR (RFC 5545 "
                            f"lines end with CRLF): {show(line)}")
        if len(line) > 75:
            problems.append(f"{where}: calendar line {number} has {len(line)} octets (RFC 5545 "
                            f"folds at 75): {show(line)}")
    if not lines or lines[0] != b"BEGIN:VCALENDAR" or lines[-1] != b"END:VCALENDAR":
        problems.append(f"{where}: the calendar is not one BEGIN:VCALENDAR ... END:VCALENDAR")
    unfolded = re.sub(rb"\r\n[ \t]", b"", ics).split(b"\r\n")
    for line in unfolded:
        check_text_escapes(line.decode("utf-8", "replace"), problems, where)
        if line.upper().startswith(b"DTSTART") and not re.match(rb"^DTSTART;VALUE=DATE:\d{8}$",
                                                                 line):
            problems.append(f"{where}: {show(line)} is not an all-day DTSTART;VALUE=DATE")
    try:
        calendar = icalendar.Calendar.from_ical(ics)
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        problems.append(f"{where}: icalendar cannot read the calendar: {error!r}")
        return []
    for component in calendar.walk():
        for error in getattr(component, "errors", ()):
            problems.append(f"{where}: icalendar: error in {component.name}: {error}")
    if calendar.name != "VCALENDAR":
        problems.append(f"{where}: top component is {calendar.name}")
    if str(calendar.get("VERSION", "")) != "2.0":
        problems.append(f"{where}: VERSION is {calendar.get('VERSION')!r}, not 2.0")
    if not str(calendar.get("PRODID", "")).strip():
        problems.append(f"{where}: no PRODID")
    if str(calendar.get("METHOD", "")).upper() != "PUBLISH":
        problems.append(f"{where}: METHOD is {calendar.get('METHOD')!r}, not PUBLISH")
    events, statuses = [], {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", "")).strip()
        if not uid:
            problems.append(f"{where}: an event has no UID")
        summary = str(event.get("SUMMARY", "")).strip()
        if not summary:
            problems.append(f"{where}: event {uid} has no SUMMARY")
        stamp = event.get("DTSTAMP")
        if stamp is None:
            problems.append(f"{where}: event {uid} has no DTSTAMP")
        else:
            value = stamp.dt
            if not isinstance(value, datetime.datetime) or value.utcoffset() != datetime.timedelta(0):
                problems.append(f"{where}: event {uid}: DTSTAMP {value!r} is not in UTC")
            elif epoch is not None and value.timestamp() != epoch:
                problems.append(f"{where}: event {uid}: DTSTAMP {value} is not SOURCE_DATE_EPOCH "
                                f"{epoch} ({datetime.datetime.fromtimestamp(epoch, datetime.UTC)})")
        start = event.get("DTSTART")
        day = None
        if start is None:
            problems.append(f"{where}: event {uid} has no DTSTART")
        elif isinstance(start.dt, datetime.datetime) or not isinstance(start.dt, datetime.date):
            problems.append(f"{where}: event {uid}: DTSTART {start.dt!r} is not a date")
        else:
            day = start.dt
        end = event.get("DTEND")
        if end is not None and day is not None:
            if isinstance(end.dt, datetime.datetime) or not end.dt > day:
                problems.append(f"{where}: event {uid}: DTEND {end.dt!r} is not a date after "
                                f"DTSTART {day}")
        sequence = event.get("SEQUENCE")
        if sequence is None or int(sequence) < 0:
            problems.append(f"{where}: event {uid} has no SEQUENCE >= 0")
        status = str(event.get("STATUS", "")).upper()
        events.append((uid, day, summary))
        statuses[uid] = status
        if status == "CANCELLED" and any(c.name == "VALARM" for c in event.subcomponents):
            problems.append(f"{where}: cancelled event {uid} still has an alarm")
    uids = collections.Counter(uid for uid, _, _ in events)
    for uid, count in uids.items():
        if count > 1:
            problems.append(f"{where}: UID {uid} is used by {count} events")
    unresolved = plan.unresolved_on(as_of)
    deadline = plan.deadline_on(as_of)
    # Every issue has its event, the closed ones cancelled; the "penalties start" events fall
    # after their issue's due date; one event is the deadline.
    by_kind = collections.defaultdict(list)
    for uid, day, summary in events:
        by_kind[uid.split(".", 1)[0]].append((uid, day, summary))
    expected = collections.Counter(plan.due_of(issue, as_of) for issue in plan.issues)
    got = collections.Counter(day for _, day, _ in by_kind["issue"])
    if got != expected:
        problems.append(
            f"{where}: issue events differ from the {len(plan.issues)} issues' due dates on "
            f"{as_of}: missing {sorted(str(d) for d in (expected - got).elements())}, "
            f"unexpected {sorted(str(d) for d in (got - expected).elements())}")
    for issue in plan.issues:
        # The UID names the issue as "issue.<slug>." or "penalties.<slug>.".
        slug = re.sub(r"-+", "-", re.sub(r"[^a-z0-9]", "-", issue.id.lower())).strip("-")
        mine = [(uid, day) for uid, day, _ in events
                if uid.split(".")[0] in ("issue", "penalties") and uid.split(".")[1] == slug]
        if len([uid for uid, _ in mine if uid.startswith("issue.")]) != 1:
            problems.append(f"{where}: {issue.id} has not exactly one issue event: {mine}")
        for uid, day in mine:
            want = "CONFIRMED" if issue.unresolved_on(as_of) else "CANCELLED"
            if statuses[uid] != want:
                problems.append(f"{where}: event {uid} of {issue.id} ({issue.status} on "
                                f"{as_of}) has STATUS {statuses[uid]!r}, not {want}")
            if uid.startswith("penalties.") and not day > plan.due_of(issue, as_of):
                problems.append(f"{where}: penalties of {issue.id} start on {day}, not after "
                                f"its due date {plan.due_of(issue, as_of)}")
    if [day for _, day, _ in by_kind["deadline"]] != [deadline]:
        problems.append(f"{where}: the deadline events are on "
                        f"{[str(d) for _, d, _ in by_kind['deadline']]}, not on {deadline}")
    strangers = set(by_kind) - {"issue", "penalties", "deadline"}
    if strangers:
        problems.append(f"{where}: events of unknown kinds: {sorted(strangers)}")
    if notes is not None:
        for issue in unresolved:
            due = plan.due_of(issue, as_of)
            if not any(day == due and issue.id in summary for _, day, summary in events):
                notes.append(f"{where}: no event on {due} names {issue.id} in its SUMMARY")
    return events
