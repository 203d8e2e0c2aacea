import CPangoCairo
import HandbillModel
import HandbillStyle

/// A paragraph shaped and broken into lines by Pango at a given width.
///
/// Layout reads its line metrics to place lines; render draws its glyph runs. Nothing else touches
/// the Pango layout it owns.
public final class ShapedText: @unchecked Sendable {
    /// One line as Pango broke it.
    public struct Line: Equatable, Sendable {
        /// UTF-8 byte range of the line in `text`.
        public var byteStart: Int, byteLength: Int
        /// Offset of the line's left edge from the paragraph's, from alignment.
        public var x: Double
        public var width: Double
        public var ascent: Double, descent: Double
        /// The line's characters.
        public var text: String
        /// Width without the spaces it ends with, which may hang past the measure as in any typesetter.
        public var inkWidth: Double
    }

    /// What each byte range of the text is: its style and link.
    public struct Span: Equatable, Sendable {
        public var byteStart: Int, byteEnd: Int
        public var style: TextStyle
        public var link: String?
    }

    let layout: OpaquePointer
    public let text: String
    public let spans: [Span]
    public let lines: [Line]
    public let lineHeight: Double
    /// Where the text comes from in the guidance source.
    public let source: SourceLocation?
    /// Glyphs the fonts do not have (drawn as empty boxes if we let them).
    public let unknownGlyphs: Int

    init(layout: OpaquePointer, text: String, spans: [Span], lineHeight: Double, source: SourceLocation?) {
        self.source = source
        self.layout = layout
        self.text = text
        self.spans = spans
        self.lineHeight = lineHeight
        unknownGlyphs = Int(pango_layout_get_unknown_glyphs_count(layout))
        var lines: [Line] = []
        let utf8 = Array(text.utf8)
        let iterator = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iterator) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { break }
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, &ink, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iterator))
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            let bytes = utf8[start..<min(start + length, utf8.count)]
            // Spaces (and bidi controls) a line ends with take no room at the measure.
            var end = start + bytes.count, hanging = 0.0
            while end > start, utf8[end - 1] == 0x20 { end -= 1 }
            if end < start + bytes.count {
                var from: Int32 = 0, to: Int32 = 0
                pango_layout_line_index_to_x(line, Int32(end), 0, &from)
                pango_layout_line_index_to_x(line, Int32(start + bytes.count - 1), 1, &to)
                hanging = abs(Double(to - from)) / Double(PANGO_SCALE)
            }
            lines.append(Line(
                byteStart: start, byteLength: length, x: pangoPoints(logical.x), width: pangoPoints(logical.width),
                ascent: (baseline - Double(logical.y)) / Double(PANGO_SCALE),
                descent: Double(logical.y + logical.height - Int32(baseline)) / Double(PANGO_SCALE),
                text: Self.withoutLayoutMarks(bytes),
                inkWidth: pangoPoints(logical.width) - hanging))
        } while pango_layout_iter_next_line(iterator) != 0
        self.lines = lines
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// The text a reader sees: without the marks layout adds (`isLayoutMark`).
    public static func withoutLayoutMarks(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isLayoutMark) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isLayoutMark($0) })
        return String(scalars)
    }

    /// The same for UTF-8 bytes (a line of the layout's text), without going through scalars.
    static func withoutLayoutMarks(_ bytes: ArraySlice<UInt8>) -> String {
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { _ = appendWithoutLayoutMarks($0, to: &kept) }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Appends UTF-8 bytes without layout marks (`isLayoutMark`: all three bytes long, starting
    /// with E2 or EF) and returns how many it appended. Render calls this for every cluster it draws.
    public static func appendWithoutLayoutMarks(_ bytes: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) -> Int {
        let before = text.count
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xE2 || bytes[index] == 0xEF, index + 2 < bytes.count,
               isLayoutMark(bytes[index], bytes[index + 1], bytes[index + 2]) {
                index += 3
                continue
            }
            text.append(bytes[index])
            index += 1
        }
        return text.count - before
    }

    /// The UTF-8 bytes of a layout mark.
    private static func isLayoutMark(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch (first, second) {
        case (0xE2, 0x80): third == 0x8B || third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)
        case (0xE2, 0x81): (0xA6...0xA9).contains(third)
        case (0xEF, 0xBF): third == 0xBC
        default: false
        }
    }

    /// What layout adds to the text and a reader never gets: bidi controls (U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069: the isolates around numbers and addresses), the zero-width
    /// spaces (U+200B) put after an address's slashes where it may break, and the object
    /// replacement character (U+FFFC) keeping room for a footer's page number (`StyledRun.Room`;
    /// guidance text may not hold one: `UnwantedCharacter`). None is drawn as a glyph.
    public static func isLayoutMark(_ scalar: Unicode.Scalar) -> Bool {
        [0x200B, 0x200E, 0x200F, 0xFFFC].contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The span a byte of the text belongs to.
    public func span(at byte: Int) -> Span? {
        spans.first { $0.byteStart <= byte && byte < $0.byteEnd }
    }

    /// Calls `body` with each glyph run of line `index`, left to right, and its x offset from the
    /// line's start, in points. Render uses this; it never re-shapes.
    func forEachRun(inLine index: Int, _ body: (UnsafeMutablePointer<PangoGlyphItem>, Double) -> Void) {
        guard let line = pango_layout_get_line_readonly(layout, Int32(index)) else { return }
        var x = 0.0
        var node = line.pointee.runs
        while let current = node {
            let run = current.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
            body(run, x)
            x += pangoPoints(pango_glyph_string_get_width(run.pointee.glyphs))
            node = current.pointee.next
        }
    }

    /// The line holding the character at byte `index` and the left edge of its box, from the
    /// paragraph's left: where to draw what a `StyledRun.Room` kept room for.
    func place(ofByte index: Int) -> (line: Int, left: Double) {
        var line: Int32 = 0, box = PangoRectangle()
        pango_layout_index_to_line_x(layout, Int32(index), 0, &line, nil)
        pango_layout_index_to_pos(layout, Int32(index), &box)
        // A right-to-left character's box runs leftwards from x.
        return (Int(line), pangoPoints(min(box.x, box.x + box.width)))
    }

    /// The layout's own copy of the text, which glyph runs index into.
    var pangoText: UnsafePointer<CChar> { pango_layout_get_text(layout) }
}

func pangoPoints(_ units: Int32) -> Double { Double(units) / Double(PANGO_SCALE) }

extension ShapedText {
    /// Characters that came out as Pango's unknown-glyph boxes: tofu.
    public var missingCharacters: [Unicode.Scalar] {
        guard unknownGlyphs > 0 else { return [] }
        var found: [Unicode.Scalar] = []
        for index in lines.indices {
            forEachRun(inLine: index) { run, _ in
                let glyphs = run.pointee.glyphs.pointee
                for g in 0..<Int(glyphs.num_glyphs) {
                    let glyph = glyphs.glyphs[g].glyph
                    if glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0,
                       let scalar = Unicode.Scalar(glyph & ~PANGO_GLYPH_UNKNOWN_FLAG), !found.contains(scalar) {
                        found.append(scalar)
                    }
                }
            }
        }
        return found
    }
}
