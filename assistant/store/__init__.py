"""Conversations and the drafts they belong to, persisted with SQLAlchemy 2 (SQLite by default)."""
