import Foundation
import Handbill
import HandbillFinish
import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillSyntax
import Testing

/// Every language, read back two ways: through the structure tree in order, as a screen reader
/// gets it, and with pdftotext, as copy-and-paste and search get it.
@Suite struct LanguageTests {
    static let guidance = try! GuidanceFolder(Project.sextortion)
    static let translations = Array(guidance.languages.dropFirst())
    static let rightToLeftOrComplex: Set<String> = ["ar", "fa", "ur", "pa", "bn"]

    /// The standard leaflet in every language, built once.
    static let built: [String: URL] = {
        let output = Project.temporaryFolder()
        let builder = Builder(workspace: Project.workspace)
        var result: [String: URL] = [:]
        for language in guidance.languages {
            let job = Job(guidance: "sextortion", product: "leaflet-a4", variant: "standard", language: language)
            result[language] = try! builder.build(try! guidance.document(language: language), job: job, output: output)[0]
        }
        return result
    }()

    static func words(_ language: String) throws -> [String] { try guidance.document(language: language).words }

    /// Reading 1 with Handbill's own reader (`handbill inspect --text`); StructureTextTests holds it
    /// to the independent pdfminer reader, which also checks every glyph is tagged or an artifact.
    @Test(arguments: translations)
    func aScreenReaderGetsTheWordsInOrder(language: String) throws {
        let reading = try StructureReading(Self.built[language]!)
        let text = try PDFInspector.text(path: Self.built[language]!.path).text
        let fraction = Words.inOrderFraction(try Self.words(language), in: Words.of(text))
        print("\(language): \(String(format: "%.1f", fraction * 100))% of words in order through the structure tree")
        #expect(fraction >= 0.99, "\(language): \(String(format: "%.1f", fraction * 100))% of words in order through the structure tree")
        #expect(reading.problems.isEmpty, "\(language): \(reading.problems)")
    }

    @Test(arguments: translations)
    func pdftotextGetsTheWordsInOrder(language: String) throws {
        let text = try PDFReader(url: Self.built[language]!).text()
        let fraction = Words.inOrderFraction(try Self.words(language), in: Words.of(text))
        print("\(language): \(String(format: "%.1f", fraction * 100))% of words in order in pdftotext")
        let target = Self.rightToLeftOrComplex.contains(language) ? 0.95 : 0.995
        #expect(fraction >= target, "\(language): \(String(format: "%.1f", fraction * 100))% of words in order in pdftotext")
    }

    @Test(arguments: translations)
    func phoneNumbersAndAddressesComeOutWhole(language: String) throws {
        let document = try Self.guidance.document(language: language)
        let pdf = Self.built[language]!
        let readings = [("pdftotext", try PDFReader(url: pdf).text()), ("structure tree", try PDFInspector.text(path: pdf.path).text),
                        ("pdfminer", try StructureReading(pdf).reading)]
        for (name, reading) in readings {
            let visible = String(String.UnicodeScalarView(reading.unicodeScalars.filter { !Words.isLayoutMark($0) }))
            for service in document.services {
                if let phone = service.phone { #expect(visible.contains(phone), "\(language) \(name): \(phone) not whole") }
                if let url = service.url {
                    let address = Address.display(url)
                    #expect(visible.contains(address), "\(language) \(name): \(address) not whole")
                }
            }
        }
    }

    @Test(arguments: translations)
    func eachFileDeclaresItsLanguageAndEmbedsItsFonts(language: String) throws {
        let reader = PDFReader(url: Self.built[language]!)
        let catalog = PDFUATests.catalog(try reader.objects())
        #expect(catalog["/Lang"] as? String == "u:" + language)
        for font in try reader.fonts() { #expect(font.embedded && font.toUnicode, "\(language): \(font.name)") }
        #expect(try PDFUAChecker.passes(reader.url.path))
    }

    /// Every character on the page is drawn: its glyph in the font embedded in the PDF has an
    /// outline. (Cairo 1.16's CFF subsetter once broke 如 in Chinese: copied and read aloud
    /// rightly, printed as a gap.)
    @Test(arguments: guidance.languages)
    func everyCharacterIsDrawnByTheEmbeddedFont(language: String) throws {
        let blank = try BlankGlyph.find(in: Self.built[language]!)
        #expect(blank.isEmpty, "\(language): \(blank)")
    }

    /// Traditional Chinese is written as in Hong Kong (the font is Noto Sans CJK HK): its
    /// characters keep the font's own forms, not the Taiwan forms OpenType's `locl` gives text
    /// tagged plain `zh-Hant` (公, 有 and 脅 differ in a stroke).
    @Test func traditionalChineseIsPrintedInHongKongForms() throws {
        let script = Project.root.appendingPathComponent("Tests/Tools/pdf_glyph_forms.py").path
        let font = Project.root.appendingPathComponent("Fonts/NotoSansCJKHK-Regular-subset.ttf").path
        let result = try CommandResult.run(StructureReading.python, [script, Self.built["zh-Hant"]!.path, font, "公有脅片情"])
        #expect(result.status == 0, "\(result.stderr)")
        let forms = try JSONDecoder().decode([String: String].self, from: Data(result.stdout.utf8))
        #expect(forms == ["公": "own", "有": "own", "脅": "own", "片": "own", "情": "own"])
    }

    /// Chinese breaks lines between any two characters, with no space; readers take a change of
    /// line for one, so its paragraphs are given whole, as /ActualText: no block a screen reader
    /// reads has a space between two Chinese characters (the translations have none).
    @Test(arguments: ["zh-Hans", "zh-Hant"])
    func chineseLinesJoinWithoutASpace(language: String) throws {
        let cjk = #/[\x{3000}-\x{303F}\x{4E00}-\x{9FFF}\x{FF00}-\x{FFEF}] [\x{3000}-\x{303F}\x{4E00}-\x{9FFF}\x{FF00}-\x{FFEF}]/#
        let lines = try PDFInspector.text(path: Self.built[language]!.path).lines
        #expect(lines.count > 10)
        for line in lines { #expect(line.firstMatch(of: cjk) == nil, "\(language): \(line)") }
    }

    @Test(arguments: ["ar", "fa", "ur"])
    func rightToLeftPagesAreMirrored(language: String) throws {
        let document = try Self.guidance.document(language: language)
        let page = try Builder(workspace: Project.workspace).layout(document, job: Project.job("standard").with(language: language)).pages[0]
        let product = try Project.workspace.layouts.product("leaflet-a4")
        let rightEdge = page.width - points(mm: product.marginsMM.right)
        // The title and every full line end at the right margin.
        let title = try #require(page.lines.first)
        #expect(abs(title.bounds.maxX - rightEdge) < 1, "the title ends at \(title.bounds.maxX), the margin is at \(rightEdge)")
        // List labels hang on the right of their text.
        var inLabel = false, labels: [TextLine] = []
        for item in page.items {
            switch item {
            case .open(.label): inLabel = true
            case .close(.label): inLabel = false
            case .line(let line) where inLabel: labels.append(line)
            default: break
            }
        }
        for label in labels { #expect(label.bounds.maxX > rightEdge - 12, "a list label at x \(label.bounds.x)") }
    }

    @Test func aTranslationWithCharactersNoFontHasFailsWithItsLine() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Project.sextortion.appendingPathComponent("guidance.md"), to: folder.appendingPathComponent("guidance.md"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("translations"), withIntermediateDirectories: true)
        var polish = try String(contentsOf: Project.sextortion.appendingPathComponent("translations/pl.md"), encoding: .utf8)
        polish = polish.replacingOccurrences(of: "## ", with: "## ሰላም ", options: [], range: polish.range(of: "## "))
        try polish.write(to: folder.appendingPathComponent("translations/pl.md"), atomically: true, encoding: .utf8)
        let line = polish.components(separatedBy: "\n").firstIndex { $0.contains("ሰላም") }! + 1
        let result = try CommandResult.run(Project.executable.path, ["build", folder.path, "--lang", "pl", "--variant", "standard",
                                                                     "--output", folder.appendingPathComponent("out").path], in: Project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("translations/pl.md:\(line):1: error: the fonts have no glyph for U+1230"), "\(result.stderr)")
        #expect(result.stderr.contains("`pl`"))
        #expect(Project.files(in: folder.appendingPathComponent("out")).isEmpty)
    }

    @Test func everyLanguageBuildsInLargePrintWithoutTofu() throws {
        let builder = Builder(workspace: Project.workspace)
        for language in Self.guidance.languages {
            let positioned = try builder.layout(try Self.guidance.document(language: language), job: Project.job("large-print").with(language: language))
            for page in positioned.pages { for line in page.lines { #expect(line.sizes.allSatisfy { $0 >= 16 }, "\(language): \(line.text)") } }
        }
    }

    @Test func checkWarnsWhenTheSourceChangedSinceATranslation() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var source = try String(contentsOf: Project.sextortion.appendingPathComponent("guidance.md"), encoding: .utf8)
        source = source.replacingOccurrences(of: "Be careful how much", with: "Be very careful how much")
        try source.write(to: folder.appendingPathComponent("guidance.md"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Project.sextortion.appendingPathComponent("translations"), to: folder.appendingPathComponent("translations"))
        let result = try CommandResult.run(Project.executable.path, ["check", folder.path, "--lang", "pl", "--variant", "standard"], in: Project.root)
        #expect(result.status == 0)
        #expect(result.stderr.contains("translations/pl.md:1:1: warning: the `pl` translation was made from fnv1a64:"), "\(result.stderr)")
    }

    @Test func checkWarnsWhenTheEasyReadSourceChangedSinceItsTranslation() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: Project.sextortion, to: folder)
        let easyRead = folder.appendingPathComponent("easy-read/guidance.md")
        let source = try String(contentsOf: easyRead, encoding: .utf8)
        try source.replacingOccurrences(of: "**Do not panic.**", with: "**Please do not panic.**").write(to: easyRead, atomically: true, encoding: .utf8)
        let result = try CommandResult.run(Project.executable.path, ["check", folder.path, "--lang", "pl", "--variant", "easy-read"], in: Project.root)
        #expect(result.stderr.contains("easy-read/translations/pl.md:1:1: warning: the `pl` translation was made from fnv1a64:"), "\(result.stderr)")
        // The guidance as it is: no translation is stale.
        let current = try CommandResult.run(Project.executable.path, ["check", Project.sextortion.path, "--lang", "all"], in: Project.root)
        #expect(!current.stderr.contains("translation was made from"), "\(current.stderr)")
    }
}

extension Job {
    func with(language: String) -> Job {
        var job = self
        job.language = language
        return job
    }
}

/// English beside a translation, block by block (`--lang en+pl`).
@Suite struct BilingualTests {
    static let guidance = LanguageTests.guidance

    static func build(_ pair: String) throws -> URL {
        let output = Project.temporaryFolder()
        let documents = try pair.split(separator: "+").map { try guidance.document(language: String($0)) }
        return try Builder(workspace: Project.workspace).build(documents, job: Project.job("standard").with(language: pair), output: output)[0]
    }

    @Test(arguments: ["en+pl", "en+ar"])
    func bothLanguagesReadInOrderAndTheSecondIsTagged(pair: String) throws {
        let pdf = try Self.build(pair)
        defer { try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent().deletingLastPathComponent()) }
        #expect(pdf.lastPathComponent == "sextortion-leaflet-a4-standard-\(pair).pdf")
        let second = String(pair.split(separator: "+")[1])
        let reading = try StructureReading(pdf)
        for language in ["en", second] {
            let fraction = Words.inOrderFraction(try Self.guidance.document(language: language).words, in: Words.of(reading.reading))
            #expect(fraction >= 0.99, "\(pair): \(language) \(String(format: "%.1f", fraction * 100))% in order through the structure tree")
        }
        let objects = try PDFReader(url: pdf).objects()
        #expect(PDFUATests.catalog(objects)["/Lang"] as? String == "u:en")
        let tagged = objects.values.compactMap { $0 as? [String: Any] }.filter { ($0["/Lang"] as? String) == "u:" + second }
        #expect(tagged.count >= 30, "only \(tagged.count) elements say they are in \(second)")
        #expect(try PDFUAChecker.passes(pdf.path))
    }

    /// Two languages side by side are laid out from the left, the first language in the left
    /// column, whatever their directions: such a booklet binds on the left and viewers show its
    /// spreads from the left, while Arabic alone reads from the right.
    @Test(arguments: [("ar+en", false), ("en+ar", false), ("ar", true), ("en", false)])
    func onlyOneRightToLeftLanguageReadsFromTheRight(pair: String, rightToLeft: Bool) throws {
        let documents = try pair.split(separator: "+").map { try Self.guidance.document(language: String($0)) }
        let laidOut = try Builder(workspace: Project.workspace).layout(documents, job: Project.job("standard", product: "booklet-a5").with(language: pair))
        #expect(laidOut.rightToLeft == rightToLeft, "\(pair)")
    }

    @Test func aTranslationOfAnotherShapeCannotBePaired() throws {
        var polish = try Self.guidance.document(language: "pl")
        polish.blocks.removeLast()
        #expect {
            try Builder(workspace: Project.workspace).layout([try Self.guidance.document(language: "en"), polish],
                                                             job: Project.job("standard").with(language: "en+pl"))
        } throws: { error in
            (error as? DiagnosticError)?.description.contains("pairs them one by one") == true
        }
    }
}
