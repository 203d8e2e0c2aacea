"""The font programs a PDF embeds, read with fontTools: each font's codes, the characters its
/ToUnicode map gives them and the glyphs they draw. Shared by pdf_blank_glyphs.py and
pdf_glyph_forms.py.
"""
import io
import re

import pikepdf
from fontTools.cffLib import CFFFontSet
from fontTools.ttLib import TTFont


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



def embedded_fonts(pdf):
    """(name, {code: text}, glyph set, find(code, text) -> glyph name) for each font with
    an embedded program and a /ToUnicode map, once each."""
    seen = set()
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
            yield str(font.get("/BaseFont")), to_unicode(font.ToUnicode), glyphs, find
