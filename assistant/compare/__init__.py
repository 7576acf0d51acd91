"""Clause-by-clause comparison of two documents: alignment, change classification, reports.

    from assistant.compare import compare_documents
    result = compare_documents(left_doc, right_doc)          # mode chosen from the languages
    result.pairs[0].left, result.pairs[0].right, result.pairs[0].status
"""

from assistant.compare.api import compare_documents, compare_files
from assistant.compare.model import Comparison, DiffOp, PairResult, Status, Summary

__all__ = ["Comparison", "DiffOp", "PairResult", "Status", "Summary", "compare_documents", "compare_files"]
