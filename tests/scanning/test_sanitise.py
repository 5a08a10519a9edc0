"""Imported PDFs are sanitised: scripts, launch/URI/submit actions, embedded files and forms are gone from
the document and every page while the page's text stays; encrypted, fake and bomb files are refused."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import warnings
import zlib
from pathlib import Path

import pikepdf
import pytest

from counter_app.errors import CounterError, ValidationError
from scanning.file_import import file_pages, import_files
from scanning.sanitise import MAX_PIXELS
from tests.e2e.test_cli import run

pytestmark = pytest.mark.filterwarnings("ignore:This document has")  # pikepdf on the hostile sample's widgets
ACTIVE = ("/JavaScript", "/JS", "/Launch", "/URI", "/SubmitForm", "/EmbeddedFile", "/EmbeddedFiles", "/AcroForm",
          "/OpenAction", "/AA", "/Widget", "/FileAttachment")


def _action(pdf: pikepdf.Pdf, kind: str, **values: object) -> pikepdf.Dictionary:
    return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Action, S=pikepdf.Name(kind), **values))


def hostile_pdf() -> bytes:
    """Two pages of text carrying every active thing an e-mailed PDF may hold."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    launch = _action(pdf, "/Launch", F=pikepdf.String("cmd.exe"))
    script = _action(pdf, "/JavaScript", JS=pikepdf.String("app.alert('x')"))
    submit = _action(pdf, "/SubmitForm", F=pikepdf.String("http://evil.example/"))
    uri = _action(pdf, "/URI", URI=pikepdf.String("http://evil.example/"))
    for number in (1, 2):
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream(f"BT /F1 24 Tf 72 700 Td (Trang so {number}) Tj ET".encode()),
            AA=pikepdf.Dictionary(O=script))
        widget = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget,
                                                      Rect=[0, 0, 50, 50], FT=pikepdf.Name.Btn, A=submit))
        link = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                                                    Rect=[0, 60, 50, 90], A=launch))
        note = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text,
                                                    Rect=[0, 100, 50, 130], A=uri,
                                                    Contents=pikepdf.String("ghi chú")))
        attached = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment,
                                                        Rect=[0, 140, 50, 170], FS=pikepdf.String("run.exe")))
        page.Annots = pikepdf.Array([widget, link, note, attached])
        with warnings.catch_warnings():  # the widget joins the form below
            warnings.simplefilter("ignore")
            pdf.pages.append(pikepdf.Page(page))
    attachment = pdf.make_stream(b"MZ\x90\x00 not a real program", Type=pikepdf.Name.EmbeddedFile)
    spec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("run.exe"),
                              EF=pikepdf.Dictionary(F=attachment))
    pdf.Root.OpenAction = script
    pdf.Root.AA = pikepdf.Dictionary(WC=launch)
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([pdf.pages[0].Annots[0]]))
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("a"), script])),
        EmbeddedFiles=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("run.exe"), spec])))
    output = io.BytesIO()
    pdf.save(output)
    return output.getvalue()


def _names_in(pdf: bytes) -> set[str]:
    """Every dictionary key and name value in every object of `pdf`, direct ones inside them included."""
    found: set[str] = set()

    def visit(item: object, depth: int = 0) -> None:
        if isinstance(item, pikepdf.Name):
            found.add(str(item))
        elif isinstance(item, pikepdf.Dictionary | pikepdf.Stream) and depth < 6:
            for key in item.keys():  # noqa: SIM118 (a Stream is iterated by its bytes)
                found.add(str(key))
                visit(item[key], depth + 1)
        elif isinstance(item, pikepdf.Array) and depth < 6:
            for value in item:
                visit(value, depth + 1)

    with pikepdf.open(io.BytesIO(pdf)) as document:
        for item in document.objects:
            visit(item)
    return found


def test_active_content_is_stripped_and_the_pages_kept(tmp_path: Path) -> None:
    source = tmp_path / "thu-dien-tu.pdf"
    source.write_bytes(hostile_pdf())
    assert set(ACTIVE) <= _names_in(source.read_bytes())  # the sample really carries all of it
    cleaned, pages = import_files([source])
    assert pages == 2
    assert not set(ACTIVE) & _names_in(cleaned)
    assert b"MZ\x90" not in cleaned and b"evil.example" not in cleaned
    (tmp_path / "clean.pdf").write_bytes(cleaned)
    text = subprocess.run(["pdftotext", str(tmp_path / "clean.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Trang so 1" in text and "Trang so 2" in text  # the page content survives


@pytest.mark.parametrize("user_password", ["mat-khau", ""])
def test_encrypted_pdfs_are_refused_with_a_message(tmp_path: Path, user_password: str) -> None:
    source = tmp_path / "ma-hoa.pdf"
    with pikepdf.open(io.BytesIO(hostile_pdf())) as document:
        document.save(source, encryption=pikepdf.Encryption(user=user_password, owner="chu-so-huu"))
    for attempt in (lambda: import_files([source]), lambda: list(file_pages([source], 300))):
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.key == "document.encrypted"
        assert "mã hóa" in refused.value.message("vi")


def test_a_fake_pdf_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "gia.pdf"
    source.write_bytes(b"%PDF-1.7\nthis is no PDF at all")
    with pytest.raises(ValidationError) as refused:
        import_files([source])
    assert refused.value.key == "document.bad_pdf"


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` × `height` pixels (a few bytes that would decode to gigabytes)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1000, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _pdf_with_image(width: int, height: int) -> bytes:
    pdf = pikepdf.new()
    picture = pdf.make_stream(zlib.compress(b"\0" * 4096, 9), Type=pikepdf.Name.XObject,
                              Subtype=pikepdf.Name.Image, Width=width, Height=height, BitsPerComponent=1,
                              ColorSpace=pikepdf.Name.DeviceGray, Filter=pikepdf.Name.FlateDecode)
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=picture)),
                              Contents=pdf.make_stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"))
    pdf.pages.append(pikepdf.Page(page))
    output = io.BytesIO()
    pdf.save(output)
    return output.getvalue()


@pytest.mark.parametrize(("name", "content"), [
    ("bom.png", _png_header(20_000, 20_000)),  # 400 megapixels
    ("bom-vua.png", _png_header(10_000, 9_000)),  # 90 megapixels: under Pillow's own error threshold
    ("bom.pdf", _pdf_with_image(100_000, 100_000)),
])
def test_decompression_bombs_are_refused_before_decoding(tmp_path: Path, name: str, content: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    attempts = [lambda: import_files([source]), lambda: list(file_pages([source], 300))]
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.key == "document.too_many_pixels"
        assert str(MAX_PIXELS // 1_000_000) in refused.value.message("vi")


def test_the_scan_command_refuses_an_encrypted_pdf_without_a_traceback(tmp_path: Path) -> None:
    source = tmp_path / "ma-hoa.pdf"
    with pikepdf.open(io.BytesIO(hostile_pdf())) as document:
        document.save(source, encryption=pikepdf.Encryption(user="u", owner="o"))
    run(tmp_path / "data", "init", "--office-code", "000.00.12.H12", "--office-name", "UBND",
        "--place-name", "Tân Hòa")
    done = run(tmp_path / "data", "scan", "000.00.12.H12-261201-0001", "--document", "1", "--source", str(source),
               check=False)
    assert done.returncode == 2 and "mã hóa" in done.stderr and "Traceback" not in done.stderr


def test_a_device_pipe_or_folder_is_refused_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "ong.pdf"
    os.mkfifo(pipe)
    for path in (pipe, tmp_path, Path("/dev/zero")):  # reading any of them would block or fill the memory
        for read in (import_files, lambda paths: list(file_pages(paths, 200))):
            with pytest.raises(CounterError) as refused:
                read([path])
            assert refused.value.key == "file.not_regular_input"
    done = run(tmp_path / "data", "verify", "/dev/zero", check=False)
    assert done.returncode == 2 and "không phải một tệp thường" in done.stderr and "Traceback" not in done.stderr
