import Foundation
import HandbillModel
import HandbillSyntax
import Testing

/// Malformed guidance: each mistake is reported at its file, line and column, with what to do.
@Suite struct SourceErrorTests {
    static let good = """
        ---
        title: Test guidance
        language: en
        publisher: Test publisher
        source: https://example.org/guidance
        date: 2026-11-25
        ---

        ## First section

        Some text.

        - An item
        - Another item

        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var line: Int
        var column: Int?
        var message: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, line: Int, column: Int? = nil, _ message: String) {
            self.init(name, Array(text.utf8), line: line, column: column, message)
        }

        init(_ name: String, _ bytes: [UInt8], line: Int, column: Int? = nil, _ message: String) {
            self.name = name
            self.bytes = bytes
            self.line = line
            self.column = column
            self.message = message
        }
    }

    static let cases: [Case] = [
        Case("unknown front-matter key", good.replacingOccurrences(of: "language: en", with: "language: en\ntitel: Oops"),
             line: 4, column: 1, "unknown front-matter key `titel`"),
        Case("missing title", good.replacingOccurrences(of: "title: Test guidance\n", with: ""), line: 2, "missing `title:`"),
        Case("heading level skipped", good.replacingOccurrences(of: "Some text.", with: "Some text.\n\n#### Too deep"),
             line: 13, column: 1, "skipping level 3"),
        Case("level-1 heading in the body", good.replacingOccurrences(of: "## First section", with: "# First section"),
             line: 9, column: 1, "a level-1 heading in the body"),
        Case("empty list item", good.replacingOccurrences(of: "- Another item", with: "-\n- Another item"),
             line: 14, column: 1, "an empty list item"),
        Case("invalid UTF-8", Array(good.utf8).dropLast(8) + [0x66, 0xC3, 0x28] + Array("tem\n".utf8),
             line: 14, column: 9, "not valid UTF-8"),
        Case("YAML syntax", good.replacingOccurrences(of: "publisher: Test publisher", with: "publisher: \"unclosed"),
             line: 4, "not valid YAML"),
        Case("bad date", good.replacingOccurrences(of: "date: 2026-11-25", with: "date: 25/11/2026"), line: 6, "not a date"),
        Case("bad language tag", good.replacingOccurrences(of: "language: en", with: "language: English language"),
             line: 3, "not a BCP 47 language tag"),
        Case("relative link", good.replacingOccurrences(of: "Some text.", with: "See [this page](/help)."),
             line: 11, "not a full web address"),
        Case("raw HTML", good.replacingOccurrences(of: "Some text.", with: "<div>Some text.</div>"), line: 11, "raw HTML"),
        Case("no front matter", "## Just a body\n", line: 1, "does not start with front matter"),
        Case("unclosed front matter", "---\ntitle: x\n", line: 1, "never closed"),
        Case("control character", good.replacingOccurrences(of: "Some text.", with: "Some\u{7}text."), line: 11, "control character"),
        Case("service without a way to reach it", good.replacingOccurrences(of: "date: 2026-11-25", with: "date: 2026-11-25\nservices:\n  - name: Helpline"),
             line: 8, "neither a phone number nor an address"),
        Case("a yes/no key that is neither", good.replacingOccurrences(of: "date: 2026-11-25", with: "date: 2026-11-25\ntrifold:\n  sections: [First section]\n  advice-only-if-needed: sometimes"),
             line: 9, "`advice-only-if-needed:` is `true` or `false`"),
        Case("one name where a list goes", good.replacingOccurrences(of: "date: 2026-11-25", with: "date: 2026-11-25\nposter:\n  sections: [First section]\n  links: Helpline"),
             line: 9, "`links:` is a list"),
    ]

    @Test(arguments: cases)
    func reportsFileLineAndColumn(_ testCase: Case) {
        do {
            _ = try GuidanceLoader.parse(bytes: testCase.bytes, file: "Guidance/test/guidance.md")
            Issue.record("accepted a source with \(testCase.name)")
        } catch {
            let diagnostic = error.diagnostics.first { $0.message.contains(testCase.message) }
            #expect(diagnostic != nil, "expected “\(testCase.message)”, got: \(error)")
            #expect(diagnostic?.location?.file == "Guidance/test/guidance.md")
            #expect(diagnostic?.location?.line == testCase.line, "\(diagnostic?.description ?? "")")
            if let column = testCase.column { #expect(diagnostic?.location?.column == column, "\(diagnostic?.description ?? "")") }
            #expect(diagnostic?.hint != nil || testCase.name == "YAML syntax" || testCase.name == "bad date",
                    "no hint for \(testCase.name)")
        }
    }

    @Test func theGoodSourceParses() throws {
        let document = try GuidanceLoader.parse(bytes: Array(Self.good.utf8), file: "guidance.md")
        #expect(document.metadata.title == "Test guidance")
        #expect(document.blocks.count == 3)
    }

    @Test func misspeltKeysGetASuggestion() {
        let text = Self.good.replacingOccurrences(of: "publisher:", with: "publsher:")
        #expect(throws: DiagnosticError.self) { try GuidanceLoader.parse(bytes: Array(text.utf8), file: "g.md") }
        do { _ = try GuidanceLoader.parse(bytes: Array(text.utf8), file: "g.md") } catch {
            #expect(error.diagnostics.contains { $0.hint == "did you mean `publisher`?" })
        }
    }

    @Test func theSextortionSourceKeepsEveryServiceAndNumber() throws {
        let document = try Project.document()
        let names = document.services.map(\.name)
        #expect(names == ["Police Scotland", "CEOP Safety Centre", "Report Remove, from Childline", "Take It Down",
                          "Revenge Porn Helpline"])
        #expect(document.services.compactMap(\.phone) == ["101", "0800 1111", "0345 6000 459"])
        let body = document.blocks.map(\.plainText).joined(separator: " ")
        for advice in ["Don't panic.", "Don’t pay.", "Don’t talk any further to the criminals.",
                       "Deactivate any social media accounts which have been involved, but don’t delete them.",
                       "Report the incident to your local police force by calling 101.",
                       "Remember that people online may not be who they say they are."] {
            #expect(body.contains(advice), "missing advice: \(advice)")
        }
    }
}
