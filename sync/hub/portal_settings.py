"""The connector's settings: where the province's one-stop system (or its LGSP adapter in front of the national
portal) listens, how to log in, how often to retry, and which portal status code each Counter status is.

They live in `<hub data folder>/portal.toml`; the password never does: it comes from the environment variable
the file names (default COUNTER_PORTAL_PASSWORD). Without the file nothing is forwarded."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from counter_app.errors import ValidationError
from counter_app.lifecycle import Status

FILE_NAME = "portal.toml"

# TrangThaiHoSo codes of the national portal [B]: 1 mới đăng ký, 2 được tiếp nhận, 3 không được tiếp nhận,
# 4 đang xử lý, 5 yêu cầu bổ sung, 6 yêu cầu nghĩa vụ tài chính, 7 công dân rút hồ sơ, 8 dừng xử lý,
# 9 đã xử lý xong, 10 đã trả kết quả. Not seen in any official text: a province corrects them in [status_codes].
DEFAULT_STATUS_CODES: Mapping[str, str] = {
    Status.RECEIVED: "1", Status.ACCEPTED: "2", Status.COUNTER_SUPPLEMENT: "5", Status.REFUSED_AT_COUNTER: "3",
    Status.TRANSFERRED: "4", Status.IN_PROGRESS: "4", Status.SUPPLEMENT_REQUESTED: "5",
    Status.RESULT_READY: "9", Status.RETURNED: "10", Status.REFUSED: "3", Status.STOPPED: "8",
    Status.WITHDRAWN: "7",
}


@dataclass(frozen=True)
class PortalSettings:
    """What `portal.toml` says (see README «Chuyển hồ sơ lên hệ thống của tỉnh»)."""

    adapter_url: str
    integration_endpoint: str = "/"
    auth_endpoint: str = ""  # empty: no log-in step; else POST {"username", "password"} → {"session"}
    username: str = ""
    password_env: str = "COUNTER_PORTAL_PASSWORD"
    madonvi: str = ""  # the province's unit code the adapter expects beside each request
    don_vi_xu_ly: str = ""  # DonViXuLy; empty: the dossier's office code
    ca_bundle: str = ""  # a PEM file of CAs to trust for the adapter's certificate; empty: the system's
    timeout_seconds: float = 30.0
    max_attempts: int = 8
    backoff_initial_seconds: float = 30.0
    backoff_max_seconds: float = 3600.0
    batch: int = 50  # items sent per pass
    ok_codes: tuple[str, ...] = ("0", "00")
    duplicate_codes: tuple[str, ...] = ()  # the portal already holds it: counted as delivered
    status_codes: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_STATUS_CODES))
    field_codes: Mapping[str, str] = field(default_factory=dict)  # field name (lĩnh vực) → MaLinhVuc

    @property
    def url(self) -> str:
        return self.adapter_url.rstrip("/") + "/" + self.integration_endpoint.lstrip("/")

    @property
    def auth_url(self) -> str:
        return self.adapter_url.rstrip("/") + "/" + self.auth_endpoint.lstrip("/") if self.auth_endpoint else ""

    def password(self) -> str:
        return os.environ.get(self.password_env, "")

    def status_code(self, status: str) -> str:
        return self.status_codes.get(status, DEFAULT_STATUS_CODES.get(status, ""))


def settings_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def load(data_dir: Path) -> PortalSettings | None:
    """The settings, or None when the hub has no `portal.toml` (forwarding is off)."""
    path = settings_path(data_dir)
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValidationError("portal.settings", name=str(path), detail=str(error)[:200]) from error
    return parse(raw, str(path))


def parse(raw: Mapping[str, Any], name: str = FILE_NAME) -> PortalSettings:
    known = {item.name: item for item in fields(PortalSettings)}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise ValidationError("portal.settings", name=name, detail=f"unknown keys: {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        values[key] = _typed(key, value, name)
    if not str(values.get("adapter_url", "")).startswith(("http://", "https://")):
        raise ValidationError("portal.settings", name=name, detail="adapter_url must be an http(s) URL")
    if "status_codes" in values:
        values["status_codes"] = {**DEFAULT_STATUS_CODES, **values["status_codes"]}
    return PortalSettings(**values)


def _typed(key: str, value: Any, name: str) -> Any:
    """`value` checked against the setting's type; lists become tuples, tables string maps."""
    if key in ("ok_codes", "duplicate_codes"):
        if not isinstance(value, list):
            raise ValidationError("portal.settings", name=name, detail=f"{key} must be a list of strings")
        return tuple(str(item) for item in value)
    if key in ("status_codes", "field_codes"):
        if not isinstance(value, dict):
            raise ValidationError("portal.settings", name=name, detail=f"[{key}] must be a table")
        return {str(k): str(v) for k, v in value.items()}
    if key in ("timeout_seconds", "backoff_initial_seconds", "backoff_max_seconds", "max_attempts", "batch"):
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise ValidationError("portal.settings", name=name, detail=f"{key} must be a positive number")
        return int(value) if key in ("max_attempts", "batch") else float(value)
    if not isinstance(value, str):
        raise ValidationError("portal.settings", name=name, detail=f"{key} must be text")
    return value
