import Foundation
import HandbillModel
@testable import HandbillStyle
import Testing
import Yams

/// The rules variants must meet, enforced when Layouts/ is read.
@Suite struct StyleTests {
    @Test func contrastFollowsWCAG() {
        let white = Colour(hex: "#FFFFFF")!, black = Colour(hex: "#000000")!
        #expect(abs(black.contrast(with: white) - 21) < 0.001)
        #expect(abs(Colour(hex: "#777777")!.contrast(with: white) - 4.48) < 0.01)
        #expect(Colour(hex: "#0B3D6E")!.contrast(with: white) > 7)
    }

    static func largePrint(_ edit: (inout String) -> Void) throws -> [String] {
        var text = try String(contentsOf: Project.root.appendingPathComponent("Layouts/variants/large-print.yaml"), encoding: .utf8)
        edit(&text)
        let variant = try YAMLDecoder().decode(Variant.self, from: text)
        return variant.standard.violations(of: variant)
    }

    /// A language's `glyph-forms` is its own language, and script if it names one, with a region.
    @Test func glyphFormsNameARegionOfTheSameLanguage() {
        for good in ["zh-HK", "zh-Hant-HK", "zh-hant-hk", "zh-MO", "zh-419"] {
            #expect(LanguageStrings.namesRegion(good, of: "zh-Hant"), "\(good)")
        }
        for bad in ["zh", "zh-Hans", "zh-Hans-HK", "zh--HK", "zh-HK-", "en-GB", "zh-Hant-HK-x", "zh-H", "zh-Latn1-HK"] {
            #expect(!LanguageStrings.namesRegion(bad, of: "zh-Hant"), "\(bad)")
        }
        #expect(LanguageStrings.namesRegion("en-GB", of: "en") && !LanguageStrings.namesRegion("pt-BR", of: "en"))
    }

    @Test func theShippedVariantsMeetTheirStandards() throws {
        #expect(try Self.largePrint { _ in }.isEmpty)
        let library = Project.workspace.layouts
        #expect(Set(library.variants.keys).isSuperset(of: ["standard", "large-print"]))
    }

    @Test(arguments: [
        ("  body: 18", "  body: 14", "body text is 14.0pt"),
        ("  footer: 16", "  footer: 12", "`sizes-pt.footer` is 12.0pt"),
        ("leading: 1.5", "leading: 1.2", "large print needs 1.5"),
        ("hyphenate: false", "hyphenate: true", "never splits a word"),
        ("emphasis: bold", "emphasis: italic", "never italics"),
        ("align: left", "align: justify", "ragged right"),
        ("  text: \"#000000\"", "  text: \"#767676\"", "needs WCAG AAA"),
    ])
    func largePrintRefuses(original: String, replacement: String, message: String) throws {
        let problems = try Self.largePrint { $0 = $0.replacingOccurrences(of: original, with: replacement) }
        #expect(problems.contains { $0.contains(message) }, "\(problems)")
    }

    /// A copy of the project's products, languages and variants in a new folder, to edit.
    static func copiedLayouts() throws -> URL {
        let folder = Project.temporaryFolder()
        let layouts = Project.root.appendingPathComponent("Layouts")
        for sub in ["products", "languages", "variants"] {
            try FileManager.default.copyItem(at: layouts.appendingPathComponent(sub), to: folder.appendingPathComponent(sub))
        }
        return folder
    }

    @Test func aBrokenVariantFileIsRefusedWithItsName() throws {
        let folder = try Self.copiedLayouts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("variants/large-print.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "  body: 18", with: "  body: 12")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try LayoutLibrary(folder: folder)
        } throws: { error in
            let description = (error as? DiagnosticError)?.description ?? ""
            return description.contains("large-print.yaml") && description.contains("body text is 12.0pt")
        }
    }

    /// A designer may share values inside a layout file with a YAML merge key (`<<`): the
    /// resolver that understands them is used for a file that has one (and only then: its rule
    /// is a regular expression, and the first one costs a cold build ICU's start).
    @Test func aLayoutFileMayMergeValuesWithAMergeKey() throws {
        let folder = try Self.copiedLayouts()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("variants/standard.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "colours:\n  text: \"#1A1A1A\"\n  background: \"#FFFFFF\"\n",
                                  with: "colours:\n  <<: { text: \"#111111\", background: \"#FFFFFF\" }\n")
        #expect(text.contains("<<:"))
        try text.write(to: file, atomically: true, encoding: .utf8)
        let standard = try #require(try LayoutLibrary(folder: folder).variants["standard"])
        #expect(standard.colours.text == Colour(hex: "#111111")!)
        #expect(standard.colours.background == Colour(hex: "#FFFFFF")!)
    }

    @Test func printedAddressesDropWhatReadersNeedNotType() {
        #expect(Address.display("https://www.ceop.police.uk/safety-centre/") == "ceop.police.uk/safety-centre")
        #expect(Address.display("https://safer.scot") == "safer.scot")
    }
}

@Suite struct PhoneNumberTests {
    @Test func phoneNumbersAreFoundWholeAndNothingElse() {
        let pieces = PhoneNumbers.split("Call 0345 6000 459 or 101, or +44 141 555 0199 (not 2024 or 0800).")
        #expect(pieces.filter(\.isPhone).map(\.text) == ["0345 6000 459", "+44 141 555 0199"])
        #expect(pieces.map(\.text).joined() == "Call 0345 6000 459 or 101, or +44 141 555 0199 (not 2024 or 0800).")
        #expect(PhoneNumbers.split("Childline 0800 1111").filter(\.isPhone).map(\.text) == ["0800 1111"])
        #expect(PhoneNumbers.split("ref A01415550199").allSatisfy { !$0.isPhone })
    }
}
