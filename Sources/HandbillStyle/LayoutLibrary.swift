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
    public let variants: [String: Variant]
    /// Every language's strings; read on demand, each file at most once.
    public var languages: [String: LanguageStrings] { languageFiles.all() }
    private let productFiles: LayoutFilesOnDemand<Product>
    private let languageFiles: LayoutFilesOnDemand<LanguageStrings>
    /// Bleed and crop marks for print-shop output (`print-marks.yaml`); nil when the file is absent.
    public let printMarks: PrintMarks?
    /// How posters are tiled onto office paper (`tiling.yaml`); nil when the file is absent.
    public let tiling: TilingSettings?

    /// `onDemand`: read the products' and languages' files only when asked for (a build of one
    /// leaflet needs one of each: reading all of them was a sixth of a cold build); a broken file
    /// is then reported by the build that uses it, not by every build. `handbill check` reads all.
    public init(folder: URL, onDemand: Bool = false) throws(DiagnosticError) {
        self.folder = folder
        var problems: [Diagnostic] = []
        productFiles = LayoutFilesOnDemand(folder: folder.appendingPathComponent("products")) { file, problems in
            Self.read(Product.self, in: file.deletingLastPathComponent(), only: file.lastPathComponent, into: &problems) { product, _ in
                product.problems()
            }.first?.value
        }
        languageFiles = LayoutFilesOnDemand(folder: folder.appendingPathComponent("languages")) { file, problems in
            Self.read(LanguageStrings.self, in: file.deletingLastPathComponent(), only: file.lastPathComponent, into: &problems) { strings, lines in
                if strings.font != nil { strings.fontLocation = lines.location(of: ["font"]) }
                return strings.problems()
            }.first?.value
        }
        if !onDemand {
            problems += productFiles.problemsOfAll()
        }
        variants = Self.read(Variant.self, in: folder.appendingPathComponent("variants"), into: &problems) { variant, lines in
            variant.fontLocation = lines.location(of: ["font"])
            // Numbers that make no sense are reported alone: the standard's checks would only echo them.
            let problems = variant.problems()
            return problems.isEmpty ? variant.standard.violations(of: variant) : problems
        }
        if !onDemand { problems += languageFiles.problemsOfAll() }
        // One file, read like the folders' (the same checks, the same messages).
        printMarks = Self.read(PrintMarks.self, in: folder, only: "print-marks.yaml", into: &problems) { marks, _ in marks.problems() }["print-marks"]
        tiling = Self.read(TilingSettings.self, in: folder, only: "tiling.yaml", into: &problems) { tiling, _ in tiling.problems() }["tiling"]
        if problems.isEmpty && productFiles.names.isEmpty {
            problems.append(.error("no products in \(folder.relativePath)/products",
                                   hint: "run handbill from the project folder, or pass --layouts DIR"))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    /// The product built when none is asked for.
    public var defaultProduct: Product? {
        products.values.first(where: \.isDefault) ?? products.values.sorted { $0.name < $1.name }.first
    }

    public func product(_ name: String) throws(DiagnosticError) -> Product {
        guard productFiles.names.contains(name) else { throw unknown("product", name, known: productFiles.names) }
        return try productFiles.one(name)
    }

    public func variant(_ name: String) throws(DiagnosticError) -> Variant {
        guard let variant = variants[name] else { throw unknown("variant", name, known: variants.keys) }
        return variant
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

    /// Reads every `*.yaml` in `folder` as `T`, keyed by file name; the file's `name:` must match it.
    /// `rules` may note where things stand in the file, and returns the rules the value breaks,
    /// each reported at the line of the key it names.
    static func read<T: Decodable>(_ type: T.Type, in folder: URL, only: String? = nil, into problems: inout [Diagnostic],
                                           rules: (inout T, LayoutKeyLines) -> [String]) -> [String: T] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var result: [String: T] = [:]
        for fileName in files.sorted() where fileName.hasSuffix(".yaml") && (only == nil || fileName == only) {
            let file = folder.appendingPathComponent(fileName)
            let key = String(fileName.dropLast(5))
            let text: String
            do {
                text = try LayoutFile.read(file)
            } catch {
                problems += error.diagnostics
                continue
            }
            // Composed once, for both the decoder and the key lines (it was parsed twice).
            let root: Result<Node?, any Error> = Result { try Yams.compose(yaml: text, LayoutKeyLines.resolver) }
            let lines = LayoutKeyLines(root: try? root.get(), file: file.relativePath)
            do {
                var value = try YAMLDecoder().decode(T.self, from: try root.get() ?? "")
                if let named = (value as? any Named)?.name, named != key {
                    problems.append(.error("`name: \(named)` does not match the file name", at: lines.location(of: ["name"]),
                                           hint: "rename the file to \(named).yaml or set `name: \(key)`"))
                }
                let broken = rules(&value, lines)
                for rule in broken {
                    problems.append(.error(rule, at: lines.location(mentionedIn: rule),
                                           hint: "fix the layout file; the rules are in ../shared/standards.md"))
                }
                if broken.isEmpty { result[key] = value }
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
        }
        return result
    }

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
