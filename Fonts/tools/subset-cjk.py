#!/usr/bin/env python3
"""Make Handbill's Chinese fonts from Debian's fonts-noto-cjk (SIL OFL 1.1).

The Noto Sans CJK collections are 20 MB a weight. Handbill needs two faces of them: Simplified
Chinese (SC) and Traditional Chinese as used in Hong Kong (HK), each cut down to the characters of
the national standard sets (GB 2312's 6,763 characters for Simplified; Big5's 13,053 for
Traditional) plus Latin-1 and CJK punctuation: 3.5 MB (SC) and about 7 MB (HK) a file. A character outside these sets is reported by
Handbill's missing-glyph check, never drawn as a box; rerun this with more characters if needed.

Usage (needs fonttools from PyPI and the fonts-noto-cjk Debian package):
    python3 Fonts/tools/subset-cjk.py /usr/share/fonts/opentype/noto Fonts
"""
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

FACES = {"SC": 2, "HK": 4}  # face numbers inside NotoSansCJK-*.ttc


def codec_characters(codec, leads, trails):
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


def characters(face):
    common = {chr(c) for c in range(0x20, 0x7F)}          # ASCII
    common |= {chr(c) for c in range(0xA0, 0x100)}        # Latin-1 (names, £)
    common |= {chr(c) for c in range(0x2000, 0x2070)}     # general punctuation
    common |= {chr(c) for c in range(0x3000, 0x3040)}     # CJK symbols and punctuation
    common |= {chr(c) for c in range(0xFF00, 0xFFF0)}     # full-width forms
    if face == "SC":
        return common | codec_characters("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    return common | codec_characters("big5", range(0xA1, 0xFA), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))


def to_truetype(font, max_error=1.0):
    """Replaces the CFF outlines with TrueType ones (after fontTools' snippets/otf2ttf.py)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["post"].formatType = 3.0  # no glyph names: CID fonts' are only cid00001…
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]  # vertical origins are for CFF only
    font.sfntVersion = "\000\001\000\000"


def main(source, target):
    for weight in ["Regular", "Bold"]:
        collection = TTCollection(f"{source}/NotoSansCJK-{weight}.ttc")
        for face, number in FACES.items():
            font = collection.fonts[number]
            options = subset.Options()
            options.name_IDs = ["*"]
            options.name_languages = ["*"]
            options.layout_features = ["*"]
            options.notdef_outline = True
            subsetter = subset.Subsetter(options)
            subsetter.populate(text="".join(sorted(characters(face))))
            subsetter.subset(font)
            to_truetype(font)
            font.save(f"{target}/NotoSansCJK{face}-{weight}-subset.ttf")
            print(f"{target}/NotoSansCJK{face}-{weight}-subset.ttf")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
