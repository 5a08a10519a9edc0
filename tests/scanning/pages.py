"""Scanned pages made by the tests: Vietnamese text in a real font, a red seal, photos, skew, noise, a lid."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from counter_app.paths import resources_dir

FONT = resources_dir() / "fonts" / "LiberationSerif-Regular.ttf"
LINES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
    "Kính gửi: Ủy ban nhân dân xã Tân Hòa, tỉnh Mẫu",
    "Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Hồng Nhung",
    "Nơi cư trú: thôn Đông Hòa, xã Tân Hòa; số CCCD 001090123456",
    "Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân: bản thân",
    "Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây:",
    "Tình trạng hôn nhân: hiện tại chưa đăng ký kết hôn với ai.",
    "Mục đích sử dụng: để làm thủ tục đăng ký kết hôn tại xã Tân Hòa.",
    "Tôi cam đoan những nội dung khai trên đây là đúng sự thật.",
]


def a4(dpi: int, mode: str = "RGB") -> Image.Image:
    return Image.new(mode, (round(8.27 * dpi), round(11.69 * dpi)), "white")


def text_page(dpi: int = 300, seal: bool = False, lines: int = 40) -> Image.Image:
    page = a4(dpi)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), round(12 * dpi / 72))
    y = dpi
    for n in range(lines):
        draw.text((dpi, y), LINES[n % len(LINES)], font=font, fill="black")
        y += round(12 * 1.5 * dpi / 72)
        if y > page.height - dpi:
            break
    if seal:
        x, y0, radius = page.width - 3 * dpi, page.height - 3 * dpi, dpi
        draw.ellipse((x - radius, y0 - radius, x + radius, y0 + radius), outline=(210, 20, 30), width=dpi // 20)
        small = ImageFont.truetype(str(FONT), round(9 * dpi / 72))
        draw.text((x - radius * 0.7, y0 - dpi // 10), "UBND XÃ TÂN HÒA", font=small, fill=(210, 20, 30))
    return page


def photo_page(dpi: int = 300, seed: int = 1) -> Image.Image:
    """A photo-like page (a portrait on an ID copy, say): smooth gradients and texture, in colour."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    rng = np.random.default_rng(seed)
    red = 128 + 100 * np.sin(xx / (0.7 * dpi)) * np.cos(yy / (1.1 * dpi))
    green = 128 + 90 * np.sin((xx + yy) / (1.3 * dpi))
    blue = 128 + 80 * np.cos(xx / (0.5 * dpi) - yy / (0.9 * dpi))
    stack = np.stack([red, green, blue], axis=-1) + rng.normal(0, 6, (height, width, 1))
    return Image.fromarray(np.clip(stack, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1))


def skewed(page: Image.Image, degrees: float) -> Image.Image:
    return page.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="white")


def on_scanner_lid(page: Image.Image, border: int) -> Image.Image:
    """The sheet lying on the glass with the dark lid showing around it."""
    lid = Image.new(page.mode, (page.width + 2 * border, page.height + 2 * border), (40, 40, 40))
    lid.paste(page, (border, border))
    return lid


def noisy(page: Image.Image, amount: float = 12, seed: int = 3) -> Image.Image:
    array = np.asarray(page, dtype=np.float32)
    array += np.random.default_rng(seed).normal(0, amount, array.shape)
    return Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))


def blank_page(dpi: int = 300, specks: int = 30) -> Image.Image:
    page = a4(dpi)
    draw = ImageDraw.Draw(page)
    rng = random.Random(5)
    for _ in range(specks):  # dust on the glass
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        draw.point((x, y), fill=(90, 90, 90))
    return page
