#!/usr/bin/python3
"""Every line of `remedy portfolio` (text) fits 80 terminal columns, counted in display width
(East Asian wide characters two, combining marks none): names in Japanese, Chinese and Korean,
accented names precomposed and decomposed, emoji, folders named in CJK, a month cap, and
amounts too wide for the table (then written as words). A name cut to fit is the start of the
name and an ellipsis, never half a character.

usage: portfolio_width_test.py REMEDY
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

REMEDY = sys.argv[1]
ENV = {k: v for k, v in os.environ.items() if k not in ("REMEDY_PLAN", "NO_COLOR")}
failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)
    return ok


def display_width(text):
    width = 0
    for c in text:
        if unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return width


PLAN = """[client]
name = "{client}"
timezone = "Asia/Tokyo"

[provider]
name = "{provider}"

[contract]
currency = "{currency}"

[timebox]
start = 2026-10-05

[penalties]
{cap}
[penalties.per_day]
high = {rate}

[[issue]]
id = "NET-1"
title = "A title"
priority = "high"
due = 2026-10-20

[[issue]]
id = "NET-2"
title = "Another"
priority = "high"
due = 2026-11-20
"""

PLANS = [
    ("jp/株式会社東京/remedy.toml", "株式会社東京ロジスティクス・ホールディングス・ジャパン",
     "関東システムインテグレーション・サービス株式会社", "JPY", 'cap = 900000\ncap_per = "month"',
     "30000"),
    ("cn/上海/remedy.toml", "上海浦东新区国际物流集团有限公司", "华东信息技术服务有限公司",
     "CNY", "", '"900.00"'),
    ("kr/서울/remedy.toml", "서울특별시 강남구 물류센터 주식회사", "한국정보통신서비스 주식회사",
     "KRW", "", "500000"),
    ("ch/leman/remedy.toml", "Régie immobilière du Léman et de la Côte SA",
     "Informatique Romande Sàrl", "CHF", 'cap = "1076.00"\ncap_per = "month"', '"120.00"'),
    ("fr/lyon/remedy.toml", "Cafe\\u0301 de la Croix-Rousse et Fre\\u0300res",
     "Société Lyonnaise d'Infogérance", "EUR", "", '"40.00"'),
    ("emoji/remedy.toml", "Fish & Chips 🐟🍟 Ltd of Brighton and Hove", "Seaside IT 🌊",
     "GBP", "", '"75.00"'),
    ("a-folder-name-as-long-as-a-consultants-filing-system-makes-it/clients/remedy.toml",
     "Short", "Also short", "USD", "", '"10.00"'),
]

# Amounts too wide for the table's columns: the figures are written as words.
HUGE = ("huge/remedy.toml", "Rich Client Holdings 株式会社", "Expensive IT", "USD",
        'cap = "9000000000000.00"\ncap_per = "month"', '"100000000000.00"')


def write(root, plans):
    for path, client, provider, currency, cap, rate in plans:
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(PLAN.format(client=client, provider=provider, currency=currency, cap=cap,
                                rate=rate))


def check(root, label, cwd=None):
    for as_of in ("2026-11-02", "2026-11-30"):
        done = subprocess.run([REMEDY, "portfolio", root, "--as-of", as_of, "--color", "never"],
                              capture_output=True, env=ENV, timeout=60, cwd=cwd)
        expect(done.returncode == 0, f"{label} {as_of}: exit {done.returncode}: {done.stderr!r}")
        try:
            text = done.stdout.decode("utf-8")
        except UnicodeDecodeError as error:
            expect(False, f"{label} {as_of}: not UTF-8 (a character cut in two?): {error}")
            continue
        for number, line in enumerate(text.splitlines(), 1):
            expect(display_width(line) <= 80,
                   f"{label} {as_of}: line {number} is {display_width(line)} columns: {line!r}")
        yield text


def main():
    work = tempfile.mkdtemp(prefix="remedy-width-")
    try:
        write(os.path.join(work, "plans"), PLANS)
        for text in check("plans", "CJK and accented names", cwd=work):
            for path, client, provider, _, _, _ in PLANS:
                # The plan writes the combining accents as TOML escapes.
                client = client.replace("\\u0301", "\u0301").replace("\\u0300", "\u0300")
                end = "/".join(path.split("/")[-2:])  # its folder and remedy.toml
                names = [l for l in text.splitlines() if " · " in l and " / " in l
                         and l.strip().split(" · ")[0].endswith(end)]
                if not expect(len(names) == 1, f"no names line ends in {end!r}"):
                    continue
                shown = names[0].strip().split(" · ", 1)[1].split(" / ")[0]
                whole = unicodedata.normalize("NFC", client)
                shown = unicodedata.normalize("NFC", shown)
                expect(shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1])),
                       f"{path}: client shown as {shown!r}, not a start of {whole!r}")
            # The month cap reads as one, and the wide names are there.
            expect("900,000/mo" in text and "1,076.00/mo" in text, f"month caps: {text}")
        write(os.path.join(work, "huge"), [HUGE])
        for text in check("huge", "amounts too wide for the table", cwd=work):
            expect("owed " in text and "cap 9,000,000,000,000.00/mo" in text,
                   f"huge amounts are not written as words: {text}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for failure in failures:
        print("FAIL", failure)
    print(f"portfolio width: {len(failures)} failure(s)")
    return 1 if failures else 0


sys.exit(main())
