"""The example's report in a real browser: headless Chromium takes a screenshot (which must not
be blank) and prints the page to PDF, whose text (pdftotext) holds the verdict, the money owed
and every issue's id. Prints the PDF's page count (pdfinfo) and what the screenshot shows.

usage: report_browser_test.py REMEDY EXAMPLE_PLAN CHROMIUM PDFTOTEXT PDFINFO
"""
import json
import os
import struct
import subprocess
import sys
import zlib

from report_support import ENV, plan_copy, run_remedy, scratch_dir

AS_OF = "2026-11-23"


def png_pixels(path):
    """Width, height and rows of pixels (tuples of bytes) of an 8-bit RGB or RGBA PNG, decoded
    with zlib alone (no imaging library needed)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path} is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise SystemExit(f"{path}: PNG of depth {depth}, colour type {colour}: not decoded here")
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def chromium(browser, scratch, *args):
    """Headless Chromium with a profile and a HOME of its own, so that it never touches the
    user's."""
    home = os.path.join(scratch, "home")
    os.makedirs(home, exist_ok=True)
    env = dict(ENV, HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home)
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                           f"--user-data-dir={os.path.join(scratch, 'profile')}", *args],
                          capture_output=True, text=True, env=env, timeout=180)
    if done.returncode != 0:
        raise SystemExit(f"chromium exited {done.returncode}:\n{done.stderr[-2000:]}")


def main():
    remedy, example, browser, pdftotext, pdfinfo = sys.argv[1:6]
    failures = []
    with scratch_dir() as scratch:
        plan = plan_copy(example, scratch)
        page = os.path.join(scratch, "report.html")
        run_remedy(remedy, "report", "-f", plan, "--as-of", AS_OF, "-o", page)
        status = json.loads(run_remedy(remedy, "status", "-f", plan, "--as-of", AS_OF,
                                       "--format", "json").stdout)
        url = "file://" + page

        screenshot = os.path.join(scratch, "report.png")
        chromium(browser, scratch, f"--screenshot={screenshot}", "--window-size=1200,2000",
                 "--hide-scrollbars", url)
        width, height, channels, rows = png_pixels(screenshot)
        pixels = [row[x:x + 3] for row in rows for x in range(0, len(row), channels)]
        distinct = len(set(pixels))
        inked = sum(1 for p in pixels if min(p) < 200)
        share = inked / len(pixels)
        coloured = {p for p in pixels if max(p) - min(p) > 60}
        print(f"screenshot: {width}x{height}, {distinct} distinct colours, {share:.1%} of the "
              f"pixels dark (text, lines, bars), {len(coloured)} distinct saturated colours "
              "(the verdict's band and the chart lines)")
        if distinct < 50 or share < 0.01 or not coloured:
            failures.append("the screenshot is blank or nearly so")

        pdf = os.path.join(scratch, "report.pdf")
        chromium(browser, scratch, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", url)
        text = subprocess.run([pdftotext, "-layout", pdf, "-"], capture_output=True, text=True,
                              check=True).stdout
        info = subprocess.run([pdfinfo, pdf], capture_output=True, text=True, check=True).stdout
        pages = next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
        size = next(line.split(":", 1)[1].strip() for line in info.splitlines()
                    if line.startswith("Page size:"))
        print(f"pdf: {pages} pages of {size}")
        verdict = status["verdict"]
        owed = status["penalties"]["owed"]
        whole, fraction = owed.split(".")
        owed_text = f"{int(whole):,}.{fraction} {status['currency']}"
        for needed in [verdict, owed_text] + [issue["id"] for issue in status["issues"]]:
            if needed not in text:
                failures.append(f"the PDF's text lacks {needed!r}")
    for failure in failures:
        print("FAIL:", failure)
    if failures:
        sys.exit(f"{len(failures)} failures")
    print("ok: a screenshot that is not blank and a PDF with the verdict, the owed figure and "
          "every issue id")


main()
