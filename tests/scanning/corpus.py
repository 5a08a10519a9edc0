"""A corpus of realistic scanned pages with their known kind, at any resolution: dense justified Vietnamese text,
forms, handwriting, faint carbon and thermal copies, dot-matrix, seals and signatures, ID card copies, photos,
guilloche certificates, yellowed paper; with scanner noise, skew, blur and shadows at the binding."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from counter_app.paths import resources_dir
from scanning.compress import PageKind

FONTS = resources_dir() / "fonts"
PROSE = (
    "căn cứ luật tổ chức chính quyền địa phương ngày tháng năm Ủy ban nhân dân xã phường thị trấn quyết định "
    "điều khoản hợp đồng bên mua bên bán thửa đất số tờ bản đồ diện tích mét vuông mục đích sử dụng đất ở "
    "thời hạn lâu dài nguồn gốc được nhà nước giao có thu tiền người yêu cầu chứng thực bản sao từ bản chính "
    "giấy tờ văn bản do cơ quan tổ chức có thẩm quyền cấp trách nhiệm về tính hợp pháp của giấy tờ "
    "đăng ký khai sinh kết hôn khai tử nhận cha mẹ con giám hộ thay đổi cải chính hộ tịch xác định lại dân tộc "
    "công dân Việt Nam cư trú tại thôn ấp bản tổ dân phố số định danh cá nhân căn cước nơi thường trú "
    "tòa án nhân dân huyện xét xử sơ thẩm bản án vụ việc dân sự tranh chấp quyền sử dụng nguyên đơn bị đơn "
    "người có quyền lợi nghĩa vụ liên quan hội đồng xét xử nhận định thấy rằng căn cứ vào các tài liệu chứng cứ "
    "đã được thẩm tra tại phiên tòa kết quả tranh luận ý kiến của kiểm sát viên tuyên xử chấp nhận một phần "
    "yêu cầu khởi kiện buộc phải thanh toán số tiền đồng án phí kháng cáo trong hạn mười lăm ngày kể từ"
)
WORDS = PROSE.split()
HEADINGS = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
MM_PER_INCH = 25.4
INK = (25, 25, 28)
RED = (205, 30, 40)
BLUE = (30, 50, 170)


@dataclass(frozen=True)
class CorpusPage:
    """One page of the corpus: what it is, what the decision should say, and how to draw it."""

    name: str
    kind: PageKind
    dense: bool  # dense typed text: the decision must be right on every one
    make: Callable[[int], Image.Image]  # the page as printed
    seed: int
    damage: tuple[tuple[str, float], ...] = ()  # what the scanner adds (scanning.corpus.degrade's options)

    def render(self, dpi: int) -> Image.Image:
        """The page as the scanner delivers it."""
        return degrade(self.make(dpi), dpi, self.seed, **dict(self.damage))


# ---------------------------------------------------------------- drawing helpers


@cache
def font(points: float, dpi: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), max(6, round(points * dpi / 72)))


def mm(value: float, dpi: int) -> int:
    return round(value * dpi / MM_PER_INCH)


def sheet(dpi: int, paper: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    return Image.new("RGB", (mm(210, dpi), mm(297, dpi)), paper)


def sentence(rng: random.Random, words: int) -> list[str]:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    chosen[0] = chosen[0].capitalize()
    chosen[-1] += rng.choice((".", ",", ";", "."))
    return chosen


def justified(draw: ImageDraw.ImageDraw, rng: random.Random, box: tuple[int, int, int, int], lines: int,
              points: float, dpi: int, fill: tuple[int, int, int] = INK) -> int:
    """`lines` lines of justified text filling `box` (left, top, right, bottom); the y after the last line."""
    left, top, right, bottom = box
    face = font(points, dpi)
    step = min(points * 1.5 * dpi / 72, (bottom - top) / max(lines, 1))
    space = face.getlength(" ")
    words: list[str] = []
    y = float(top)
    for number in range(lines):
        line: list[str] = []
        width = 0.0
        while True:
            if not words:
                words = sentence(rng, rng.randint(8, 25))
            length = face.getlength(words[0])
            if line and width + space + length > right - left:
                break
            width += (space if line else 0) + length
            line.append(words.pop(0))
        last = number == lines - 1 or rng.random() < 0.12  # a paragraph's last line is not stretched
        gap = space if last or len(line) < 2 else space + (right - left - width) / (len(line) - 1)
        x = float(left + (mm(8, dpi) if number and rng.random() < 0.1 else 0))
        for word in line:
            draw.text((x, y), word, font=face, fill=fill)
            x += face.getlength(word) + gap
        y += step
    return round(y)


def heading(draw: ImageDraw.ImageDraw, dpi: int, top: int, fill: tuple[int, int, int] = INK) -> int:
    width = mm(210, dpi)
    for number, text in enumerate(HEADINGS):
        face = font(13 if number == 0 else 12.5, dpi, bold=True)
        draw.text(((width - face.getlength(text)) / 2, top), text, font=face, fill=fill)
        top += round(13 * 1.6 * dpi / 72)
    return top + mm(4, dpi)


def handwriting(draw: ImageDraw.ImageDraw, rng: random.Random, start: tuple[int, int], length: int, dpi: int,
                colour: tuple[int, int, int], size_mm: float = 3.5) -> None:
    """A cursive-looking line of pen strokes: loops and waves along a slightly wandering baseline."""
    x0, y0 = start
    height = mm(size_mm, dpi)
    pen = max(2, mm(0.45, dpi))
    x = float(x0)
    while x < x0 + length:
        word = rng.randint(3, 9)
        points = []
        for step in range(word * 12):
            phase = step / 12 * 2 * math.pi
            points.append((x + step * height / 9 + math.sin(phase) * height * 0.25,
                           y0 - abs(math.sin(phase / 2)) * height * rng.uniform(0.5, 1.3)
                           + math.cos(phase) * height * 0.15))
        draw.line(points, fill=colour, width=pen, joint="curve")
        x = points[-1][0] + height * rng.uniform(0.9, 1.6)
        y0 += rng.randint(-1, 1)


def signature(draw: ImageDraw.ImageDraw, rng: random.Random, centre: tuple[int, int], dpi: int,
              colour: tuple[int, int, int]) -> None:
    cx, cy = centre
    points = [(cx - mm(22, dpi) + t * mm(0.45, dpi) + math.sin(t / 3) * mm(3, dpi),
               cy + math.sin(t / 2.2) * mm(7, dpi) * math.sin(t / 17) + rng.uniform(-1, 1)) for t in range(100)]
    draw.line(points, fill=colour, width=max(2, mm(0.5, dpi)), joint="curve")
    draw.line([(cx - mm(25, dpi), cy + mm(6, dpi)), (cx + mm(20, dpi), cy + mm(3, dpi))], fill=colour,
              width=max(2, mm(0.4, dpi)))


def seal(draw: ImageDraw.ImageDraw, centre: tuple[int, int], dpi: int, colour: tuple[int, int, int] = RED) -> None:
    """A round red seal: two rings, lettering round the edge, a star in the middle."""
    cx, cy = centre
    outer, inner = mm(18, dpi), mm(13, dpi)
    for radius, width in ((outer, mm(0.9, dpi)), (inner, mm(0.4, dpi))):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=colour, width=max(2, width))
    face = font(7, dpi, bold=True)
    text = "ỦY BAN NHÂN DÂN XÃ TÂN HÒA * TỈNH MẪU * "
    for number, letter in enumerate(text):
        angle = 2 * math.pi * number / len(text) - math.pi / 2
        radius = (outer + inner) / 2
        draw.text((cx + radius * math.cos(angle), cy + radius * math.sin(angle)), letter, font=face, fill=colour,
                  anchor="mm")
    star = [(cx + mm(6 if n % 2 == 0 else 2.4, dpi) * math.cos(math.pi / 5 * n - math.pi / 2),
             cy + mm(6 if n % 2 == 0 else 2.4, dpi) * math.sin(math.pi / 5 * n - math.pi / 2)) for n in range(10)]
    draw.polygon(star, fill=colour)


def guilloche(width: int, height: int, dpi: int, seed: int, level: float = 0.55) -> np.ndarray:
    """Interlaced fine wavy lines as on certificates and ID cards: 0 (paper) … `level` (line), float32."""
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32) / (dpi / MM_PER_INCH)
    rng = np.random.default_rng(seed)
    pattern = np.zeros((height, width), np.float32)
    line = 0.09
    for _ in range(2):
        a, b, c = rng.uniform(3, 6), rng.uniform(0.05, 0.12), rng.uniform(0.03, 0.08)
        phase = 2 * math.pi * (yy / 1.2 + a * np.sin(b * xx) * np.cos(c * yy))
        pattern = np.maximum(pattern, np.exp(-np.square(np.sin(phase)) / line))
    return pattern * level


# ---------------------------------------------------------------- degradations


def degrade(page: Image.Image, dpi: int, seed: int, noise: float = 4.0, skew: float = 0.0, blur: float = 0.6,
            binding: float = 0.0, fringe: float = 0.0) -> Image.Image:
    """What a scanner adds: optical blur, a tilt, a shadow at the binding (left edge), sensor noise, and colour
    fringes (red and blue sensor lines out of register by `fringe` pixels at 300 dpi, with colour noise)."""
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur * dpi / 300))
    paper = page.getpixel((page.width // 2, 2))
    array = np.asarray(page, dtype=np.float32)
    if binding:
        x = np.arange(array.shape[1], dtype=np.float32) / (dpi / MM_PER_INCH)  # mm from the binding edge
        array = array * (1 - binding * np.exp(-x / 9.0))[None, :, None]
    if skew:  # the lid shows at the corners, as light as the paper next to it
        corner = tuple(int(value) for value in array[array.shape[0] // 2, 0]) if binding else paper
        tilted = Image.fromarray(array.astype(np.uint8)).rotate(skew, resample=Image.Resampling.BILINEAR,
                                                                fillcolor=corner)
        array = np.asarray(tilted, dtype=np.float32)
    if fringe:
        shift = max(1, round(fringe * dpi / 300))
        array[..., 0] = np.roll(array[..., 0], shift, axis=0)
        array[..., 2] = np.roll(array[..., 2], -shift, axis=0)
    if noise:
        rng = np.random.default_rng(seed)
        array = array + rng.normal(0, noise, array.shape[:2]).astype(np.float32)[..., None]
        if fringe:
            array = array + rng.normal(0, noise / 2, array.shape).astype(np.float32)
    return Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))


# ---------------------------------------------------------------- page kinds


def dense_text(lines: int, points: float, seed: int, paper: tuple[int, int, int] = (255, 255, 255),
               ink: tuple[int, int, int] = INK) -> Callable[[int], Image.Image]:
    def make(dpi: int) -> Image.Image:
        rng = random.Random(seed)
        page = sheet(dpi, paper)
        draw = ImageDraw.Draw(page)
        top = heading(draw, dpi, mm(15, dpi), ink)
        justified(draw, rng, (mm(25, dpi), top, mm(190, dpi), mm(282, dpi)), lines, points, dpi, ink)
        return page
    return make


def form(seed: int, handwritten: bool = False) -> Callable[[int], Image.Image]:
    """A printed form: boxes with labels, tick boxes, a table; optionally filled in by hand."""
    def make(dpi: int) -> Image.Image:
        rng = random.Random(seed)
        page = sheet(dpi)
        draw = ImageDraw.Draw(page)
        top = heading(draw, dpi, mm(15, dpi))
        title = "TỜ KHAI ĐĂNG KÝ THƯỜNG TRÚ"
        face, small = font(14, dpi, bold=True), font(10.5, dpi)
        draw.text(((page.width - face.getlength(title)) / 2, top), title, font=face, fill=INK)
        y = top + mm(12, dpi)
        left, right = mm(20, dpi), mm(190, dpi)
        line = max(1, mm(0.25, dpi))
        for _field in range(9):
            draw.rectangle((left, y, right, y + mm(9, dpi)), outline=INK, width=line)
            draw.text((left + mm(2, dpi), y + mm(2, dpi)), " ".join(sentence(rng, 4))[:-1] + ":", font=small,
                      fill=INK)
            if handwritten:
                handwriting(draw, rng, (left + mm(70, dpi), y + mm(7, dpi)), mm(rng.randint(40, 90), dpi), dpi,
                            (20, 22, 45))
            y += mm(9, dpi)
        y += mm(6, dpi)
        columns = [left, mm(35, dpi), mm(95, dpi), mm(130, dpi), mm(160, dpi), right]
        for row in range(12):
            for x0, x1 in itertools.pairwise(columns):
                draw.rectangle((x0, y, x1, y + mm(8, dpi)), outline=INK, width=line)
                text = str(row) if x0 == left else rng.choice(WORDS)
                draw.text((x0 + mm(1.5, dpi), y + mm(1.5, dpi)), text, font=small, fill=INK)
            y += mm(8, dpi)
        for tick in range(6):
            x = left + tick * mm(28, dpi)
            draw.rectangle((x, y + mm(6, dpi), x + mm(4, dpi), y + mm(10, dpi)), outline=INK, width=line)
            draw.text((x + mm(6, dpi), y + mm(6, dpi)), rng.choice(WORDS), font=small, fill=INK)
        if handwritten:
            signature(draw, rng, (mm(150, dpi), mm(265, dpi)), dpi, (20, 22, 45))
        return page
    return make


def faint_copy(seed: int, thermal: bool) -> Callable[[int], Image.Image]:
    """A carbon copy (blurred, bluish-grey, low contrast) or a fading thermal-paper print."""
    def make(dpi: int) -> Image.Image:
        rng = random.Random(seed)
        paper, ink = ((236, 235, 230), (150, 150, 150)) if thermal else ((242, 242, 246), (128, 128, 150))
        page = sheet(dpi, paper)
        draw = ImageDraw.Draw(page)
        top = heading(draw, dpi, mm(15, dpi), ink)
        justified(draw, rng, (mm(25, dpi), top, mm(185, dpi), mm(270, dpi)), 34, 11, dpi, ink)
        if not thermal:
            return page.filter(ImageFilter.GaussianBlur(1.1 * dpi / 300))
        array = np.asarray(page, dtype=np.float32)
        fade = np.linspace(0.0, 0.45, array.shape[0], dtype=np.float32)[:, None, None]  # fainter down the page
        return Image.fromarray((array + (np.float32(paper[0]) - array) * fade).astype(np.uint8))
    return make


def dot_matrix(seed: int) -> Callable[[int], Image.Image]:
    """Impact-printer output: every letter made of round dots on a coarse grid."""
    def make(dpi: int) -> Image.Image:
        cell = max(3, round(dpi / 72))
        coarse = dense_text(38, 11, seed)(dpi // cell).convert("L")
        mask = (np.asarray(coarse) < 128).astype(np.uint8)
        radius = cell / 2 * 0.95
        yy, xx = np.mgrid[0:cell, 0:cell] - (cell - 1) / 2
        disc = (np.hypot(yy, xx) <= radius).astype(np.uint8)
        dots = np.kron(mask, disc)
        page = np.full((mm(297, dpi), mm(210, dpi)), 250, np.uint8)
        height, width = min(page.shape[0], dots.shape[0]), min(page.shape[1], dots.shape[1])
        page[:height, :width][dots[:height, :width] > 0] = 70
        return Image.fromarray(page).convert("RGB")
    return make


def seal_and_signature(seed: int, lines: int = 32) -> Callable[[int], Image.Image]:
    def make(dpi: int) -> Image.Image:
        rng = random.Random(seed)
        page = sheet(dpi)
        draw = ImageDraw.Draw(page)
        top = heading(draw, dpi, mm(15, dpi))
        y = justified(draw, rng, (mm(25, dpi), top, mm(190, dpi), mm(215, dpi)), lines, 12, dpi)
        face = font(12, dpi, bold=True)
        draw.text((mm(120, dpi), y + mm(4, dpi)), "CHỦ TỊCH", font=face, fill=INK)
        seal(draw, (mm(125, dpi), y + mm(28, dpi)), dpi)
        signature(draw, rng, (mm(140, dpi), y + mm(26, dpi)), dpi, BLUE)
        draw.text((mm(118, dpi), y + mm(50, dpi)), "Nguyễn Văn Thành", font=face, fill=INK)
        return page
    return make


def id_card_copy(seed: int) -> Callable[[int], Image.Image]:
    """Front and back of a citizen's card photocopied on A4: grey guilloche, a portrait, fields, a QR code."""
    def make(dpi: int) -> Image.Image:
        rng = np.random.default_rng(seed)
        page = np.full((mm(297, dpi), mm(210, dpi)), 248, np.float32)
        width, height = mm(85.6, dpi), mm(54, dpi)
        for number, top in enumerate((mm(30, dpi), mm(100, dpi))):
            left = mm(62, dpi)
            card = 225 - 160 * guilloche(width, height, dpi, seed + number, 0.5)
            if number == 0:
                yy, xx = np.mgrid[0:mm(26, dpi), 0:mm(20, dpi)].astype(np.float32)
                cy, cx = yy.shape[0] * 0.42, xx.shape[1] / 2
                face = np.exp(-(((yy - cy) / (yy.shape[0] * 0.32)) ** 2 + ((xx - cx) / (xx.shape[1] * 0.3)) ** 2))
                portrait = 70 + 120 * face + 25 * np.sin(xx / 3) * np.cos(yy / 4) + rng.normal(0, 9, face.shape)
                card[mm(16, dpi):mm(16, dpi) + yy.shape[0], mm(4, dpi):mm(4, dpi) + xx.shape[1]] = portrait
            else:
                blocks = rng.random((25, 25)) < 0.5
                qr = np.kron(blocks, np.ones((mm(0.8, dpi), mm(0.8, dpi)))) * -200
                card[mm(6, dpi):mm(6, dpi) + qr.shape[0], mm(60, dpi) - qr.shape[1] // 2 + mm(12, dpi):][
                    :, :qr.shape[1]] += qr
            page[top:top + height, left:left + width] = card
        image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8)).convert("RGB")
        draw = ImageDraw.Draw(image)
        face = font(9, dpi, bold=True)
        for number, top in enumerate((mm(30, dpi), mm(100, dpi))):
            draw.rectangle((mm(62, dpi), top, mm(62, dpi) + width, top + height), outline=(60, 60, 60),
                           width=max(1, mm(0.3, dpi)))
            for row in range(6):
                text = ("CĂN CƯỚC CÔNG DÂN", "Số: 001090123456", "Họ và tên: NGUYỄN VĂN ĐỨC",
                        "Ngày sinh: 01/01/1990", "Quê quán: Tân Hòa", "Nơi thường trú: thôn Đông")[row]
                x = mm(90 if number == 0 else 66, dpi)
                draw.text((x, top + mm(5 + row * 7, dpi)), text, font=face, fill=(30, 30, 30))
        draw.text((mm(62, dpi), mm(170, dpi)), "SAO Y BẢN CHÍNH", font=font(14, dpi, bold=True), fill=INK)
        return image
    return make


def photo(seed: int, colour: bool = True) -> Callable[[int], Image.Image]:
    """A photograph printed on A4: smooth shading, shapes with soft edges, film grain."""
    def make(dpi: int) -> Image.Image:
        height, width = mm(297, dpi), mm(210, dpi)
        small = (height // 8, width // 8)
        rng = np.random.default_rng(seed)
        yy, xx = np.mgrid[0:small[0], 0:small[1]].astype(np.float32) / small[1]
        channels = []
        for channel in range(3):
            value = 120 + 60 * np.sin(xx * rng.uniform(2, 6) + channel) * np.cos(yy * rng.uniform(2, 5))
            for _ in range(12):
                cy, cx, radius = rng.random(), rng.random(), rng.uniform(0.05, 0.25)
                value += rng.uniform(-60, 60) * np.exp(-((yy - cy * 1.4) ** 2 + (xx - cx) ** 2) / radius ** 2)
            channels.append(value)
        base = np.stack(channels if colour else [channels[0]] * 3, axis=-1)
        image = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8)).resize((width, height),
                                                                             Image.Resampling.BICUBIC)
        array = np.asarray(image, dtype=np.float32) + rng.normal(0, 5, (height, width, 1)).astype(np.float32)
        return Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))
    return make


def certificate(seed: int) -> Callable[[int], Image.Image]:
    """A grey certificate: guilloche over the whole sheet, an ornate frame, a title, a few lines and a seal."""
    def make(dpi: int) -> Image.Image:
        height, width = mm(297, dpi), mm(210, dpi)
        background = 242 - 200 * guilloche(width, height, dpi, seed, 0.45)
        image = Image.fromarray(background.astype(np.uint8)).convert("RGB")
        draw = ImageDraw.Draw(image)
        for inset, line in ((8, 2.0), (11, 0.5)):
            draw.rectangle((mm(inset, dpi), mm(inset, dpi), width - mm(inset, dpi), height - mm(inset, dpi)),
                           outline=(50, 50, 50), width=max(1, mm(line, dpi)))
        top = heading(draw, dpi, mm(22, dpi))
        title = "GIẤY CHỨNG NHẬN"
        face = font(26, dpi, bold=True)
        draw.text(((width - face.getlength(title)) / 2, top + mm(10, dpi)), title, font=face, fill=(20, 20, 20))
        justified(draw, random.Random(seed), (mm(30, dpi), top + mm(35, dpi), mm(180, dpi), mm(200, dpi)), 14,
                  13, dpi)
        seal(draw, (mm(140, dpi), mm(240, dpi)), dpi, (70, 70, 70))
        return image
    return make


# ---------------------------------------------------------------- the corpus


def _variants() -> Iterator[CorpusPage]:
    text, grey, colour, text_colour = PageKind.TEXT, PageKind.GREY, PageKind.COLOUR, PageKind.TEXT_COLOUR
    for number, (lines, points) in enumerate(((40, 12), (45, 12), (50, 11), (55, 10.5), (60, 10))):
        make, name = dense_text(lines, points, seed=number), f"dense-{lines}x{points:g}pt"
        yield _page(name, text, True, make, number, noise=5)
        yield _page(f"{name}-skew-noise", text, True, make, number, noise=10,
                    skew=(-1) ** number * (0.8 + number * 0.5))
        yield _page(f"{name}-binding", text, True, make, number, noise=6, binding=0.55, blur=0.9)
    yield _page("dense-50x11pt-colour-fringes", text, True, dense_text(50, 11, 10), 10, noise=6, fringe=1.0)
    yield _page("dense-60x10pt-colour-fringes", text, True, dense_text(60, 10, 11), 11, noise=8, fringe=1.5,
                skew=-0.6)
    yield _page("dense-yellowed", text, True, dense_text(48, 11, 7, paper=(226, 212, 168), ink=(105, 95, 80)), 7,
                noise=6)
    yield _page("dense-yellowed-binding", text, True,
                dense_text(56, 10, 8, paper=(222, 205, 160), ink=(95, 88, 75)), 8, noise=6, binding=0.45, skew=1.2)
    yield _page("form", text, False, form(1), 11)
    yield _page("form-handwritten", text, False, form(2, handwritten=True), 12, skew=-0.7)
    yield _page("carbon-copy", text, False, faint_copy(3, thermal=False), 13)
    yield _page("thermal-faded", text, False, faint_copy(4, thermal=True), 14, noise=5)
    yield _page("dot-matrix", text, False, dot_matrix(5), 15, blur=0.8)
    yield _page("seal-signature", text_colour, False, seal_and_signature(6), 16)
    yield _page("seal-signature-dense", text_colour, True, seal_and_signature(9, 40), 17, skew=0.9, noise=8)
    yield _page("id-card-copy", grey, False, id_card_copy(7), 18)
    yield _page("id-card-copy-skew", grey, False, id_card_copy(8), 19, skew=2.0, noise=8)
    yield _page("photo-colour", colour, False, photo(9), 20, blur=0.0)
    yield _page("photo-grey", grey, False, photo(10, colour=False), 21, blur=0.0)
    yield _page("certificate-guilloche", grey, False, certificate(11), 22)
    yield _page("certificate-guilloche-binding", grey, False, certificate(12), 23, binding=0.4)


def _page(name: str, kind: PageKind, dense: bool, make: Callable[[int], Image.Image], seed: int,
          **damage: float) -> CorpusPage:
    return CorpusPage(name, kind, dense, make, seed, tuple(damage.items()))


CORPUS: tuple[CorpusPage, ...] = tuple(_variants())
SAMPLE = ("dense-60x10pt", "dense-45x12pt-binding", "dense-yellowed-binding", "form-handwritten", "carbon-copy",
          "thermal-faded", "dot-matrix", "seal-signature", "id-card-copy", "photo-colour", "photo-grey",
          "certificate-guilloche")


def page(name: str) -> CorpusPage:
    return next(item for item in CORPUS if item.name == name)
