#!/usr/bin/env python3
"""Read a tagged PDF's text the way a screen reader does: by walking the
structure tree in order (PDF 32000-1:2008, section 14.7-14.8).

Usage: python3 pdf_structure.py FILE.pdf   -> JSON on stdout
Exit 2 (one line on stderr) if the file has no structure tree.

Output: {"lang", "tree": [{"role", "text", "children"}], "roles", "reading",
         "problems": {description: count}}  -- content neither tagged nor
         artifact (or both), .notdef glyphs, bad Unicode mappings
"""
import json
import re
import sys
from collections import defaultdict

from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, dict_value, resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text, mult_matrix

SKIPPED_ROLES = {"Private", "Artifact"}  # decoration: not read aloud
# Inline-level structure types (PDF 1.7, 14.8.4.4) continue the surrounding
# text; every other (block-level) element is set off from it by spaces.
INLINE_ROLES = {"Span", "Quote", "Note", "Reference", "BibEntry", "Code",
                "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP"}


def name(obj):
    obj = resolve1(obj)
    return obj.name if isinstance(obj, PSLiteral) else obj


def text_string(obj):
    """A PDF text string (PDFDocEncoding, or UTF-16BE with a BOM) -> str."""
    obj = resolve1(obj)
    return decode_text(obj) if isinstance(obj, bytes) else obj


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


class MarkedContentDevice(PDFDevice):
    """Collects shown text per marked-content id (MCID) of the current page."""

    def __init__(self, rsrcmgr):
        super().__init__(rsrcmgr)
        self.text = defaultdict(str)  # (page objid, mcid) -> text
        self.page = None
        # PDF/UA: every painting operation is tagged (under an MCID) or an
        # /Artifact, never neither and never both; no glyph is .notdef (id 0);
        # nothing maps to U+0000, U+FEFF or U+FFFE.
        self.problems = defaultdict(int)
        self.artifacts = []  # one bool per open sequence: inside an /Artifact?

    def begin_page(self, page, ctm):
        self.page = page.pageid
        self.stack = []  # one (mcid, inside ActualText?) per open BMC/BDC
        self.pending = []  # per open sequence: its /ActualText not yet read
        self.artifacts = []
        self.last_y = None

    def check_marked(self, what):
        mcid, _ = self.current()
        artifact = any(self.artifacts)
        if mcid is None and not artifact:
            self.problems[f"{what} outside any structure element or artifact"] += 1
        elif mcid is not None and artifact:
            self.problems[f"{what} both tagged and artifact"] += 1

    def paint_path(self, graphicstate, stroke, fill, evenodd, path):
        if stroke or fill:
            self.check_marked("path")

    def render_image(self, name, stream):
        self.check_marked("image")

    def current(self):
        return self.stack[-1] if self.stack else (None, False)

    def begin_tag(self, tag, props=None):
        mcid, in_actual = self.current()  # nested sequences inherit the MCID
        props = props if isinstance(props, dict) else {}
        if "MCID" in props:
            mcid = resolve1(props["MCID"])
        # /ActualText on a marked-content sequence (14.9.4) replaces the glyphs
        # inside it. Pango/Cairo use empty "/Span <</ActualText ( )>>" sequences
        # to mark the space lost at a soft line break.
        # The replacement is read where its first glyph stands (so a line break
        # before that glyph comes first), or at EMC if it covers no glyph.
        pending = None
        if "ActualText" in props and not in_actual:
            pending = text_string(props["ActualText"])
            in_actual = True
        self.stack.append((mcid, in_actual))
        self.pending.append(pending)
        self.artifacts.append(name(tag) == "Artifact")

    def end_tag(self):
        if self.stack:
            mcid, _ = self.stack.pop()
            pending = self.pending.pop()
            if pending is not None:
                self.add(mcid, pending)
            self.artifacts.pop()

    def take_pending(self):
        """The ActualText waiting for its first glyph, if any (and forget it)."""
        for index, pending in enumerate(self.pending):
            if pending is not None:
                self.pending[index] = None
                return pending
        return None

    def add(self, mcid, s):
        if mcid is not None:
            self.text[(self.page, mcid)] += s

    def render_string(self, textstate, seq, ncs, graphicstate):
        self.check_marked("text")
        self.check_glyphs(textstate, seq)
        mcid, in_actual = self.current()
        if textstate.font is None:
            return
        # Where this string starts, in device space. Td/TD/T*/Tm all move the
        # text matrix; pdfminer's base device never advances it along the line,
        # so a change of baseline (y) means the text went to another line.
        # The first text on a page also starts a line (a P may span pages).
        # Text under an /ActualText counts for this too, though its glyphs are
        # not read: the next string is on the same line as it.
        m = mult_matrix(textstate.matrix, self.ctm)
        size = abs(textstate.fontsize * m[3]) or 1
        new_line = self.last_y is None or abs(m[5] - self.last_y) > size / 2
        self.last_y = m[5]
        if mcid is None:
            return
        if in_actual:
            pending = self.take_pending()
            if pending is not None:
                self.add(mcid, (" " if new_line else "") + pending)
            return
        if new_line:
            self.add(mcid, " ")
        font, chars = textstate.font, []
        for item in seq:  # TJ arrays mix strings with kerning numbers
            if isinstance(item, bytes):
                for cid in font.decode(item):
                    try:
                        chars.append(font.to_unichr(cid))  # via /ToUnicode
                    except Exception:
                        chars.append("\ufffd")
        self.add(mcid, "".join(chars))


    def check_glyphs(self, textstate, seq):
        font = textstate.font
        if font is None:
            return
        for item in seq:
            if not isinstance(item, bytes):
                continue
            for cid in font.decode(item):
                if cid == 0:
                    self.problems[".notdef glyph (id 0) shown"] += 1
                try:
                    u = font.to_unichr(cid)
                except Exception:
                    self.problems["glyph without a Unicode mapping"] += 1
                    continue
                if any(c in "\u0000\ufeff\ufffe" for c in u):
                    self.problems["glyph maps to U+0000, U+FEFF or U+FFFE"] += 1


class Interpreter(PDFPageInterpreter):
    def do_BDC(self, tag, props):
        # The property list may be a name looked up in /Resources /Properties.
        if isinstance(props, PSLiteral):
            table = dict_value(self.resources.get("Properties", {}))
            props = dict_value(table.get(props.name, {}))
        super().do_BDC(tag, props)


def main(path):
    with open(path, "rb") as fp:
        doc = PDFDocument(PDFParser(fp))
        catalog = doc.catalog
        root = resolve1(catalog.get("StructTreeRoot"))
        if not isinstance(root, dict):
            print(f"{path}: no structure tree (/StructTreeRoot)", file=sys.stderr)
            return 2

        rsrcmgr = PDFResourceManager()
        device = MarkedContentDevice(rsrcmgr)
        interp = Interpreter(rsrcmgr, device)
        for page in PDFPage.create_pages(doc):
            interp.process_page(page)

        rolemap = dict_value(root.get("RoleMap", {}))

        def standard_role(role):
            seen = set()  # RoleMap may chain (A -> B -> P); guard against cycles
            while role in rolemap and role not in seen:
                seen.add(role)
                role = name(rolemap[role])
            return role

        def page_of(pg, inherited):
            return pg.objid if isinstance(pg, PDFObjRef) else inherited

        roles = []

        def walk(elem, pg):
            """-> (node, text a screen reader gets from elem)."""
            role = standard_role(name(elem.get("S")))
            roles.append(role)
            pg = page_of(elem.get("Pg"), pg)  # /Pg is inherited by descendants
            kids = resolve1(elem.get("K", []))
            kids = kids if isinstance(kids, list) else [kids]
            parts, children = [], []
            for kid in kids:
                kid = resolve1(kid)
                if isinstance(kid, int):  # bare MCID on this element's page
                    parts.append(device.text.get((pg, kid), ""))
                elif isinstance(kid, dict) and name(kid.get("Type")) == "MCR":
                    # Marked-content reference. (An /Stm, i.e. content in a form
                    # XObject, isn't supported: Cairo doesn't write one.)
                    kpg = page_of(kid.get("Pg"), pg)
                    parts.append(device.text.get((kpg, resolve1(kid["MCID"])), ""))
                elif isinstance(kid, dict) and name(kid.get("Type")) == "OBJR":
                    continue  # reference to an annotation (e.g. the link's /Annot)
                elif isinstance(kid, dict) and "S" in kid:  # child element
                    node, text = walk(kid, pg)
                    children.append(node)
                    if node["role"] in INLINE_ROLES:
                        parts.append(text)  # e.g. a Link inside a P
                    elif node["role"] not in SKIPPED_ROLES:
                        parts.append(f" {text} ")  # e.g. Lbl "•" then LBody
            # Other spaces come from the line-break detection in the device.
            text = "".join(parts)
            if "ActualText" in elem:
                text = text_string(elem["ActualText"])
            node = {"role": role, "text": collapse(text), "children": children}
            return node, text

        tree, reading = [], []
        top = resolve1(root.get("K", []))
        for elem in top if isinstance(top, list) else [top]:
            node, text = walk(resolve1(elem), None)
            tree.append(node)
            if node["role"] not in SKIPPED_ROLES:
                reading.append(text)

        lang = catalog.get("Lang")
        json.dump({"lang": text_string(lang) if lang is not None else None,
                   "tree": tree, "roles": roles,
                   "problems": dict(device.problems),
                   "reading": collapse(" ".join(reading))},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} FILE.pdf")
    sys.exit(main(sys.argv[1]))
