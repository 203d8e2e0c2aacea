import Foundation
import Handbill
import HandbillStyle
import Testing

/// Print-shop output read back from the PDF: the boxes, crop marks in registration colour outside
/// the bleed (never in it), backgrounds running into the bleed, and office output without either.
@Suite struct PrintShopTests {
    static let marks = (try! Project.workspace.layouts.printMarks())!

    static func build(_ product: String, _ variant: String, printShop: Bool) throws -> URL {
        let output = Project.temporaryFolder()
        let job = Job(guidance: "sextortion", product: product, variant: variant, language: "en", printShop: printShop)
        return try Builder(workspace: Project.workspace).build(try Project.document(), job: job, output: output)[0]
    }

    /// `pdfinfo -box` for page 1: each box as [x0, y0, x1, y1].
    static func boxes(_ pdf: URL) throws -> [String: [Double]] {
        let info = try CommandResult.run("pdfinfo", ["-box", "-f", "1", "-l", "1", pdf.path]).stdout
        var result: [String: [Double]] = [:]
        for line in info.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].hasSuffix("Box") else { continue }
            let name = parts[0].split(separator: " ").last.map(String.init) ?? ""
            result[name] = parts[1].split(separator: " ").compactMap { Double($0) }
        }
        return result
    }

    @Test(arguments: ["leaflet-a4", "booklet-a5"])
    func boxesAreTheTrimTheBleedAndTheMarksAroundThem(product: String) throws {
        let pdf = try Self.build(product, "standard", printShop: true)
        let boxes = try Self.boxes(pdf), size = try Project.workspace.layouts.product(product).pageMM
        let trim = try #require(boxes["TrimBox"]), bleed = try #require(boxes["BleedBox"]), media = try #require(boxes["MediaBox"])
        let mm = 72 / 25.4
        #expect(abs((trim[2] - trim[0]) - size.width * mm) < 0.01 && abs((trim[3] - trim[1]) - size.height * mm) < 0.01,
                "the trim box is the finished size")
        for side in 0..<4 {
            let outward = side < 2 ? -1.0 : 1.0
            #expect(abs(bleed[side] - (trim[side] + outward * Self.marks.bleedMM * mm)) < 0.01, "3 mm of bleed on every side")
            #expect(abs(media[side] - (bleed[side] + outward * Self.marks.slugMM * mm)) < 0.01, "room for the marks outside the bleed")
        }
        // The booklet for a print shop is its pages in order, not imposed.
        if product == "booklet-a5" {
            let screen = try Self.build(product, "standard", printShop: false).deletingLastPathComponent()
                .appendingPathComponent("sextortion-booklet-a5-standard-en-screen.pdf")
            let pages = try BookletTests.pageCount(pdf), screenPages = try BookletTests.pageCount(screen)
            #expect(pages == screenPages)
        }
        #expect(try PDFUAChecker.passes(pdf.path))
        #expect(try CommandResult.run("qpdf", ["--check", pdf.path]).status == 0)
    }

    @Test func cropMarksAreInRegistrationColourOutsideTheBleedAsArtifacts() throws {
        let pdf = try Self.build("leaflet-a4", "standard", printShop: true)
        let bleed = try #require(try Self.boxes(pdf)["BleedBox"]), trim = try #require(try Self.boxes(pdf)["TrimBox"])
        // Uncompressed, so the page's content can be read as text.
        let plain = Project.temporaryFolder().appendingPathComponent("plain.pdf")
        try CommandResult.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, plain.path])
        let text = String(decoding: try Data(contentsOf: plain), as: UTF8.self)
        #expect(text.range(of: #"/HandbillRegistration\s*\[\s*/Separation\s*/All\s*/DeviceCMYK"#, options: .regularExpression) != nil,
                "the marks' colour is not registration (Separation /All)")
        let block = try #require(text.range(of: "/Artifact BMC q /HandbillRegistration CS 1 SCN")
                                    .map { text[$0.upperBound...].prefix { $0 != "Q" } }, "no marks drawn as an artifact")
        let segments = try NSRegularExpression(pattern: #"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S"#)
            .matches(in: String(block), range: NSRange(block.startIndex..., in: block)).map { match in
                (1...4).map { Double((String(block) as NSString).substring(with: match.range(at: $0)))! }
            }
        #expect(segments.count == 8, "two marks at each of four corners")
        for s in segments {
            let (x0, y0, x1, y1) = (min(s[0], s[2]), min(s[1], s[3]), max(s[0], s[2]), max(s[1], s[3]))
            let insideBleed = x1 > bleed[0] && x0 < bleed[2] && y1 > bleed[1] && y0 < bleed[3]
            #expect(!insideBleed, "a crop mark \(s) reaches into the bleed \(bleed)")
            // Each mark lies on the line of a trim edge, pointing away from the page.
            #expect([trim[0], trim[2]].contains { abs($0 - x0) < 0.01 && abs($0 - x1) < 0.01 }
                    || [trim[1], trim[3]].contains { abs($0 - y0) < 0.01 && abs($0 - y1) < 0.01 }, "\(s) is not on a trim line")
        }
    }

    @Test func backgroundsRunIntoTheBleedButNotOntoTheSlug() throws {
        let pdf = try Self.build("leaflet-a4", "dyslexia", printShop: true)
        let boxes = try Self.boxes(pdf), trim = try #require(boxes["TrimBox"]), bleed = try #require(boxes["BleedBox"])
        let page = try RenderedPage(pdf: pdf, dpi: 72, grey: false)
        let cream = try Project.workspace.layouts.variant("dyslexia").colours.background
        // Half-way into the bleed, and half-way out into the slug, level with the middle of the page.
        let y = Int((page.height / 2))
        let inBleed = page.pixel(x: Int((trim[0] + bleed[0]) / 2), y: y), inSlug = page.pixel(x: Int(bleed[0] / 2), y: y)
        #expect(abs(Double(inBleed.0) / 255 - cream.red) < 0.02 && abs(Double(inBleed.2) / 255 - cream.blue) < 0.02, "the bleed is \(inBleed), not the background")
        #expect(inSlug == (255, 255, 255), "the slug should be bare paper, is \(inSlug)")
    }

    @Test func officeOutputHasNoBleedAndNoMarks() throws {
        let pdf = try Self.build("leaflet-a4", "standard", printShop: false)
        let boxes = try Self.boxes(pdf)
        #expect(boxes["TrimBox"] == boxes["MediaBox"] && boxes["BleedBox"] == boxes["MediaBox"])
        let plain = Project.temporaryFolder().appendingPathComponent("plain.pdf")
        try CommandResult.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, plain.path])
        #expect(!String(decoding: try Data(contentsOf: plain), as: UTF8.self).contains("/Separation"))
    }

    @Test func thePrintShopFileSitsBesideTheOfficeOne() throws {
        let output = Project.temporaryFolder()
        let result = try CommandResult.run(Project.executable.path, ["build", "Guidance/sextortion", "--variant", "standard", "--print-shop",
                                                              "--output", output.path], in: Project.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Project.files(in: output).contains("sextortion/sextortion-leaflet-a4-standard-en-print-shop.pdf"))
    }
}
