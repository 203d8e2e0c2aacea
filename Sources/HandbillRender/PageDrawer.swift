import CPangoCairo
import CRsvgLoader
import HandbillLayout
import HandbillModel
import HandbillStyle

/// Paints positioned pages on a Cairo context. It measures nothing and breaks nothing: every
/// position comes from layout, every glyph from Pango's shaped runs.
struct PageDrawer {
    let cr: OpaquePointer
    let elements: ElementLog
    /// Reused for every glyph run the drawer shows.
    let glyphBuffers = GlyphEmitter.Buffers()
    /// The SVG pictures drawn so far, each painted again wherever it is shown.
    let pictures = PictureDrawings()

    /// Draws one page: a coloured background as an artifact, then the items in reading order,
    /// opening and closing structure tags around them (Cairo ignores tags on image surfaces) —
    /// both inside the page's clip when it has one — then its furniture, unclipped.
    func draw(_ page: PositionedPage, background: Colour) {
        if let clip = page.clip {
            cairo_save(cr)
            cairo_rectangle(cr, clip.x, clip.y, clip.width, clip.height)
            cairo_clip(cr)
        }
        if background != Colour(red: 1, green: 1, blue: 1) {
            // White paper needs no background. A fill covering the whole page makes Cairo 1.16
            // drop what came before it on the page, tags included, so stop a hair short of the edge.
            tagged(.artifact) {
                // Print-shop sheets: the background runs into the bleed, not onto the slug.
                let box = page.bleedBox
                setColour(background)
                cairo_rectangle(cr, box.x + 0.01, box.y + 0.01, box.width - 0.02, box.height - 0.02)
                cairo_fill(cr)
            }
        }
        draw(page.items)
        if page.clip != nil { cairo_restore(cr) }
        draw(page.furniture)
    }

    /// Draws items in reading order, opening and closing their structure tags.
    private func draw(_ items: [PositionedItem]) {
        var leaves = LeafTagger(cr: cr, elements: elements)
        // Inside decoration a line gets no Span or Link of its own (a tile's copy of a line read on another tile).
        var decoration = 0
        for item in items {
            if case .line(let line) = item {
                draw(line, leaves: &leaves, tagged: decoration == 0)
                continue
            }
            leaves.close()
            switch item {
            case .open(let role):
                if role == .artifact { decoration += 1 }
                elements.begin(cr, role.rawValue)
            case .close(let role):
                if role == .artifact { decoration -= 1 }
                elements.end(cr, role.rawValue)
            case .describe(let attributes): elements.describe(attributes)
            case .rect(let rect, let colour):
                setColour(colour)
                cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
                cairo_fill(cr)
            case .image(let path, let rect):
                drawImage(path, in: rect)
            case .line: break
            }
        }
        leaves.close()
    }

    /// Draws a line run by run, so each run gets its colour and each link its Link tag (whose
    /// drawn area becomes the clickable rectangle); runs that differ in nothing drawn are shown
    /// as one (`GlyphEmitter.canShow`).
    private func draw(_ line: TextLine, leaves: inout LeafTagger, tagged: Bool) {
        // Cairo 1.16 marks content only in leaf elements: a paragraph holding a Link would lose its
        // own words from the structure tree. So in such a paragraph every run outside a link goes
        // in a Span, and the paragraph holds only Spans and Links.
        let needsLeaves = tagged && line.shaped.spans.contains { $0.link != nil }
        let runs = line.runs
        var start = runs.startIndex
        while start < runs.endIndex {
            var end = start + 1
            while end < runs.endIndex, GlyphEmitter.canShow(runs[end], after: runs[end - 1]) { end += 1 }
            let run = runs[start]
            leaves.switchTo(needsLeaves ? (run.span?.link.map(Leaf.link) ?? .span) : nil, in: line.shaped)
            if let style = run.span?.style { setColour(style.colour) }
            let reordered = GlyphEmitter.show(runs[start..<end], on: cr, using: glyphBuffers)
            elements.drew(glyphBuffers.clusters.text, reordered: reordered)
            start = end
        }
        // Readers take a change of line for a space. Where the paragraph goes on from inside a word,
        // the paragraph (outside the Span or Link it ends in) is read whole instead.
        if tagged, line.lineIndex + 1 < line.shaped.lines.count, let last = line.text.unicodeScalars.last,
           !last.properties.isWhitespace {
            elements.readWhole(outward: leaves.isOpen ? 1 : 0)
        }
    }

    /// Keeps a Span or Link open from one line to the next of the same paragraph, so a link that
    /// wraps is one Link element, not one per line.
    private struct LeafTagger {
        let cr: OpaquePointer
        let elements: ElementLog
        var open: (leaf: Leaf, paragraph: ObjectIdentifier)?

        mutating func switchTo(_ leaf: Leaf?, in paragraph: ShapedText) {
            if let open, open.leaf == leaf, open.paragraph == ObjectIdentifier(paragraph) { return }
            close()
            if let leaf {
                leaf.begin(cr, elements)
                open = (leaf, ObjectIdentifier(paragraph))
            }
        }

        mutating func close() {
            open?.leaf.end(cr, elements)
            open = nil
        }

        var isOpen: Bool { open != nil }
    }

    /// A leaf structure element inside a paragraph.
    private enum Leaf: Equatable {
        case span
        case link(String)

        func begin(_ cr: OpaquePointer, _ elements: ElementLog) {
            switch self {
            case .span: elements.begin(cr, "Span")
            case .link(let uri): elements.begin(cr, CAIRO_TAG_LINK, "uri='\(PageDrawer.quoted(uri))'")
            }
        }

        func end(_ cr: OpaquePointer, _ elements: ElementLog) {
            elements.end(cr, self == .span ? "Span" : CAIRO_TAG_LINK)
        }
    }

    /// A picture in `rect`: an SVG drawn by librsvg (fitted, keeping its proportions), or a PNG
    /// scaled to fill. A file that will not load draws as a grey box (layout checked it loads).
    private func drawImage(_ path: String, in rect: Rect) {
        if path.lowercased().hasSuffix(".svg") {
            pictures.paint(path, on: cr, in: hb_rsvg_rectangle(x: rect.x, y: rect.y, width: rect.width, height: rect.height))
            return
        }
        let image = cairo_image_surface_create_from_png(path)
        defer { cairo_surface_destroy(image) }
        let width = Double(cairo_image_surface_get_width(image)), height = Double(cairo_image_surface_get_height(image))
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        if cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, width > 0, height > 0 {
            cairo_translate(cr, rect.x, rect.y)
            cairo_scale(cr, rect.width / width, rect.height / height)
            cairo_set_source_surface(cr, image, 0, 0)
            cairo_paint(cr)
        } else {
            cairo_set_source_rgb(cr, 0.85, 0.85, 0.85)
            cairo_paint(cr)
        }
        cairo_restore(cr)
    }

    private func tagged(_ role: StructureRole, _ body: () -> Void) {
        elements.begin(cr, role.rawValue)
        body()
        elements.end(cr, role.rawValue)
    }

    private func setColour(_ colour: Colour) {
        cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
    }

    /// Cairo's attribute strings quote with ' and escape with \.
    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }
}

import Foundation
