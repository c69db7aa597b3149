"""A passage that opens on another park tells that park's amounts: the checker refuses them as this park's, as the
drafts leave them out (parts.park_told, parts.about_another_park), by the park's names in data/parks/."""

from __future__ import annotations

from generator.cli import main
from tests.conftest import MINI_PARK, MINI_SOURCE_TEXT

# One paragraph per park, as a round-up of several parks prints them.
ROUND_UP = MINI_SOURCE_TEXT.replace(
    "工业增长保持良好势头。高新区完成规模以上工业总产值2145.69亿\n元",
    "株洲高新区工业增长保持良好势头。完成规模以上工业总产值2145.69亿元",
)


def _check(tmp_path, mini_data, capsys, changes) -> tuple[int, str]:
    data = mini_data(tmp_path, changes)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")  # the project, with its cache folder
    code = main(["check", "--data", str(data)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_another_parks_amount_is_refused_and_the_parks_own_accepted(tmp_path, capsys, mini_data):
    code, out = _check(tmp_path, mini_data, capsys, {"sources/demo-2016.txt": ROUND_UP})
    assert code == 1
    assert "indicators[0].value: expected the park's own amount, found another park's (株洲高新区…)" in out
    # The same passage, once the park is 株洲's: its own amount (and the cached proof is not reused).
    renamed = MINI_PARK.replace("示范高新技术产业开发区", "株洲高新技术产业开发区").replace("示范高新区", "株洲高新区")
    code, out = _check(tmp_path, mini_data, capsys, {"sources/demo-2016.txt": ROUND_UP, "parks/demo.yaml": renamed})
    assert code == 0, out


def test_a_later_sentence_that_opens_on_the_park_itself_is_its_own(tmp_path, capsys, mini_data):
    text = ROUND_UP.replace("。完成", "。示范高新区完成")
    code, out = _check(tmp_path, mini_data, capsys, {"sources/demo-2016.txt": text})
    assert code == 0, out
