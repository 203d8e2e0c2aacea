#!/usr/bin/env python3
"""Reads Handbill's braille back with tools Handbill did not write.

    braille_read.py FILE.brf TABLE [FILE.pef]

Prints JSON: the BRF's pages (lists of lines, as ASCII braille), each line back-translated by
liblouis's C API (lou_backTranslateString, through ctypes, with the braille ASCII display table
en-us-brf.dis before TABLE), the whole back-translated text, and, given a PEF, its pages of rows
as Python's xml.etree parses them, converted to ASCII braille the same way for comparison.
"""
import ctypes
import ctypes.util
import json
import sys
import xml.etree.ElementTree as ET

PEF = "{http://www.daisy.org/ns/2008/pef}"
DC = "{http://purl.org/dc/elements/1.1/}"


def louis():
    lib = ctypes.CDLL(ctypes.util.find_library("louis") or "liblouis.so.20")
    lib.lou_charSize.restype = ctypes.c_int
    return lib


def widechar(lib):
    return ctypes.c_uint32 if lib.lou_charSize() == 4 else ctypes.c_uint16


def back_translate(lib, tables, line):
    if not line.strip():
        return ""
    wc = widechar(lib)
    units = [ord(c) for c in line]
    inbuf = (wc * len(units))(*units)
    capacity = len(units) * 8 + 64
    outbuf = (wc * capacity)()
    inlen, outlen = ctypes.c_int(len(units)), ctypes.c_int(capacity)
    if not lib.lou_backTranslateString(tables.encode(), inbuf, ctypes.byref(inlen), outbuf, ctypes.byref(outlen), None, None, 0):
        raise SystemExit(f"liblouis could not back-translate with {tables}")
    return "".join(chr(outbuf[i]) for i in range(outlen.value))


def unicode_to_ascii(lib, rows):
    """Unicode braille rows to braille ASCII, through liblouis's en-us-brf.dis (lou_dotsToChar)."""
    wc = widechar(lib)
    result = []
    for row in rows:
        if not row:
            result.append("")
            continue
        units = [ord(c) for c in row]
        inbuf, outbuf = (wc * len(units))(*units), (wc * len(units))()
        if not lib.lou_dotsToChar(b"en-us-brf.dis", inbuf, outbuf, len(units), 64):  # 64: ucBrl
            raise SystemExit("lou_dotsToChar failed")
        result.append("".join(chr(outbuf[i]) for i in range(len(units))))
    return result


def main():
    brf, table = sys.argv[1], sys.argv[2]
    lib = louis()
    tables = "en-us-brf.dis," + table
    with open(brf, "rb") as f:
        data = f.read()
    text = data.decode("ascii")
    pages = [page.split("\r\n") for page in text.split("\f")]
    # Each page's lines end in CR LF: the last split is the empty rest.
    pages = [page[:-1] if page and page[-1] == "" else page for page in pages]
    lines = [[back_translate(lib, tables, line) for line in page] for page in pages]
    report = {
        "pages": pages,
        "crlf": b"\n" not in data.replace(b"\r\n", b""),
        "back": lines,
        "text": "\n".join(" ".join(page) for page in lines),
    }
    if len(sys.argv) > 3:
        root = ET.parse(sys.argv[3]).getroot()
        volume = root.find(f"{PEF}body/{PEF}volume")
        report["pef"] = {
            "version": root.get("version"),
            "cols": int(volume.get("cols")),
            "rows": int(volume.get("rows")),
            "meta": {child.tag.replace(DC, "dc:"): (child.text or "") for child in root.find(f"{PEF}head/{PEF}meta")},
            "pages": [unicode_to_ascii(lib, [(row.text or "") for row in page.iter(f"{PEF}row")])
                      for page in root.iter(f"{PEF}page")],
        }
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
