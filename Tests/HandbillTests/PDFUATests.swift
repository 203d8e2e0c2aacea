import Foundation
import Testing

/// PDF/UA-1 and print boxes, read back with qpdf and pdfminer.six and checked by the `pdfua`
/// tool — none of them written by us.
@Suite struct PDFUATests {
    static let variants = Leaflets.variants

    /// An object by reference (`"12 0 R"`) or inline.
    static func resolve(_ value: Any?, in objects: [String: Any]) -> [String: Any]? {
        if let reference = value as? String, reference.hasSuffix(" R") {
            let object = objects["obj:" + reference]
            return (object as? [String: Any]).map { $0["dict"] as? [String: Any] ?? $0 }
        }
        return value as? [String: Any]
    }

    static func catalog(_ objects: [String: Any]) -> [String: Any] {
        resolve((objects["trailer"] as! [String: Any])["/Root"], in: objects)!
    }

    static func pages(_ objects: [String: Any]) -> [[String: Any]] {
        objects.values.compactMap { $0 as? [String: Any] }.filter { $0["/Type"] as? String == "/Page" }
    }

    @Test(arguments: variants)
    func theCatalogDeclaresLanguageTitleAndTagging(variant: String) throws {
        let objects = try PDFReader(url: Leaflets.pdf(variant)).objects()
        let catalog = Self.catalog(objects)
        #expect(catalog["/Lang"] as? String == "u:en")
        #expect((catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool == true)
        #expect((catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool == true)
        #expect(catalog["/StructTreeRoot"] != nil)
    }

    @Test(arguments: variants)
    func xmpMetadataIdentifiesPDFUA(variant: String) throws {
        let xmp = try CommandResult.run("python3", ["-c", """
            import subprocess, sys, re
            pdf = sys.argv[1]
            root = re.search(rb'/Root (\\d+) 0 R', subprocess.run(['qpdf', '--show-object=trailer', pdf], capture_output=True).stdout).group(1)
            meta = re.search(rb'/Metadata (\\d+) 0 R', subprocess.run(['qpdf', '--show-object=' + root.decode(), pdf], capture_output=True).stdout).group(1)
            sys.stdout.buffer.write(subprocess.run(['qpdf', '--show-object=' + meta.decode(), '--filtered-stream-data', pdf], capture_output=True).stdout)
            """, Leaflets.pdf(variant).path]).stdout
        #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>") && xmp.contains("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""))
        #expect(xmp.contains("<rdf:li xml:lang=\"x-default\">Sextortion</rdf:li>"))
        #expect(xmp.contains("<dc:language><rdf:Bag><rdf:li>en</rdf:li>"))
        #expect(xmp.contains("<dc:creator><rdf:Seq><rdf:li>Scottish Government</rdf:li>"))
        #expect(xmp.contains("<xmp:CreateDate>2026-11-25T00:00:00Z</xmp:CreateDate>"))
        #expect(xmp.contains("<pdf:Producer>Handbill "))
    }

    @Test(arguments: variants)
    func everyPieceOfContentIsTaggedOrAnArtifact(variant: String) throws {
        let reading = try StructureReading(Leaflets.pdf(variant))
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(!reading.roles.contains("Private"), "decoration is still in the structure tree")
        // The content streams really hold artifacts: a running footer on every page, rules, the callout box.
        let qdf = try CommandResult.run("qpdf", ["--qdf", "--object-streams=disable", Leaflets.pdf(variant).path, "-"]).stdout
        #expect(qdf.components(separatedBy: "/Artifact BMC").count - 1 >= Leaflets.built[variant]!.pages + 2)
    }

    @Test(arguments: variants)
    func headingsStartAtH1AndSkipNoLevel(variant: String) throws {
        let headings = try StructureReading(Leaflets.pdf(variant)).roles.filter { ["H1", "H2", "H3", "H4", "H5", "H6"].contains($0) }
        #expect(headings.first == "H1")
        var level = 0
        for heading in headings {
            let next = Int(heading.dropFirst())!
            #expect(next <= level + 1, "\(heading) after H\(level)")
            level = next
        }
    }

    @Test(arguments: variants)
    func linksSayWhatTheyAreAndSitInTheStructure(variant: String) throws {
        let objects = try PDFReader(url: Leaflets.pdf(variant)).objects()
        let dictionaries = objects.values.compactMap { $0 as? [String: Any] }
        let links = dictionaries.filter { $0["/Subtype"] as? String == "/Link" }
        #expect(!links.isEmpty)
        for link in links {
            let contents = (link["/Contents"] as? String).map(PDFReader.decodeString) ?? ""
            #expect(contents.count > 3, "a link without a description: \(link)")
            #expect(link["/StructParent"] is Int)
        }
        #expect(links.contains { ($0["/Contents"] as? String)?.contains("Take It Down (takeitdown.ncmec.org)") == true })
        // Each Link element holds its annotation through an OBJR.
        let linkElements = dictionaries.filter { $0["/S"] as? String == "/Link" }
        #expect(linkElements.count == links.count)
        for element in linkElements {
            let kids = element["/K"] as? [Any] ?? [element["/K"] as Any]
            #expect(kids.contains { ($0 as? [String: Any])?["/Type"] as? String == "/OBJR" })
        }
        for page in Self.pages(objects) where page["/Annots"] != nil {
            #expect(page["/Tabs"] as? String == "/S")
        }
    }

    @Test(arguments: variants)
    func fontsMapGlyphsAndText(variant: String) throws {
        let objects = try PDFReader(url: Leaflets.pdf(variant)).objects()
        let fonts = objects.values.compactMap { $0 as? [String: Any] }.filter { $0["/Type"] as? String == "/Font" }
        for font in fonts where font["/Subtype"] as? String == "/CIDFontType2" {
            #expect(font["/CIDToGIDMap"] as? String == "/Identity")
        }
        for font in fonts where font["/Subtype"] as? String != "/CIDFontType2" {
            #expect(font["/ToUnicode"] != nil, "\(font["/BaseFont"] ?? "?") has no ToUnicode")
        }
    }

    @Test(arguments: variants)
    func officeProductsHaveTrimAndBleedBoxesAtTheSheetEdge(variant: String) throws {
        let pages = Self.pages(try PDFReader(url: Leaflets.pdf(variant)).objects())
        #expect(pages.count == Leaflets.built[variant]!.pages)
        for page in pages {
            let media = (page["/MediaBox"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue }
            let trim = (page["/TrimBox"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue }
            let bleed = (page["/BleedBox"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue }
            #expect(media?.count == 4 && trim?.count == 4 && bleed?.count == 4)
            for (a, b) in zip(media ?? [], trim ?? []) { #expect(abs(a - b) < 0.01, "TrimBox \(trim ?? []) ≠ A4 \(media ?? [])") }
            for (a, b) in zip(media ?? [], bleed ?? []) { #expect(abs(a - b) < 0.01, "BleedBox \(bleed ?? []) ≠ A4 \(media ?? [])") }
        }
    }

    @Test(arguments: variants)
    func qpdfFindsNoDamage(variant: String) throws {
        let check = try CommandResult.run("qpdf", ["--check", Leaflets.pdf(variant).path])
        #expect(check.status == 0 && check.stdout.contains("No syntax or stream encoding errors"), "\(check.stdout)\(check.stderr)")
    }

    @Test(arguments: variants)
    func thePDFUACheckerFindsNothing(variant: String) throws {
        let result = try CommandResult.run(PDFUAChecker.command, ["check", Leaflets.pdf(variant).path])
        #expect(result.status == 0, "pdfua: \(result.stdout)\(result.stderr)")
    }
}

