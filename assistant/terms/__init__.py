"""Terminology: the term base and term-conflict checks.

- ``termbase``: the project YAML records (``load_term_base(dir)`` → ``TermRecord``; used by the corpus index);
- ``base``: ``TermBase`` (entries from the YAML, GB/T 90001—2026, EU AI Act Article 3 and any documents given;
  ``lookup``, ``by_zh``/``by_en``, ``at(designation, number)``), ``build_term_base``, ``default_term_base``;
- ``check``: ``check_terms(document, base=None) -> list[TermFinding]`` (TRM-101 … TRM-109);
- ``concepts``: the key concepts of a definition (jieba with the base's names as glossary), which TRM-101 compares
  when e5 cannot tell a definition worded for the draft's field from another concept;
- ``rules``: registers those as check rules, so they join ``stdraft check`` (imported by the CLI).

Nothing is imported here: ``import assistant.terms.termbase`` must stay cheap for the corpus index.
"""
