"""Publishing a catalogue or calendar to the counters from the web screen: upload, see what it changes,
then send it (through the same `publish` as `hub publish-catalogue`/`publish-calendar`), audited."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import shutil
import time
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import Response

from counter_app.codes import validate_agency_code
from counter_app.errors import CounterError
from sync.hub.admin import publish
from sync.hub.store import EVERY_OFFICE, HubStore
from sync.hub.web.audit import record
from sync.hub.web.pages import NOTICES, Administrator, AdministratorPost, MenuItem, redirect, render, store_of
from sync.hub.web.publishing import preview
from sync.hub.web.sessions import Signed
from sync.hub.web.users import Role

router = APIRouter()
MENU = (MenuItem("/publish", "Phát hành", Role.ADMINISTRATOR),)
NOTICES["published"] = "Đã phát hành; các quầy nhận được ở lần đồng bộ tới."
UPLOAD_PATH = "/publish/preview"
MAX_UPLOAD_BYTES = 8 * 1024 * 1024
SUFFIXES = {".json", ".xlsx"}
KINDS = {"catalogue": "Danh mục thủ tục", "calendar": "Lịch làm việc (ngày nghỉ, ngày làm bù)"}
_KEEP_S = 24 * 3600


@router.get("/publish")
def publish_form(request: Request, signed: Administrator) -> Response:
    return _form(request, signed)


@router.post(UPLOAD_PATH)
def upload(request: Request, signed: AdministratorPost, file: UploadFile, kind: Annotated[str, Form()] = "catalogue",
           office: Annotated[str, Form(max_length=40)] = "*",
           effective_from: Annotated[str, Form(max_length=10)] = "") -> Response:
    store = store_of(request)
    suffix = FilePath(file.filename or "").suffix.lower()
    if kind not in KINDS or suffix not in SUFFIXES or (kind == "calendar" and suffix != ".json"):
        return _form(request, signed, "Tệp phải là .json hoặc .xlsx (danh mục), .json (lịch).")
    token = secrets.token_hex(16)
    place = _folder(store) / token
    place.mkdir()
    path = place / (re.sub(r"[^\w.-]", "_", FilePath(file.filename or "").stem)[:80] + suffix)
    path.write_bytes(file.file.read(MAX_UPLOAD_BYTES + 1)[:MAX_UPLOAD_BYTES])
    try:
        scope, day = _office(office), _day(effective_from)
        shown = preview(store, kind, path, scope, day)
    except (CounterError, ValueError) as problem:
        shutil.rmtree(place, ignore_errors=True)
        return _form(request, signed, _said(problem))
    return render(request, "publish_preview.html", signed, preview=shown, token=token, kind=kind,
                  kind_label=KINDS[kind], effective_from=effective_from, name=(file.filename or "")[:100])


@router.post("/publish/confirm")
def confirm(request: Request, signed: AdministratorPost, token: Annotated[str, Form(max_length=60)],
            kind: Annotated[str, Form()], office: Annotated[str, Form(max_length=40)] = "*",
            effective_from: Annotated[str, Form(max_length=10)] = "") -> Response:
    store = store_of(request)
    place = _folder(store) / token
    found = list(place.iterdir()) if re.fullmatch(r"[0-9a-f]{32}", token) and place.is_dir() else []
    if kind not in KINDS or len(found) != 1:
        return _form(request, signed, "Tệp xem trước không còn; hãy tải lên lại.")
    try:
        done = publish(store, kind, found[0], _office(office), _day(effective_from))
    except (CounterError, ValueError) as problem:
        return _form(request, signed, _said(problem))
    finally:
        shutil.rmtree(place, ignore_errors=True)
    record(store, signed.person.username, f"publish.{kind}", done["office"],
           {"items": done["items"], "cursor": done["cursor"]})
    return redirect("/publish", "published")


def _form(request: Request, signed: Signed, error: str = "") -> Response:
    return render(request, "publish.html", signed, 422 if error else 200, error=error, kinds=KINDS)


def _folder(store: HubStore) -> FilePath:
    """Uploads waiting for their confirmation (older than a day are dropped)."""
    folder = store.data_dir / "web-uploads"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        if time.time() - old.stat().st_mtime > _KEEP_S:
            shutil.rmtree(old, ignore_errors=True)
    return folder


def _office(text: str) -> str:
    value = text.strip() or EVERY_OFFICE
    return value if value == EVERY_OFFICE else validate_agency_code(value)


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text.strip()) if text.strip() else None


def _said(problem: Exception) -> str:
    return problem.message("vi") if isinstance(problem, CounterError) else "Ngày hiệu lực phải có dạng YYYY-MM-DD."
