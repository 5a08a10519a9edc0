"""Index for the dossier list's order (newest first), so that keyset paging stays fast at any depth.

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


def downgrade() -> None:
    op.drop_index("ix_dossier_list_order", table_name="dossier")
