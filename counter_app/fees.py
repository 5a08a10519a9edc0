"""Fees (phí, lệ phí) from a procedure's fee rule."""

from __future__ import annotations

from counter_app.model import FeeRule


def compute_fee(rule: FeeRule, pages: int = 1, copies: int = 1) -> int:
    """The fee in đồng: fixed per case, per copy, or per page with a cap per copy."""
    if rule.kind == "fixed":
        return rule.amount
    if rule.kind == "per_copy":
        return rule.amount * copies
    if rule.kind == "per_page":
        return per_page_fee(rule, pages) * copies
    return 0


def per_page_fee(rule: FeeRule, pages: int) -> int:
    """One copy's fee: e.g. 2,000 đ for pages 1–2, 1,000 đ from page 3, at most 200,000 đ."""
    first = min(pages, rule.first_pages)
    fee = first * rule.first_page_amount + (pages - first) * rule.later_page_amount
    return min(fee, rule.cap_per_copy) if rule.cap_per_copy is not None else fee


def format_amount(amount: int) -> str:
    """'16.000': đồng with a dot between thousands, as Vietnamese forms write them."""
    return f"{amount:,}".replace(",", ".")
