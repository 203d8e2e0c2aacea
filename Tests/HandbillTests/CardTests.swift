import Foundation
import Handbill
import HandbillFinish
import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillSyntax
import Testing

/// The wallet card, read back from the PDF: A4 sheets of ten fronts and ten backs, each cell's
/// text the card's (every phone number in it), the backs at the mirrored columns, cut marks only
/// in the sheet's margin, and a screen reader reading the card once, front then back.
@Suite struct CardTests {
    static let guidance = try! GuidanceFolder(Project.sextortion)
    static let product = try! Project.workspace.layouts.product("card-wallet")
    static var card: ProductCard { product.card! }
    static let mm = 72 / 25.4

    static func document(_ variant: String, _ language: String) throws -> Document {
        try guidance.edition(Project.workspace.layouts.variants[variant]?.source).document(language: language)
    }

    static func build(_ variant: String, _ language: String = "en", printShop: Bool = false) throws -> URL {
        let job = Job(guidance: "sextortion", product: "card-wallet", variant: variant, language: language, printShop: printShop)
        return try Builder(workspace: Project.workspace).build(try document(variant, language), job: job, output: Project.temporaryFolder())[0]
    }

    /// The sheet's grid, for cards of the product's size.
    static var grid: CardSheet.Grid {
        CardSheet.Grid(card: card, cardWidth: product.pageMM.width * mm, cardHeight: product.pageMM.height * mm)
    }

    /// The words the card should say: its heading, then each help line's name and number.
    static func words(_ document: Document) -> [String] {
        let phones = CardStyler.services(document).phones
        return Words.of(([CardStyler.shortHeading(document.metadata.title)] + phones.flatMap { [$0.name, $0.phone!] }).joined(separator: " "))
    }

    static func text(of pdf: URL, page: Int, in rect: Rect) throws -> String {
        try CommandResult.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-x", "\(Int(rect.x.rounded(.up)) + 1)",
                                            "-y", "\(Int(rect.y.rounded(.up)) + 1)", "-W", "\(Int(rect.width) - 2)",
                                            "-H", "\(Int(rect.height) - 2)", pdf.path, "-"]).stdout
    }

    @Test func theBacksStandBehindTheirFrontsWhenFlippedOnTheLongEdge() {
        let grid = Self.grid
        for row in 0..<Self.card.down {
            for column in 0..<Self.card.across {
                let front = grid.front(row: row, column: column), back = grid.back(row: row, column: column)
                // Flipped on the long (left-right) edge, a point at x lands at width − x; y stays.
                #expect(abs(back.x - (grid.sheetWidth - front.maxX)) < 0.001 && back.y == front.y,
                        "the back of (\(row), \(column)) is at \(back), not behind its front \(front)")
                #expect(back == grid.front(row: row, column: Self.card.across - 1 - column))
            }
        }
    }

    @Test func sheetsAreA4AndThePrintShopCardIs85By55WithBleed() throws {
        let sheet = try Self.build("standard")
        #expect(try BookletTests.pageCount(sheet) == 2)
        for page in [1, 2] {
            let info = try CommandResult.run("pdfinfo", ["-box", "-f", "\(page)", "-l", "\(page)", sheet.path]).stdout
            #expect(info.contains("595.276 x 841.89 pts (A4)"), "page \(page) is not A4 portrait: \(info)")
        }
        let boxes = try PrintShopTests.boxes(sheet)
        #expect(boxes["TrimBox"] == boxes["MediaBox"], "an office sheet has no bleed")

        let shop = try Self.build("standard", printShop: true)
        #expect(try BookletTests.pageCount(shop) == 2, "a print shop gets the one card, front and back")
        let shopBoxes = try PrintShopTests.boxes(shop)
        let trim = try #require(shopBoxes["TrimBox"]), bleed = try #require(shopBoxes["BleedBox"])
        #expect(abs((trim[2] - trim[0]) - 85 * Self.mm) < 0.01 && abs((trim[3] - trim[1]) - 55 * Self.mm) < 0.01)
        let bleedMM = PrintShopTests.marks.bleedMM
        #expect(abs((bleed[2] - bleed[0]) - (85 + 2 * bleedMM) * Self.mm) < 0.01)
        #expect(try PDFUAChecker.passes(shop.path))
    }

    @Test(arguments: ["standard", "large-print", "easy-read", "dyslexia"])
    func everyCellOnASideSaysTheSameAndTheCardHoldsEveryNumber(variant: String) throws {
        let pdf = try Self.build(variant)
        let document = try Self.document(variant, "en")
        let grid = Self.grid
        var sides: [[String]] = []
        for (page, back) in [(1, false), (2, true)] {
            var texts: [[String]] = []
            for row in 0..<Self.card.down {
                for column in 0..<Self.card.across {
                    let cell = back ? grid.back(row: row, column: column) : grid.front(row: row, column: column)
                    texts.append(Words.of(try Self.text(of: pdf, page: page, in: cell)))
                }
            }
            #expect(Set(texts.map { $0.joined(separator: " ") }).count == 1, "\(variant): the cards on side \(page) differ: \(texts)")
            #expect(!(texts.first ?? []).isEmpty || back, "\(variant): the front is empty")
            sides.append(texts[0])
        }
        // Front then back read the card's words, in order: every number on it.
        #expect(sides[0] + sides[1] == Self.words(document), "\(variant): \(sides)")
        for service in document.services {
            guard let phone = service.phone else { continue }
            #expect((sides[0] + sides[1]).joined(separator: " ").contains(phone), "\(variant): \(phone) is missing")
        }
    }

    @Test(arguments: ["standard", "large-print"])
    func aScreenReaderReadsTheCardOnceFrontThenBack(variant: String) throws {
        let pdf = try Self.build(variant)
        let expected = Self.words(try Self.document(variant, "en"))
        #expect(Words.of(try PDFInspector.text(path: pdf.path).text) == expected, "our reader")
        let reading = try StructureReading(pdf)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(Words.of(reading.reading) == expected, "pdfminer.six")
        #expect(try PDFUAChecker.passes(pdf.path), "PDF/UA")
        #expect(try CommandResult.run("qpdf", ["--check", pdf.path]).status == 0)
    }

    @Test func cutMarksAreOnTheCutLinesInTheMarginNeverAcrossACard() throws {
        let pdf = try Self.build("dyslexia")
        let plain = Project.temporaryFolder().appendingPathComponent("plain.pdf")
        try CommandResult.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, plain.path])
        let text = String(decoding: try Data(contentsOf: plain), as: UTF8.self)
        let grid = Self.grid
        // PDF space runs up from the bottom; the grid's rectangles down from the top.
        let cells = (0..<Self.card.down).flatMap { row in (0..<Self.card.across).map { grid.front(row: row, column: $0) } }
            .map { Rect(x: $0.x, y: grid.sheetHeight - $0.maxY, width: $0.width, height: $0.height) }
        var blocks = 0
        var searchFrom = text.startIndex
        while let found = text.range(of: "/Artifact BMC q /HandbillRegistration CS 1 SCN", range: searchFrom..<text.endIndex) {
            searchFrom = found.upperBound
            blocks += 1
            let block = String(text[found.upperBound...].prefix { $0 != "Q" })
            let segments = try NSRegularExpression(pattern: #"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S"#)
                .matches(in: block, range: NSRange(block.startIndex..., in: block)).map { match in
                    (1...4).map { Double((block as NSString).substring(with: match.range(at: $0)))! }
                }
            // A mark at each end of every cut line: 3 vertical lines and 6 horizontal ones.
            #expect(segments.count == 2 * 3 + 2 * 6)
            let xs = Set(cells.flatMap { [$0.x, $0.maxX] }.map { ($0 * 100).rounded() })
            let ys = Set(cells.flatMap { [$0.y, $0.maxY] }.map { ($0 * 100).rounded() })
            for s in segments {
                let (x0, y0, x1, y1) = (min(s[0], s[2]), min(s[1], s[3]), max(s[0], s[2]), max(s[1], s[3]))
                for cell in cells {
                    #expect(!(x1 > cell.x && x0 < cell.maxX && y1 > cell.y && y0 < cell.maxY), "the mark \(s) crosses a card \(cell)")
                }
                #expect((x0 == x1 && xs.contains((x0 * 100).rounded())) || (y0 == y1 && ys.contains((y0 * 100).rounded())),
                        "the mark \(s) is not on a cut line")
                #expect(x0 >= 4 * Self.mm && y0 >= 4 * Self.mm && x1 <= grid.sheetWidth - 4 * Self.mm && y1 <= grid.sheetHeight - 4 * Self.mm,
                        "the mark \(s) is where an office printer cannot print")
            }
        }
        #expect(blocks == 2, "marks on both sides")
    }

    @Test(arguments: ["ar", "zh-Hans", "ur"])
    func everyLanguageMakesACard(language: String) throws {
        for variant in ["standard", "large-print"] {
            let pdf = try Self.build(variant, language)
            let words = Self.words(try Self.guidance.document(language: language))
            #expect(Words.inOrderFraction(words, in: Words.of(try PDFInspector.text(path: pdf.path).text)) >= 0.99, "\(language) \(variant)")
        }
    }

    @Test func aCardTooFullToFitSaysHowMuchIsOver() throws {
        var document = try Project.document()
        document.services += (1...6).map { HelpService(name: "Another helpline number \($0)", phone: "0800 000 00\($0)", url: nil, audience: nil) }
        let job = Job(guidance: "sextortion", product: "card-wallet", variant: "large-print", language: "en")
        #expect {
            _ = try Builder(workspace: Project.workspace).layout(document, job: job)
        } throws: { error in
            let message = "\(error)"
            return message.contains("does not fit") && message.contains("mm past the back") && message.contains("16pt")
        }
    }

    @Test func aProductFileWithNoRoomForTheMarksIsRefused() throws {
        var broken = Self.product
        broken.card?.sheetMM.width = 170
        broken.card?.sheetMM.height = 275
        #expect(broken.problems().contains { $0.contains("room for the cut marks") })
        broken = Self.product
        broken.card?.minimumBodyPt["large-print"] = nil
        #expect(broken.problems().contains { $0.contains("no `large-print`") })
    }
}
