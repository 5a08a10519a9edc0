"""Fees (phí, lệ phí): the one function the intake screen, the intake service and the slip all use."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from counter_app.messages import render
from counter_app.terms import FeeKind, FeeRule


class FeeItem(Protocol):
    """A document handed in: its pages and how many copies of it are to be certified."""

    @property
    def pages(self) -> int: ...

    @property
    def certify(self) -> int: ...


@dataclass(frozen=True)
class FeeDue:
    """The amount due, or None when the published fee could not be read (never taken as free)."""

    amount: int | None
    currency: str = "VND"

    @property
    def known(self) -> bool:
        return self.amount is not None


def fee_due(rule: FeeRule, documents: Iterable[FeeItem], copies: int = 1) -> FeeDue:
    """The fee for a dossier.

    Fixed: the amount once. Per copy: the amount for each copy to certify (the documents' own counts,
    else `copies`). Per page: each document's per-copy fee times its copies to certify (else `copies`).
    """
    items = list(documents)
    to_certify = sum(max(0, item.certify) for item in items)
    if rule.kind is FeeKind.UNKNOWN:
        return FeeDue(None, rule.currency)
    if rule.kind is FeeKind.NONE:
        return FeeDue(0, rule.currency)
    if rule.kind is FeeKind.FIXED:
        return FeeDue(rule.amount, rule.currency)
    if rule.kind is FeeKind.PER_COPY:
        return FeeDue(rule.amount * (to_certify or max(1, copies)), rule.currency)
    if to_certify:
        return FeeDue(sum(per_page_fee(rule, item.pages) * item.certify for item in items if item.certify > 0),
                      rule.currency)
    return FeeDue(sum(per_page_fee(rule, item.pages) for item in items) * max(1, copies), rule.currency)


def per_page_fee(rule: FeeRule, pages: int) -> int:
    """One copy's fee: e.g. 2,000 đ for pages 1–2, 1,000 đ from page 3, at most 200,000 đ."""
    pages = max(1, pages)
    first = min(pages, rule.first_pages)
    fee = first * rule.first_page_amount + (pages - first) * rule.later_page_amount
    return min(fee, rule.cap_per_copy) if rule.cap_per_copy is not None else fee


def format_amount(amount: int) -> str:
    """'16.000': đồng with a dot between thousands, as Vietnamese forms write them."""
    return f"{amount:,}".replace(",", ".")


def format_fee(due: FeeDue, lang: str = "vi") -> str:
    """'16.000 đồng', '10 USD', 'Không thu', or 'Chưa rõ' when the fee is unknown."""
    if due.amount is None:
        return render("fee.unknown", lang)
    if due.amount == 0:
        return render("fee.none", lang)
    unit = "đồng" if due.currency == "VND" else due.currency
    return f"{format_amount(due.amount)} {unit}"
