"""Initial schema: office, catalogue, dossiers and events, users, audit log, blobs, calendar.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 08:03:23.307541
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import counter_app.storage.types
from counter_app.storage.search import drop_search_index, install_search_index

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_user',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username'))
    )
    op.create_table('audit_entry',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('subject', sa.String(length=100), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entry'))
    )
    op.create_table('blob',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('created_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_blob'))
    )
    op.create_table('calendar_override',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_calendar_override'))
    )
    op.create_table('counter',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counter'))
    )
    op.create_table('device',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('block_start', sa.Integer(), nullable=False),
    sa.Column('block_end', sa.Integer(), nullable=False),
    sa.Column('created_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device'))
    )
    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=35), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('province', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('place_name', sa.String(length=200), nullable=False),
    sa.Column('communes', sa.JSON(), nullable=False),
    sa.Column('postal_agreement', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office'))
    )
    op.create_table('procedure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('field', sa.String(length=200), nullable=False),
    sa.Column('processing_days', sa.Integer(), nullable=False),
    sa.Column('cutoff_applies', sa.Boolean(), nullable=False),
    sa.Column('fee', sa.JSON(), nullable=False),
    sa.Column('postal_eligible', sa.Boolean(), nullable=False),
    sa.Column('presence_required', sa.Boolean(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('name_fold', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure')),
    sa.UniqueConstraint('code', 'effective_from', name=op.f('uq_procedure_code'))
    )
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedure_code'), ['code'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('dossier',
    sa.Column('seq_no', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=True),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('procedure_code', sa.String(length=60), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('applicant_name', sa.String(length=300), nullable=False),
    sa.Column('applicant_id_number', sa.String(length=20), nullable=False),
    sa.Column('applicant_birth_date', sa.Date(), nullable=True),
    sa.Column('applicant_sex', sa.String(length=10), nullable=True),
    sa.Column('applicant_address', sa.String(length=500), nullable=False),
    sa.Column('applicant_phone', sa.String(length=30), nullable=False),
    sa.Column('applicant_email', sa.String(length=200), nullable=False),
    sa.Column('submitter', sa.JSON(), nullable=True),
    sa.Column('submitted_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('due_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('result_ready_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('returned_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('delivery', sa.String(length=20), nullable=False),
    sa.Column('delivery_address', sa.String(length=500), nullable=False),
    sa.Column('postal_item_in', sa.String(length=40), nullable=False),
    sa.Column('fee_amount', sa.Integer(), nullable=False),
    sa.Column('register_year', sa.Integer(), nullable=True),
    sa.Column('register_number', sa.Integer(), nullable=True),
    sa.Column('extension_count', sa.Integer(), nullable=False),
    sa.Column('supplement_count', sa.Integer(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('updated_at', counter_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['device.id'], name=op.f('fk_dossier_device_id_device')),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure.id'], name=op.f('fk_dossier_procedure_id_procedure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier')),
    sa.UniqueConstraint('code', name=op.f('uq_dossier_code')),
    sa.UniqueConstraint('seq_no', name=op.f('uq_dossier_seq_no'))
    )
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.create_index('ix_dossier_accepted_at', ['accepted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_applicant_id_number'), ['applicant_id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_procedure_code'), ['procedure_code'], unique=False)
        batch_op.create_index('ix_dossier_status_due', ['status', 'due_at'], unique=False)

    op.create_table('required_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('template', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure.id'], name=op.f('fk_required_document_procedure_id_procedure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_required_document'))
    )
    with op.batch_alter_table('required_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_required_document_procedure_id'), ['procedure_id'], unique=False)

    op.create_table('dossier_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('device_time', counter_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['device.id'], name=op.f('fk_dossier_event_device_id_device')),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_dossier_event_dossier_id_dossier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_event')),
    sa.UniqueConstraint('device_id', 'seq', name='uq_dossier_event_device_seq')
    )
    with op.batch_alter_table('dossier_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_event_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('received_document',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('blob_sha256', sa.String(length=64), nullable=True),
    sa.Column('signed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['blob_sha256'], ['blob.sha256'], name=op.f('fk_received_document_blob_sha256_blob')),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_received_document_dossier_id_dossier'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_received_document'))
    )
    with op.batch_alter_table('received_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_received_document_dossier_id'), ['dossier_id'], unique=False)
    install_search_index(op.get_bind())


def downgrade() -> None:
    drop_search_index(op.get_bind())
    with op.batch_alter_table('received_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_received_document_dossier_id'))

    op.drop_table('received_document')
    with op.batch_alter_table('dossier_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_event_dossier_id'))

    op.drop_table('dossier_event')
    with op.batch_alter_table('required_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_required_document_procedure_id'))

    op.drop_table('required_document')
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_index('ix_dossier_status_due')
        batch_op.drop_index(batch_op.f('ix_dossier_procedure_code'))
        batch_op.drop_index(batch_op.f('ix_dossier_applicant_id_number'))
        batch_op.drop_index('ix_dossier_accepted_at')

    op.drop_table('dossier')
    op.drop_table('setting')
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedure_code'))

    op.drop_table('procedure')
    op.drop_table('office')
    op.drop_table('device')
    op.drop_table('counter')
    op.drop_table('calendar_override')
    op.drop_table('blob')
    op.drop_table('audit_entry')
    op.drop_table('app_user')
