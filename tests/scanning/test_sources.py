"""Capture from real peers: the SANE `test` device through scanimage, and an eSCL scanner over HTTP."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image

from counter_app.errors import CounterError
from counter_app.ports import ColourMode, PaperSource, ScanSettings
from scanning.escl import EsclScanner
from scanning.sane import SaneScanner
from tests.scanning.escl_server import ScannerState, escl_scanner


@pytest.fixture(scope="module", autouse=True)
def _sane() -> None:
    if shutil.which("scanimage") is None:
        pytest.fail("SANE is missing: `make test` installs sane-utils")


def test_sane_test_device_flatbed_page_at_the_asked_resolution() -> None:
    scanner = SaneScanner("test")
    capabilities = scanner.capabilities()
    assert 300 in capabilities.resolutions and PaperSource.FEEDER in capabilities.sources
    [page] = scanner.scan(ScanSettings(dpi=150, mode=ColourMode.GREY))
    image = Image.open(io.BytesIO(page.image))
    assert page.media_type == "image/png" and image.mode == "L" and page.dpi == 150
    assert image.width > 0 and image.height > 0


def test_sane_feeder_delivers_every_page_until_empty() -> None:
    pages = list(SaneScanner("test").scan(ScanSettings(dpi=75, source=PaperSource.FEEDER)))
    assert len(pages) == 10  # the test backend's feeder holds ten sheets
    assert all(Image.open(io.BytesIO(page.image)).mode == "RGB" for page in pages)


def test_unknown_sane_device_is_a_clear_error() -> None:
    with pytest.raises(CounterError) as caught:
        list(SaneScanner("khong-co-may-nay").scan(ScanSettings(dpi=75)))
    assert caught.value.message("vi").startswith("Máy quét «khong-co-may-nay» báo lỗi")


def test_escl_capabilities_flatbed_and_feeder_through_503s() -> None:
    with escl_scanner(ScannerState(feeder_pages=3, busy_answers=2)) as (url, state):
        scanner = EsclScanner(url, wait=0)
        capabilities = scanner.capabilities()
        assert capabilities.name == "Counter Test eSCL" and capabilities.resolutions == (200, 300)
        assert capabilities.duplex and PaperSource.FEEDER in capabilities.sources
        [flat] = scanner.scan(ScanSettings(dpi=200))
        image = Image.open(io.BytesIO(flat.image))
        assert image.size == (int(8.27 * 200), int(11.69 * 200)) and image.mode == "RGB"
        fed = list(scanner.scan(ScanSettings(dpi=200, mode=ColourMode.GREY, source=PaperSource.FEEDER)))
        assert len(fed) == 3 and Image.open(io.BytesIO(fed[0].image)).mode == "L"
        assert sum(r.startswith("POST /eSCL/ScanJobs") for r in state.requests) == 2


def test_escl_unreachable_or_always_busy() -> None:
    with pytest.raises(CounterError) as caught:
        EsclScanner("http://127.0.0.1:9/eSCL/", timeout=3).capabilities()
    assert caught.value.key == "scan.unreachable"
    with escl_scanner(ScannerState(busy_answers=10_000)) as (url, _state), pytest.raises(CounterError) as busy:
        list(EsclScanner(url, wait=0).scan(ScanSettings(dpi=200)))
    assert busy.value.key == "scan.busy"
