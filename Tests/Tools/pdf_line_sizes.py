#!/usr/bin/env python3
"""Prints each text line of a PDF with the size of its type, as JSON: [{"page", "text", "size"}].

The size is the smallest character's font size on the page (pdfminer.six: the font size times
the text matrix's scale), spaces left out. Used by the tests to check that text is not set below
a product's floor, with a reader Handbill did not write.

    pdf_line_sizes.py FILE.pdf
"""
import json
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine


def lines(container):
    for element in container:
        if isinstance(element, LTTextLine):
            yield element
        elif isinstance(element, LTTextContainer):
            yield from lines(element)


def main(path):
    result = []
    for number, page in enumerate(extract_pages(path), start=1):
        for line in lines(page):
            sizes = [char.size for char in line if isinstance(char, LTChar) and char.get_text().strip()]
            if sizes:
                result.append({"page": number, "text": line.get_text().strip(), "size": round(min(sizes), 2)})
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
