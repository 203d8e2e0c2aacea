import Foundation
import Handbill
import HandbillFinish
import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillSyntax
import Testing

/// The A4 tri-fold, read back from the PDF: two A4 landscape pages; each panel's text, cut out of
/// its region with pdftotext, is what that panel should hold (the cover the title, the back every
/// help line, the inside the advice in order); a screen reader reads cover, flap, inside, back;
/// right-to-left languages mirror the sheet; fold marks sit on the folds.
@Suite struct TrifoldTests {
    static let guidance = try! GuidanceFolder(Project.sextortion)
    static let product = try! Project.workspace.layouts.product("trifold-a4")

    static func build(_ variant: String, _ language: String = "en", printShop: Bool = false) throws -> URL {
        let output = Project.temporaryFolder()
        let job = Job(guidance: "sextortion", product: "trifold-a4", variant: variant, language: language, printShop: printShop)
        let document = try guidance.edition(Project.workspace.layouts.variants[variant]?.source).document(language: language)
        return try Builder(workspace: Project.workspace).build(document, job: job, output: output)[0]
    }

    /// Each panel's left edge and width in points, on its page (1 outside, 2 inside), left to right.
    static func regions(rightToLeft: Bool) -> [String: (page: Int, x: Double, width: Double)] {
        var result: [String: (page: Int, x: Double, width: Double)] = [:]
        let trifold = product.trifold!, sheet = points(mm: product.pageMM.width)
        for (page, side) in [trifold.outside, trifold.inside].enumerated() {
            var x = 0.0
            for panel in side {
                let width = points(mm: panel.widthMM)
                result[panel.name] = (page + 1, rightToLeft ? sheet - x - width : x, width)
                x += width
            }
        }
        return result
    }

    /// pdftotext of one panel's region (at 72 dpi, so pixels are points).
    static func text(of pdf: URL, panel: String, rightToLeft: Bool = false) throws -> String {
        let region = try #require(regions(rightToLeft: rightToLeft)[panel])
        return try CommandResult.run("pdftotext", ["-f", "\(region.page)", "-l", "\(region.page)", "-r", "72",
                                                   "-x", "\(Int(region.x.rounded()))", "-y", "0",
                                                   "-W", "\(Int(region.width.rounded()))", "-H", "596", pdf.path, "-"]).stdout
    }

    @Test func productFileChecksTheFold() throws {
        var broken = Self.product
        broken.trifold!.inside[2].widthMM = 100
        broken.trifold!.inside[0].widthMM = 97
        #expect(broken.problems().contains { $0.contains("back each other") })
        var cover = Self.product
        cover.trifold!.readingOrder.swapAt(0, 1)
        #expect(cover.problems().contains { $0.contains("starts at the `cover`") })
        #expect(Self.product.problems().isEmpty)
    }

    @Test func pagesAreA4LandscapeBothSides() throws {
        let pdf = try Self.build("standard")
        #expect(try BookletTests.pageCount(pdf) == 2)
        #expect(try BookletTests.pageSize(pdf).map { Int($0.rounded()) } == [842, 595])
        let boxes = try PrintShopTests.boxes(pdf)
        #expect(try #require(boxes["TrimBox"]).map { Int($0.rounded()) } == [0, 0, 842, 595])
    }

    @Test func eachPanelHoldsWhatItShould() throws {
        let pdf = try Self.build("standard")
        let document = try Self.guidance.document(language: "en")
        let cover = Words.of(try Self.text(of: pdf, panel: "cover"))
        #expect(Array(cover.prefix(1)) == ["sextortion"], "the cover starts with the title")
        #expect(Words.inOrderFraction(Words.of(document.metadata.summary!), in: cover) == 1)
        #expect(cover.contains("panic") && cover.contains("101"), "the key message is on the cover")
        let back = try Self.text(of: pdf, panel: "back")
        for service in document.services {
            if let phone = service.phone { #expect(back.contains(phone), "the back panel has \(service.name)'s \(phone)") }
            #expect(back.contains(service.name))
        }
        #expect(back.contains("Scottish Government"), "the small print is on the back")
        for panel in ["cover", "flap", "inside-left", "inside-middle", "inside-right"] {
            #expect(!(try Self.text(of: pdf, panel: panel)).contains("Scottish Government"), "no small print on the \(panel)")
        }
        // The advice runs on from the flap through the inside panels, in the source's order.
        let flow = try ["flap", "inside-left", "inside-middle", "inside-right"].map { try Self.text(of: pdf, panel: $0) }
        #expect(Words.of(flow[0]).prefix(5) == ["what", "to", "do", "if", "it"])
        for text in flow { #expect(!Words.of(text).isEmpty) }
        let section = Self.section("What to do if it happens", of: document)
        let fraction = Words.inOrderFraction(section, in: Words.of(flow.joined(separator: " ")))
        print("tri-fold standard: \(String(format: "%.1f", fraction * 100))% of “What to do if it happens” in order across the flap and inside")
        #expect(fraction == 1)
    }

    @Test(arguments: ["standard", "easy-read", "large-print"])
    func aScreenReaderReadsCoverFlapInsideBack(variant: String) throws {
        let pdf = try Self.build(variant)
        let read = Words.of(try PDFInspector.text(path: pdf.path).text)
        let panels = try ["cover", "flap", "inside-left", "inside-middle", "inside-right", "back"]
            .map { try Self.text(of: pdf, panel: $0) }.joined(separator: " ")
        // The small print is an artifact: a screen reader skips it.
        let small = Set(Words.of("Scottish Government parentclub.scot/articles/sexually-coerced-extortion-sextortion 25 November 2026"))
        let printed = Words.of(panels).filter { !small.contains($0) }
        let fraction = Words.inOrderFraction(printed, in: read)
        print("tri-fold \(variant): \(String(format: "%.1f", fraction * 100))% of the panels' words (cover, flap, inside, back) in order through the structure tree")
        #expect(fraction >= 0.99)
        #expect(read.first == printed.first)
        let reading = try StructureReading(pdf)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(try PDFUAChecker.passes(pdf.path), "\(pdf.lastPathComponent) fails PDF/UA")
    }

    @Test func rightToLeftMirrorsTheSheet() throws {
        let pdf = try Self.build("standard", "ar")
        let document = try Self.guidance.document(language: "ar")
        let title = Words.of(document.metadata.title)
        let cover = Words.of(try Self.text(of: pdf, panel: "cover", rightToLeft: true))
        #expect(Words.inOrderFraction(title, in: cover) == 1, "the Arabic cover is on the outside's left")
        let regions = Self.regions(rightToLeft: true)
        #expect(regions["cover"]!.x < 1 && regions["inside-left"]!.x > 500)
        let back = try Self.text(of: pdf, panel: "back", rightToLeft: true)
        for phone in document.services.compactMap(\.phone) { #expect(back.contains(phone)) }
        #expect(Words.inOrderFraction(title, in: Words.of(try Self.text(of: pdf, panel: "cover"))) < 1, "not on the right")
        let read = Words.of(try PDFInspector.text(path: pdf.path).text)
        #expect(Words.inOrderFraction(title, in: Array(read.prefix(title.count))) == 1, "a screen reader starts at the cover")
    }

    @Test func foldMarksAreOnTheFoldsAndMoveForThePrintShop() throws {
        let trifold = try #require(Self.product.trifold)
        let marks = PanelLayout.foldMarks(Self.product, trifold, rightToLeft: false)
        let mm = 72 / 25.4
        #expect(marks[0].map { Int(($0.x0 / mm).rounded()) } == [97, 97, 197, 197])
        #expect(marks[1].map { Int(($0.x0 / mm).rounded()) } == [100, 100, 200, 200])
        #expect(marks.joined().allSatisfy { $0.dashed && $0.x0 == $0.x1 })
        // In the top and bottom margins, never in the text.
        for mark in marks.joined() {
            let top = min(mark.y0, mark.y1), bottom = max(mark.y0, mark.y1)
            #expect(top >= 5 * mm - 0.01 && (bottom <= Self.product.marginsMM.top * mm || top >= 200 * mm))
        }
        // The print-shop sheet moves them with the page.
        let settings = try #require(try Project.workspace.layouts.printMarks())
        var page = PositionedPage(width: 842, height: 595, items: [])
        page.marks = marks[0]
        let document = PositionedDocument(metadata: try Self.guidance.document(language: "en").metadata, pages: [page], outline: [], background: Colour(red: 1, green: 1, blue: 1))
        let sheet = PrintShopSheet.extend(document, marks: settings).pages[0]
        let inset = points(mm: settings.bleedMM + settings.slugMM)
        #expect(Array(sheet.marks.prefix(4)).map(\.x0) == marks[0].map { $0.x0 + inset })
        // And the office PDF draws them (dashed, as artifacts) on both sides.
        let pdf = try Self.build("standard")
        let plain = Project.temporaryFolder().appendingPathComponent("plain.pdf")
        try CommandResult.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, plain.path])
        let text = String(decoding: try Data(contentsOf: plain), as: UTF8.self)
        #expect(text.components(separatedBy: "[3 2] 0 d").count - 1 >= 8)
    }

    @Test func everyVariantBuilds() throws {
        for variant in ["standard", "dyslexia", "easy-read", "large-print"] {
            #expect(Self.product.isMade(in: variant))
            #expect(try BookletTests.pageCount(try Self.build(variant)) == 2, "\(variant)")
        }
    }

    /// Where text may go on each side of the sheet, left to right: each panel less the sheet's margin
    /// at the sheet's edges and the fold margin at each fold.
    static func textAreas(rightToLeft: Bool) -> [(page: Int, panel: String, area: ClosedRange<Double>)] {
        let trifold = product.trifold!, sheet = points(mm: product.pageMM.width), fold = points(mm: trifold.foldMarginMM)
        return regions(rightToLeft: rightToLeft).map { name, region in
            let left = region.x < 1 ? points(mm: product.marginsMM.left) : fold
            let right = region.x + region.width > sheet - 1 ? points(mm: product.marginsMM.right) : fold
            return (region.page, name, (region.x + left)...(region.x + region.width - right))
        }
    }

    static let largePrintLanguages = ["en", "ar", "ur", "zh-Hant", "pa", "pl", "gd"]

    /// Large print, read back from the PDF in a set of languages covering every script and the
    /// longest translations: nothing under 16pt, nothing in a fold's margin, the cover's title and
    /// key message, the summary running on from the cover to the flap, every service's name and
    /// phone number after the cover and the last service on the back, PDF/UA clean.
    @Test(arguments: largePrintLanguages)
    func largePrintInEveryScript(language: String) throws {
        let pdf = try Self.build("large-print", language)
        let document = try Self.guidance.document(language: language)
        let rightToLeft = ["ar", "fa", "ur"].contains(language)
        #expect(try BookletTests.pageCount(pdf) == 2)

        let glyphs = try PDFGlyphs(pdf)
        let sizes = glyphs.pages.joined().map(\.size)
        print("tri-fold large print \(language): \(sizes.count) glyphs, \(String(format: "%.2f", sizes.min() ?? 0))–\(String(format: "%.2f", sizes.max() ?? 0))pt")
        for glyph in glyphs.pages.joined() where glyph.size < 15.99 {
            Issue.record("\(language): “\(glyph.text)” at \(glyph.size)pt, under large print's 16pt")
        }
        // No glyph in a fold's margin (or the sheet's): each lies inside its own panel's text area.
        let areas = Self.textAreas(rightToLeft: rightToLeft)
        for (index, page) in glyphs.pages.enumerated() {
            for glyph in page {
                let middle = (glyph.x0 + glyph.x1) / 2
                guard let area = areas.filter({ $0.page == index + 1 }).min(by: {
                    abs(($0.area.lowerBound + $0.area.upperBound) / 2 - middle) < abs(($1.area.lowerBound + $1.area.upperBound) / 2 - middle)
                }) else { continue }
                #expect(glyph.x0 >= area.area.lowerBound - 0.5 && glyph.x1 <= area.area.upperBound + 0.5,
                        "\(language): “\(glyph.text)” at \(glyph.x0)–\(glyph.x1)pt on page \(index + 1) crosses the margin of the \(area.panel) (\(area.area))")
            }
        }

        // pdftotext wraps a right-to-left line's numbers in embedding controls, with no space after
        // them (“‪ 101‬پر”): a control is no letter of a word, but it does end one.
        let text = { (panel: String) throws -> [String] in
            Words.of(String(String.UnicodeScalarView(try Self.text(of: pdf, panel: panel, rightToLeft: rightToLeft).unicodeScalars
                .map { Words.isLayoutMark($0) ? " " : $0 })))
        }
        let cover = try text("cover"), flap = try text("flap")
        #expect(Words.inOrderFraction(Words.of(document.metadata.title), in: Array(cover.prefix(8))) == 1, "\(language): the cover starts with the title")
        let keyMessage = try #require(document.blocks.first { if case .callout = $0 { true } else { false } })
        #expect(Words.inOrderFraction(Words.of(keyMessage.plainText), in: cover) == 1, "\(language): the key message is on the cover")
        let summary = Words.of(document.metadata.summary ?? "")
        let summaryFraction = Words.inOrderFraction(summary, in: cover + flap)
        #expect(summaryFraction == 1, "\(language): the summary, from the cover over the flap (\(summaryFraction))")
        // Every service, whole: its name and phone number after the cover, the last on the back.
        let afterCover = try ["flap", "inside-left", "inside-middle", "inside-right", "back"].flatMap(text)
        for service in document.services {
            #expect(Words.inOrderFraction(Words.of(service.name), in: afterCover) == 1, "\(language): \(service.name)")
            if let phone = service.phone {
                #expect(Words.inOrderFraction(Words.of(phone), in: afterCover) == 1, "\(language): \(service.name)'s \(phone)")
            }
        }
        // The services' heading never ends a panel alone: the first service is on its panel.
        let panels = try ["flap", "inside-left", "inside-middle", "inside-right", "back"].map(text)
        let heading = Words.of(document.servicesTitle), first = Words.of(try #require(document.services.first).name)
        let withHeading = panels.filter { Words.inOrderFraction(heading, in: $0) == 1 }
        #expect(!withHeading.isEmpty && withHeading.allSatisfy { Words.inOrderFraction(first, in: $0) == 1 },
                "\(language): the first service shares a panel with “\(document.servicesTitle)”")
        let back = try text("back")
        let last = try #require(document.services.last)
        #expect(Words.inOrderFraction(Words.of(last.name), in: back) == 1, "\(language): the help services end on the back")
        #expect(Words.inOrderFraction(Words.of(document.metadata.publisher), in: back) == 1, "\(language): the small print is on the back")

        let read = Words.of(try PDFInspector.text(path: pdf.path).text)
        #expect(Words.inOrderFraction(Words.of(document.metadata.title), in: Array(read.prefix(8))) == 1, "\(language): a screen reader starts at the cover")
        let reading = try StructureReading(pdf)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(try PDFUAChecker.passes(pdf.path), "\(pdf.lastPathComponent) fails PDF/UA")
    }

    /// Right to left, large print: the cover on the outside's left, the services' last on the back
    /// in the middle, the inside read from its right.
    @Test func largePrintMirrorsRightToLeft() throws {
        let pdf = try Self.build("large-print", "ur")
        let document = try Self.guidance.document(language: "ur")
        let title = Words.of(document.metadata.title)
        #expect(Words.inOrderFraction(title, in: Words.of(try Self.text(of: pdf, panel: "cover", rightToLeft: true))) == 1)
        #expect(Words.inOrderFraction(title, in: Array(Words.of(try Self.text(of: pdf, panel: "cover")).prefix(title.count))) < 1,
                "not on the right")
        let heading = try #require(document.trifold?.sections.first)
        let insideLeft = Words.of(try Self.text(of: pdf, panel: "inside-left", rightToLeft: true))
        let flap = Words.of(try Self.text(of: pdf, panel: "flap", rightToLeft: true))
        #expect(Words.inOrderFraction(Words.of(heading), in: flap + insideLeft) == 1, "the advice after the summary, from the inside's right")
    }

    @Test func everyLanguageBuilds() throws {
        for language in Self.guidance.languages {
            let pdf = try Self.build("standard", language)
            #expect(try BookletTests.pageCount(pdf) == 2, "\(language)")
        }
    }

    @Test(arguments: ["dyslexia", "large-print"])
    func textThatCannotFitSaysHowMuchIsOver(variant: String) throws {
        var document = try Self.guidance.document(language: "en")
        // Every section, no room to leave any out, no brief lists.
        let headings = document.blocks.compactMap { if case .heading(2, let content) = $0 { content.plainText } else { nil } }
        document.trifold = TrifoldContent(sections: headings)
        let job = Job(guidance: "sextortion", product: "trifold-a4", variant: variant, language: "en")
        do {
            _ = try Builder(workspace: Project.workspace).layout(document, job: job)
            Issue.record("the whole guidance should not fit a \(variant) tri-fold")
        } catch {
            let message = error.diagnostics.map(\.message).joined()
            #expect(message.contains("inside panels by about") && message.contains("mm"), "\(message)")
        }
    }

    /// The words of one `##` section, heading included.
    static func section(_ heading: String, of document: Document) -> [String] {
        var inSection = false, words: [String] = []
        for block in document.blocks {
            if case .heading(2, let content) = block { inSection = content.plainText == heading }
            if inSection { words += Words.of(block.plainText) }
        }
        return words
    }
}
