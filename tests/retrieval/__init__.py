"""Tests of the retrieval package; they mirror its modules."""
