import Foundation
import HandbillModel
import Yams

/// Everything in `Layouts/`: products, variants and the per-language strings, each checked when read.
///
/// Adding a product or variant means adding a YAML file; a file that breaks a rule is refused with
/// its name and what to change.
public struct LayoutLibrary: Sendable {
    public let folder: URL
    /// Every product; read on demand, each file at most once (LayoutFilesOnDemand.swift).
    public var products: [String: Product] { productFiles.all() }
    /// Every variant; read on demand, each file at most once.
    public var variants: [String: Variant] { variantFiles.all() }
    /// The variants' names, known without reading their files.
    public var variantNames: [String] { variantFiles.names }
    /// Every language's strings; read on demand, each file at most once.
    public var languages: [String: LanguageStrings] { languageFiles.all() }
    private let productFiles: LayoutFilesOnDemand<Product>
    private let variantFiles: LayoutFilesOnDemand<Variant>
    private let languageFiles: LayoutFilesOnDemand<LanguageStrings>
    private let printMarkFiles: LayoutFilesOnDemand<PrintMarks>
    private let tilingFiles: LayoutFilesOnDemand<TilingSettings>

    /// `onDemand`: read the products', variants' and languages' files (and print-marks.yaml and
    /// tiling.yaml) only when asked for: a build of one leaflet needs one of each, and decoding the
    /// rest was a third of a cold build. A broken file is then reported by the build that uses it,
    /// not by every build. `handbill check` reads all.
    public init(folder: URL, onDemand: Bool = false) throws(DiagnosticError) {
        self.folder = folder
        productFiles = LayoutFilesOnDemand(folder: folder.appendingPathComponent("products")) { file, problems in
            Self.read(Product.self, file: file, into: &problems) { product, _ in product.problems() }
        }
        variantFiles = LayoutFilesOnDemand(folder: folder.appendingPathComponent("variants")) { file, problems in
            Self.read(Variant.self, file: file, into: &problems) { variant, lines in
                variant.fontLocation = lines.location(of: ["font"])
                // Numbers that make no sense are reported alone: the standard's checks would only echo them.
                let problems = variant.problems()
                return problems.isEmpty ? variant.standard.violations(of: variant) : problems
            }
        }
        languageFiles = LayoutFilesOnDemand(folder: folder.appendingPathComponent("languages")) { file, problems in
            Self.read(LanguageStrings.self, file: file, into: &problems) { strings, lines in
                if strings.font != nil { strings.fontLocation = lines.location(of: ["font"]) }
                return strings.problems()
            }
        }
        // Two single files in the folder itself, read like the folders' (the same checks and messages).
        printMarkFiles = LayoutFilesOnDemand(folder: folder, only: "print-marks") { file, problems in
            Self.read(PrintMarks.self, file: file, into: &problems) { marks, _ in marks.problems() }
        }
        tilingFiles = LayoutFilesOnDemand(folder: folder, only: "tiling") { file, problems in
            Self.read(TilingSettings.self, file: file, into: &problems) { tiling, _ in tiling.problems() }
        }
        var problems: [Diagnostic] = []
        if !onDemand {
            problems += productFiles.problemsOfAll() + variantFiles.problemsOfAll() + languageFiles.problemsOfAll()
                + printMarkFiles.problemsOfAll() + tilingFiles.problemsOfAll()
        }
        if problems.isEmpty && productFiles.names.isEmpty {
            problems.append(.error("no products in \(folder.relativePath)/products",
                                   hint: "run handbill from the project folder, or pass --layouts DIR"))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    /// The name of the product built when none is asked for: the one whose file says `default: true`
    /// (found from each file's top-level keys, without decoding the others), else the first by name.
    /// A file that cannot be read on the way is an error, as it would be if every file were read.
    public func defaultProductName() throws(DiagnosticError) -> String? {
        for name in productFiles.names where try productFiles.peek(name, { $0?.mapping?["default"]?.bool == true }) {
            return name
        }
        return productFiles.names.first
    }

    /// The `source:` edition a variant is written from (easy read's own text), nil for the guidance itself.
    public func source(ofVariant name: String) throws(DiagnosticError) -> String? {
        try variant(name).source
    }

    public func product(_ name: String) throws(DiagnosticError) -> Product {
        guard productFiles.names.contains(name) else { throw unknown("product", name, known: productFiles.names) }
        return try productFiles.one(name)
    }

    public func variant(_ name: String) throws(DiagnosticError) -> Variant {
        guard variantFiles.names.contains(name) else { throw unknown("variant", name, known: variantFiles.names) }
        return try variantFiles.one(name)
    }

    /// Bleed and crop marks for print-shop output (`print-marks.yaml`); nil when the file is absent.
    public func printMarks() throws(DiagnosticError) -> PrintMarks? {
        printMarkFiles.names.isEmpty ? nil : try printMarkFiles.one("print-marks")
    }

    /// How posters are tiled onto office paper (`tiling.yaml`); nil when the file is absent.
    public func tiling() throws(DiagnosticError) -> TilingSettings? {
        tilingFiles.names.isEmpty ? nil : try tilingFiles.one("tiling")
    }

    public func language(_ tag: String) throws(DiagnosticError) -> LanguageStrings {
        guard languageFiles.names.contains(tag) else {
            throw DiagnosticError(.error("no strings for language `\(tag)` in \(folder.relativePath)/languages",
                                         hint: "add \(folder.relativePath)/languages/\(tag).yaml (copy en.yaml and translate it)"))
        }
        return try languageFiles.one(tag)
    }

    private func unknown(_ what: String, _ name: String, known: some Collection<String>) -> DiagnosticError {
        DiagnosticError(.error("unknown \(what) `\(name)`",
                               hint: "the \(what)s are: \(known.sorted().joined(separator: ", ")) (see `handbill list`)"))
    }

    /// Reads one layout file as `T`; its `name:`, if it has one, must be its file's name. `rules` may
    /// note where things stand in the file, and returns the rules the value breaks, each reported at
    /// the line of the key it names. Nil, with the problems added, when the file cannot be used.
    static func read<T: Decodable>(_ type: T.Type, file: URL, into problems: inout [Diagnostic],
                                   rules: (inout T, LayoutKeyLines) -> [String]) -> T? {
        let key = String(file.lastPathComponent.dropLast(5)), folder = file.deletingLastPathComponent()
        let text: String
        do {
            text = try LayoutFile.read(file)
        } catch {
            problems += error.diagnostics
            return nil
        }
        // Composed once, for both the decoder and the key lines (it was parsed twice). The encoding
        // is named: Yams works out its default from the whole process environment on every call.
        let root: Result<Node?, any Error> = Result { try Yams.compose(yaml: text, LayoutKeyLines.resolver(for: text), .default, .utf8) }
        let lines = LayoutKeyLines(root: try? root.get(), file: file.relativePath)
        do {
            var value = try decoder.decode(T.self, from: try root.get() ?? "")
            if let named = (value as? any Named)?.name, named != key {
                problems.append(.error("`name: \(named)` does not match the file name", at: lines.location(of: ["name"]),
                                       hint: "rename the file to \(named).yaml or set `name: \(key)`"))
            }
            let broken = rules(&value, lines)
            for rule in broken {
                problems.append(.error(rule, at: lines.location(mentionedIn: rule),
                                       hint: "fix the layout file; the rules are in ../shared/standards.md"))
            }
            return broken.isEmpty ? value : nil
        } catch DecodingError.dataCorrupted(let context) where context.underlyingError is YamlError {
            // The decoder wraps YAML syntax errors; libyaml's own error knows the line.
            problems.append(LayoutFile.diagnostic(for: context.underlyingError as! YamlError, file: file.relativePath))
        } catch let error as DecodingError {
            problems.append(.error(describe(error), at: lines.location(of: codingPath(of: error)),
                                   hint: "see the other files in \(folder.relativePath) for the keys and their kinds of value"))
        } catch let error as YamlError {
            problems.append(LayoutFile.diagnostic(for: error, file: file.relativePath))
        } catch {
            problems.append(.error("cannot read it: \(error)", at: SourceLocation(file: file.relativePath, line: 1)))
        }
        return nil
    }

    /// One decoder for every file: making a YAMLDecoder works out Yams's default encoding from the
    /// whole process environment, twice. Decoding from a node only reads its options.
    nonisolated(unsafe) private static let decoder = YAMLDecoder(encoding: .utf8)

    /// The keys leading to what the decoder could not read (for a missing key, its parent).
    private static func codingPath(of error: DecodingError) -> [String] {
        switch error {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
             .dataCorrupted(let context):
            return context.codingPath.map(\.stringValue)
        @unknown default:
            return []
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String { codingPath.map(\.stringValue).joined(separator: ".") }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "missing `\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)`"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "`\(path(context.codingPath))` has the wrong kind of value: \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "`\(path(context.codingPath))`: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// Layout files carry their own name, which must match the file's.
protocol Named { var name: String { get } }
extension Product: Named {}
extension Variant: Named {}
extension LanguageStrings: Named {}
extension TilingSettings: Named {}
