"""Scan profiles: the document's name picks the settings; the seed catalogue's documents all get one."""

from counter_app.ports import ColourMode
from counter_app.scan_profiles import load_rules, profile_for
from counter_app.services.catalogue import seed_file


def test_forms_are_grey_certificates_and_photos_in_colour() -> None:
    assert profile_for("1.004873", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân").mode is ColourMode.GREY
    assert profile_for("1.001193", "Giấy chứng sinh (hoặc văn bản thay thế)").mode is ColourMode.COLOUR
    assert profile_for("2.000815", "Bản chính giấy tờ, văn bản cần chứng thực").mode is ColourMode.COLOUR
    assert profile_for("x", "Ảnh chân dung 4x6").mode is ColourMode.COLOUR
    assert profile_for("x", "Một giấy tờ lạ").dpi == 300


def test_every_rule_loads_and_every_seed_document_has_at_least_200_dpi() -> None:
    import json  # noqa: PLC0415

    rules = load_rules()
    assert rules and all(rule.settings.dpi >= 200 for rule in rules)
    catalogue = json.loads(seed_file().read_text(encoding="utf-8"))
    for procedure in catalogue["procedures"]:
        for document in procedure["documents"]:
            assert profile_for(procedure["code"], document["name"], rules).dpi >= 200
