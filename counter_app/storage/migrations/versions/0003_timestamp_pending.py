"""A received document's signed PDF may wait for a time-stamp authority: remember it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 23:25:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("received_document") as table:
        table.add_column(sa.Column("timestamp_pending", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("received_document") as table:
        table.drop_column("timestamp_pending")
