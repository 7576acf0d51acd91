"""Clause-aware retrieval: units in, ranked citable hits out.

This package knows units (text plus metadata); it never imports ``assistant``.
"""
