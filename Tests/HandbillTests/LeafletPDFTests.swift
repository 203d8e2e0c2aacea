import Foundation
import Handbill
import HandbillModel
import Testing

/// The A4 leaflet in both variants, built once and read back with poppler and qpdf.
@Suite struct LeafletPDFTests {
    static let variants = Leaflets.variants
    static var built: [String: (pdf: URL, pages: Int)] { Leaflets.built }

    @Test(arguments: variants)
    func wordsOfTheSourceComeOutInOrder(variant: String) throws {
        let source = try Project.document().words
        let text = try PDFReader(url: Self.built[variant]!.pdf).text()
        let fraction = Words.inOrderFraction(source, in: Words.of(text))
        #expect(fraction >= 0.995, "only \(String(format: "%.1f", fraction * 100))% of \(source.count) source words in order")
    }

    @Test(arguments: variants)
    func aScreenReaderGetsEveryWordInOrder(variant: String) throws {
        let source = try Project.document().words
        let reading = try StructureReading(Self.built[variant]!.pdf).reading
        let fraction = Words.inOrderFraction(source, in: Words.of(reading))
        #expect(fraction >= 0.995, "only \(String(format: "%.1f", fraction * 100))% of \(source.count) words in order through the structure tree")
        for service in try Project.document().services {
            if let phone = service.phone { #expect(reading.contains(phone), "phone \(phone) missing from the structure tree") }
        }
    }

    /// Dyslexia friendly spaces words out with letter spacing on each space, so Pango gives every
    /// word and every space a run of its own; Cairo drops a run that draws nothing, its text with
    /// it, and a screen reader read the words either side of a line's last space as one ("find
    /// outmore", "tothe"). The spaces go to Cairo with their words now: every word reads apart.
    @Test func aScreenReaderReadsTheDyslexiaFriendlyWordsApart() throws {
        let output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let pdf = try Builder(workspace: Project.workspace).build(try Project.document(), job: Project.job("dyslexia"), output: output)[0]
        let reading = try StructureReading(pdf).reading
        for phrase in ["You can find out more about sextortion on the Safer.scot website.", "or to the NCA’s CEOP Safety Centre"] {
            #expect(reading.contains(phrase), "“\(phrase)” not read whole")
        }
        let fraction = Words.inOrderFraction(try Project.document().words, in: Words.of(reading))
        #expect(fraction >= 0.999, "only \(String(format: "%.1f", fraction * 100))% of the words in order")
    }

    @Test(arguments: variants)
    func everyPhoneNumberAndServiceIsPrinted(variant: String) throws {
        let text = try PDFReader(url: Self.built[variant]!.pdf).text()
        for service in try Project.document().services {
            #expect(text.contains(service.name), "\(service.name) missing")
            if let phone = service.phone { #expect(text.contains(phone), "phone \(phone) missing or split") }
        }
    }

    @Test(arguments: variants)
    func fontsAreEmbeddedSubsetsWithUnicodeMaps(variant: String) throws {
        let fonts = try PDFReader(url: Self.built[variant]!.pdf).fonts()
        #expect(!fonts.isEmpty)
        for font in fonts {
            #expect(font.embedded && font.subset && font.toUnicode, "\(font.name): \(font)")
            #expect(font.name.contains("NotoSans"), "unexpected font \(font.name)")
        }
    }

    @Test(arguments: variants)
    func pagesAreA4AndAsLaidOut(variant: String) throws {
        let (pdf, pages) = Self.built[variant]!
        let info = try PDFReader(url: pdf).info()
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89 pts (A4)") == true, "\(info["Page size"] ?? "?")")
        #expect(info["Pages"] == String(pages))
    }

    @Test func largePrintIsReflowedOntoMorePages() {
        let standard = Self.built["standard"]!.pages, large = Self.built["large-print"]!.pages
        #expect(standard <= 4, "the standard leaflet should fit on 4 A4 pages (two sheets, both sides); it takes \(standard)")
        #expect(large > standard)
    }

    @Test(arguments: variants)
    func metadataNamesTheGuidance(variant: String) throws {
        let info = try PDFReader(url: Self.built[variant]!.pdf).info()
        #expect(info["Title"] == "Sextortion")
        #expect(info["Author"] == "Scottish Government")
        #expect(info["Subject"]?.hasPrefix("Sextortion is a type of online blackmail") == true)
        #expect(info["Keywords"]?.contains("online safety") == true)
        #expect(info["Creator"]?.hasPrefix("Handbill ") == true)
        #expect(info["CreationDate"]?.contains("2026") == true)
    }

    @Test(arguments: variants)
    func outlineFollowsTheHeadings(variant: String) throws {
        let outline = try PDFReader(url: Self.built[variant]!.pdf).outline()
        #expect(outline.first?.depth == 1 && outline.first?.title == "Sextortion")
        let sections = outline.filter { $0.depth == 2 }.map(\.title)
        #expect(sections == ["What is sextortion?", "What to do if it happens",
                             "How to reduce the risk of sextortion happening", "Where to get help"])
        #expect(outline.contains { $0.depth == 3 && $0.title == "Revenge Porn Helpline" })
    }

    @Test(arguments: variants)
    func structureTreeHoldsTheContentInReadingOrder(variant: String) throws {
        let roles = try PDFReader(url: Self.built[variant]!.pdf).structureRoles()
        let content = roles.filter { $0 != "Private" }
        #expect(content.first == "Document")
        #expect(content.dropFirst().first == "H1", "the first element is \(content.dropFirst().first ?? "none")")
        for role in ["H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Link", "Span"] {
            #expect(roles.contains(role), "no \(role) element")
        }
        // Headings in the source's order, lists after the heading that introduces them.
        let firstH2 = try #require(content.firstIndex(of: "H2")), firstList = try #require(content.firstIndex(of: "L"))
        let lastH3 = try #require(content.lastIndex(of: "H3"))
        #expect(firstH2 < firstList && firstList < lastH3)
        // Each LI holds a label and a body; an item continued from the page before holds its body.
        let items = content.indices.filter { content[$0] == "LI" }
        let continued = items.filter { content[$0 + 1] == "LBody" }
        for index in items where !continued.contains(index) {
            #expect(Array(content[(index + 1)...(index + 2)]) == ["Lbl", "LBody"])
        }
        #expect(continued.count < Self.built[variant]!.pages, "more continued list items than page breaks")
    }

    @Test(arguments: variants)
    func everyLinkIsClickable(variant: String) throws {
        let objects = try PDFReader(url: Self.built[variant]!.pdf).objects()
        let uris = Set(objects.values.compactMap { $0 as? [String: Any] }
            .filter { $0["/Subtype"] as? String == "/Link" }
            .compactMap { ($0["/A"] as? [String: Any])?["/URI"] as? String }.map(PDFReader.decodeString))
        for url in ["https://safer.scot", "https://www.ceop.police.uk/safety-centre/", "https://www.childline.org.uk/remove",
                    "https://takeitdown.ncmec.org", "https://revengepornhelpline.org.uk"] {
            #expect(uris.contains(url), "no link to \(url); links: \(uris.sorted())")
        }
    }
}
