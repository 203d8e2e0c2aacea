#!/usr/bin/env python3
"""Every glyph a PDF shows, where and how large, as pdfminer.six reads it
(the text matrix and font size multiplied out, independently of Handbill).

Usage: python3 pdf_glyphs.py FILE.pdf   -> JSON on stdout

Output: [{"width", "height", "glyphs": [{"text", "size", "x0", "top", "x1",
          "bottom"}], "lines": [{"text", "size"}]}], one entry a page; positions in
points from the page's top-left corner (the glyph's em box: its advance, from
descender to ascender); a line's size is its smallest glyph's, spaces left out.
"""
import json
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine


def glyphs(item):
    if isinstance(item, LTChar):
        yield item
        return
    if hasattr(item, "__iter__"):
        for child in item:
            yield from glyphs(child)


def lines(container):
    for element in container:
        if isinstance(element, LTTextLine):
            yield element
        elif isinstance(element, LTTextContainer):
            yield from lines(element)


def line_sizes(page):
    for line in lines(page):
        sizes = [char.size for char in line if isinstance(char, LTChar) and char.get_text().strip()]
        if sizes:
            yield {"text": line.get_text().strip(), "size": round(min(sizes), 2)}


def main(path):
    pages = []
    for page in extract_pages(path, laparams=LAParams()):
        height = page.height
        pages.append({
            "width": page.width, "height": height,
            "glyphs": [{"text": g.get_text(), "size": round(g.size, 2),
                        "x0": round(g.x0, 2), "x1": round(g.x1, 2),
                        "top": round(height - g.y1, 2), "bottom": round(height - g.y0, 2)}
                       for g in glyphs(page) if g.get_text().strip()],
            "lines": list(line_sizes(page)),
        })
    json.dump(pages, sys.stdout)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} FILE.pdf")
    sys.exit(main(sys.argv[1]))
