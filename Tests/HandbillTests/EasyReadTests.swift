import Foundation
import Handbill
import HandbillFinish
import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillSyntax
import Testing

/// The easy-read and dyslexia-friendly variants, and the accessibility lint.
@Suite struct EasyReadTests {
    static let guidance = try! GuidanceFolder(Project.sextortion)
    static let easyRead = try! guidance.edition("easy-read")

    static func laidOut(_ language: String = "en", product: String = "leaflet-a4") throws -> PositionedDocument {
        try Builder(workspace: Project.workspace).layout(try easyRead.document(language: language),
                                                         job: Project.job("easy-read", product: product).with(language: language))
    }

    /// The A4 leaflet and the A5 booklet, in English, Polish and Arabic.
    @Test(arguments: ["en", "pl", "ar"], ["leaflet-a4", "booklet-a5"])
    func everyPictureSitsBesideItsWordsAndNoTextIsBelow16pt(language: String, product: String) throws {
        let document = try Self.laidOut(language, product: product)
        var pictures = 0
        for page in document.pages {
            for line in page.lines { #expect(line.sizes.allSatisfy { $0 >= 16 }, "\(language): “\(line.text)” at \(line.sizes)") }
            // Each picture: the next lines (its point's words) start beside it, not below it.
            for (index, item) in page.items.enumerated() {
                guard case .image(_, let box) = item else { continue }
                pictures += 1
                let words = page.items[index...].lazy.compactMap { if case .line(let l) = $0 { l } else { nil } }.first
                let line = try #require(words)
                #expect(line.bounds.y < box.maxY, "\(language): the words start below their picture")
                if language == "ar" {
                    #expect(box.x > line.bounds.maxX - 1, "ar: the picture is not on the right of its words")
                } else {
                    #expect(box.maxX < line.bounds.x + 1, "\(language): the picture is not on the left of its words")
                }
            }
        }
        #expect(pictures >= 20, "\(language): only \(pictures) pictures")
    }

    @Test(arguments: ["leaflet-a4", "booklet-a5"])
    func everyPictureIsAFigureWithAlt(product: String) throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try Builder(workspace: Project.workspace).build(try Self.easyRead.document(language: "en"),
                                                                  job: Project.job("easy-read", product: product), output: folder)[0]
        let figures = try PDFReader(url: pdf).objects().values.compactMap { $0 as? [String: Any] }.filter { $0["/S"] as? String == "/Figure" }
        #expect(figures.count >= 20)
        for figure in figures { #expect((figure["/Alt"] as? String).map { $0.count > 3 } == true, "a Figure without Alt") }
        #expect(try PDFUAChecker.passes(pdf.path))
        #expect(try PDFReader(url: pdf).text().contains("OpenMoji"), "the pictures' credit is missing")
    }

    // MARK: - The lint, a passing and a failing case for each rule

    static func easyReadDocument(_ body: String, language: String = "en") throws -> Document {
        let text = "---\ntitle: T\nlanguage: \(language)\npublisher: P\nsource: https://example.org\ndate: 2026-11-25\n---\n\n" + body
        return try GuidanceLoader.parse(bytes: Array(text.utf8), file: "easy.md")
    }

    static func lint(_ body: String) throws -> [Diagnostic] { EasyReadLint.check(try easyReadDocument(body)) }

    @Test func longSentencesWarnAbove15AndFailAbove25() throws {
        #expect(!(try Self.lint("![A phone](phone) Call the police on 101.")).contains { $0.message.contains("words:") })
        let sixteen = try Self.lint("![A phone](phone) " + Array(repeating: "word", count: 16).joined(separator: " ") + ".")
        #expect(sixteen.contains { $0.severity == .warning && $0.message.contains("16 words") })
        let thirty = try Self.lint("![A phone](phone) " + Array(repeating: "word", count: 30).joined(separator: " ") + ".")
        #expect(thirty.contains { $0.severity == .error && $0.message.contains("30 words") && $0.location?.line == 9 })
    }

    @Test func aPointWithoutAPictureIsReported() throws {
        #expect(try Self.lint("Call the police on 101.").contains { $0.message.contains("without a picture") })
    }

    @Test func initialsMustBeExplained() throws {
        #expect(try Self.lint("![A phone](phone) Tell CEOP.").contains { $0.message.contains("CEOP") })
        #expect(!(try Self.lint("![A phone](phone) Tell CEOP (the police safety centre).")).contains { $0.message.contains("CEOP") })
    }

    @Test func passiveVoiceIsFlagged() throws {
        #expect(try Self.lint("![A phone](phone) The pictures were shared.").contains { $0.message.contains("passive") })
        #expect(!(try Self.lint("![A phone](phone) Criminals shared the pictures.")).contains { $0.message.contains("passive") })
    }

    @Test func hardEnglishFailsFleschReadingEase() throws {
        let hard = "![A phone](phone) Institutional organisations consistently demonstrate considerable administrative complexity."
        #expect(try Self.lint(hard).contains { $0.message.contains("Flesch Reading Ease") })
        #expect(try Self.lint("![A phone](phone) Call us. We can help you. It is not your fault.").isEmpty)
    }

    @Test func aMissingHelpNumberInATranslationIsAnError() throws {
        let source = try Self.guidance.document(language: "en")
        var polish = try Self.guidance.document(language: "pl")
        #expect(ContentLint.missing(from: polish, comparedWith: source, file: "pl.md").isEmpty)
        polish.services[4].phone = nil
        let found = ContentLint.missing(from: polish, comparedWith: source, file: "pl.md")
        #expect(found.contains { $0.severity == .error && $0.message.contains("0345 6000 459") })
    }

    @Test func designRulesWarnOnItalicsLowContrastAndCapitals() throws {
        var variant = try Project.workspace.layouts.variant("standard")
        #expect(DesignLint.check([variant], layoutsFolder: "Layouts").isEmpty)
        variant.emphasis = .italic
        variant.colours.link = Colour(hex: "#4A7AB0")!
        let found = DesignLint.check([variant], layoutsFolder: "Layouts")
        #expect(found.contains { $0.message.contains("italic") } && found.contains { $0.message.contains("below WCAG AAA") })
        let shouting = try Self.easyReadDocument("DO NOT PAY THEM.")
        #expect(DesignLint.capitals(in: shouting).count == 1)
        // Three words of two or more capitals in a row; a dash does not break the run, a number does.
        #expect(DesignLint.shouts("PAY – NOT – EVER"))
        #expect(DesignLint.shouts("call 999 NOW OR LATER"))
        #expect(!DesignLint.shouts("CALL 999 NOW OR"))
        #expect(!DesignLint.shouts("Call NHS or CEOP today"))
        #expect(!DesignLint.shouts("I A B C"))
        #expect(!DesignLint.shouts("لا تدفع لهم أبدا"))  // no capitals in Arabic
    }

    @Test func theShippedGuidanceHasNoLintErrors() throws {
        let found = AccessibilityLint.check(Self.guidance, layouts: Project.workspace.layouts)
        #expect(!found.contains { $0.severity == .error }, "\(found.filter { $0.severity == .error })")
        let json = try CommandResult.run(Project.executable.path, ["check", "Guidance/sextortion", "--json"], in: Project.root)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(report?["errors"] as? Int == 0, "\(json.stdout.prefix(400))")
    }

    @Test func dyslexiaFriendlyMeetsTheBDAGuide() throws {
        let variant = try Project.workspace.layouts.variant("dyslexia")
        #expect(variant.standard.violations(of: variant).isEmpty)
        var white = variant
        white.colours.background = Colour(hex: "#FFFFFF")!
        white.letterSpacing = 0
        let problems = white.standard.violations(of: white)
        #expect(problems.contains { $0.contains("cream") } && problems.contains { $0.contains("letter and word spacing") })
        let page = try Builder(workspace: Project.workspace).layout(try Self.guidance.document(language: "en"), job: Project.job("dyslexia")).pages[0]
        #expect(page.lines.allSatisfy { $0.sizes.allSatisfy { $0 >= 12 } })  // BDA: 12 to 14pt
    }

    /// BDA: 60 to 70 characters a line. Measured on the body's full lines (a paragraph's last line,
    /// headings and the small print are as short as their words), in the leaflet's one column.
    @Test func dyslexiaFriendlyLinesHold60To70Characters() throws {
        let document = try Builder(workspace: Project.workspace).layout(try Self.guidance.document(language: "en"), job: Project.job("dyslexia"))
        var lengths: [Int] = []
        for page in document.pages {
            let lines = LayoutTests.contentLines(of: page).filter { $0.role == .paragraph }.map(\.line)
            for (line, next) in zip(lines, lines.dropFirst()) where ObjectIdentifier(line.shaped) == ObjectIdentifier(next.shaped) {
                lengths.append(line.text.trimmingCharacters(in: .whitespaces).count)
            }
        }
        let mean = Double(lengths.reduce(0, +)) / Double(max(lengths.count, 1))
        print("dyslexia friendly: \(lengths.count) full lines, \(String(format: "%.1f", mean)) characters on average, \(lengths.min() ?? 0)–\(lengths.max() ?? 0)")
        #expect(lengths.count > 20)
        #expect((60...70).contains(mean), "\(mean) characters a line on average")
    }
}
