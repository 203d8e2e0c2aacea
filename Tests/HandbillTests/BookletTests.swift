import Foundation
import Handbill
import HandbillFinish
import HandbillLayout
import HandbillModel
import HandbillSyntax
import Testing

/// The A5 booklet: pages imposed two-up on A4 in saddle-stitch order, read back from the PDF —
/// each half of each sheet holds the page it should, and a screen reader still reads the booklet
/// from its first page to its last. Beside it, an A5 file in page order for screens.
@Suite struct BookletTests {
    static let guidance = try! GuidanceFolder(Project.sextortion)

    static func build(_ variant: String, _ language: String = "en") throws -> (imposed: URL, screen: URL) {
        let output = Project.temporaryFolder()
        let job = Job(guidance: "sextortion", product: "booklet-a5", variant: variant, language: language)
        let source = Project.workspace.layouts.variants[variant]?.source
        let document = try guidance.edition(source).document(language: language)
        let files = try Builder(workspace: Project.workspace).build(document, job: job, output: output)
        return (files[0], try #require(files.first { $0.lastPathComponent.hasSuffix("-screen.pdf") }))
    }

    @Test func sheetOrderFollowsSaddleStitching() {
        // The issue's rule, 1-based: sheet k front = [N-2k, 2k+1], back = [2k+2, N-2k-1].
        let sides = BookletImposition.sides(pageCount: 7)
        #expect(sides.map { [$0.left, $0.right] } == [[8, 1], [2, 7], [6, 3], [4, 5]])
        #expect(BookletImposition.paddedCount(9) == 12)
    }

    @Test(arguments: ["standard", "large-print", "easy-read", "dyslexia"])
    func eachHalfSheetHoldsItsPage(variant: String) throws {
        let (imposed, screen) = try Self.build(variant)
        let pages = try Self.pageCount(screen), sheets = try Self.pageCount(imposed)
        let padded = BookletImposition.paddedCount(pages)
        #expect(sheets == padded / 2, "\(pages) pages should print on \(padded / 2) sides")
        // Page sizes read back: A5 portrait for screens, A4 landscape sheets.
        #expect(try Self.pageSize(screen).map { Int($0.rounded()) } == [420, 595])
        #expect(try Self.pageSize(imposed).map { Int($0.rounded()) } == [842, 595])
        for (index, side) in BookletImposition.sides(pageCount: pages).enumerated() {
            for (page, half) in [(side.left, 0), (side.right, 1)] {
                let printed = try Self.text(of: imposed, page: index + 1, x: half * 421, width: 421)
                let expected = page <= pages ? try Self.text(of: screen, page: page, x: 0, width: 420) : ""
                #expect(Words.of(printed) == Words.of(expected), "\(variant): sheet side \(index + 1), \(half == 0 ? "left" : "right") half should be page \(page)")
            }
        }
    }

    @Test(arguments: ["standard", "easy-read"])
    func aScreenReaderReadsTheBookletInPageOrder(variant: String) throws {
        let (imposed, screen) = try Self.build(variant)
        let printed = try PDFInspector.text(path: imposed.path).text, onScreen = try PDFInspector.text(path: screen.path).text
        let source = try Self.guidance.edition(Project.workspace.layouts.variants[variant]?.source).document(language: "en").words
        let fraction = Words.inOrderFraction(source, in: Words.of(printed))
        print("booklet \(variant): \(String(format: "%.1f", fraction * 100))% of the source's words in order through the imposed file's structure tree")
        #expect(fraction >= 0.99)
        #expect(Words.of(printed) == Words.of(onScreen), "the imposed file's structure tree reads differently from the screen file's")
        // Read by pdfminer too, and checked for PDF/UA.
        let reading = try StructureReading(imposed)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(Words.inOrderFraction(source, in: Words.of(reading.reading)) >= 0.99)
        for file in [imposed, screen] {
            #expect(try PDFUAChecker.passes(file.path), "\(file.lastPathComponent) fails PDF/UA")
        }
    }

    @Test(arguments: ["ar", "pl"])
    func everyLanguageMakesABooklet(language: String) throws {
        let (imposed, screen) = try Self.build("large-print", language)
        #expect(try Self.pageCount(imposed) * 2 == BookletImposition.paddedCount(try Self.pageCount(screen)))
        let reading = try PDFInspector.text(path: imposed.path).text
        let words = try Self.guidance.document(language: language).words
        #expect(Words.inOrderFraction(words, in: Words.of(reading)) >= 0.99)
    }

    static func pageCount(_ pdf: URL) throws -> Int {
        let info = try CommandResult.run("pdfinfo", [pdf.path]).stdout
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return Int(line.split(separator: " ").last!)!
    }

    static func pageSize(_ pdf: URL) throws -> [Double] {
        let info = try CommandResult.run("pdfinfo", [pdf.path]).stdout
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Page size:") })
        let parts = line.split(separator: " ")
        return [Double(parts[2])!, Double(parts[4])!]
    }

    /// pdftotext of one page, cropped to a band `width` points wide from `x` (at 72 dpi).
    static func text(of pdf: URL, page: Int, x: Int, width: Int) throws -> String {
        try CommandResult.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-r", "72", "-x", "\(x)", "-y", "0",
                                            "-W", "\(width)", "-H", "600", pdf.path, "-"]).stdout
    }
}
