"""Checks that a sentence remedy writes names the figures its JSON gives for the same day: the
cap (of the plan, or of a month, named), the money from here, the balance, the strikes (a
disputed one called disputed, with its reason), the forecast. Each check reads the text, finds
the sentence and compares every figure in it with the JSON; a sentence that is not there when
the JSON says it should be is a problem too. Shared by json_text_figures_test.py (generated
plans) and words_figures_test.py (every channel of named plans).

Every function takes `problem(text)`, called once for each disagreement."""
import datetime
import re

AMOUNT = r"-?\d[\d,]*(?:\.\d+)?"


def plain(amount):
    """'1,014.86' as the JSON writes it: '1014.86'."""
    return amount.replace(",", "")


def months_listed(text):
    """'2026-11, 2026-12 and 2027-01' -> ['2026-11', '2026-12', '2027-01']."""
    return re.findall(r"\d{4}-\d\d(?!-)", text)


def unwrapped(text):
    """The text with its lines joined (letters wrap at 72 columns)."""
    return re.sub(r"\s*\n\s*", " ", text)


def check_cap_words(where, words, penalties, problem):
    """`words` follow an amount owed: ' of a X cap', ' under a cap of X a month - reached in
    M (total T)', ', no cap'. A month cap is never set against the plan's total."""
    cap, per = penalties["cap"], penalties["cap_per"]
    if cap is None:
        if re.search(r"\bcap of\b|\bcap\)", words):
            problem(f"{where}: a cap is named, the JSON has none: {words!r}")
        return
    if per == "plan":
        found = re.search(rf"of a ({AMOUNT}) [A-Z]{{3}} cap", words)
        if not found or plain(found.group(1)) != cap:
            problem(f"{where}: the plan cap {cap} is not stated as such: {words!r}")
        reached = re.search(rf"cap reached \(total ({AMOUNT})", words)
        if bool(reached) != penalties["cap_reached"]:
            problem(f"{where}: 'cap reached' is {bool(reached)}, the JSON "
                    f"{penalties['cap_reached']}: {words!r}")
        if reached and plain(reached.group(1)) != penalties["total"]:
            problem(f"{where}: total {reached.group(1)}, the JSON {penalties['total']}")
        return
    if re.search(rf"of a {AMOUNT} [A-Z]{{3}} cap", words):
        problem(f"{where}: a month cap set against the plan's total: {words!r}")
    found = re.search(rf"under a cap of ({AMOUNT}) [A-Z]{{3}} a month", words)
    if not found or plain(found.group(1)) != cap:
        problem(f"{where}: the month cap {cap} is not named as a month's: {words!r}")
    reached = re.search(rf"reached in (.*?) \(total ({AMOUNT})", words)
    months = months_listed(reached.group(1)) if reached else []
    if months != penalties["capped_months"]:
        problem(f"{where}: months at the cap {months}, the JSON {penalties['capped_months']}")
    if reached and plain(reached.group(2)) != penalties["total"]:
        problem(f"{where}: total {reached.group(2)}, the JSON {penalties['total']}")


def check_from_here(where, sentence, status, problem):
    """'2 issues accrue ... a day; X left under the cap of 2026-11, reached on D if nothing
    changes', '2026-12 reached its cap of X: it owes no more; ...', '... grows no more ...'."""
    p = status["penalties"]
    if ("grows no more" in sentence) != p["grows_no_more"]:
        problem(f"{where}: 'grows no more' is {'grows no more' in sentence}, the JSON "
                f"grows_no_more {p['grows_no_more']}: {sentence!r}")
    if p["grows_no_more"]:
        return
    accruing = sum(1 for issue in status["issues"] if issue["accruing"])
    count = re.search(r"(\d+) issues? accrues? ", sentence)
    if (int(count.group(1)) if count else 0) != accruing or \
            (accruing == 0) != ("nothing accrues today" in sentence):
        problem(f"{where}: {accruing} issues accrue in the JSON: {sentence!r}")
    left = re.search(rf"({AMOUNT}) [A-Z]{{3}} left under the cap( of (\d{{4}}-\d\d))?", sentence)
    own = re.search(rf"(\d{{4}}-\d\d) reached its cap of ({AMOUNT})", sentence)
    if p["cap"] is None:
        if left or own:
            problem(f"{where}: a cap in the money from here, none in the JSON: {sentence!r}")
        return
    month = p["cap_headroom_month"]
    if own:
        if float(p["cap_headroom"]) != 0 or own.group(1) != month or plain(own.group(2)) != p["cap"]:
            problem(f"{where}: {own.group(1)} said at its cap; the JSON headroom "
                    f"{p['cap_headroom']} of {month}")
    elif not left or plain(left.group(1)) != p["cap_headroom"] or left.group(3) != month:
        problem(f"{where}: the headroom {p['cap_headroom']} of {month} is not stated: "
                f"{sentence!r}")
    reached = re.search(r"(?:the cap of (\d{4}-\d\d) would be )?reached on (\d{4}-\d\d-\d\d)",
                        sentence)
    if (reached.group(2) if reached else None) != p["cap_date"]:
        problem(f"{where}: cap date {reached.group(2) if reached else None}, the JSON "
                f"{p['cap_date']}: {sentence!r}")
    if reached and month and (reached.group(1) or month) != p["cap_date"][:7]:
        problem(f"{where}: the cap date {p['cap_date']} is given to the month "
                f"{reached.group(1) or month}: {sentence!r}")


def check_strike_list(where, text, status, problem):
    """Every strike the JSON gives, named with its dispute when it is disputed."""
    for incident in status["strikes"]["incidents"]:
        words = f"{incident['date']} {incident['priority']}"
        lines = [line for line in text.splitlines() if words in line
                 and incident["summary"] in line]
        if not lines:
            problem(f"{where}: the strike of {incident['date']} is not listed")
            continue
        if incident["status"] == "disputed":
            if not any("disputed by" in line and incident["dispute"] in line for line in lines):
                problem(f"{where}: the disputed strike of {incident['date']} is not called "
                        f"disputed with its reason")
        elif any("disputed" in line for line in lines):
            problem(f"{where}: the strike of {incident['date']} is called disputed; the JSON "
                    f"says {incident['status']}")


def check_strike_rule(where, sentence_text, status, problem):
    """The strike rule as verdict, letters and the report state it."""
    strikes = status["strikes"]
    joined = unwrapped(sentence_text)
    if not strikes["warning_given"]:
        for phrase in (r"[Aa]fter \d{4}-\d\d-\d\d and until", r"final warning of \d{4}",
                       r"\bone more incidents?\b", r"\d+ of \d+ so far"):
            if re.search(phrase, joined):
                problem(f"{where}: before the final warning, the text says "
                        f"{re.search(phrase, joined).group(0)!r}")
        return
    for after, until in re.findall(r"[Aa]fter (\d{4}-\d\d-\d\d) and until (\d{4}-\d\d-\d\d)",
                                   joined):
        if (after, until) != (strikes["since"], strikes["until"]):
            problem(f"{where}: the rule runs after {after} until {until}, the JSON after "
                    f"{strikes['since']} until {strikes['until']}")
    for count, limit, named in re.findall(r"\((\d+) of (\d+) so far: (.*?)\)\.", joined):
        if (int(count), int(limit)) != (strikes["count"], strikes["limit"]):
            problem(f"{where}: {count} of {limit} so far, the JSON {strikes['count']} of "
                    f"{strikes['limit']}")
        for incident in strikes["incidents"]:
            if incident["date"] not in named:
                problem(f"{where}: the strike of {incident['date']} is not named so far")
            elif incident["status"] == "disputed" and incident["dispute"] not in named:
                problem(f"{where}: the disputed strike of {incident['date']} is not called "
                        f"disputed with its reason")


def check_forecast(where, text, status, problem):
    """A forecast sentence only with a forecast, with its figures; none said missing beside one."""
    forecast = status["forecast"]
    joined = unwrapped(text)
    said = re.search(r"at the pace of the last (\d+) days? \((\d+) resolved\), the (\d+ )?open "
                     r"issues? would be done around (\d{4}-\d\d-\d\d)", joined)
    stalled = re.search(r"no issue resolved in the last (\d+) days?; (\d+) still open", joined)
    if re.search(r"[Nn]o forecast", joined) and forecast is not None:
        problem(f"{where}: 'no forecast' beside the JSON's forecast {forecast}")
    if forecast is None:
        if said or stalled:
            problem(f"{where}: a forecast is stated, the JSON has none")
        return
    if forecast["finish"] is None:
        if not stalled or (int(stalled.group(1)), int(stalled.group(2))) != \
                (forecast["window_days"], forecast["open"]):
            problem(f"{where}: the stalled forecast {forecast} is not stated")
        return
    if not said:
        problem(f"{where}: the forecast {forecast} is not stated")
        return
    opened = int(said.group(3)) if said.group(3) else 1
    if (int(said.group(1)), int(said.group(2)), opened, said.group(4)) != \
            (forecast["window_days"], forecast["resolved"], forecast["open"], forecast["finish"]):
        problem(f"{where}: forecast {said.groups()}, the JSON {forecast}")


def check_status_text(where, text, status, problem):
    """`remedy status` beside `status --format json` of the same day."""
    line = re.search(rf"^Penalties\s+({AMOUNT}) [A-Z]{{3}} owed(.*)$", text, re.M)
    if not line:
        problem(f"{where}: no Penalties line")
        return
    if plain(line.group(1)) != status["penalties"]["owed"]:
        problem(f"{where}: owed {line.group(1)}, the JSON {status['penalties']['owed']}")
    check_cap_words(f"{where} (Penalties)", line.group(2), status["penalties"], problem)
    credits = re.search(rf"^Credits\s+({AMOUNT}) [A-Z]{{3}} credited, balance ({AMOUNT})", text,
                        re.M)
    p = status["penalties"]
    if credits and (plain(credits.group(1)), plain(credits.group(2))) != \
            (p["credited"], p["balance"]):
        problem(f"{where}: credits {credits.groups()}, the JSON {p['credited']} {p['balance']}")
    if not credits and float(p["credited"]) != 0:
        problem(f"{where}: {p['credited']} credited in the JSON, not in the text")
    here = re.search(r"^From here\s+(.*)$", text, re.M)
    if here:
        check_from_here(f"{where} (From here)", here.group(1), status, problem)
    strikes = status["strikes"]
    shown = re.search(r"^Strikes\s+(.*)$", text, re.M).group(1)
    if not strikes["warning_given"]:
        if not shown.startswith("none: no final warning"):
            problem(f"{where}: before the final warning, the strikes line says {shown!r}")
    else:
        counted = re.match(r"(\d+) of (\d+) \(incidents of (\w+) or higher after "
                           r"(\d{4}-\d\d-\d\d)\)", shown)
        if not counted or (int(counted.group(1)), int(counted.group(2)), counted.group(3),
                           counted.group(4)) != (strikes["count"], strikes["limit"],
                                                 strikes["severity"], strikes["since"]):
            problem(f"{where}: strikes {shown!r}, the JSON {strikes}")
        check_strike_list(f"{where} (Strikes)", text, status, problem)
    forecast_line = re.search(r"^Forecast\s+(.*)$", text, re.M)
    check_forecast(f"{where} (Forecast)", forecast_line.group(1) if forecast_line else "",
                   status, problem)
    for incident in status["changes"]["incidents"]:
        since = text[text.index("\nSince "):]
        lines = [line for line in since.splitlines()
                 if f" {incident['date']} " in line and line.endswith(incident["summary"])
                 or f" {incident['date']} " in line and incident["summary"] + " (" in line]
        words = lines[0] if lines else ""
        if ("STRIKE" in words) != incident["strike"]:
            problem(f"{where}: the incident of {incident['date']} in the week: {words!r}, the "
                    f"JSON strike {incident['strike']}")
        if ("disputed by" in words) != (incident["status"] == "disputed") or \
                ("withdrawn" in words) != (incident["status"] == "withdrawn"):
            problem(f"{where}: the incident of {incident['date']} in the week: {words!r}, the "
                    f"JSON status {incident['status']}")


def check_verdict_text(where, text, verdict, status, problem):
    """`remedy verdict` beside `verdict --format json` (and, for the issues and the forecast,
    `status --format json`) of the same day."""
    p = verdict["penalties"]
    money = re.search(rf"^Money owed: ({AMOUNT}) [A-Z]{{3}}(.*)$", text, re.M)
    if not money or plain(money.group(1)) != p["owed"]:
        problem(f"{where}: Money owed {money.group(1) if money else None}, the JSON {p['owed']}")
        return
    rest = money.group(2)
    is_cap = "(the cap;" in rest
    if is_cap != (p["cap_per"] == "plan" and p["cap_reached"] and p["owed"] == p["cap"]):
        problem(f"{where}: the owed sum {p['owed']} called the cap: {is_cap}, the JSON cap "
                f"{p['cap']} ({p['cap_per']}, reached {p['cap_reached']})")
    if p["cap"] is not None and p["cap_per"] == "month":
        check_cap_words(f"{where} (Money owed)", rest.replace("; penalties total", " (total"),
                        p, problem)
    elif p["cap"] is not None and not p["cap_reached"]:
        cap = re.search(rf"\(cap ({AMOUNT})", rest)
        if not cap or plain(cap.group(1)) != p["cap"]:
            problem(f"{where}: the cap {p['cap']} is not stated: {rest!r}")
    credits = re.search(rf"({AMOUNT}) [A-Z]{{3}} credited, balance ({AMOUNT})", rest)
    if credits and (plain(credits.group(1)), plain(credits.group(2))) != \
            (p["credited"], p["balance"]):
        problem(f"{where}: credits {credits.groups()}, the JSON {p['credited']} {p['balance']}")
    here = re.search(r"^From here: (.*)\.$", text, re.M)
    if here:
        check_from_here(f"{where} (From here)", here.group(1), status, problem)
    rule = text.split("must:\n")[-1] if "must:\n" in text else text
    check_strike_rule(f"{where} (strike rule)", rule, verdict, problem)
    for line in re.findall(r"^  - (strike \d+(?: of |, past the limit of )\d+: .*)$", text, re.M):
        number = int(re.match(r"strike (\d+)", line).group(1))
        incident = verdict["strikes"]["incidents"][number - 1]
        if (incident["status"] == "disputed") != ("disputed by" in line) or \
                (incident["status"] == "disputed" and incident["dispute"] not in line):
            problem(f"{where}: strike {number} {line!r}, the JSON status {incident['status']}")
    forecast_line = re.search(r"^Forecast: (.*)$", text, re.M)
    check_forecast(f"{where} (Forecast)", forecast_line.group(1) if forecast_line else "",
                   status, problem)


def day(text):
    return datetime.date.fromisoformat(text)
