"""Draw the site-wide link-preview image (docs/assets/yearbook-preview.png, 1200 x 630) in headless Chromium."""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "assets" / "yearbook-preview.png"
# The palette's indigo and orange (mkdocs.yml), the site's name and its one-line description.
CARD = """<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:96px 110px;background:#3f51b5;color:#fff;
font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;display:flex;flex-direction:column;justify-content:center">
<div style="font-size:104px;font-weight:700;letter-spacing:8px">高新区年鉴</div>
<div style="width:160px;height:10px;background:#ff9800;margin:40px 0"></div>
<div style="font-size:44px;line-height:1.5">中国国家高新技术产业开发区的主要指标<br>每个数字都链接到年度报告原文</div>
</div></body></html>"""


def main() -> int:
    """Write the image; Debian's chromium and fonts-noto-cjk are needed, as for the browser tests."""
    with sync_playwright() as playwright:
        flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(CARD)
        page.screenshot(path=str(OUTPUT))
        browser.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
