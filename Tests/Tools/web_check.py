#!/usr/bin/env python3
"""Loads Handbill's web pages in a real browser (Debian's headless Chromium through chromedriver
and selenium) and reports, as JSON on stdout, what the tests assert:

- axe-core's violations for WCAG 2.0/2.1/2.2 A and AA (and AAA contrast, color-contrast-enhanced,
  where asked), at 1280 px and at 320 px wide;
- document.documentElement.scrollWidth and window.innerWidth at 320 px and 1280 px (reflow);
- the page's innerText, its tel: links, and the lang and dir of <html> and of every element that
  sets them.

Usage: web_check.py PAGE.html[:enhanced] ...   (":enhanced" adds AAA contrast for that page)

axe.min.js comes from the axe-playwright-python package (Tests/Tools/requirements.txt), read as a
file: neither playwright nor its browsers are used.
"""
import importlib.metadata
import json
import os
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [320, 1280]
HEIGHT = 900


def axe_source():
    for file in importlib.metadata.files("axe-playwright-python") or []:
        if file.name == "axe.min.js":
            return pathlib.Path(file.locate()).read_text(encoding="utf-8")
    sys.exit("axe.min.js not found: pip install -r Tests/Tools/requirements.txt")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("HANDBILL_CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]:
        options.add_argument(argument)
    service = Service(os.environ.get("HANDBILL_CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def set_width(driver, width):
    # Exactly `width` CSS pixels of viewport, whatever the window manager allows.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})


# axe skips text set in what it takes for an icon font: it draws a text's first letter, then the
# whole text, and after three texts that differ (Arabic letters join, so they always do) it takes
# the font for icon ligatures and leaves out every text in it -- on an Arabic page, all of them, so
# colour contrast would pass unchecked. Handbill's pages have no icon fonts (pictures are SVG):
# where axe left every text out, its colour rules run again told that no font is one.
NO_ICON_FONTS = """
const cache = axe._cache, get = cache.get;
cache.get = function (key, create) {
  if (key !== 'fonts') return get.call(cache, key, create);
  return new Proxy({}, {get: () => ({occurrences: 1e9, numLigatures: 0})});
};
window.__handbillCacheGet = get;
"""
RESTORE = "axe._cache.get = window.__handbillCacheGet;"


def run_axe(driver, source, enhanced):
    result = axe(driver, source, {"runOnly": {"type": "tag", "values": TAGS}}, enhanced)
    colour_rules = ["color-contrast"] + (["color-contrast-enhanced"] if enhanced else [])
    found = set(result["passed"]) | {v["id"] for v in result["violations"]} | {i["id"] for i in result["incomplete"]}
    result["noIconFontsFor"] = []
    if not set(colour_rules) <= found:
        again = axe(driver, source, {"runOnly": {"type": "rule", "values": colour_rules}}, False, NO_ICON_FONTS)
        result["noIconFontsFor"] = colour_rules
        for key in ["violations", "incomplete"]:
            result[key] += again[key]
        result["passed"] = sorted(set(result["passed"]) | set(again["passed"]))
    return result


def axe(driver, source, options, enhanced, setup=None):
    driver.execute_script(source)
    if setup:
        driver.execute_script(setup)
    options = dict(options, resultTypes=["violations", "passes", "incomplete"])
    if enhanced:
        options["rules"] = {"color-contrast-enhanced": {"enabled": True}}
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(r => done(r), e => done({error: String(e)}));", options)
    if "error" in result:
        raise RuntimeError(result["error"])
    return {
        "version": result.get("testEngine", {}).get("version"),
        "violations": [{"id": v["id"], "impact": v.get("impact"), "help": v["help"],
                        "targets": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]],
        "passed": sorted(p["id"] for p in result["passes"]),
        "incomplete": [{"id": i["id"], "targets": [n["target"] for n in i["nodes"]][:5],
                        "why": [c["message"] for n in i["nodes"][:1] for c in n.get("any", []) + n.get("all", [])]}
                       for i in result["incomplete"]],
    }


PAGE_FACTS = """
const langs = [...document.querySelectorAll('[lang]')].map(e => ({tag: e.tagName.toLowerCase(), lang: e.lang,
    dir: e.getAttribute('dir'), text: e.innerText.slice(0, 40)}));
const tel = [...document.querySelectorAll('a[href^="tel:"]')].map(a => ({href: a.getAttribute('href'), text: a.innerText}));
return {lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title,
        text: document.body.innerText, langs: langs, tel: tel,
        scripts: document.querySelectorAll('script').length,
        external: [...document.querySelectorAll('link[href],img[src],script[src],iframe')].length};
"""


def check(driver, source, page, enhanced):
    driver.get(pathlib.Path(page).resolve().as_uri())
    report = {"page": page, "widths": {}, "axe": {}}
    for width in WIDTHS:
        set_width(driver, width)
        report["widths"][str(width)] = driver.execute_script(
            "return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth};")
        report["axe"][str(width)] = run_axe(driver, source, enhanced)
    report.update(driver.execute_script(PAGE_FACTS))
    return report


def main():
    pages = sys.argv[1:]
    if not pages:
        sys.exit(__doc__)
    source = axe_source()
    driver = browser()
    try:
        reports = []
        for argument in pages:
            page, _, flag = argument.partition(":")
            reports.append(check(driver, source, page, flag == "enhanced"))
    finally:
        driver.quit()
    json.dump(reports, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
