import Foundation
import Handbill
@testable import HandbillFinish
import HandbillModel
import HandbillSyntax
import Testing

/// `handbill inspect --text`: the structure tree's text as a screen reader reads it, checked
/// against the independent reader in Tests/Tools/pdf_structure.py (pdfminer.six), on the leaflet
/// in English and in Arabic, and rule by rule on a PDF written by hand.
@Suite struct StructureTextTests {
    /// The standard leaflet in Arabic: right to left, ligatures under /ActualText, Type0 fonts.
    static let arabic: URL = {
        let folder = Project.temporaryFolder()
        let job = Job(guidance: "sextortion", product: "leaflet-a4", variant: "standard", language: "ar")
        return try! Builder(workspace: Project.workspace).build(try! GuidanceFolder(Project.sextortion).document(language: "ar"),
                                                                 job: job, output: folder)[0]
    }()

    /// English in each variant, and Arabic; built when a test first needs one.
    static let leaflets = Leaflets.variants.map { "en \($0)" } + ["ar standard"]

    static func pdf(_ leaflet: String) -> URL {
        leaflet.hasPrefix("ar ") ? arabic : Leaflets.pdf(String(leaflet.dropFirst(3)))
    }

    static func sourceWords(_ leaflet: String) throws -> [String] {
        try GuidanceFolder(Project.sextortion).document(language: leaflet.hasPrefix("ar ") ? "ar" : "en").words
    }

    @Test(arguments: leaflets)
    func theReadingAgreesWithTheIndependentReader(leaflet: String) throws {
        let pdf = Self.pdf(leaflet)
        let ours = Words.of(try PDFInspector.text(path: pdf.path).text)
        let theirs = Words.of(try StructureReading(pdf).reading)
        // Both ways round: no word of theirs missing from ours, and none of ours missing from theirs.
        let found = Words.inOrderFraction(theirs, in: ours), kept = Words.inOrderFraction(ours, in: theirs)
        // And against the guidance itself, which settles where the two readers differ.
        let source = Words.inOrderFraction(try Self.sourceWords(leaflet), in: ours)
        let figures = "\(leaflet): \(Self.percent(found)) of pdf_structure.py's \(theirs.count) words in ours in order,"
            + " \(Self.percent(kept)) of our \(ours.count) in theirs, \(Self.percent(source)) of the source's in ours"
        print(figures)
        #expect(found >= 0.995, "\(figures)")
        #expect(kept >= 0.995, "\(figures)")
        #expect(source >= 0.995, "\(figures)")
    }

    @Test func theEnglishLeafletReadsFromTheTitle() throws {
        let reading = try PDFInspector.text(path: Leaflets.pdf("standard").path)
        #expect(reading.lines.first == "Sextortion")
        let text = reading.lines.joined(separator: " ")
        #expect(text.hasPrefix("Sextortion Sextortion is a type of online blackmail"), "\(text.prefix(200))")
        #expect(text.contains("0345 6000 459"))
        #expect(reading.lines.contains("Phone 0345 6000 459"), "a P of its own: \(reading.lines)")
    }

    // MARK: - The rules, on a PDF written by hand

    @Test func eachRuleOfTheReading() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("rules.pdf")
        try HandMadeTaggedPDF.rules.write(to: pdf)
        let reading = try PDFInspector.text(path: pdf.path)
        #expect(reading.lines == [
            "Title",                  // Heading1 mapped to H1 by /RoleMap
            "First line and",         // Td to a new line: a word break
            "ABreplacedCD",           // /ActualText on marked content replaces its glyphs
            "hello",                  // /ReversedChars
            "Shown",                  // /Artifact marked content left out; Artifact and Private elements too
            "ABلا",                    // Type0 font, 2-byte codes through /ToUnicode
            "Replaced whole",         // /ActualText on the element
            "Continued on page two",  // an MCR to the next page
            "- item",                 // an LI is one line: Lbl then LBody
        ])
    }

    @Test func theCMapParserReadsCharsRangesAndLigatures() throws {
        let map = try ToUnicodeMap(cmap: Array(HandMadeTaggedPDF.cmap.utf8), pdf: QPDF(emptyNamed: "hand-written CMap"))
        #expect(map[0x03] == "A" && map[0x04] == "B" && map[0x05] == "C", "a range to consecutive characters")
        #expect(map[0x06] == "a" && map[0x07] == "b", "a range to an array")
        #expect(map[0x10] == "\u{0644}\u{0627}", "a ligature: two characters")
        #expect(map[0x11] == "x" && map[0x12] == "\u{1F600}", "bfchar; a surrogate pair")
        #expect(map[0x08] == nil && map[0x02] == nil)
        #expect(map.characters.count == 8)
    }

    // MARK: - The command line

    @Test func theCommandLinePrintsTheTextAndNothingElse() throws {
        let leaflet = Leaflets.pdf("standard")
        let result = try CommandResult.run(Project.executable.path, ["inspect", "--text", leaflet.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try PDFInspector.text(path: leaflet.path).text) + "\n")

        let json = try CommandResult.run(Project.executable.path, ["inspect", "--json", leaflet.path])
        let reports = try JSONDecoder().decode([InspectionReport].self, from: Data(json.stdout.utf8))
        #expect(reports.first?.text == (try PDFInspector.text(path: leaflet.path).text))
    }

    @Test func aPDFWithoutAStructureTreeIsRefused() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("untagged.pdf")
        try HandMadeTaggedPDF.untagged.write(to: pdf)
        let result = try CommandResult.run(Project.executable.path, ["inspect", "--text", pdf.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("\(pdf.path) has no structure tree (/StructTreeRoot)") && result.stderr.contains("hint:"),
                "\(result.stderr)")
        #expect(try PDFInspector.inspect(path: pdf.path).text == nil)
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }
}

/// Tagged PDFs written by hand, to try each rule of the reading on its own.
enum HandMadeTaggedPDF {
    /// A ToUnicode CMap with each form of mapping.
    static let cmap = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CMapName /Test-UCS def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        2 beginbfrange
        <0003> <0005> <0041>
        <0006> <0007> [<0061> <0062>]
        endbfrange
        3 beginbfchar
        <0010> <06440627>
        <0011> <0078>
        <0012> <D83DDE00>
        endbfchar
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end
        """

    /// Two pages; page 1 shows each case in its own marked-content sequence.
    static var rules: Data {
        let page1 = """
            /H1 << /MCID 0 >> BDC BT /F1 12 Tf 10 180 Td (Title) Tj ET EMC
            /P << /MCID 1 >> BDC BT /F1 12 Tf 10 160 Td (First) Tj 0 -14 Td (line) Tj ( and) Tj ET EMC
            /Span << /MCID 2 >> BDC BT /F1 12 Tf 10 140 Td (AB) Tj /Span << /ActualText (replaced) >> BDC (xyz) Tj EMC (CD) Tj ET EMC
            /ReversedChars << /MCID 3 >> BDC BT /F1 12 Tf 10 120 Td (olleh) Tj ET EMC
            /P << /MCID 4 >> BDC BT /F1 12 Tf 10 100 Td (Shown) Tj /Artifact BMC ( decoration) Tj EMC ET EMC
            /P << /MCID 5 >> BDC BT /F2 12 Tf 10 80 Td <00030004> Tj [<0010>] TJ ET EMC
            /P << /MCID 6 >> BDC BT /F1 12 Tf 10 60 Td (hidden) Tj ET EMC
            /P << /MCID 7 >> BDC BT /F1 12 Tf 10 40 Td (element text) Tj ET EMC
            /P << /MCID 8 >> BDC BT /F1 12 Tf 10 20 Td (Continued) Tj ET EMC
            /Lbl << /MCID 9 >> BDC BT /F1 12 Tf 10 10 Td (-) Tj ET EMC
            /LBody << /MCID 10 >> BDC BT /F1 12 Tf 20 10 Td (item) Tj ET EMC
            """
        let page2 = "/P << /MCID 0 >> BDC BT /F1 12 Tf 10 180 Td (on page two) Tj ET EMC"
        let tree = """
            << /Type /StructTreeRoot /RoleMap << /Heading1 /H1 >> /K << /S /Document /Pg 3 0 R /K [
              << /S /Heading1 /K 0 >>
              << /S /P /K 1 >>
              << /S /P /K << /S /Span /K 2 >> >>
              << /S /P /K [3 << /Type /OBJR /Obj 6 0 R >>] >>
              << /S /P /K 4 >>
              << /S /Artifact /K 6 >>
              << /S /Private /K 6 >>
              << /S /P /K 5 >>
              << /S /P /ActualText (Replaced whole) /K 7 >>
              << /S /P /K [8 << /Type /MCR /Pg 9 0 R /MCID 0 >>] >>
              << /S /L /K << /S /LI /K [<< /S /Lbl /K 9 >> << /S /LBody /K 10 >>] >> >>
            ] >> >>
            """
        return HandMadePDF.write([
            "<< /Type /Catalog /Pages 2 0 R /Lang (en) /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 /MediaBox [0 0 200 200] >>",
            "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /StructParents 0"
                + " /Resources << /Font << /F1 6 0 R /F2 7 0 R >> >> >>",
            HandMadePDF.stream(page1),
            tree,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /ToUnicode 8 0 R"
                + " /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test"
                + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>",
            HandMadePDF.stream(cmap),
            "<< /Type /Page /Parent 2 0 R /Contents 10 0 R /StructParents 1 /Resources << /Font << /F1 6 0 R >> >> >>",
            HandMadePDF.stream(page2),
        ])
    }

    /// A page of text and no structure tree, as many writers make.
    static var untagged: Data {
        HandMadePDF.write([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 200] >>",
            "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            HandMadePDF.stream("BT /F1 12 Tf 10 180 Td (Untagged) Tj ET"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ])
    }
}
