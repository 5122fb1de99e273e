#!/usr/bin/env python3
"""Regenerates Sources/Core/DisplayWidthTable.swift and the test fixture of sample widths.

The terminal width of each code point comes from the `wcwidth` package when it is installed
(maintained for terminals, latest Unicode), else from Python's `unicodedata`:

- 0: controls (C0, DEL, C1), combining marks (Mn, Me, Mc), format characters (Cf,
  except U+00AD SOFT HYPHEN, U+0600..U+0605 and similar prepended signs that print),
  line/paragraph separators, Hangul medial vowels and final consonants (U+1160..U+11FF,
  U+D7B0..U+D7FF), and the zero-width space U+200B;
- 2: East Asian Wide (W) and Fullwidth (F), which include the emoji with default emoji
  presentation, and the unassigned code points of the CJK blocks and planes;
- 1: everything else (East Asian Ambiguous counts 1, as in Western terminals).

The table lists only the ranges whose width is not 1. A second table lists the characters
that become 2 columns wide when followed by U+FE0F VARIATION SELECTOR-16 (❤ → ❤️).

Writes:
  Sources/Core/DisplayWidthTable.swift             the ranges, as Swift source
  Tests/CoreTests/DisplayWidthSamples.swift        a few hundred code points with their
                                                   width from the same oracle (Swift source,
                                                   so the test target has no resource files)

Run `python3 scripts/display_width_table.py` after upgrading `wcwidth`; commit both outputs.
The fixture is chosen deterministically (fixed seed), so re-running without a new Unicode
version gives identical files.
"""
import pathlib
import random
import sys
import unicodedata

try:
    import wcwidth  # type: ignore
except ImportError:  # pragma: no cover - depends on the machine
    wcwidth = None

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = ROOT / "Sources/Core/DisplayWidthTable.swift"
FIXTURE = ROOT / "Tests/CoreTests/DisplayWidthSamples.swift"
MAX_CODE_POINT = 0x10FFFF
SURROGATES = range(0xD800, 0xE000)

# Format characters that print a visible sign (prepended concatenation marks, soft hyphen).
PRINTING_FORMAT = {0x00AD, 0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F,
                   0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD}


def unicodedata_width(cp):
    """Width of one code point from Python's unicodedata alone."""
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return 0
    if 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF or cp == 0x200B:
        return 0
    c = chr(cp)
    category = unicodedata.category(c)
    if category in ("Mn", "Me", "Mc", "Zl", "Zp") or (category == "Cf" and cp not in PRINTING_FORMAT):
        return 0
    if category == "Cn":
        # Unassigned: wide only in the CJK blocks and planes (UAX #11 defaults); Python
        # reports "F" for every unassigned code point, which is not what terminals do.
        cjk = (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF
               or 0x20000 <= cp <= 0x3FFFD)
        return 2 if cjk else 1
    if unicodedata.east_asian_width(c) in ("W", "F"):
        return 2
    return 1


def oracle_width(cp):
    """Width of one code point: wcwidth when installed (its -1 for controls becomes 0)."""
    if wcwidth is None:
        return unicodedata_width(cp)
    return max(0, wcwidth.wcwidth(chr(cp)))


def vs16_ranges():
    """Ranges of characters that VS16 turns from 1 to 2 columns."""
    if wcwidth is not None:
        from wcwidth import table_vs16  # type: ignore
        table = table_vs16.VS16_NARROW_TO_WIDE
        return [tuple(r) for r in table[sorted(table)[-1]]]
    # Without wcwidth: the keycap bases and the narrow symbols with an emoji variant that
    # unicodedata can recognise (So/Sm outside the wide ranges, in the symbol blocks).
    cps = [0x23, 0x2A] + list(range(0x30, 0x3A)) + [0xA9, 0xAE]
    for cp in list(range(0x2000, 0x3300)) + list(range(0x1F000, 0x1FB00)):
        c = chr(cp)
        if unicodedata.category(c) in ("So", "Sm") and unicodedata_width(cp) == 1:
            cps.append(cp)
    return ranges_of(sorted(cps))


def ranges_of(cps):
    result = []
    for cp in cps:
        if result and result[-1][1] == cp - 1:
            result[-1] = (result[-1][0], cp)
        else:
            result.append((cp, cp))
    return result


def name(cp):
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return "<control>"
    return unicodedata.name(chr(cp), "<unassigned>")


def width_ranges(widths):
    """(first, last, width) for every maximal run of code points whose width is not 1."""
    ranges = []
    for cp in range(MAX_CODE_POINT + 1):
        if cp in SURROGATES:
            continue
        w = widths[cp]
        if w == 1:
            continue
        if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == w:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp, w])
    return ranges


def source_description():
    if wcwidth is not None:
        versions = wcwidth.list_versions()
        return (f"wcwidth {wcwidth.__version__} (Unicode {versions[-1]}); "
                f"Python unicodedata {unicodedata.unidata_version} not used for widths")
    return f"Python unicodedata {unicodedata.unidata_version} (wcwidth not installed)"


def swift_table(ranges, vs16):
    out = [
        "// Generated by scripts/display_width_table.py. Do not edit; re-run the script.",
        f"// Source: {source_description()}.",
        "",
        "extension DisplayWidth {",
        "    /// Code point ranges whose display width is not 1, sorted and disjoint, as flat",
        "    /// triples (first, last, width): width 0 for controls, combining and zero-width",
        "    /// characters, 2 for East Asian Wide and Fullwidth (including emoji presentation).",
        "    static let nonNarrowRanges: [UInt32] = [",
    ]
    for first, last, w in ranges:
        label = name(first) if first == last else f"{name(first)}..{name(last)}"
        out.append(f"        0x{first:05X}, 0x{last:05X}, {w},  // {label}")
    out += [
        "    ]",
        "",
        "    /// Code point ranges (first, last) that VS16 (U+FE0F) turns from 1 column to 2.",
        "    static let emojiVariationBases: [UInt32] = [",
    ]
    for first, last in vs16:
        label = name(first) if first == last else f"{name(first)}..{name(last)}"
        out.append(f"        0x{first:05X}, 0x{last:05X},  // {label}")
    out += ["    ]", "}", ""]
    return "\n".join(out)


def fixture(ranges, widths):
    """A deterministic sample: landmarks, the edges of every wide range and of a spread of
    zero-width ranges, and random code points from every plane in use."""
    picks = {0x41, 0x7E, 0x7F, 0x0A, 0x09, 0xA0, 0xAD, 0x4E2D, 0x3000, 0xFF08, 0xFF09, 0xFF1D,
             0x0301, 0x200B, 0x200D, 0xFE0F, 0x1F44D, 0x1F468, 0x1F1E8, 0x1F3FB, 0x1160, 0xAC00,
             0x2026, 0x2500, 0x2212, 0x3010, 0x3011, 0xFF0C, 0x10FFFF, 0xE0001, 0x20000}
    rng = random.Random(20240611)
    wide = [r for r in ranges if r[2] == 2]
    zero = [r for r in ranges if r[2] == 0]
    edges = wide[:: max(1, len(wide) // 60)] + zero[:: max(1, len(zero) // 30)]
    for first, last, _ in edges:
        for cp in (first - 1, first, last, last + 1):
            picks.add(cp)
    for _ in range(150):
        plane = rng.choice([0, 0, 0, 0, 1, 2, 3, 14])
        picks.add(plane * 0x10000 + rng.randrange(0x10000))
    lines = [
        "// Generated by scripts/display_width_table.py. Do not edit; re-run the script.",
        f"// Source: {source_description()}.",
        "",
        "/// Sample code points and their display width from the generator's oracle, as flat",
        "/// pairs (code point, width); checked against `DisplayWidth` by `DisplayWidthTests`.",
        "let displayWidthSamples: [UInt32] = [",
    ]
    for cp in sorted(picks):
        if 0 <= cp <= MAX_CODE_POINT and cp not in SURROGATES:
            lines.append(f"    0x{cp:05X}, {widths[cp]},  // {name(cp)}")
    lines.append("]")
    return "\n".join(lines) + "\n"


def main():
    widths = [1] * (MAX_CODE_POINT + 1)
    disagreements = 0
    for cp in range(MAX_CODE_POINT + 1):
        if cp in SURROGATES:
            continue
        widths[cp] = oracle_width(cp)
        if wcwidth is not None and widths[cp] != unicodedata_width(cp):
            disagreements += 1
    ranges = width_ranges(widths)
    vs16 = vs16_ranges()
    TABLE.write_text(swift_table(ranges, vs16), encoding="utf-8")
    FIXTURE.write_text(fixture(ranges, widths), encoding="utf-8")
    print(f"{TABLE.relative_to(ROOT)}: {len(ranges)} ranges, {len(vs16)} VS16 ranges; "
          f"{FIXTURE.relative_to(ROOT)}; source: {source_description()}", file=sys.stderr)
    if wcwidth is not None:
        print(f"code points where wcwidth and unicodedata {unicodedata.unidata_version} differ "
              f"(mostly newer Unicode): {disagreements}", file=sys.stderr)


if __name__ == "__main__":
    main()
