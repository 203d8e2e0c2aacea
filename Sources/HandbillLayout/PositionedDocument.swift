import HandbillModel
import HandbillStyle

/// What layout hands to render: pages of positioned items, in reading order, with the structure
/// tags that say what each item is. Coordinates are PDF points from the page's top-left corner.
public struct PositionedDocument: Sendable {
    public var metadata: DocumentMetadata
    public var pages: [PositionedPage]
    /// One entry per heading, for the PDF's bookmark outline.
    public var outline: [OutlineEntry]
    public var background: Colour
    /// When pages are drawn out of reading order (a tri-fold's back panel is on page 1, read last):
    /// for each element directly under the document, in the order drawn, its place in reading order.
    public var readingOrder: [Int]? = nil
    /// What the layout left out of the full text to fit (a poster's shorter text, a tri-fold's
    /// sections): a note for the build to show, nil when it holds everything.
    public var shortened: Shortening? = nil
    /// In one right-to-left language (two side by side read from the left): a booklet is stapled
    /// on its right edge, and viewers show two-page spreads from the right.
    public var rightToLeft = false

    public init(metadata: DocumentMetadata, pages: [PositionedPage], outline: [OutlineEntry], background: Colour) {
        self.metadata = metadata
        self.pages = pages
        self.outline = outline
        self.background = background
    }

    /// What each link is, in words — the text it is printed with — by address.
    public var linkDescriptions: [String: String] {
        var result: [String: String] = [:]
        var seen: Set<ObjectIdentifier> = []
        for page in pages {
            for line in page.lines where seen.insert(ObjectIdentifier(line.shaped)).inserted {
                let bytes = Array(line.shaped.text.utf8), spans = line.shaped.spans
                var index = 0
                while index < spans.count {
                    guard let url = spans[index].link else { index += 1; continue }
                    var words = ""
                    while index < spans.count, spans[index].link == url {
                        words += String(decoding: bytes[spans[index].byteStart..<spans[index].byteEnd], as: UTF8.self)
                        index += 1
                    }
                    if result[url] == nil {
                        result[url] = ShapedText.withoutLayoutMarks(words).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    }
                }
            }
        }
        return result
    }
}

public struct PositionedPage: Sendable {
    /// The sheet: the finished page plus the bleed on every side.
    public var width: Double
    public var height: Double
    /// How far backgrounds run past the finished (trimmed) edge; 0 for office printers.
    public var bleed: Double = 0
    /// Paper outside the bleed that holds the print marks (print-shop output); 0 otherwise.
    public var slug: Double = 0
    /// Crop, cut and fold marks, outside the content (added by finishing, in registration colour).
    public var marks: [PrintMark] = []
    /// Nothing (background included) is painted outside this rectangle: a poster tile shows only
    /// its window of the poster, within what an office printer can print. Nil: the whole sheet.
    public var clip: Rect? = nil
    /// Decoration drawn after the items, outside the clip: a poster tile's label. Artifacts only.
    public var furniture: [PositionedItem] = []
    /// Items in reading order; tags open and close around what they hold.
    public var items: [PositionedItem]

    public init(width: Double, height: Double, bleed: Double = 0, items: [PositionedItem]) {
        self.width = width
        self.height = height
        self.bleed = bleed
        self.items = items
    }

    /// Every line of text on the page.
    /// Where the finished page is cut: the sheet less the slug and the bleed.
    public var trimBox: Rect {
        let inset = bleed + slug
        return Rect(x: inset, y: inset, width: width - 2 * inset, height: height - 2 * inset)
    }

    /// How far backgrounds run: the sheet less the slug.
    public var bleedBox: Rect { Rect(x: slug, y: slug, width: width - 2 * slug, height: height - 2 * slug) }

    public var lines: [TextLine] {
        items.compactMap { if case .line(let line) = $0 { line } else { nil } }
    }
}

public struct OutlineEntry: Equatable, Sendable {
    public var level: Int
    public var title: String
    /// 0-based page index, and the heading's top on it.
    public var page: Int
    public var y: Double
}

public struct Point: Equatable, Sendable {
    public var x: Double, y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

public struct Rect: Equatable, Sendable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}

public enum PositionedItem: Sendable {
    /// Opens a structure element; everything until its `close` belongs to it.
    case open(StructureRole)
    case close(StructureRole)
    /// Alt text, language or replacement text for the element opened last.
    case describe(StructureAttributes)
    case line(TextLine)
    /// A filled rectangle: decoration, always inside an artifact.
    case rect(Rect, Colour)
    /// A raster picture (PNG file) scaled into a rectangle.
    case image(path: String, Rect)

    func offsetBy(x dx: Double, y dy: Double) -> PositionedItem {
        switch self {
        case .open, .close, .describe: return self
        case .line(var line):
            line.origin.x += dx
            line.origin.y += dy
            return .line(line)
        case .rect(let rect, let colour):
            return .rect(Rect(x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height), colour)
        case .image(let path, let rect):
            return .image(path: path, Rect(x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height))
        }
    }
}

/// One line of shaped text at its place on the page.
public struct TextLine: Sendable {
    /// Left end of the baseline.
    public var origin: Point
    public var width: Double
    public var ascent: Double, descent: Double
    /// The line's characters, as a reader gets them.
    public var text: String
    /// The type sizes used on the line (a run at each).
    public var sizes: [Double]
    public let shaped: ShapedText
    public let lineIndex: Int

    /// The box the line's glyphs can take up.
    public var bounds: Rect { Rect(x: origin.x, y: origin.y - ascent, width: width, height: ascent + descent) }

    /// The line's glyph runs, each with its absolute x and the span it draws, in reading
    /// (logical) order — not left to right — so that a right-to-left line's content is stored
    /// in the order it is read. Render's entry point.
    public var runs: [GlyphRun] {
        var runs: [GlyphRun] = []
        let text = shaped.pangoText
        var inOrder = true
        shaped.forEachRun(inLine: lineIndex) { run, x in
            let offset = Int(run.pointee.item.pointee.offset)
            if let last = runs.last, last.item.pointee.item.pointee.offset > offset { inOrder = false }
            runs.append(GlyphRun(item: run, text: text, x: origin.x + x, baseline: origin.y, span: shaped.span(at: offset)))
        }
        // Left to right is already reading order but in right-to-left text.
        if !inOrder { runs.sort { $0.item.pointee.item.pointee.offset < $1.item.pointee.item.pointee.offset } }
        return runs
    }
}

extension Array where Element == PositionedItem {
    /// The items without the document element's own open and close: a page's content, to place
    /// on a sheet that has a document element of its own (imposition, tiling, cards).
    public var withoutDocument: [PositionedItem] {
        filter {
            switch $0 {
            case .open(.document), .close(.document): false
            default: true
            }
        }
    }

    /// How many content elements (not decoration, which the finisher takes out of the tree) open at
    /// the top level of these items: what `ReadingOrder` sorts when sheets are drawn out of order.
    public var topLevelContentElements: Int {
        var depth = 0, count = 0
        for item in self {
            switch item {
            case .open(.document), .close(.document): continue
            case .open(let role):
                if depth == 0 && role != .artifact { count += 1 }
                depth += 1
            case .close: depth -= 1
            default: break
            }
        }
        return count
    }
}
