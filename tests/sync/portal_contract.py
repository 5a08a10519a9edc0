"""A stand-in for the province's one-stop system / LGSP adapter, written for the tests from the documented
dossier-sync shape (DOMAIN.md §7b, [W]): it checks every field's presence, type and format, keeps what it
was sent, tells duplicates, and can be told to fail (HTTP 5xx, an error code, a timeout, a dropped
connection). The real endpoint could not be reached from here: this server is the contract we assume."""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

STAMP = r"^\d{14}$"
OPTIONAL_STAMP = r"^(\d{14})?$"
DUPLICATE, UNKNOWN_DOSSIER = "DUP", "NOTFOUND"
Text = Annotated[str, Field(max_length=2000)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class DossierRecord(_Strict):
    MaHoSo: Annotated[str, Field(min_length=1, max_length=60)]
    MaTTHC: Annotated[str, Field(min_length=1, max_length=50)]
    TenTTHC: Text
    MaLinhVuc: Text
    TenLinhVuc: Text
    ChuHoSo: Annotated[str, Field(min_length=1, max_length=200)]
    LoaiDoiTuong: Literal["1", "2"]
    MaDoiTuong: Text
    Email: Text
    SoDienThoai: Text
    TrichYeuHoSo: Text
    NgayTiepNhan: Annotated[str, Field(pattern=STAMP)]
    NgayHenTra: Annotated[str, Field(pattern=STAMP)]
    NgayTra: Annotated[str, Field(pattern=OPTIONAL_STAMP)]
    NgayKetThucXuLy: Annotated[str, Field(pattern=OPTIONAL_STAMP)]
    TrangThaiHoSo: Literal["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
    HinhThuc: Literal["0", "1"]
    DonViXuLy: Annotated[str, Field(min_length=1, max_length=300)]
    GhiChu: Text
    TaiLieuNop: list[dict[str, Any]]
    DanhSachLePhi: list[dict[str, Any]]
    DanhSachTepDinhKemKhac: list[dict[str, Any]]
    DanhSachHoSoBoSung: list[dict[str, Any]]
    DanhSachGiayToKetQua: list[dict[str, Any]] = []


class ProgressRecord(_Strict):
    MaHoSo: Annotated[str, Field(min_length=1, max_length=60)]
    NguoiXuLy: Annotated[str, Field(min_length=1, max_length=200)]
    ChucDanh: Text
    ThoiDiemXuLy: Annotated[str, Field(pattern=STAMP)]
    PhongBanXuLy: Text
    NoiDungXuLy: Annotated[str, Field(min_length=1, max_length=2000)]
    TrangThai: Literal["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
    NgayBatDau: Annotated[str, Field(pattern=OPTIONAL_STAMP)]
    NgayKetThucTheoQuyDinh: Annotated[str, Field(pattern=OPTIONAL_STAMP)]


class DossierSync(_Strict):
    session: str
    madonvi: str
    service: Literal["DongBoHoSoMC"]
    isUpdating: Literal["True", "False"]
    data: Annotated[list[DossierRecord], Field(min_length=1)]


class ProgressSync(_Strict):
    session: str
    madonvi: str
    service: Literal["CapNhatTienDoHoSoMC"]
    data: Annotated[list[ProgressRecord], Field(min_length=1)]


@dataclass
class Portal:
    """What the stand-in holds and how it will misbehave next (`faults`: "500", "code", "timeout", "drop")."""

    username: str = "counter"
    password: str = "mật-khẩu"
    madonvi: str = "000.00.00.H12"
    timeout_sleep: float = 3.0
    dossiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    progress: list[dict[str, Any]] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)  # every valid body, in order
    refused: list[str] = field(default_factory=list)
    faults: deque[str] = field(default_factory=deque)
    sessions: set[str] = field(default_factory=set)
    logins: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, path: str, body: Any) -> tuple[int, dict[str, Any]]:
        with self.lock:
            if path == "/auth":
                return self._login(body)
            if path != "/sync":
                return 404, {"error_code": "404", "message": "no such endpoint"}
            fault = self.faults.popleft() if self.faults else ""
            if fault == "500":
                return 500, {"error_code": "500", "message": "Lỗi hệ thống"}
            if fault == "code":
                return 200, {"error_code": "99", "message": "Hệ thống đang bảo trì"}
            return self._sync(body)

    def _login(self, body: Any) -> tuple[int, dict[str, Any]]:
        self.logins += 1
        if body == {"username": self.username, "password": self.password}:
            token = f"S{self.logins}"
            self.sessions.add(token)
            return 200, {"error_code": "0", "session": token}
        return 200, {"error_code": "1", "message": "Sai tên đăng nhập hoặc mật khẩu"}

    def _sync(self, body: Any) -> tuple[int, dict[str, Any]]:
        if not isinstance(body, dict) or body.get("session") not in self.sessions:
            return 401, {"error_code": "401", "message": "Phiên làm việc không hợp lệ"}
        model = DossierSync if body.get("service") == "DongBoHoSoMC" else ProgressSync
        try:
            parsed = model.model_validate(body)
        except ValidationError as error:
            self.refused.append(str(error))
            return 400, {"error_code": "400", "message": str(error.errors()[:3])[:500]}
        if parsed.madonvi != self.madonvi:
            return 400, {"error_code": "400", "message": f"madonvi {parsed.madonvi} không đúng"}
        self.received.append(body)
        if isinstance(parsed, DossierSync):
            return self._dossiers(parsed)
        for step in parsed.data:
            if step.MaHoSo not in self.dossiers:
                return 200, {"error_code": UNKNOWN_DOSSIER, "message": f"Không có hồ sơ {step.MaHoSo}"}
            self.progress.append(step.model_dump())
        return 200, {"error_code": "0", "message": "Thành công"}

    def _dossiers(self, parsed: DossierSync) -> tuple[int, dict[str, Any]]:
        for record in parsed.data:
            if parsed.isUpdating == "False" and record.MaHoSo in self.dossiers:
                return 200, {"error_code": DUPLICATE, "message": f"Hồ sơ {record.MaHoSo} đã tồn tại"}
            if parsed.isUpdating == "True" and record.MaHoSo not in self.dossiers:
                return 200, {"error_code": UNKNOWN_DOSSIER, "message": f"Không có hồ sơ {record.MaHoSo}"}
            self.dossiers[record.MaHoSo] = record.model_dump()
        return 200, {"error_code": "00", "message": "Thành công"}


def handler_for(portal: Portal) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if portal.faults and portal.faults[0] in ("timeout", "drop") and self.path == "/sync":
                fault = portal.faults.popleft()
                if fault == "timeout":
                    time.sleep(portal.timeout_sleep)
                self.close_connection = True
                return
            try:
                body = json.loads(raw)
            except ValueError:
                self._reply(400, {"error_code": "400", "message": "không phải JSON"})
                return
            self._reply(*portal.answer(self.path, body))

        def _reply(self, status: int, data: dict[str, Any]) -> None:
            payload = json.dumps(data, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *_args: Any) -> None:
            pass

    return Handler


def serve(portal: Portal) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(portal))
    server.daemon_threads = True
    return server


SETTINGS = """
adapter_url = "{url}"
auth_endpoint = "/auth"
integration_endpoint = "/sync"
username = "counter"
password_env = "{password_env}"
madonvi = "000.00.00.H12"
timeout_seconds = {timeout}
max_attempts = {attempts}
backoff_initial_seconds = 0.05
backoff_max_seconds = 0.2
duplicate_codes = ["DUP"]
"""


def settings_text(url: str, password_env: str, timeout: float = 2.0, attempts: int = 4) -> str:
    return SETTINGS.format(url=url, password_env=password_env, timeout=timeout, attempts=attempts)


def stamp_ok(value: str) -> bool:
    return bool(re.fullmatch(STAMP, value))
