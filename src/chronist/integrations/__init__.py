"""Adapters to other frameworks, each behind an optional extra.

Nothing here is imported by the core: ``chronist.integrations.spacy`` needs the
``spacy`` extra (``pip install 'chronist[spacy]'``).
"""
