"""Diacritics-insensitive dossier search: FTS5 on SQLite, trigram-indexed word-prefix match on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Integer, Select, and_, column, text
from sqlalchemy.engine import Connection

from counter_app.storage.orm import DossierRow
from counter_app.textfold import tokens

FTS_TABLE = "dossier_fts"
PG_INDEX = "ix_dossier_search_trgm"

_SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(search_text, content='dossier', "
    "content_rowid='seq_no', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON dossier BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.seq_no, new.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON dossier BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.seq_no, old.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF search_text ON dossier BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.seq_no, old.search_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.seq_no, new.search_text); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
)
_POSTGRES_DDL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON dossier USING gin (search_text gin_trgm_ops)",
)


def is_search_object(name: str | None, type_: str) -> bool:
    """The FTS table, its shadow tables and the trigram index: created here, not by Alembic's models."""
    if type_ == "table":
        return name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_"))
    return type_ == "index" and name == PG_INDEX


def install_search_index(connection: Connection) -> None:
    """Create (or re-create after a batch migration dropped its triggers) the index, and fill it."""
    ddl = _SQLITE_DDL if connection.dialect.name == "sqlite" else _POSTGRES_DDL
    for statement in ddl:
        connection.exec_driver_sql(statement)


def drop_search_index(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        for suffix in ("_ai", "_ad", "_au"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {FTS_TABLE}{suffix}")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    else:
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")


def matching(query: Select[DossierRow], words: str, dialect: str) -> Select[DossierRow]:
    """`query` narrowed to dossiers where every folded word of `words` starts a word of the dossier."""
    found = tokens(words)
    if not found:
        return query.where(text("1 = 0"))
    if dialect == "sqlite":
        expression = " AND ".join(f'"{token}"*' for token in found)
        hits = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :expression")
        rowids = hits.bindparams(expression=expression).columns(column("rowid", Integer))
        return query.where(DossierRow.seq_no.in_(rowids))
    return query.where(and_(*[_word_prefix(token) for token in found]))


def _word_prefix(token: str) -> ColumnElement[bool]:
    return DossierRow.search_text.regexp_match(f"(^| ){token}")
