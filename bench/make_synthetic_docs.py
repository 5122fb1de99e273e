#!/usr/bin/env python3
"""Write N synthetic disclosure texts for the import-throughput benchmark (bench.py section g).

Each document is one of the three Shanghai fixtures (fixtures/disclosures/2024-shanghai-putuo-*.txt)
with the unit's distinctive name word replaced by a numbered one, everywhere it is printed
(title, overview, table headings, narrative, subunits): `N` documents are `N` different units of
one region, so every file is a new disclosure (its own sha256) with a real document's tables,
narrative and paragraphs. The figures are the fixture's, so every document imports as cleanly
as its fixture.

usage: make_synthetic_docs.py N OUT_DIR      (writes OUT_DIR/doc-00001.txt …; reuses OUT_DIR when it
                                              already holds exactly N documents)
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "fixtures", "disclosures")

# (fixture, the word naming the unit in it): the word is replaced by `合成{n}` + its last character
# (局, 部), so the names stay the kind of name the reader expects.
TEMPLATES = [
    ("2024-shanghai-putuo-caizhengju.txt", "财政局"),
    ("2024-shanghai-putuo-guihuaziyuanju.txt", "规划和自然资源局"),
    ("2024-shanghai-putuo-shehuigongzuobu.txt", "社会工作部"),
]


def synthetic(text, word, number):
    """The text with `word` renamed, also where a line break splits it (a wrapped title)."""
    replacement = f"合成{number:05d}{word[-1]}"
    pattern = "\n?".join(re.escape(c) for c in word)

    def renamed(match):
        cut = match.group(0).find("\n")
        if cut < 0:
            return replacement
        cut = min(cut, len(replacement) - 1)
        return replacement[:cut] + "\n" + replacement[cut:]
    return re.sub(pattern, renamed, text)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    existing = sorted(name for name in os.listdir(out) if name.startswith("doc-"))
    if len(existing) == count:
        print(out)
        return
    for name in existing:
        os.remove(os.path.join(out, name))
    texts = []
    for fixture, word in TEMPLATES:
        with open(os.path.join(FIXTURES, fixture), encoding="utf-8") as f:
            texts.append((f.read(), word))
    for number in range(1, count + 1):
        text, word = texts[number % len(texts)]
        with open(os.path.join(out, f"doc-{number:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(synthetic(text, word, number))
    print(out)


if __name__ == "__main__":
    main()
