"""Procedures as published: cases, per-channel time limits and fees with their text, document flags;
long texts as TEXT; dossiers record the case, the terms applied and copies to certify.

Every existing procedure becomes one case holding its documents; its days and fee become the direct
channel's terms.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 05:00:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from counter_app.storage.search import install_search_index

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_LEGACY_FEE = {"free": "none"}


def upgrade() -> None:
    op.create_table(
        "procedure_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"],
                                name=op.f("fk_procedure_case_procedure_id_procedure"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_case")),
    )
    with op.batch_alter_table("procedure_case") as table:
        table.create_index(table.f("ix_procedure_case_procedure_id"), ["procedure_id"], unique=False)
    op.execute("INSERT INTO procedure_case (procedure_id, number, name, terms) SELECT id, 1, '', '[]' FROM procedure")
    _documents()
    _procedures()
    _dossiers()
    install_search_index(op.get_bind())  # a rebuilt dossier table loses the full-text triggers


def _documents() -> None:
    with op.batch_alter_table("required_document") as table:
        table.add_column(sa.Column("case_id", sa.Integer(), nullable=True))
        for column in ("originals", "certified_copies", "copies"):
            table.add_column(sa.Column(column, sa.Integer(), nullable=False, server_default="0"))
        table.add_column(sa.Column("show_only", sa.Boolean(), nullable=False, server_default=sa.false()))
        table.add_column(sa.Column("condition", sa.Text(), nullable=False, server_default=""))
        table.add_column(sa.Column("alt_group", sa.Text(), nullable=False, server_default=""))
        table.alter_column("name", type_=sa.Text(), existing_nullable=False)
        table.alter_column("template", type_=sa.Text(), existing_nullable=False)
    op.execute(
        "UPDATE required_document SET "
        "case_id = (SELECT c.id FROM procedure_case c WHERE c.procedure_id = required_document.procedure_id), "
        "originals = CASE WHEN kind = 'original' THEN quantity ELSE 0 END, "
        "certified_copies = CASE WHEN kind = 'certified_copy' THEN quantity ELSE 0 END, "
        "copies = CASE WHEN kind = 'copy' THEN quantity ELSE 0 END"
    )
    with op.batch_alter_table("required_document") as table:
        table.drop_index("ix_required_document_procedure_id")
        table.drop_constraint("fk_required_document_procedure_id_procedure", type_="foreignkey")
        table.drop_column("procedure_id")
        table.alter_column("case_id", existing_type=sa.Integer(), nullable=False)
        table.create_foreign_key(table.f("fk_required_document_case_id_procedure_case"), "procedure_case",
                                 ["case_id"], ["id"], ondelete="CASCADE")
        table.create_index(table.f("ix_required_document_case_id"), ["case_id"], unique=False)


def _procedures() -> None:
    with op.batch_alter_table("procedure") as table:
        table.add_column(sa.Column("terms", sa.JSON(), nullable=True))
        table.add_column(sa.Column("details", sa.JSON(), nullable=True))
        table.add_column(sa.Column("digest", sa.String(64), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, processing_days, fee FROM procedure")).all()
    for row in rows:
        fee = row.fee if isinstance(row.fee, dict) else json.loads(row.fee)
        connection.execute(
            sa.text("UPDATE procedure SET terms = :terms, details = :details WHERE id = :id"),
            {"terms": json.dumps([_direct_terms(int(row.processing_days), fee)]), "details": "{}", "id": row.id},
        )
    with op.batch_alter_table("procedure") as table:
        table.alter_column("terms", existing_type=sa.JSON(), nullable=False)
        table.alter_column("details", existing_type=sa.JSON(), nullable=False)
        table.drop_column("processing_days")
        table.drop_column("fee")
        for column in ("name", "field", "name_fold"):
            table.alter_column(column, type_=sa.Text(), existing_nullable=False)


def _direct_terms(days: int, fee: dict[str, Any]) -> dict[str, Any]:
    limit = ({"unit": "same_day", "amount": 0, "text": "Trong ngày"} if days == 0 else
             {"unit": "working_days", "amount": days, "text": f"{days:02d} ngày làm việc"})
    kind = _LEGACY_FEE.get(str(fee.get("kind")), str(fee.get("kind") or "unknown"))
    return {"channel": "direct", "time_limit": limit,
            "fee": {**fee, "kind": kind, "currency": "VND", "text": str(fee.get("note") or "")}}


def _dossiers() -> None:
    with op.batch_alter_table("dossier") as table:
        table.add_column(sa.Column("fee_known", sa.Boolean(), nullable=False, server_default=sa.true()))
        table.add_column(sa.Column("fee_currency", sa.String(10), nullable=False, server_default="VND"))
        table.add_column(sa.Column("case_number", sa.Integer(), nullable=False, server_default="1"))
        table.add_column(sa.Column("applied_terms", sa.JSON(), nullable=True))
    with op.batch_alter_table("received_document") as table:
        table.add_column(sa.Column("certify", sa.Integer(), nullable=False, server_default="0"))
        table.alter_column("name", type_=sa.Text(), existing_nullable=False)


def downgrade() -> None:
    """Back to one document list and a number of days per procedure: the first case and the direct channel
    are kept. SQLite rebuilds only child tables here (a rebuilt parent would cascade into its children while
    foreign keys are on); parent tables change by ALTER TABLE … DROP COLUMN."""
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    for column in ("fee_known", "fee_currency", "case_number", "applied_terms"):
        op.execute(f"ALTER TABLE dossier DROP COLUMN {column}")
    with op.batch_alter_table("received_document") as table:
        table.drop_column("certify")
        if not sqlite:
            table.alter_column("name", type_=sa.String(500), existing_nullable=False)
    _documents_back(sqlite)
    _procedures_back(sqlite)
    install_search_index(connection)


def _documents_back(sqlite: bool) -> None:
    with op.batch_alter_table("required_document") as table:
        table.add_column(sa.Column("procedure_id", sa.Integer(), nullable=True))
    op.execute("DELETE FROM required_document WHERE case_id IN (SELECT id FROM procedure_case WHERE number <> 1)")
    op.execute("UPDATE required_document SET procedure_id = "
               "(SELECT c.procedure_id FROM procedure_case c WHERE c.id = required_document.case_id)")
    with op.batch_alter_table("required_document") as table:
        table.drop_index("ix_required_document_case_id")
        table.drop_constraint("fk_required_document_case_id_procedure_case", type_="foreignkey")
        table.drop_column("case_id")
        for column in ("originals", "certified_copies", "copies", "show_only", "condition", "alt_group"):
            table.drop_column(column)
        table.alter_column("procedure_id", existing_type=sa.Integer(), nullable=False)
        table.create_foreign_key("fk_required_document_procedure_id_procedure", "procedure", ["procedure_id"],
                                 ["id"], ondelete="CASCADE")
        table.create_index("ix_required_document_procedure_id", ["procedure_id"], unique=False)
        if not sqlite:
            table.alter_column("name", type_=sa.String(500), existing_nullable=False)
            table.alter_column("template", type_=sa.String(200), existing_nullable=False)
    op.drop_table("procedure_case")


def _procedures_back(sqlite: bool) -> None:
    op.add_column("procedure", sa.Column("processing_days", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("procedure", sa.Column("fee", sa.JSON(), nullable=False, server_default="{}"))
    connection = op.get_bind()
    for row in connection.execute(sa.text("SELECT id, terms FROM procedure")).all():
        terms = row.terms if isinstance(row.terms, list) else json.loads(row.terms)
        direct = next((t for t in terms if t.get("channel") == "direct"), terms[0] if terms else {})
        limit, fee = direct.get("time_limit", {}), dict(direct.get("fee", {}))
        days = int(limit.get("amount") or 0) if limit.get("unit") == "working_days" else 0
        fee["kind"] = "free" if fee.get("kind") in (None, "none", "unknown") else fee["kind"]
        legacy = {k: fee[k] for k in ("kind", "amount", "first_pages", "first_page_amount", "later_page_amount",
                                      "cap_per_copy", "note") if k in fee}
        connection.execute(sa.text("UPDATE procedure SET processing_days = :days, fee = :fee WHERE id = :id"),
                           {"days": days, "fee": json.dumps(legacy), "id": row.id})
    for column in ("terms", "details", "digest"):
        op.execute(f"ALTER TABLE procedure DROP COLUMN {column}")
    if not sqlite:
        for column, length in (("name", 500), ("field", 200), ("name_fold", 500)):
            op.alter_column("procedure", column, type_=sa.String(length), existing_nullable=False)
