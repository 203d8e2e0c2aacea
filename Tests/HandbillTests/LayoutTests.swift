import Foundation
import Handbill
@testable import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillSyntax
import Testing

/// Layout checked on its positioned boxes, without drawing a PDF.
@Suite struct LayoutTests {
    static func laidOut(_ variant: String, product: String = "leaflet-a4") throws -> PositionedDocument {
        try Builder(workspace: Project.workspace).layout(try Project.document(), job: Project.job(variant, product: product))
    }

    /// Content lines (not footer) of each page, tagged with their innermost open role.
    static func contentLines(of page: PositionedPage) -> [(line: TextLine, role: StructureRole)] {
        var stack: [StructureRole] = [], result: [(TextLine, StructureRole)] = []
        for item in page.items {
            switch item {
            case .open(let role): stack.append(role)
            case .close: if !stack.isEmpty { stack.removeLast() }
            case .line(let line) where !stack.contains(.artifact): result.append((line, stack.last ?? .document))
            default: break
            }
        }
        return result
    }

    @Test func largePrintHasNoTextBelow16pt() throws {
        for (index, page) in try Self.laidOut("large-print").pages.enumerated() {
            for line in page.lines {
                #expect(line.sizes.allSatisfy { $0 >= 16 }, "page \(index + 1): “\(line.text)” at \(line.sizes)pt")
            }
        }
    }

    @Test(arguments: ["standard", "large-print"])
    func noLineEndsInAHyphenOrSplitsAnAddress(variant: String) throws {
        for page in try Self.laidOut(variant).pages {
            for line in page.lines {
                let text = line.text.trimmingCharacters(in: .whitespaces)
                #expect(!text.hasSuffix("-") && !text.hasSuffix("\u{2010}") && !text.hasSuffix("\u{00AD}"),
                        "hyphenated line end: “\(text)”")
                // An address is whole on one line: no line ends inside one ("…/" or "www.").
                #expect(!text.hasSuffix("/") && !text.hasSuffix("."+"uk/"), "address split: “\(text)”")
            }
        }
    }

    @Test(arguments: ["standard", "large-print"])
    func everyLineIsInsideTheMargins(variant: String) throws {
        let product = try Project.workspace.layouts.product("leaflet-a4")
        let left = points(mm: product.marginsMM.left), right = points(mm: product.marginsMM.right)
        let top = points(mm: product.marginsMM.top), bottom = points(mm: product.marginsMM.bottom)
        for page in try Self.laidOut(variant).pages {
            for line in page.lines {
                let box = line.bounds
                #expect(box.x >= left - 0.01 && box.maxX <= page.width - right + 0.01, "“\(line.text)” crosses a side margin")
                #expect(box.y >= top - 0.01 && box.maxY <= page.height - bottom + 0.01, "“\(line.text)” crosses the top or bottom margin")
            }
        }
    }

    @Test(arguments: ["standard", "large-print"])
    func headingsAreNeverLastInAColumn(variant: String) throws {
        for (index, page) in try Self.laidOut(variant).pages.enumerated() {
            let lines = Self.contentLines(of: page)
            let columns = Dictionary(grouping: lines) { Int($0.line.origin.x / 100) }
            for column in columns.values {
                let last = column.max { $0.line.origin.y < $1.line.origin.y }!
                #expect(![.h1, .h2, .h3].contains(last.role), "page \(index + 1) ends a column with heading “\(last.line.text)”")
            }
        }
    }

    @Test(arguments: ["standard", "large-print"], ["leaflet-a4", "booklet-a5"])
    func paragraphsSplitAcrossColumnsKeepTwoLinesEachSide(variant: String, product: String) throws {
        // Lines of one paragraph share its shaped text; group them by page and column.
        var frames: [ObjectIdentifier: [String: [TextLine]]] = [:]
        for (index, page) in try Self.laidOut(variant, product: product).pages.enumerated() {
            for (line, role) in Self.contentLines(of: page) where role == .paragraph {
                let column = line.origin.x < page.width / 2 ? "left" : "right"
                frames[ObjectIdentifier(line.shaped), default: [:]]["page \(index + 1) \(column)", default: []].append(line)
            }
        }
        var splits = 0
        for parts in frames.values where parts.count > 1 {
            splits += 1
            for (frame, lines) in parts {
                #expect(lines.count >= 2, "\(frame) holds a single line of a paragraph: “\(lines[0].text)”")
            }
        }
        // Which paragraphs meet a page end depends on the text; the small booklet pages always split some.
        if product == "booklet-a5" { #expect(splits > 0, "no paragraph was split, so this test proves nothing") }
    }

    @Test func addressesTooWideForTheColumnAreRefusedNotSplit() throws {
        var document = try Project.document()
        document.blocks.append(.paragraph([.link(url: "https://example.org/" + String(repeating: "very-long-path-", count: 8), content: [.text("here")])]))
        #expect {
            try Builder(workspace: Project.workspace).layout(document, job: Project.job("large-print"))
        } throws: { error in
            let message = (error as? DiagnosticError)?.description ?? ""
            return message.contains("cannot be broken") && message.contains("very-long-path")
        }
    }

    /// An address too long for the line breaks after a slash or before a dot — nowhere else —
    /// and reads back whole: the break is no character of the text.
    @Test func anAddressTooLongForTheLineBreaksOnlyAfterASlashOrBeforeADot() throws {
        var document = try Project.document()
        let address = "example.org/guidance-for-parents-and-carers/online-safety/what-to-do-if-it-happens"
        document.blocks.append(.paragraph([.link(url: "https://" + address, content: [.text("here")])]))
        let laidOut = try Builder(workspace: Project.workspace).layout(document, job: Project.job("large-print"))
        let lines = laidOut.pages.flatMap(\.lines).map(\.text).filter { $0.contains("example") || $0.contains("guidance-for") || $0.contains("online-safety") || $0.contains("what-to-do-if-it-happens") }
        #expect(lines.count >= 2, "the address was not broken: \(lines)")
        for (line, next) in zip(lines, lines.dropFirst()) {
            #expect(line.hasSuffix("/") || next.hasPrefix("."), "broken elsewhere than after a slash or before a dot: “\(line)” | “\(next)”")
        }
        #expect(lines.joined().contains(address), "the address does not read back whole: \(lines)")
        #expect(!lines.joined().unicodeScalars.contains("\u{200B}"))
    }

    @Test func missingGlyphsAreRefusedNotDrawnAsBoxes() throws {
        var document = try Project.document()
        document.blocks.append(.paragraph([.text("Help in Amharic: ሰላም")]))
        #expect {
            try Builder(workspace: Project.workspace).layout(document, job: Project.job("standard"))
        } throws: { error in
            let message = (error as? DiagnosticError)?.description ?? ""
            return message.contains("no glyph") && message.contains("U+1230")
        }
    }

    @Test func everyPageHasAFooterWithItsNumber() throws {
        let pages = try Self.laidOut("large-print").pages
        for (index, page) in pages.enumerated() {
            #expect(page.lines.contains { $0.text.contains("Page \(index + 1) of \(pages.count)") })
        }
    }

    /// The footer's details are shaped once a document, with room kept for the page number, which
    /// is drawn in it: at the start of the details' line (its right end in Arabic), on its baseline.
    /// (Letter-spaced right-to-left footers are shaped whole, page by page: `FooterComposer.keepsRoom`.)
    @Test(arguments: [("en", "standard"), ("ar", "standard"), ("ur", "standard"), ("en", "dyslexia")])
    func thePageNumberStandsAtTheStartOfTheFootersLine(language: String, variant: String) throws {
        let guidance = try GuidanceFolder(Project.sextortion)
        let job = Job(guidance: "sextortion", product: "leaflet-a4", variant: variant, language: language)
        let pages = try Builder(workspace: Project.workspace).layout(try guidance.document(language: language), job: job).pages
        #expect(pages.count > 1)
        for page in pages {
            let footer = page.lines.filter { $0.text.contains("·") }
            let details = try #require(footer.first, "no footer line on a page")
            let number = try #require(page.lines.first { $0.origin.y == details.origin.y && $0.shaped !== details.shaped && !$0.text.contains("·") },
                                      "no page number on the footer's line")
            #expect(!details.text.unicodeScalars.contains("\u{FFFC}"), "the room's mark reached the text: \(details.text)")
            #expect(number.width < details.width)
            if language == "ar" || language == "ur" {
                #expect(abs((number.origin.x + number.width) - (details.origin.x + details.width)) < 0.01)
            } else {
                #expect(abs(number.origin.x - details.origin.x) < 0.01)
            }
        }
        // Once a document: every page's details are the same shaped paragraph.
        let shaped = Set(pages.compactMap { page in page.lines.first { $0.text.contains("·") }.map { ObjectIdentifier($0.shaped) } })
        #expect(shaped.count == 1)
    }
}

@Suite struct HyphenationTests {
    @Test func compoundsAreKeptWholeWhenTheVariantDoesNotHyphenate() {
        let text = "set up two-step verification, a well-known tool – not a dash"
        let ranges = TextShaper.hyphenatedWords(in: text)
        let bytes = Array(text.utf8)
        let words = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(words == ["two-step", "well-known"])
    }
}

@Suite struct NumberedListTests {
    @Test func aListOfTwelveNumberedItemsFitsItsLabels() throws {
        var document = try Project.document()
        let items = (1...12).map { [Block.paragraph([.text("Item number \($0) of the list.")])] }
        document.blocks.append(.list(ordered: true, start: 1, items: items))
        let lines = try Builder(workspace: Project.workspace).layout(document, job: Project.job("standard")).pages.flatMap(\.lines)
        let label = try #require(lines.first { $0.text == "12." })
        let text = try #require(lines.first { $0.text.hasPrefix("Item number 12") })
        #expect(label.bounds.maxX < text.bounds.x, "the label “12.” runs into its text")
    }
}
