#!/usr/bin/env python3
"""Which of a font's forms a PDF prints for some characters: the font's own (the glyph its cmap
gives the character) or another (a regional form 'locl' put in its place).

Compares the outline each character's glyph has in the PDF's embedded subsets of a family with
the outline of the character's glyph in the font file.

Usage: python3 pdf_glyph_forms.py FILE.pdf FONT.ttf CHARACTERS   -> JSON on stdout:
    {character: "own" | "other" | "absent"}
"""
import json
import sys

import pikepdf
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

from pdf_fonts import embedded_fonts


def outline(glyphs, name):
    pen = DecomposingRecordingPen(glyphs)
    glyphs[name].draw(pen)
    return pen.value


def forms(path, font_path, characters):
    font = TTFont(font_path)
    family = font["name"].getDebugName(6)  # PostScript name, as subsets are named: ABCDEF+Name
    own_glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    found = {character: "absent" for character in characters}
    with pikepdf.open(path) as pdf:
        for name, codes, glyphs, find in embedded_fonts(pdf):
            if name.split("+")[-1] != family:
                continue
            for code, text in codes.items():
                if text in found and text in characters and (glyph := find(code, text)) is not None:
                    same = outline(glyphs, glyph) == outline(own_glyphs, cmap[ord(text)])
                    found[text] = "own" if same else "other"
    return found


if __name__ == "__main__":
    json.dump(forms(sys.argv[1], sys.argv[2], sys.argv[3]), sys.stdout, ensure_ascii=False)
