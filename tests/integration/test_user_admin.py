"""User administration in the core: the list, deactivation (never the last administrator), password and PIN."""

from __future__ import annotations

import pytest

from counter_app.errors import AuthError, ValidationError
from counter_app.services import users
from counter_app.storage.database import Database

PASSWORD = "mật-khẩu-dài-12"


def test_deactivated_users_cannot_log_in_and_the_last_admin_stays(db: Database) -> None:
    users.create_user(db, "admin", "Quản trị viên", "admin", PASSWORD)
    users.create_user(db, "anh", "Trần Thị Ngọc Ánh", "clerk", PASSWORD, "admin")
    assert [u.username for u in users.list_users(db)] == ["admin", "anh"]
    users.set_active(db, "anh", False, "admin")
    with pytest.raises(AuthError):
        users.authenticate(db, "anh", PASSWORD)
    assert [u.username for u in users.list_users(db)] == ["admin", "anh"]  # kept, listed after the active ones
    with pytest.raises(ValidationError) as refused:
        users.set_active(db, "admin", False, "admin")
    assert refused.value.key == "user.last_admin"
    users.set_active(db, "anh", True, "admin")
    assert users.authenticate(db, "anh", PASSWORD).active
    assert users.full_names(db) == {"admin": "Quản trị viên", "anh": "Trần Thị Ngọc Ánh"}


def test_reset_and_change_password_and_pin(db: Database) -> None:
    users.create_user(db, "anh", "Trần Thị Ngọc Ánh", "clerk", PASSWORD)
    users.set_pin(db, "anh", "2468")
    users.reset_password(db, "anh", "tạm-thời-123", "admin")
    assert not users.check_pin(db, "anh", "2468")  # a reset clears the PIN too
    with pytest.raises(AuthError):
        users.change_password(db, "anh", PASSWORD, "mới-hơn-12345")  # the old password no longer works
    users.change_password(db, "anh", "tạm-thời-123", "mới-hơn-12345")
    users.change_pin(db, "anh", "mới-hơn-12345", "1357")
    assert users.check_pin(db, "anh", "1357") and users.authenticate(db, "anh", "mới-hơn-12345")
    with pytest.raises(ValidationError):
        users.reset_password(db, "ai-đó", PASSWORD, "admin")
