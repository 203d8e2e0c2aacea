import CPangoCairo
import HandbillLayout
import HandbillStyle

/// Paints positioned pages on a Cairo context. It measures nothing and breaks nothing: every
/// position comes from layout, every glyph from Pango's shaped runs.
struct PageDrawer {
    let cr: OpaquePointer

    /// Draws one page: the background as an artifact, then the items in reading order, opening and
    /// closing structure tags around them (Cairo ignores tags on image surfaces).
    func draw(_ page: PositionedPage, background: Colour) {
        tagged(.artifact) {
            setColour(background)
            cairo_rectangle(cr, 0, 0, page.width, page.height)
            cairo_fill(cr)
        }
        for item in page.items {
            switch item {
            case .open(let role): cairo_tag_begin(cr, role.rawValue, "")
            case .close(let role): cairo_tag_end(cr, role.rawValue)
            case .rect(let rect, let colour):
                setColour(colour)
                cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
                cairo_fill(cr)
            case .line(let line):
                draw(line)
            }
        }
    }

    /// Draws a line run by run, so each run gets its colour and each link its Link tag (whose
    /// drawn area becomes the clickable rectangle).
    private func draw(_ line: TextLine) {
        var openLink: String?
        line.forEachRun { run in
            let link = run.span?.link
            if link != openLink {
                if openLink != nil { cairo_tag_end(cr, CAIRO_TAG_LINK) }
                if let link { cairo_tag_begin(cr, CAIRO_TAG_LINK, "uri='\(Self.quoted(link))'") }
                openLink = link
            }
            if let style = run.span?.style { setColour(style.colour) }
            cairo_move_to(cr, run.x, run.baseline)
            pango_cairo_show_glyph_item(cr, run.text, run.item)
        }
        if openLink != nil { cairo_tag_end(cr, CAIRO_TAG_LINK) }
    }

    private func tagged(_ role: StructureRole, _ body: () -> Void) {
        cairo_tag_begin(cr, role.rawValue, "")
        body()
        cairo_tag_end(cr, role.rawValue)
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
