"""The citizen's satisfaction rating: the four answers, the reasons offered when not satisfied."""

from __future__ import annotations

from typing import Final

SCORES: Final[dict[int, tuple[str, str]]] = {
    1: ("Rất hài lòng", "Very satisfied"),
    2: ("Hài lòng", "Satisfied"),
    3: ("Chưa hài lòng", "Not quite satisfied"),
    4: ("Không hài lòng", "Not satisfied"),
}
REASONS: Final[dict[str, tuple[str, str]]] = {
    "wait": ("Phải chờ lâu", "Waited too long"),
    "attitude": ("Thái độ phục vụ chưa tốt", "Unfriendly service"),
    "guidance": ("Hướng dẫn chưa rõ, phải đi lại nhiều lần", "Unclear guidance, had to come back"),
    "late": ("Trả kết quả trễ hẹn", "Result later than promised"),
    "fee": ("Phí, lệ phí chưa rõ ràng", "Fees not clear"),
    "other": ("Lý do khác", "Other reason"),
}
STAGES: Final = ("intake", "return")
MAX_REASON_TEXT: Final = 300


def is_satisfied(score: int) -> bool:
    return score in (1, 2)


def score_label(score: int, lang: str = "vi") -> str:
    labels = SCORES[score]
    return labels[1] if lang == "en" else labels[0]

# What the citizen reads on the customer-facing window (Vietnamese, like the printed forms).
PROMPT: Final = "Xin Ông/Bà vui lòng đánh giá mức độ hài lòng với việc giải quyết hồ sơ"
REASON_PROMPT: Final = "Ông/Bà chưa hài lòng vì điều gì? (có thể bỏ qua)"
SKIP: Final = "Bỏ qua"
THANKS: Final = "Xin cảm ơn Ông/Bà!"
WELCOME: Final = "Bộ phận Một cửa xin kính chào Ông/Bà"
