"""Clean-up on pages the tests make: skew found and corrected, upside-down turned, blanks found, lid cropped."""

from __future__ import annotations

import pytest

from scanning.cleanup import clean
from tests.scanning.pages import blank_page, noisy, on_scanner_lid, skewed, text_page

DPI = 200


@pytest.fixture(scope="module")
def page() -> object:
    return text_page(DPI)


@pytest.mark.parametrize("degrees", [-4.0, -1.5, 0.0, 2.5, 6.0])
def test_skew_is_measured_and_corrected(page: object, degrees: float) -> None:
    result = clean(skewed(page, degrees), DPI)  # type: ignore[arg-type]
    assert abs(result.skew_corrected + degrees) <= 0.5
    assert not result.upside_down and not result.blank


def test_upside_down_page_is_turned_round(page: object) -> None:
    result = clean(page.rotate(180), DPI)  # type: ignore[attr-defined]
    assert result.upside_down
    assert not clean(page, DPI).upside_down  # type: ignore[arg-type]


def test_noisy_skewed_upside_down_page(page: object) -> None:
    result = clean(noisy(skewed(page.rotate(180), 3.0)), DPI)  # type: ignore[attr-defined]
    assert result.upside_down and abs(result.skew_corrected + 3.0) <= 0.5


def test_blank_pages_with_dust_are_found_and_text_pages_are_not(page: object) -> None:
    assert clean(blank_page(DPI), DPI).blank
    assert clean(noisy(blank_page(DPI), 4), DPI).blank
    assert not clean(page, DPI).blank  # type: ignore[arg-type]


def test_dark_lid_around_the_sheet_is_cropped(page: object) -> None:
    scanned = on_scanner_lid(page, border=60)  # type: ignore[arg-type]
    result = clean(scanned, DPI)
    assert abs(result.image.width - page.width) <= 4 and abs(result.image.height - page.height) <= 4  # type: ignore[attr-defined]
