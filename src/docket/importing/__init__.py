"""Importing letters from a spreadsheet (csv2cmi's columns) or a CMIF file into a site.

Readers (``sheet``, ``cmif``) turn each row or ``correspDesc`` into an :class:`Entry` of
plain names and EDTF text; ``register`` matches its names to the site's entities or makes
new ones; ``job`` writes what is new through ``writing``. Nothing existing is changed.
"""
