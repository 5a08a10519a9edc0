"""The operating system's refusals in the clerk's language, not the system's English."""

import errno
import os

import pytest

from counter_app.messages import os_reason, render


@pytest.mark.parametrize(("number", "vi"), [(errno.ENOSPC, "ổ đĩa đã đầy"), (errno.EACCES, "không có quyền"),
                                            (errno.ENOENT, "không có tệp hay thư mục")])
def test_common_refusals_are_translated(number: int, vi: str) -> None:
    error = OSError(number, os.strerror(number), "/media/usb/a.pdf")
    shown = render("file.os_error", "vi", path="/media/usb/a.pdf", reason=os_reason(error))
    assert vi in shown and os.strerror(number) not in shown


def test_an_uncommon_refusal_is_named_by_its_errno() -> None:
    error = OSError(errno.ETXTBSY, os.strerror(errno.ETXTBSY))
    assert os_reason(error).vi == "lỗi hệ thống ETXTBSY"
    assert "ETXTBSY" in os_reason(error).en and os.strerror(errno.ETXTBSY) in os_reason(error).en
