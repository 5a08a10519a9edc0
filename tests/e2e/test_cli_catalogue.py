"""`counter-app catalogue import|show`, `intake --case` and `due --case`, as a province's IT officer and a clerk
run them."""

import json
from pathlib import Path

from tests.catalogue_corpus import annex_workbook, birth_registration, residence_confirmation
from tests.e2e.test_cli import data, run

__all__ = ["data"]


def test_import_options_show_and_intake_by_case(data: Path, tmp_path: Path) -> None:
    national = tmp_path / "quoc-gia.json"
    bad = {**residence_confirmation("1.000002"), "TENTTHC": ""}
    national.write_text(json.dumps([birth_registration(), bad], ensure_ascii=False), "utf-8")
    refused = run(data, "catalogue", "import", str(national), check=False)
    assert refused.returncode == 2 and "--effective-from" in refused.stderr
    refused = run(data, "catalogue", "import", str(national), "--effective-from", "2026-01-01", check=False)
    assert refused.returncode == 2 and "1.000002: thiếu tên thủ tục" in refused.stderr
    trial = json.loads(run(data, "catalogue", "import", str(national), "--effective-from", "2026-01-01",
                           "--skip-invalid", "--dry-run", "--json").stdout)
    assert (trial["imported"], trial["valid"], trial["skipped"][0]["procedure"]) == (0, 1, "1.000002")
    done = json.loads(run(data, "catalogue", "import", str(national), "--effective-from", "2026-01-01",
                          "--skip-invalid", "--json", "--lang", "en").stdout)
    assert done["imported"] == 1 and done["skipped"] == [
        {"procedure": "1.000002", "errors": ["1.000002: the name is missing"]}]
    assert any("quantity 0" in warning for warning in done["warnings"])
    shown = run(data, "catalogue", "show", "1.001193").stdout
    assert "Trường hợp 2: Đăng ký khai sinh có yếu tố nước ngoài" in shown
    assert "Trực tuyến: 1 ngày làm việc («1 Ngày làm việc»)" in shown
    assert "    7. Xuất trình bản chính giấy tờ tùy thân" in shown and "chỉ xuất trình" in shown
    as_json = json.loads(run(data, "catalogue", "show", "1.001193", "--json").stdout)
    assert [d["number"] for d in as_json["cases"][2]["documents"]] == [1, 2, 3]
    code = run(data, "intake", "--procedure", "1.001193", "--case", "3", "--documents", "1,2,3", "--name",
               "Lê Thị Mai", "--id-number", "001190012345").stdout.split()[0]
    dossier = json.loads(run(data, "dossier", "show", code, "--json").stdout)
    assert dossier["case_number"] == 3 and len(dossier["documents"]) == 3
    missing = run(data, "intake", "--procedure", "1.001193", "--case", "3", "--documents", "1,2", "--name",
                  "Lê Thị Mai", "--id-number", "001190012345", check=False)
    assert missing.returncode == 2 and "Chứng cứ chứng minh quan hệ cha, mẹ, con" in missing.stderr
    assert run(data, "due", "--procedure", "1.001193", "--case", "2", "--received", "2026-11-20 10:00").stdout.strip() \
        == "2026-11-20T17:00+07:00"


def test_province_annex_from_the_command_line(data: Path, tmp_path: Path) -> None:
    annex = annex_workbook(tmp_path / "phu-luc.xlsx")
    refused = run(data, "catalogue", "import", str(annex), check=False)
    assert refused.returncode == 2 and "trang Phụ lục I, dòng 14" in refused.stderr
    done = run(data, "catalogue", "import", str(annex), "--skip-invalid").stdout
    assert "Đã nhập 6 thủ tục" in done and "2.000908 (trang Phụ lục I, dòng 13): thời hạn giải quyết chưa rõ" in done
    not_offered = run(data, "due", "--procedure", "2.000908", "--received", "2027-01-05 10:00", check=False)
    assert not_offered.returncode == 2 and "chưa có thời hạn giải quyết («Không quy định»)" in not_offered.stderr
    run(data, "catalogue", "set-time", "2.000908", "Trong ngày", "--on", "2027-01-05")
    assert run(data, "due", "--procedure", "2.000908", "--received", "2027-01-05 10:00").stdout.strip() == \
        "2027-01-05T17:00+07:00"
