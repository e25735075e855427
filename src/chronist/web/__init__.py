"""The timeline page: one self-contained HTML file with timeline, map, text and index.

>>> from chronist.web.report import render_report
>>> from chronist.web.sample import sample_timeline
>>> render_report(sample_timeline()).startswith("<!DOCTYPE html>")
True
"""
