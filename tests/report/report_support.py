"""What the report tests share: running `remedy report` on a copy of a plan outside any git
repository (so that the page does not depend on the project's own history), and reading the
page with a strict HTML5 parser."""
import os
import shutil
import subprocess
import tempfile

import html5lib

# The date stamps of every output are fixed; the page itself holds none, and must not change.
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1793491200", NO_COLOR="1", TZ="UTC")


def plan_copy(plan, scratch):
    """The plan copied into `scratch`, a folder git does not track."""
    copy = os.path.join(scratch, "remedy.toml")
    shutil.copyfile(plan, copy)
    return copy


def run_remedy(remedy, *args, check=True):
    done = subprocess.run([remedy, *args], capture_output=True, text=True, env=ENV)
    if check and done.returncode != 0:
        raise SystemExit(f"remedy {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done


def report(remedy, plan, as_of):
    return run_remedy(remedy, "report", "-f", plan, "--as-of", as_of).stdout


def parse_strict(page):
    """The document tree, or SystemExit naming the first parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return parser.parse(page)
    except html5lib.html5parser.ParseError as error:
        line, column = parser.errors[0][0] if parser.errors else ("?", "?")
        lines = page.splitlines()
        context = lines[line - 1] if isinstance(line, int) and line <= len(lines) else ""
        raise SystemExit(f"not strict HTML5: {error} at {line}:{column}\n{context}")


def text_of(element):
    return "".join(element.itertext())


def figures(tree):
    """Every element with a data-figure, by its name: a list of their texts (the ledger has one
    penalty per issue)."""
    found = {}
    for element in tree.iter():
        name = element.get("data-figure")
        if name:
            found.setdefault(name, []).append(text_of(element).strip())
    return found


def scratch_dir():
    return tempfile.TemporaryDirectory(prefix="remedy-report-test.")
