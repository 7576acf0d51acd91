"""Drafting in conversation: retrieve, prompt with cited units as data, verify citations, parse, check."""
