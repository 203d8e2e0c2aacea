import Foundation
import Handbill
import HandbillFinish
import HandbillModel
import Testing

/// `handbill inspect`: the report on our own leaflet, and the problems it finds in copies broken
/// on purpose (edited with qpdf's command-line tools) and in a PDF written by hand.
@Suite struct InspectTests {
    /// The standard leaflet, built once with the library.
    static let leaflet: URL = {
        let output = Project.temporaryFolder()
        return try! Builder(workspace: Project.workspace).build(try! Project.document(), job: Project.job("standard"), output: output)[0]
    }()

    @Test func ourLeafletPassesEveryCheck() throws {
        let report = try PDFInspector.inspect(path: Self.leaflet.path)
        #expect(report.language == "en")
        #expect(report.tagged && report.displayDocTitle)
        #expect(report.pdfuaPart == 1)
        #expect(report.title == "Sextortion")
        #expect(!report.pages.isEmpty)
        for page in report.pages {
            #expect(abs(page.mediaBox.width - 595.28) < 0.01 && abs(page.mediaBox.height - 841.89) < 0.01, "page \(page.number) is not A4")
            #expect(page.trimBox != nil && page.bleedBox != nil, "page \(page.number) lacks a print box")
        }
        #expect(!report.fonts.isEmpty)
        for font in report.fonts { #expect(font.embedded && font.hasToUnicode, "\(font)") }
        #expect(report.roles.first?.role == "Document")
        for role in ["H1", "P", "L", "LI", "Lbl", "LBody", "Link"] { #expect(report.count(of: role) > 0, "no \(role)") }
        #expect(report.count(of: "H1") == 1 && report.count(of: "Private") == 0)
        #expect(report.linkCount > 0 && report.linksWithoutContents == 0)
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func theTextAndJSONReportsSayTheSame() throws {
        let report = try PDFInspector.inspect(path: Self.leaflet.path)
        let text = report.formatted()
        for line in ["Language: en", "Title: Sextortion", "PDF/UA: part 1", "Tags: Document 1, H1 1, ", "Problems: none", "(210 × 297 mm)"] {
            #expect(text.contains(line), "no “\(line)” in\n\(text)")
        }
        let decoded = try JSONDecoder().decode(InspectionReport.self, from: Data(report.json.utf8))
        #expect(decoded == report)
    }

    /// A PDF whose embedded font lost a glyph (Cairo 1.16's CFF subsetter broke 如 in a
    /// Simplified Chinese leaflet built with Noto Sans CJK's CFF outlines; its first page is the
    /// fixture): the text reads 如 through /ToUnicode, so only the font program shows it.
    @Test func aGlyphTheEmbeddedFontCannotDrawIsAProblem() throws {
        let report = try PDFInspector.inspect(path: Project.fixture("cff-glyph-broken-by-cairo.pdf").path)
        #expect(report.problems.count == 1, "\(report.problems)")
        let problem = report.problems.first ?? ""
        #expect(problem.hasPrefix("The font TSRIGA+NotoSansCJKsc-Regular shows 如 (U+5982): its glyph does not load (FreeType error "), "\(problem)")
        #expect(problem.hasSuffix("the page shows a gap or a box. Embed another version of the font (TrueType outlines)."), "\(problem)")
    }

    @Test func aDocumentWithoutLanguageIsAProblem() throws {
        let pdf = try Self.editedLeaflet { $0.replacingOccurrences(of: "\n  /Lang (en)", with: "") }
        defer { Self.remove(pdf) }
        let report = try PDFInspector.inspect(path: pdf.path)
        #expect(report.language == nil)
        #expect(report.problems.count == 1 && report.problems.contains { $0.contains("language") }, "\(report.problems)")
    }

    @Test func untaggedTextIsAProblem() throws {
        let pdf = try Self.editedLeaflet { qdf in
            // A text object before everything else on page 1, in no marked-content sequence.
            let page = try #require(qdf.range(of: "%% Contents for page 1"))
            let stream = try #require(qdf.range(of: "stream\n", range: page.upperBound..<qdf.endIndex))
            return qdf.replacingCharacters(in: stream, with: "stream\nBT /f-0-0 12 Tf 40 800 Td (Untagged words) Tj ET\n")
        }
        defer { Self.remove(pdf) }
        let problems = try PDFInspector.inspect(path: pdf.path).problems
        #expect(problems == ["1 piece of content on page 1 is neither tagged nor marked as artifacts: tag what a reader needs and mark decoration as /Artifact."],
                "\(problems)")
    }

    @Test func aLinkWithoutContentsIsAProblem() throws {
        let pdf = try Self.editedLeaflet { qdf in
            // The first link annotation's description (a page's /Contents is a reference, not a string).
            let line = try #require(qdf.range(of: #"\n  /Contents [(<][^\n]*"#, options: .regularExpression))
            return qdf.replacingCharacters(in: line, with: "")
        }
        defer { Self.remove(pdf) }
        let report = try PDFInspector.inspect(path: pdf.path)
        #expect(report.linksWithoutContents == 1)
        #expect(report.problems == ["1 link on page 1 has no /Contents: give each a description of where it goes, for screen readers."],
                "\(report.problems)")
    }

    @Test func aHandMadePDFShowsStructureMarkingFontAndBoxProblems() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("hand-made.pdf")
        try HandMadePDF.problems.write(to: pdf)
        let report = try PDFInspector.inspect(path: pdf.path)

        #expect(report.title == "Made by hand", "the XMP's x-default title")
        #expect(report.pdfuaPart == 1, "pdfuaid:part written as an attribute")
        #expect(report.language == "en" && report.tagged && report.displayDocTitle)
        #expect(report.pages.count == 1 && report.pages[0].mediaBox.width == 200, "MediaBox inherited from /Pages")
        #expect(report.roles.map(\.role) == ["Document", "H2", "H4", "Figure", "L", "P", "LI", "Lbl", "Fancy"])
        #expect(report.fonts.map(\.name) == ["Helvetica", "Emoji"])

        let expected = [
            "The role Fancy is not standard",
            "The first heading is H2, not H1",
            "Heading levels are skipped (H2 to H4)",
            "1 Figure element has no /Alt text",
            "1 list (L) holds P where only LI items belong",
            "1 list item (LI) has no LBody",
            "1 piece of content on page 1 is neither tagged nor marked as artifacts",
            "1 marked-content sequence on page 1 is both tagged (MCID) and an artifact",
            "Page 1 has annotations but no /Tabs /S",
            "The font Helvetica is not embedded",
            "The font Helvetica has no /ToUnicode map",
            "The font Emoji embeds a font program that cannot be read",
            "The font Emoji (CIDFontType2) has no /CIDToGIDMap",
            "Page 1 has no /BleedBox",
        ]
        for start in expected { #expect(report.problems.contains { $0.hasPrefix(start) }, "no “\(start)…” in \(report.problems)") }
        #expect(report.problems.count == expected.count, "\(report.problems)")
    }

    @Test func theCommandLineExitsZeroOnlyWhenThereIsNoProblem() throws {
        let good = try CommandResult.run(Project.executable.path, ["inspect", Self.leaflet.path])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("Language: en") && good.stdout.contains("Problems: none"), "\(good.stdout)")

        let bad = try Self.editedLeaflet { $0.replacingOccurrences(of: "\n  /Lang (en)", with: "") }
        defer { Self.remove(bad) }
        let missing = bad.deletingLastPathComponent().appendingPathComponent("missing.pdf").path
        let result = try CommandResult.run(Project.executable.path, ["inspect", bad.path, missing])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Language: none") && result.stdout.contains("  - The document has no language"), "\(result.stdout)")
        #expect(result.stderr.contains("\(missing): no such file"), "\(result.stderr)")

        let json = try CommandResult.run(Project.executable.path, ["inspect", "--json", Self.leaflet.path, bad.path])
        #expect(json.status == 1)
        let reports = try JSONDecoder().decode([InspectionReport].self, from: Data(json.stdout.utf8))
        #expect(reports.map(\.language) == ["en", nil])
    }

    // MARK: - Broken copies

    /// A copy of the leaflet with `edit` applied to its QDF form (`qpdf --qdf`: one object per
    /// line, streams uncompressed), then repaired with `fix-qdf` (stream lengths, cross-reference).
    static func editedLeaflet(_ edit: (String) throws -> String) throws -> URL {
        let folder = Project.temporaryFolder()
        let qdf = folder.appendingPathComponent("leaflet.qdf.pdf"), edited = folder.appendingPathComponent("edited.pdf")
        let expand = try CommandResult.run("qpdf", ["--qdf", "--object-streams=disable", leaflet.path, qdf.path])
        #expect(expand.status == 0, "\(expand.stderr)")
        // Latin-1 maps every byte to one character, so binary font data survives the round trip.
        let text = try #require(String(data: Data(contentsOf: qdf), encoding: .isoLatin1))
        try #require(try edit(text).data(using: .isoLatin1)).write(to: qdf)
        try runWritingStandardOutput("fix-qdf", [qdf.path], to: edited)
        return edited
    }

    /// Removes an edited copy and its folder.
    static func remove(_ copy: URL) { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }

    /// fix-qdf writes the repaired file to standard output, which must stay bytes, not text.
    static func runWritingStandardOutput(_ tool: String, _ arguments: [String], to file: URL) throws {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let output = try FileHandle(forWritingTo: file)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed")
    }
}

/// PDFs written by hand, with a correct cross-reference table, to show problems our builder never makes.
enum HandMadePDF {
    /// One page with: a heading that starts at H2 and skips to H4, a Figure without /Alt, a list
    /// holding a P and an LI without LBody, an unmapped role, a path outside marked content, a
    /// tagged sequence inside an artifact, a link on a page without /Tabs, a font not embedded, a
    /// CID font without /CIDToGIDMap, no BleedBox; and XMP with pdfuaid:part as an attribute.
    static var problems: Data {
        let xmp = """
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1">
            <dc:title><rdf:Alt><rdf:li xml:lang="fr">Fait main</rdf:li><rdf:li xml:lang="x-default">Made by hand</rdf:li></rdf:Alt></dc:title>
            </rdf:Description></rdf:RDF></x:xmpmeta>
            <?xpacket end="w"?>
            """
        let content = """
            /H2 << /MCID 0 >> BDC BT /F1 12 Tf 10 180 Td (Heading) Tj ET EMC
            /Artifact BMC /P << /MCID 1 >> BDC BT /F1 12 Tf 10 160 Td (Both) Tj ET EMC EMC
            /P /MC0 BDC BT /F2 12 Tf 10 140 Td <0001> Tj ET EMC
            0 0 10 10 re f
            """
        return write([
            "<< /Type /Catalog /Pages 2 0 R /Lang (en) /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R"
                + " /ViewerPreferences << /DisplayDocTitle true >> /Metadata 8 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 200] >>",
            "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /StructParents 0 /TrimBox [0 0 200 200]"
                + " /Resources << /Font << /F1 6 0 R /F2 7 0 R >> /Properties << /MC0 << /MCID 2 >> >> >>"
                + " /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /Contents (Somewhere) /StructParent 1 >>] >>",
            stream(content),
            "<< /Type /StructTreeRoot /RoleMap << /Heading /H2 >> /K [<< /S /Document /K ["
                + "<< /S /Heading /K 0 /Pg 3 0 R >> << /S /H4 >> << /S /Figure >>"
                + " << /S /L /K [<< /S /P /K 2 /Pg 3 0 R >> << /S /LI /K [<< /S /Lbl >>] >>] >> << /S /Fancy >>] >>] >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /Emoji /Encoding /Identity-H /ToUnicode 9 0 R"
                + " /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Emoji"
                + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                + " /FontDescriptor << /Type /FontDescriptor /FontName /Emoji /Flags 4 /FontFile2 10 0 R >> >>] >>",
            stream(xmp, dictionary: "/Type /Metadata /Subtype /XML"),
            stream("/CIDInit /ProcSet findresource begin end"),
            stream("not really a font"),
        ])
    }

    static func stream(_ content: String, dictionary: String = "") -> String {
        "<< \(dictionary) /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    }

    /// Object n is `objects[n - 1]`.
    static func write(_ objects: [String]) -> Data {
        var text = "%PDF-1.7\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }
}
