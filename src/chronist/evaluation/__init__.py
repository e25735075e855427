"""Scoring temporal tagging against gold corpora (``chronist eval``).

``corpora`` reads TIMEX2 inline and TimeML corpora, ``scoring`` matches and
counts TempEval-3 style, ``report`` prints the results, ``command`` is the CLI.
"""
