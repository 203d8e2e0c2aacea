import Foundation
import Testing

/// Malformed and hostile input through the real command line (`handbill build … --variant
/// standard`): each case ends within a time and memory limit, with exit status 1 and a message
/// naming the file and line (or exit status 0 where the input is legal, however odd), never a
/// crash, and nothing partial in the output folder.
///
/// Small inputs are files in `Hostile/` (the fuzzer's seed corpus too); big ones are made here.
@Suite struct HostileInputTests {
    static let corpus = Project.root.appendingPathComponent("Tests/HandbillTests/Hostile")
    /// Seconds before a case counts as a hang and is killed. The slowest case takes about 2 s.
    static let timeLimit = 20.0
    /// Address space a case may use (a full 15-language build needs about 0.7 GB).
    static let memoryLimitKB = 2_000_000

    /// What a case must end in.
    enum Outcome: Sendable {
        /// Exit status 1, and on stderr `message` at `file:line:` (`file` is a path suffix; a
        /// problem with a whole file or folder has no line, and the message names the path).
        case refused(file: String, line: Int?, _ message: String)
        /// Exit status 0 and a PDF: the input is legal, however odd (`why` says so).
        case accepted(why: String)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var outcome: Outcome
        var arguments: [String] = []
        var prepare: @Sendable (Sandbox) throws -> Void
        var testDescription: String { name }

        /// A guidance.md from the corpus.
        static func file(_ name: String, _ outcome: Outcome, arguments: [String] = []) -> Case {
            Case(name: name, outcome: outcome, arguments: arguments) { sandbox in
                try sandbox.writeSource(Data(contentsOf: HostileInputTests.corpus.appendingPathComponent(name)))
            }
        }

        /// A guidance.md made at test time (too big to keep in the repository).
        static func made(_ name: String, _ outcome: Outcome, _ bytes: @escaping @Sendable () -> [UInt8]) -> Case {
            Case(name: name, outcome: outcome) { sandbox in try sandbox.writeSource(Data(bytes())) }
        }

        /// The good guidance with a broken layout file (a copy of Layouts/).
        static func layout(_ name: String, _ path: String, _ original: String, _ replacement: String, _ outcome: Outcome) -> Case {
            Case(name: name, outcome: outcome) { sandbox in
                try sandbox.writeSource(Data(HostileInputTests.good.utf8))
                try sandbox.editLayout(path) { text in
                    #expect(text.contains(original), "\(path) no longer holds “\(original)”")
                    text = text.replacingOccurrences(of: original, with: replacement)
                }
            }
        }
    }

    /// One case's folders: the guidance (`<root>/example`), the output, and the Layouts/ and
    /// Fonts/ it runs with (the project's own, or copies a case breaks).
    final class Sandbox: @unchecked Sendable {
        let root = Project.temporaryFolder()
        var guidance: URL { root.appendingPathComponent("example") }
        var output: URL { root.appendingPathComponent("output") }
        private(set) var layouts = Project.root.appendingPathComponent("Layouts")
        private(set) var fonts = Project.root.appendingPathComponent("Fonts")

        func writeSource(_ data: Data, as name: String = "guidance.md") throws {
            let file = guidance.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }

        /// A copy of the project's Layouts/ to break (made once).
        func copyLayouts() throws -> URL {
            if layouts.path.hasPrefix(Project.root.path) {
                let copy = root.appendingPathComponent("Layouts")
                try FileManager.default.copyItem(at: layouts, to: copy)
                layouts = copy
            }
            return layouts
        }

        func editLayout(_ path: String, _ edit: (inout String) -> Void) throws {
            let file = try copyLayouts().appendingPathComponent(path)
            var text = try String(contentsOf: file, encoding: .utf8)
            edit(&text)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }

        /// An empty Fonts/ folder, or a copy of the project's.
        func copyFonts(empty: Bool = false) throws -> URL {
            let copy = root.appendingPathComponent("Fonts")
            if empty {
                try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            } else {
                try FileManager.default.copyItem(at: fonts, to: copy)
            }
            fonts = copy
            return copy
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let good = SourceErrorTests.good

    // MARK: The cases

    /// Broken front matter, every way a hand-edited or generated file breaks it.
    static let frontMatter: [Case] = [
        .file("front-matter-unclosed-quote.md", .refused(file: "guidance.md", line: 4, "not valid YAML")),
        .file("front-matter-tab-indentation.md", .refused(file: "guidance.md", line: 8, "not valid YAML")),
        .file("front-matter-list-for-title.md", .refused(file: "guidance.md", line: 2, "`title` must be text")),
        .file("front-matter-mapping-for-publisher.md", .refused(file: "guidance.md", line: 5, "`publisher` must be text")),
        .file("front-matter-duplicate-key.md", .refused(file: "guidance.md", line: 7, "repeats `title`")),
        .file("front-matter-billion-laughs.md", .refused(file: "guidance.md", line: 2, "a YAML anchor")),
        .file("front-matter-alias-bomb-as-key.md", .refused(file: "guidance.md", line: 2, "a YAML anchor")),
        .file("front-matter-not-utf8.md", .refused(file: "guidance.md", line: 4, "not valid UTF-8")),
        .file("front-matter-never-closed.md", .refused(file: "guidance.md", line: 1, "never closed")),
        .file("front-matter-is-a-list.md", .refused(file: "guidance.md", line: 2, "must be a list of `key: value` lines")),
        .file("front-matter-empty.md", .refused(file: "guidance.md", line: 2, "the front matter is empty")),
        .file("front-matter-impossible-date.md", .refused(file: "guidance.md", line: 6, "`date: 2026-02-31` is not a date")),
        .file("front-matter-unknown-key.md", .refused(file: "guidance.md", line: 4, "unknown front-matter key `titel`")),
        .file("front-matter-flow-nested-2000-deep.md", .refused(file: "guidance.md", line: 7, "not valid YAML")),
        .file("front-matter-language-not-a-tag.md", .refused(file: "guidance.md", line: 3, "not a BCP 47 language tag")),
        .file("front-matter-yaml-directive.md", .refused(file: "guidance.md", line: 1, "does not start with front matter")),
        .made("front-matter-2-mb", .refused(file: "guidance.md", line: 83_334, "larger than 1 MB")) {
            // Two megabytes of keywords: refused at the line that passes the limit, before YAML sees it.
            let lines = ["---", "title: Test guidance", "language: en", "keywords:"] + Array(repeating: "  - keyword", count: 180_000)
            return Array((lines.joined(separator: "\n") + "\n" + good.dropFirst(4)).utf8)
        },
        .made("front-matter-5000-character-key", .refused(file: "guidance.md", line: 7, "could not find expected ':'")) {
            // libyaml refuses keys over 1,024 characters itself.
            Array(good.replacingOccurrences(of: "---\n\n", with: String(repeating: "k", count: 5_000) + ": x\n---\n\n").utf8)
        },
        .made("front-matter-1000-character-key", .refused(file: "guidance.md", line: 7, "unknown front-matter key `\(String(repeating: "k", count: 60))…`")) {
            Array(good.replacingOccurrences(of: "---\n\n", with: String(repeating: "k", count: 1_000) + ": x\n---\n\n").utf8)
        },
        .made("front-matter-100000-unknown-keys", .refused(file: "guidance.md", line: 7, "more problems in")) {
            let keys = (0..<100_000).map { "k\($0): x" }.joined(separator: "\n")
            return Array(good.replacingOccurrences(of: "---\n\n", with: keys + "\n---\n\n").utf8)
        },
    ]

    /// Bytes that are not UTF-8, and characters that are not text or hide what text says.
    static let encoding: [Case] = [
        .file("utf8-invalid-first-byte.md", .refused(file: "guidance.md", line: 1, "not valid UTF-8")),
        .file("utf8-invalid-mid-line.md", .refused(file: "guidance.md", line: 11, "not valid UTF-8")),
        .file("utf8-truncated-at-end.md", .refused(file: "guidance.md", line: 15, "not valid UTF-8")),
        .file("utf8-overlong-slash.md", .refused(file: "guidance.md", line: 11, "not valid UTF-8")),
        .file("utf8-encoded-surrogate.md", .refused(file: "guidance.md", line: 11, "not valid UTF-8")),
        .file("nul-byte.md", .refused(file: "guidance.md", line: 11, "control character U+0000")),
        .file("escape-sequence.md", .refused(file: "guidance.md", line: 11, "control character U+001B")),
        .file("c1-control-character.md", .refused(file: "guidance.md", line: 11, "control character U+009B")),
        .file("lone-carriage-return.md", .refused(file: "guidance.md", line: 11, "a carriage return without a line feed")),
        .file("byte-order-mark-in-the-middle.md", .refused(file: "guidance.md", line: 11, "byte-order mark U+FEFF")),
        .file("byte-order-mark-in-phone-number.md", .refused(file: "guidance.md", line: 11, "byte-order mark U+FEFF")),
        .file("bidi-override.md", .refused(file: "guidance.md", line: 11, "bidi override or embedding U+202E")),
        .file("bidi-embedding.md", .refused(file: "guidance.md", line: 9, "bidi override or embedding U+202A")),
        .file("bidi-isolate-in-service-name.md", .refused(file: "guidance.md", line: 8, "bidi isolate U+2066")),
        .file("zero-width-space-in-word.md", .refused(file: "guidance.md", line: 11, "zero-width space U+200B")),
        .file("object-replacement-character.md", .refused(file: "guidance.md", line: 11, "object replacement character U+FFFC")),
        .file("word-joiner-in-phone-number.md", .refused(file: "guidance.md", line: 9, "word joiner U+2060")),
        .file("line-separator.md", .refused(file: "guidance.md", line: 11, "line separator U+2028")),
        .file("windows-line-endings.md", .accepted(why: "CRLF line endings are a Windows editor's normal output")),
        .file("byte-order-mark-at-start.md", .accepted(why: "a byte-order mark may start a UTF-8 file")),
        .file("zero-width-non-joiner-in-persian.md",
              .accepted(why: "Persian needs the zero-width non-joiner (U+200C) to shape words")),
    ]

    /// Nothing, too much, or too deep.
    static let shapeAndSize: [Case] = [
        .file("empty-file.md", .refused(file: "guidance.md", line: 1, "does not start with front matter")),
        .file("no-front-matter.md", .refused(file: "guidance.md", line: 1, "does not start with front matter")),
        .file("only-front-matter.md", .refused(file: "guidance.md", line: 8, "the body is empty")),
        .file("whitespace-body.md", .refused(file: "guidance.md", line: 8, "the body is empty")),
        .made("paragraph-of-10-mb", .refused(file: "guidance.md", line: 16, "larger than 1 MB")) {
            Array((good + "\n" + String(repeating: "word ", count: 2_000_000) + "\n").utf8)
        },
        .made("word-of-5000-characters", .refused(file: "guidance.md", line: 16, "cannot be broken")) {
            Array((good + "\n" + String(repeating: "a", count: 5_000) + "\n").utf8)
        },
        .made("heading-of-50000-characters", .refused(file: "guidance.md", line: 16, "a heading of more than 500 characters")) {
            Array((good + "\n## " + String(repeating: "Heading ", count: 6_250) + "\n").utf8)
        },
        .made("list-of-100000-items", .refused(file: "guidance.md", line: 5_012, "more than 5,000 blocks of text")) {
            Array((good + "\n" + String(repeating: "- x\n", count: 100_000)).utf8)
        },
        .made("lists-nested-10000-deep", .refused(file: "guidance.md", line: 16, "lists nested more than 5 deep")) {
            Array((good + "\n" + String(repeating: "- ", count: 10_000) + "x\n").utf8)
        },
        .made("lists-nested-10000-deep-by-indentation", .refused(file: "guidance.md", line: 21, "lists nested more than 5 deep")) {
            // Each level on its own line, indented two more: 10,000 levels would be 100 MB, so
            // the size limit stops those; 400 levels (160 KB) reach the nesting limit.
            Array((good + "\n" + (0..<400).map { String(repeating: "  ", count: $0) + "- x\n" }.joined()).utf8)
        },
        .made("callouts-nested-10000-deep", .refused(file: "guidance.md", line: 16, "a callout inside a callout")) {
            Array((good + "\n" + String(repeating: "> ", count: 10_000) + "x\n").utf8)
        },
        .made("emphasis-nested-10000-deep", .refused(file: "guidance.md", line: 16, "emphasis and links nested more than 8 deep")) {
            Array((good + "\n" + String(repeating: "*a ", count: 10_000) + "x" + String(repeating: " b*", count: 10_000) + "\n").utf8)
        },
        .made("paragraph-of-6000-characters", .refused(file: "guidance.md", line: 16, "a paragraph of more than 5,000 characters")) {
            Array((good + "\n" + String(repeating: "word ", count: 1_200) + "\n").utf8)
        },
        .made("paragraph-of-10000-line-breaks", .refused(file: "guidance.md", line: 16, "more than 50 line breaks in one paragraph")) {
            // Line breaking takes time growing with the square of a paragraph's breaks: 10,000 took minutes.
            Array((good + "\n" + String(repeating: "a\\\n", count: 10_000) + "end\n").utf8)
        },
        .made("paragraph-of-10000-bold-words", .refused(file: "guidance.md", line: 16, "more than 100 pieces of emphasis and links")) {
            Array((good + "\n" + String(repeating: "**a** ", count: 10_000) + "\n").utf8)
        },
        .made("callout-of-3000-characters", .refused(file: "guidance.md", line: 16, "a callout of more than 600 characters")) {
            Array((good + "\n> " + String(repeating: "word ", count: 600) + "\n").utf8)
        },
        .made("letter-with-4000-combining-marks", .accepted(why: "a stack of accents is Unicode; it prints as a smudge, in bounded time")) {
            Array((good + "\nA" + String(repeating: "\u{301}", count: 4_000) + " end.\n").utf8)
        },
    ]

    /// Markdown a leaflet cannot print, or that points somewhere it should not.
    static let markdown: [Case] = [
        .file("raw-html-script.md", .refused(file: "guidance.md", line: 11, "raw HTML")),
        .file("raw-html-inline.md", .refused(file: "guidance.md", line: 11, "raw HTML in the text")),
        .file("picture-inside-text.md", .refused(file: "guidance.md", line: 11, "a picture inside the text")),
        .file("picture-path-escape.md", .refused(file: "guidance.md", line: 11, "picture")),
        .file("link-javascript.md", .refused(file: "guidance.md", line: 11, "the link `javascript:alert(1)` is not a full web address")),
        .file("link-file.md", .refused(file: "guidance.md", line: 11, "the link `file:///etc/passwd` is not a full web address")),
        .file("link-data.md", .refused(file: "guidance.md", line: 11, "is not a full web address")),
        .file("link-empty-target.md", .refused(file: "guidance.md", line: 11, "the link `` is not a full web address")),
        .file("link-without-words.md", .refused(file: "guidance.md", line: 11, "a link with no words")),
        .file("reference-definition-unused.md",
              .accepted(why: "CommonMark reads a link reference definition as no text; unused, it prints nothing")),
        .file("code-fence-never-closed.md", .refused(file: "guidance.md", line: 11, "a code block")),
        .file("heading-level-7.md", .accepted(why: "CommonMark has six heading levels: `#######` is a paragraph starting with #s")),
    ]

    /// The help services in the front matter.
    static let services: [Case] = [
        .file("service-phone-with-letters.md", .refused(file: "guidance.md", line: 9, "`phone: 0800 CALL NOW` holds more than digits")),
        .file("service-without-name.md", .refused(file: "guidance.md", line: 8, "missing `name:`")),
        .file("service-as-text.md", .refused(file: "guidance.md", line: 7, "each service must be a mapping")),
        .file("service-url-javascript.md", .refused(file: "guidance.md", line: 9, "`url: javascript:alert(1)` is not a web address")),
        .file("service-phone-too-long.md", .refused(file: "guidance.md", line: 9, "`phone` is 29 characters long; it may have at most 20")),
        .file("service-for-too-long.md", .refused(file: "guidance.md", line: 10, "`for` is 2,999 characters long; it may have at most 500")),
        .file("service-address-too-wide-for-the-page.md", .refused(file: "guidance.md", line: 8, "cannot be broken")),
        .made("summary-of-15000-characters", .refused(file: "guidance.md", line: 3, "`summary` is 14,999 characters long")) {
            Array(good.replacingOccurrences(of: "language: en", with: "summary: " + String(repeating: "word ", count: 3_000) + "\nlanguage: en").utf8)
        },
        .made("services-10000", .refused(file: "guidance.md", line: 208, "10,000 services; a leaflet lists at most 100")) {
            let list = String(repeating: "  - name: Helpline\n    phone: 0800 1111\n", count: 10_000)
            return Array(good.replacingOccurrences(of: "date: 2026-11-25\n", with: "date: 2026-11-25\nservices:\n" + list).utf8)
        },
    ]

    static func translation(language: String = "pl", status: Bool = true) -> Data {
        var text = good.replacingOccurrences(of: "language: en", with: "language: \(language)")
        if status { text = text.replacingOccurrences(of: "date: 2026-11-25", with: "date: 2026-11-25\nstatus: unreviewed\ntranslated-from: fnv1a64:0000000000000000") }
        return Data(text.utf8)
    }

    /// The guidance folder and its files: missing, the wrong kind, or pointing elsewhere.
    static let folders: [Case] = [
        Case(name: "translation-language-disagrees-with-file-name", outcome: .refused(file: "translations/pl.md", line: 3, "the file is for `pl` but says `language: ro`"),
             arguments: ["--lang", "pl"]) { sandbox in
            try sandbox.writeSource(Data(good.utf8))
            try sandbox.writeSource(translation(language: "ro"), as: "translations/pl.md")
        },
        Case(name: "translation-without-status", outcome: .refused(file: "translations/pl.md", line: 1, "a translation without `status:`"),
             arguments: ["--lang", "pl"]) { sandbox in
            try sandbox.writeSource(Data(good.utf8))
            try sandbox.writeSource(translation(status: false), as: "translations/pl.md")
        },
        Case(name: "translation-is-a-folder", outcome: .refused(file: "translations/pl.md", line: nil, "is a folder, not a file"),
             arguments: ["--lang", "pl"]) { sandbox in
            try sandbox.writeSource(Data(good.utf8))
            try FileManager.default.createDirectory(at: sandbox.guidance.appendingPathComponent("translations/pl.md"), withIntermediateDirectories: true)
        },
        Case(name: "translation-links-outside", outcome: .refused(file: "translations/pl.md", line: nil, "outside the guidance folder"),
             arguments: ["--lang", "pl"]) { sandbox in
            try sandbox.writeSource(Data(good.utf8))
            let elsewhere = sandbox.root.appendingPathComponent("elsewhere.md")
            try translation().write(to: elsewhere)
            try FileManager.default.createDirectory(at: sandbox.guidance.appendingPathComponent("translations"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: sandbox.guidance.appendingPathComponent("translations/pl.md"), withDestinationURL: elsewhere)
        },
        Case(name: "guidance-folder-is-a-file", outcome: .refused(file: "example", line: nil, "no guidance folder at")) { sandbox in
            try Data(good.utf8).write(to: sandbox.guidance)
        },
        Case(name: "guidance-md-missing", outcome: .refused(file: "guidance.md", line: nil, "is missing")) { sandbox in
            try FileManager.default.createDirectory(at: sandbox.guidance, withIntermediateDirectories: true)
        },
        Case(name: "guidance-md-is-a-folder", outcome: .refused(file: "guidance.md", line: nil, "is a folder, not a file")) { sandbox in
            try FileManager.default.createDirectory(at: sandbox.guidance.appendingPathComponent("guidance.md"), withIntermediateDirectories: true)
        },
        // Refused: what a guidance folder publishes is what it holds, so a folder from someone
        // else cannot print a private file (SSH keys, a colleague's notes) into a PDF.
        Case(name: "guidance-md-links-outside", outcome: .refused(file: "guidance.md", line: nil, "outside the guidance folder")) { sandbox in
            let elsewhere = sandbox.root.appendingPathComponent("private.md")
            try Data(good.utf8).write(to: elsewhere)
            try FileManager.default.createDirectory(at: sandbox.guidance, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: sandbox.guidance.appendingPathComponent("guidance.md"), withDestinationURL: elsewhere)
        },
        Case(name: "guidance-md-links-inside", outcome: .accepted(why: "a link to a file inside the guidance folder publishes only what the folder holds")) { sandbox in
            try sandbox.writeSource(Data(good.utf8), as: "source/guidance.md")
            try FileManager.default.createSymbolicLink(atPath: sandbox.guidance.appendingPathComponent("guidance.md").path, withDestinationPath: "source/guidance.md")
        },
        Case(name: "guidance-md-is-a-pipe", outcome: .refused(file: "guidance.md", line: nil, "is not a regular file")) { sandbox in
            // Reading a pipe nobody writes to would wait for ever.
            try FileManager.default.createDirectory(at: sandbox.guidance, withIntermediateDirectories: true)
            #expect(mkfifo(sandbox.guidance.appendingPathComponent("guidance.md").path, 0o644) == 0)
        },
    ]

    /// Layout files (products, variants, languages) a designer got wrong.
    static let layouts: [Case] = [
        .layout("product-negative-margins", "products/leaflet-a4.yaml", "left: 20,", "left: -20,",
                .refused(file: "leaflet-a4.yaml", line: 8, "`margins-mm` cannot be negative")),
        .layout("product-margins-larger-than-the-page", "products/leaflet-a4.yaml", "left: 20, right: 20", "left: 150, right: 150",
                .refused(file: "leaflet-a4.yaml", line: 8, "the `margins-mm` leave no room for text")),
        .layout("product-page-not-a-number", "products/leaflet-a4.yaml", "width: 210", "width: .nan",
                .refused(file: "leaflet-a4.yaml", line: 7, "`page-mm.width` is nan")),
        .layout("product-page-a-kilometre-wide", "products/leaflet-a4.yaml", "width: 210", "width: 1000000",
                .refused(file: "leaflet-a4.yaml", line: 7, "the largest page PDF allows")),
        .layout("variant-body-2pt", "variants/standard.yaml", "  body: 13", "  body: 2",
                .refused(file: "standard.yaml", line: 7, "body text is 2.0pt")),
        .layout("variant-leading-not-a-number", "variants/standard.yaml", "leading: 1.4", "leading: .nan",
                .refused(file: "standard.yaml", line: 14, "`leading` is nan")),
        .layout("variant-body-infinite", "variants/standard.yaml", "  body: 13", "  body: .inf",
                .refused(file: "standard.yaml", line: 7, "`sizes-pt.body` is inf")),
        .layout("variant-colour-GGGGGG", "variants/standard.yaml", "text: \"#1A1A1A\"", "text: \"#GGGGGG\"",
                .refused(file: "standard.yaml", line: 21, "`#GGGGGG` is not a colour")),
        .layout("variant-font-that-does-not-exist", "variants/standard.yaml", "font: Noto Sans", "font: Comic Sans MS",
                .refused(file: "standard.yaml", line: 5, "asks for the font `Comic Sans MS`")),
        .layout("variant-not-yaml", "variants/standard.yaml", "leading: 1.4", "leading: [1.4",
                .refused(file: "standard.yaml", line: 14, "not valid YAML")),
        // The default product (no --product): its file is found by its keys, and a broken one is
        // this build's error, never quietly another product.
        .layout("default-product-not-yaml", "products/leaflet-a4.yaml", "columns: 1", "columns: [1",
                .refused(file: "leaflet-a4.yaml", line: 9, "not valid YAML")),
        Case(name: "variant-file-links-to-dev-zero", outcome: .refused(file: "variants/standard.yaml", line: nil, "is not a regular file")) { sandbox in
            // Read whole, it would never end. (The variant built: a build reads only the layout files it uses.)
            try sandbox.writeSource(Data(good.utf8))
            let variant = try sandbox.copyLayouts().appendingPathComponent("variants/standard.yaml")
            try FileManager.default.removeItem(at: variant)
            try FileManager.default.createSymbolicLink(atPath: variant.path, withDestinationPath: "/dev/zero")
        },
        .layout("language-with-11-months", "languages/en.yaml", ", December]", "]",
                .refused(file: "en.yaml", line: 7, "`months` must list 12 names")),
        .layout("language-font-that-does-not-exist", "languages/en.yaml", "web: Web", "web: Web\nfont: Wingdings",
                .refused(file: "en.yaml", line: 10, "asks for the font `Wingdings`")),
        // Glyph forms are a region's way of writing the same language, never another language's.
        .layout("language-glyph-forms-of-another-language", "languages/en.yaml", "web: Web", "web: Web\nglyph-forms: zh-HK",
                .refused(file: "en.yaml", line: 10, "`glyph-forms` is `zh-HK`; it is `en`'s language with a region")),
    ]

    /// The fonts folder.
    static let fonts: [Case] = [
        Case(name: "fonts-folder-holds-a-text-file-named-ttf", outcome: .refused(file: "Fonts/x.ttf", line: nil, "is not a font")) { sandbox in
            try sandbox.writeSource(Data(good.utf8))
            try Data("This is not a font.\n".utf8).write(to: sandbox.copyFonts().appendingPathComponent("x.ttf"))
        },
        Case(name: "fonts-folder-holds-a-truncated-font", outcome: .refused(file: "Fonts/NotoSans-Regular.ttf", line: nil, "is not a font")) { sandbox in
            try sandbox.writeSource(Data(good.utf8))
            let file = try sandbox.copyFonts().appendingPathComponent("NotoSans-Regular.ttf")
            try Data(try Data(contentsOf: file).prefix(2_000)).write(to: file)
        },
        Case(name: "fonts-folder-holds-a-pipe-named-ttf", outcome: .refused(file: "Fonts/x.ttf", line: nil, "is not a font file")) { sandbox in
            // FreeType would wait for ever for a writer.
            try sandbox.writeSource(Data(good.utf8))
            #expect(mkfifo(try sandbox.copyFonts().appendingPathComponent("x.ttf").path, 0o644) == 0)
        },
        Case(name: "fonts-folder-empty", outcome: .refused(file: "Fonts", line: nil, "no fonts in")) { sandbox in
            try sandbox.writeSource(Data(good.utf8))
            _ = try sandbox.copyFonts(empty: true)
        },
    ]

    /// What the fuzzer found (Tests/Tools/fuzz.sh, run against the parser as it was before this
    /// work): lone carriage returns, which cmark and libyaml count as line breaks and the line
    /// numbers in messages did not, so the messages pointed past the end of the file. One input
    /// for each message that went wrong; each is now refused at the carriage return.
    static let loneCR = "a carriage return without a line feed"
    static let fuzzFindings: [Case] = [
        .file("fuzz-lone-cr-a-code-block.md", .refused(file: "guidance.md", line: 19, loneCR)),
        .file("fuzz-lone-cr-a-heading-inside-a-callout.md", .refused(file: "guidance.md", line: 24, loneCR)),
        .file("fuzz-lone-cr-a-horizontal-rule.md", .refused(file: "guidance.md", line: 12, loneCR)),
        .file("fuzz-lone-cr-a-level-1-heading-in-the-body.md", .refused(file: "guidance.md", line: 4, loneCR)),
        .file("fuzz-lone-cr-a-level-4-heading.md", .refused(file: "guidance.md", line: 26, loneCR)),
        .file("fuzz-lone-cr-a-link-with-no-words.md", .refused(file: "guidance.md", line: 112, loneCR)),
        .file("fuzz-lone-cr-a-picture-in-the-text.md", .refused(file: "guidance.md", line: 16, loneCR)),
        .file("fuzz-lone-cr-an-empty-heading.md", .refused(file: "guidance.md", line: 69, loneCR)),
        .file("fuzz-lone-cr-an-empty-list-item.md", .refused(file: "guidance.md", line: 3, loneCR)),
        .file("fuzz-lone-cr-raw-html-in-the-text.md", .refused(file: "guidance.md", line: 5, loneCR)),
        .file("fuzz-lone-cr-raw-html.md", .refused(file: "guidance.md", line: 27, loneCR)),
        .file("fuzz-lone-cr-the-front-matter-is-not-valid-yaml-could.md", .refused(file: "guidance.md", line: 4, loneCR)),
        .file("fuzz-lone-cr-the-front-matter-is-not-valid-yaml-did-n.md", .refused(file: "guidance.md", line: 7, loneCR)),
        .file("fuzz-lone-cr-the-front-matter-is-not-valid-yaml-mappi.md", .refused(file: "guidance.md", line: 2, loneCR)),
        .file("fuzz-lone-cr-the-link-httpw-example-org-is-not-a-full.md", .refused(file: "guidance.md", line: 32, loneCR)),
        .file("fuzz-lone-cr-the-link-is-not-a-full-web-address.md", .refused(file: "guidance.md", line: 23, loneCR)),
        .file("fuzz-lone-cr-unknown-front-matter-key-dbil-itle.md", .refused(file: "guidance.md", line: 2, loneCR)),
    ]

    static let cases = frontMatter + encoding + shapeAndSize + markdown + services + folders + layouts + fonts + fuzzFindings

    // MARK: The tests

    @Test(arguments: cases)
    func endsCleanly(_ testCase: Case) throws {
        let sandbox = Sandbox()
        defer { sandbox.remove() }
        try testCase.prepare(sandbox)
        let result = try BoundedCommand.run(
            Project.executable.path,
            ["build", sandbox.guidance.path, "--output", sandbox.output.path, "--variant", "standard",
             "--layouts", sandbox.layouts.path, "--fonts", sandbox.fonts.path] + testCase.arguments,
            in: Project.root, seconds: Self.timeLimit, memoryKB: Self.memoryLimitKB)
        let said = result.stdout + result.stderr
        #expect(!result.timedOut, "still running after \(Self.timeLimit) s: killed")
        for crash in ["Fatal error", "Program crashed", "Backtrace", "Segmentation fault", "Illegal instruction", "Aborted"] {
            #expect(!said.contains(crash), "crashed: \(said.prefix(2_000))")
        }
        #expect(result.stderr.utf8.count < 50_000, "a flood of messages: \(result.stderr.utf8.count) bytes")
        let written = Project.files(in: sandbox.output)
        switch testCase.outcome {
        case .refused(let file, let line, let message):
            #expect(result.status == 1, "exit status \(result.status): \(said.prefix(2_000))")
            #expect(result.stderr.contains(message), "expected “\(message)”, got: \(result.stderr.prefix(2_000))")
            let place = line.map { "\(file):\($0):" } ?? file
            #expect(result.stderr.contains(place), "expected \(place) in: \(result.stderr.prefix(2_000))")
            #expect(written.isEmpty, "left in the output folder: \(written)")
        case .accepted:
            #expect(result.status == 0, "exit status \(result.status): \(said.prefix(2_000))")
            #expect(written.contains { $0.hasSuffix(".pdf") } && !written.contains { $0.hasSuffix(".tmp") }, "\(written)")
        }
    }

    @Test func everyCorpusFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }.sorted()
        let named = Set(Self.cases.map(\.name))
        #expect(files.filter { !named.contains($0) }.isEmpty, "corpus files without a case in HostileInputTests")
        #expect(Self.cases.count >= 50)
    }
}
