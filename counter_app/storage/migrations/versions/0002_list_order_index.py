"""Indexes for the dossier list's order (newest first), alone and under a status or procedure filter.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 22:45:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossier_list_order", "dossier", ["submitted_at", "id"])
    op.create_index("ix_dossier_status_list_order", "dossier", ["status", "submitted_at", "id"])
    op.create_index("ix_dossier_procedure_list_order", "dossier", ["procedure_code", "submitted_at", "id"])


def downgrade() -> None:
    for name in ("ix_dossier_procedure_list_order", "ix_dossier_status_list_order", "ix_dossier_list_order"):
        op.drop_index(name, table_name="dossier")
