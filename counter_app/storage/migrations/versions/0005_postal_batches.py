"""Postal batches: envelopes received from the post and results dispatched to it, with outcomes and fees.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counter_app.storage.types import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "postal_batch",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ref", sa.String(20), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("postal_worker", sa.String(300), nullable=False, server_default=""),
        sa.Column("opened_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.String(100), nullable=False),
        sa.Column("closed_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=False, server_default=""),
        sa.Column("device_id", sa.Uuid(), sa.ForeignKey("device.id", name="fk_postal_batch_device_id_device"),
                  nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_postal_batch"),
        sa.UniqueConstraint("ref", name="uq_postal_batch_ref"),
    )
    op.create_index("ix_postal_batch_status", "postal_batch", ["status"])
    op.create_table(
        "postal_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Uuid(), sa.ForeignKey("postal_batch.id", ondelete="CASCADE",
                                                     name="fk_postal_item_batch_id_postal_batch"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_number", sa.String(40), nullable=False),
        sa.Column("dossier_id", sa.Uuid(), sa.ForeignKey("dossier.id", name="fk_postal_item_dossier_id_dossier"),
                  nullable=True),
        sa.Column("envelope", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("outcome_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("fee_amount", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("weight_class", sa.String(40), nullable=False, server_default=""),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_postal_item"),
        sa.UniqueConstraint("batch_id", "item_number", name="uq_postal_item_batch_number"),
    )
    for column in ("batch_id", "item_number", "dossier_id"):
        op.create_index(f"ix_postal_item_{column}", "postal_item", [column])


def downgrade() -> None:
    op.drop_table("postal_item")
    op.drop_table("postal_batch")
