"""Check the verb-form table against the UD German treebanks (GSD dev/test, PUD).

    .venv/bin/python training/verbs/check_ud.py [../shared/data/ud-de]

For every lower-case word of the treebanks that is not its own lemma: is it in
the table (``src/chronist/lang/de/verb_forms.tsv.gz``), and is it a VERB or AUX
there? Prints precision (share of table hits that are verbs) and recall (share
of such verb tokens that the table knows), and the lemma agreement on the hits.
Nothing of the treebanks is written anywhere.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "src" / "chronist" / "lang" / "de" / "verb_forms.tsv.gz"


def main() -> None:
    ud = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "ud-de"
    rows = gzip.decompress(TABLE.read_bytes()).decode("utf-8").splitlines()
    table = dict(row.split("\t", 1) for row in rows if row)
    hits = verbs_hit = verbs = same_lemma = 0
    for path in sorted(ud.rglob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) != 10 or not fields[0].isdigit():
                continue
            form, lemma, upos = fields[1], fields[2], fields[3]
            if not (form.isalpha() and form.islower()) or form == lemma:
                continue
            is_verb = upos in ("VERB", "AUX")
            verbs += is_verb
            if form in table:
                hits += 1
                verbs_hit += is_verb
                same_lemma += is_verb and table[form] == lemma
    print(f"table hits {hits}, of them VERB/AUX {verbs_hit}: precision {verbs_hit / hits:.3f}")
    print(f"VERB/AUX tokens {verbs}, in the table {verbs_hit}: recall {verbs_hit / verbs:.3f}")
    print(f"lemma agrees with the treebank on {same_lemma / verbs_hit:.3f} of the verb hits")


if __name__ == "__main__":
    main()
