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

    @Test(arguments: ["standard", "easy-read"])
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
        #expect(try CommandResult.run(PDFUAChecker.command, ["check", pdf.path]).status == 0, "\(pdf.lastPathComponent) fails PDF/UA")
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
        let settings = try #require(Project.workspace.layouts.printMarks)
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

    @Test func everyVariantItIsMadeInBuildsAndLargePrintSaysWhyNot() throws {
        for variant in ["standard", "dyslexia", "easy-read"] {
            #expect(try BookletTests.pageCount(try Self.build(variant)) == 2)
        }
        #expect(!Self.product.isMade(in: "large-print"))
        #expect(throws: DiagnosticError.self) { try Self.build("large-print") }
    }

    @Test func everyLanguageBuilds() throws {
        for language in Self.guidance.languages {
            let pdf = try Self.build("standard", language)
            #expect(try BookletTests.pageCount(pdf) == 2, "\(language)")
        }
    }

    @Test func textThatCannotFitSaysHowMuchIsOver() throws {
        var document = try Self.guidance.document(language: "en")
        // Every section, no room to leave any out, no brief lists.
        let headings = document.blocks.compactMap { if case .heading(2, let content) = $0 { content.plainText } else { nil } }
        document.trifold = TrifoldContent(sections: headings)
        let job = Job(guidance: "sextortion", product: "trifold-a4", variant: "dyslexia", language: "en")
        do {
            _ = try Builder(workspace: Project.workspace).layout(document, job: job)
            Issue.record("the whole guidance should not fit a dyslexia-friendly tri-fold")
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
