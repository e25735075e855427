"""The timeline page: one self-contained HTML file with timeline, map, text and index.

>>> from chronist.timeline import build_timeline
>>> from chronist.web.report import render_report
>>> timeline = build_timeline("Am 27. Juli 1953 schwiegen die Waffen.", recognizer=lambda d: [])
>>> render_report(timeline).startswith("<!DOCTYPE html>")
True
"""
