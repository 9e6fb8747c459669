#!/usr/bin/python3
"""Prints the code-point ranges of src/util/display_width.cpp from Python's Unicode database:
the characters a terminal shows two columns wide (East Asian Width W and F; unassigned ones
only where ideographs go) and those it shows
in no column of their own (combining marks Mn and Me, format characters Cf but the soft
hyphen, and the Hangul medial vowels and final consonants, which join the syllable before).

usage: src/util/display_width_ranges.py > ranges.txt   (then paste them into display_width.cpp)
"""
import sys
import unicodedata


def ranges(test):
    found, start = [], None
    for cp in range(0x110000):
        inside = test(cp)
        if inside and start is None:
            start = cp
        if not inside and start is not None:
            found.append((start, cp - 1))
            start = None
    if start is not None:
        found.append((start, 0x10FFFF))
    return found


# Unassigned code points are wide only in the blocks and planes UAX #11 reserves for ideographs
# (Python's database calls the others F).
IDEOGRAPHS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD),
              (0x30000, 0x3FFFD))


def wide(cp):
    if unicodedata.category(chr(cp)) == "Cn":
        return any(a <= cp <= b for a, b in IDEOGRAPHS)
    return unicodedata.east_asian_width(chr(cp)) in ("W", "F")


def zero(cp):
    if cp == 0xAD:
        return False
    return (unicodedata.category(chr(cp)) in ("Mn", "Me", "Cf") or 0x1160 <= cp <= 0x11FF)


def show(name, found):
    print(f"// {name}: {len(found)} ranges (Unicode {unicodedata.unidata_version})")
    for i in range(0, len(found), 3):
        print("    " + " ".join(f"{{0x{a:04X}, 0x{b:04X}}}," for a, b in found[i:i + 3]))


show("two columns", ranges(wide))
show("no column", ranges(zero))
sys.exit(0)
