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
import json
import sys

import pikepdf
from fontTools.pens.boundsPen import BoundsPen

from pdf_fonts import embedded_fonts

# Characters that rightly draw nothing: spaces, and the bidi and zero-width marks layout adds.
INVISIBLE = set("\u200b\u200c\u200d\u2066\u2067\u2068\u2069\u00ad")


def blank_glyphs(path):
    problems = []
    with pikepdf.open(path) as pdf:
        for name, codes, glyphs, find in embedded_fonts(pdf):
            for code, text in sorted(codes.items()):
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
