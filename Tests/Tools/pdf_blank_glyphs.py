#!/usr/bin/env python3
"""Characters a PDF shows with a glyph that draws nothing: tofu that no text check sees.

Text extraction reads a character's code through the font's /ToUnicode map, so a PDF whose
embedded font program lost a glyph's outline (a broken subset) still copies and searches as
if all were well, while the page shows a gap or a box. This reads every embedded font program
(TrueType /FontFile2, CFF /FontFile3) with fontTools, follows each code in /ToUnicode to its
glyph and draws it: a glyph for a character that is not a space must have an outline.

Usage: python3 pdf_blank_glyphs.py FILE.pdf   -> JSON on stdout:
    [{"font", "code", "text", "problem"}], empty when every glyph draws.
"""
import io
import json
import re
import sys

import pikepdf
from fontTools.cffLib import CFFFontSet
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

# Characters that rightly draw nothing: spaces, and the bidi and zero-width marks layout adds.
INVISIBLE = set("\u200b\u200c\u200d\u2066\u2067\u2068\u2069\u00ad")


def to_unicode(stream):
    """Code -> text, from a /ToUnicode CMap's bfchar and bfrange entries."""
    data = stream.read_bytes().decode("latin-1")
    codes = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for source, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            codes[int(source, 16)] = bytes.fromhex(target).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for first, last, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = bytes.fromhex(target).decode("utf-16-be")
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                codes[code] = start[:-1] + chr(ord(start[-1]) + offset)
    return codes


def glyph_finder(descriptor, composite):
    """(glyph set, code -> glyph name) for the font program a descriptor embeds, or None.
    A composite (Type0) font's codes are glyph ids (CIDs); a simple font's go through the
    program's own cmap, as Cairo writes it for its 8-bit subsets."""
    if "/FontFile2" in descriptor:
        font = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()))
        order = font.getGlyphOrder()
        if composite:
            return font.getGlyphSet(), lambda code, text: order[code] if code < len(order) else None
        tables = {(table.platformID, table.platEncID): table.cmap for table in font["cmap"].tables}

        def find(code, text):
            # As a reader looks a simple TrueType font's code up: by its character in the
            # Unicode cmap (the code named through the font's encoding), else by the code.
            if (3, 1) in tables and len(text) == 1 and ord(text) in tables[(3, 1)]:
                return tables[(3, 1)][ord(text)]
            for key, offset in (((1, 0), 0), ((3, 0), 0xF000)):
                if key in tables and code + offset in tables[key]:
                    return tables[key][code + offset]
            return None

        return font.getGlyphSet(), find
    if "/FontFile3" in descriptor:
        fonts = CFFFontSet()
        fonts.decompile(io.BytesIO(descriptor.FontFile3.read_bytes()), None)
        top = fonts[fonts.fontNames[0]]
        names, order = set(top.charset), top.charset

        def find(code, text):
            cid = "cid%05d" % code  # a CID-keyed font's glyphs are named by CID
            if cid in names:
                return cid
            return order[code] if code < len(order) else None

        return top.CharStrings, find
    return None


def blank_glyphs(path):
    problems, seen = [], set()
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            fonts = page.Resources.get("/Font") or {}
            for _, font in fonts.items():
                if font.objgen in seen or "/ToUnicode" not in font:
                    continue
                seen.add(font.objgen)
                composite = font.get("/Subtype") == "/Type0"
                described = font.DescendantFonts[0] if composite else font
                finder = glyph_finder(described.FontDescriptor, composite) if "/FontDescriptor" in described else None
                if finder is None:
                    continue
                glyphs, find = finder
                name = str(font.get("/BaseFont"))
                for code, text in sorted(to_unicode(font.ToUnicode).items()):
                    if not text.strip() or all(c in INVISIBLE or c == "\ufffd" for c in text):
                        # Nothing to see, or a glyph that stands for no character (a Nastaliq
                        # joining piece): nothing to check it against.
                        continue
                    glyph = find(code, text)
                    if glyph is None:
                        problems.append({"font": name, "code": code, "text": text, "problem": "no glyph"})
                        continue
                    pen = BoundsPen(glyphs)
                    try:
                        glyphs[glyph].draw(pen)
                    except Exception as error:  # a charstring that does not run: drawn as nothing or a box
                        problems.append({"font": name, "code": code, "text": text, "problem": f"broken outline: {error}"})
                        continue
                    if pen.bounds is None:
                        problems.append({"font": name, "code": code, "text": text, "problem": "empty outline"})
    return problems


if __name__ == "__main__":
    json.dump(blank_glyphs(sys.argv[1]), sys.stdout, ensure_ascii=False)
