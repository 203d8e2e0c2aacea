#!/usr/bin/env python3
"""Every glyph a PDF draws, read with pdfminer.six (a reader Handbill did not write), as JSON:
one list per page of [text, size, x0, x1, top, bottom] in points from the page's top-left corner.
The size is the glyph's em height on the page (font size times the text and graphics matrices),
what a reader measures with a ruler; x0 and x1 are its advance box.

usage: pdf_glyphs.py FILE.pdf
"""
import json
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTContainer


def glyphs(item):
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from glyphs(child)


def main(path):
    pages = []
    for page in extract_pages(path, laparams=LAParams()):
        height = page.height
        pages.append([[char.get_text(), round(char.size, 3), round(char.x0, 2), round(char.x1, 2),
                       round(height - char.y1, 2), round(height - char.y0, 2)]
                      for char in glyphs(page) if char.get_text().strip()])
    json.dump(pages, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
