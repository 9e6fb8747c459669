"""What a plan says, read independently of remedy (with tomllib and the rules of SPEC.md): the
facts the email tests compare the generated messages against."""
import dataclasses
import datetime
import pathlib
import re
import tomllib

AS_OF_IN_COMMENT = re.compile(r"--as-of\s+(\d{4}-\d{2}-\d{2})")


def to_date(value):
    """A plan date: a TOML local date, or the same written as a quoted string."""
    if isinstance(value, datetime.datetime):
        raise ValueError(f"{value!r} is a date-time, not a date")
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def mailbox(text):
    """(display name, address) of a plan's mailbox, read as remedy reads it: the address is
    between the last '<' and the closing '>', the name is what comes before, without the
    quotes around it; a bare address has an empty name."""
    text = text.strip(" \t")
    if "<" not in text:
        return "", text
    open_ = text.rindex("<")
    name = text[:open_].strip(" \t")
    if len(name) >= 2 and name[0] == '"' and name[-1] == '"':
        name = name[1:-1]
    return name, text[open_ + 1:-1]


@dataclasses.dataclass
class Issue:
    id: str
    title: str
    due: datetime.date
    status: str
    resolved: datetime.date | None
    waived: datetime.date | None  # the waiver's day; timebox.start when the plan gives none

    def resolved_on(self, day):
        return self.status == "resolved" and self.resolved is not None and self.resolved <= day

    def waived_on(self, day):
        return self.status == "waived" and self.waived <= day

    def unresolved_on(self, day):
        """Still to do on `day`: state open or in_progress (SPEC.md: an issue resolved or waived
        after the day counts as open on it)."""
        return not self.waived_on(day) and not self.resolved_on(day)


@dataclasses.dataclass
class Plan:
    path: pathlib.Path
    client_name: str
    client_contact: tuple[str, str] | None
    timezone: str
    provider_name: str
    provider_contact: tuple[str, str] | None
    cc: list[tuple[str, str]]
    reference: str | None
    start: datetime.date
    days: int
    extensions: list[tuple[int, datetime.date]]  # (days, agreed)
    pauses_agreed: list[datetime.date]
    issued: datetime.date  # ultimatum.issued; timebox.start without an [ultimatum]
    issues: list[Issue]
    as_ofs: list[datetime.date]

    # The effective due dates remedy's JSON gives on a day (a pause or a day off moves one):
    # set by a test that runs remedy; without it, each issue's own due date.
    due_oracle: object = None

    def due_of(self, issue, as_of):
        if self.due_oracle is None:
            return issue.due
        return self.due_oracle(as_of).get(issue.id, issue.due)

    def deadline_on(self, as_of):
        """The deadline with the extensions agreed on or before as_of (these plans have no
        [calendar], so nothing rolls)."""
        extra = sum(days for days, agreed in self.extensions if agreed <= as_of)
        return self.start + datetime.timedelta(days=self.days + extra)

    @property
    def client_domain(self):
        return self.client_contact[1].rsplit("@", 1)[1]

    def unresolved_on(self, day):
        return [issue for issue in self.issues if issue.unresolved_on(day)]

    def changes_by(self, day):
        """Whether an extension, a pause or a waiver is in force on `day`."""
        return (any(agreed <= day for _, agreed in self.extensions) or
                any(agreed <= day for agreed in self.pauses_agreed) or
                any(issue.waived_on(day) for issue in self.issues))


def as_ofs_named_in_comments(text):
    """The days the plan's opening comment names in `--as-of YYYY-MM-DD` commands."""
    days = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        for match in AS_OF_IN_COMMENT.finditer(stripped):
            day = datetime.date.fromisoformat(match.group(1))
            if day not in days:
                days.append(day)
    return days


def read_plan(path):
    path = pathlib.Path(path)
    text = path.read_text(encoding="utf-8")
    doc = tomllib.loads(text)
    client, provider = doc["client"], doc["provider"]
    contract = doc.get("contract", {})
    timebox = doc["timebox"]
    start = to_date(timebox["start"])
    issues = []
    for entry in doc.get("issue", []):
        status = str(entry.get("status", "open")).lower().replace("-", "_")
        resolved = to_date(entry["resolved"]) if "resolved" in entry else None
        waived = to_date(entry["waived"]) if "waived" in entry else start
        issues.append(Issue(entry["id"], entry["title"], to_date(entry["due"]), status, resolved,
                            waived))
    as_ofs = as_ofs_named_in_comments(text) or [start + datetime.timedelta(days=20)]
    return Plan(
        path=path,
        client_name=client["name"],
        client_contact=mailbox(client["contact"]) if "contact" in client else None,
        timezone=client.get("timezone", "UTC"),
        provider_name=provider["name"],
        provider_contact=mailbox(provider["contact"]) if "contact" in provider else None,
        cc=[mailbox(entry) for entry in provider.get("cc", [])],
        reference=contract.get("reference"),
        start=start,
        days=timebox.get("days", 60),
        extensions=[(e["days"], to_date(e["agreed"])) for e in timebox.get("extension", [])],
        pauses_agreed=[to_date(p.get("agreed", p["from"])) for p in doc.get("pause", [])],
        issued=to_date(doc["ultimatum"]["issued"]) if "ultimatum" in doc else start,
        issues=issues,
        as_ofs=as_ofs,
    )


def plans_in(folders):
    """Every *.toml of the folders, in name order."""
    found = []
    for folder in folders:
        found.extend(sorted(pathlib.Path(folder).resolve().glob("*.toml")))
    return found
