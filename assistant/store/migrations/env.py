"""Alembic environment: always run in-process with the application's own connection (no alembic.ini)."""

from __future__ import annotations

from alembic import context

from assistant.store.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=True)  # SQLite cannot ALTER most things; batch mode copies the table
with context.begin_transaction():
    context.run_migrations()
