"""Alembic environment: migrations run on the connection the app hands over."""

from __future__ import annotations

from alembic import context

from counter_app.storage.orm import Base
from counter_app.storage.search import is_search_object

target_metadata = Base.metadata


def _include_name(name: str | None, type_: str, _parents: object) -> bool:
    return not is_search_object(name, type_)


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
