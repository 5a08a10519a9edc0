"""Which blobs the provincial hub has received whole: the rest of the outbox is the event table itself.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 01:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counter_app.storage.types import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_blob",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("acknowledged_at", UTCDateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_blob")
