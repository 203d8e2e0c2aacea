import Foundation
import HandbillModel

/// A guidance folder: the source (`guidance.md`) and its translations (`translations/<tag>.md`).
public struct GuidanceFolder: Sendable {
    public static let translationsFolder = "translations"

    public let folder: URL
    /// The guidance's name: its folder's name, used in output file names.
    public private(set) var name: String
    public let source: Document
    /// Fingerprint of `guidance.md`, which each translation records as `translated-from`.
    public let sourceFingerprint: String
    /// The source's language, then every translation's tag in alphabetical order.
    public let languages: [String]

    public init(_ folder: URL) throws(DiagnosticError) {
        self.folder = folder
        name = GuidanceLoader.name(of: folder)
        let bytes = try GuidanceLoader.sourceBytes(folder: folder)
        source = try GuidanceLoader.parse(bytes: bytes, file: folder.appendingPathComponent(GuidanceLoader.sourceFileName).relativePath)
        sourceFingerprint = Fingerprint.of(bytes)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(Self.translationsFolder).path)) ?? []
        let tags = files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        let sourceLanguage = source.metadata.language
        languages = [sourceLanguage] + tags.filter { $0 != sourceLanguage }
    }

    /// The edition written for a variant (`easy-read/`, with its own translations), or this one.
    public func edition(_ name: String?) throws(DiagnosticError) -> GuidanceFolder {
        guard let name else { return self }
        let sub = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: sub.appendingPathComponent(GuidanceLoader.sourceFileName).path) else {
            throw DiagnosticError(.error("the guidance \(self.name) has no \(name) edition",
                                         hint: "the variant sets text written for it: add \(sub.relativePath)/guidance.md"))
        }
        var edition = try GuidanceFolder(sub)
        edition.name = self.name
        return edition
    }

    public func translationFile(_ tag: String) -> URL {
        folder.appendingPathComponent(Self.translationsFolder).appendingPathComponent(tag + ".md")
    }

    /// The guidance in `language`: the source itself, or its translation.
    public func document(language: String) throws(DiagnosticError) -> Document {
        if language == source.metadata.language { return source }
        guard languages.contains(language) else {
            throw DiagnosticError(.error(
                "the guidance \(name) has no `\(language)` version",
                hint: "its languages are \(languages.joined(separator: ", ")); a translation goes in \(translationFile(language).relativePath) (see Guidance/TRANSLATING.md)"))
        }
        let file = translationFile(language)
        let bytes = try SourceFile.read(file, in: folder)
        let document = try GuidanceLoader.parse(bytes: bytes, file: file.relativePath)
        var problems: [Diagnostic] = []
        if document.metadata.language != language {
            problems.append(.error("the file is for `\(language)` but says `language: \(document.metadata.language)`",
                                   at: SourceLocation(file: file.relativePath, line: Self.line(of: "language", in: bytes)),
                                   hint: "make them agree: the file's name is its language tag"))
        }
        if document.metadata.translation == nil {
            problems.append(.error("a translation without `status:` and `translated-from:`", at: SourceLocation(file: file.relativePath, line: 1),
                                   hint: "add `status: unreviewed` and `translated-from: \(sourceFingerprint)` (see Guidance/TRANSLATING.md)"))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return withLocalHelp(of: source, for: withTrifold(of: source, for: withPoster(of: source, for: document)))
    }

    /// The source decides where a local edition's contact goes; a translation gives only its words,
    /// and one that gives none takes the source's.
    private func withLocalHelp(of source: Document, for translation: Document) -> Document {
        var result = translation
        guard let local = source.localHelp else { result.localHelp = nil; return result }
        result.localHelp = translation.localHelp ?? local
        result.localHelp?.place = local.place
        return result
    }

    /// A translation without a `poster:` of its own takes the source's, its sections found by
    /// position: the same structure means the n-th `##` heading is the n-th in both.
    private func withPoster(of source: Document, for translation: Document) -> Document {
        guard translation.poster == nil, let poster = source.poster else { return translation }
        func headings(_ document: Document) -> [String] {
            document.blocks.compactMap { if case .heading(2, let content) = $0 { content.plainText } else { nil } }
        }
        let english = headings(source), translated = headings(translation)
        func translate(_ sections: [String]) -> [String] {
            sections.compactMap { name in english.firstIndex(of: name).flatMap { $0 < translated.count ? translated[$0] : nil } }
        }
        // The shorter poster's points too: the n-th point of the source is the n-th of the translation.
        let englishLeads = PosterSelection.leads(in: source.blocks), translatedLeads = PosterSelection.leads(in: translation.blocks)
        // Services are found by position too: the n-th service is the n-th in both.
        func services(_ names: [String]) -> [String] {
            names.compactMap { name in
                source.services.firstIndex { $0.name == name }.flatMap { $0 < translation.services.count ? translation.services[$0].name : nil }
            }
        }
        let shorter = poster.ifTooLong.map { selection in
            PosterSelection(sections: translate(selection.sections), items: selection.items.map { names in
                // A point not found stays as named: styling the poster then says which it is.
                names.map { name in
                    PosterSelection.index(of: name, in: englishLeads).flatMap { $0 < translatedLeads.count ? translatedLeads[$0] : nil } ?? name
                }
            }, links: selection.links.map(services))
        }
        var result = translation
        result.poster = PosterContent(sections: translate(poster.sections), call: poster.call, links: poster.links.map(services),
                                      ifTooLong: shorter)
        return result
    }

    /// A translation without a `trifold:` of its own takes the source's, its sections found by
    /// position, as for posters.
    private func withTrifold(of source: Document, for translation: Document) -> Document {
        guard translation.trifold == nil, let trifold = source.trifold else { return translation }
        func headings(_ document: Document) -> [String] {
            document.blocks.compactMap { if case .heading(2, let content) = $0 { content.plainText } else { nil } }
        }
        let english = headings(source), translated = headings(translation)
        var result = translation
        func translate(_ names: [String]) -> [String] {
            names.compactMap { name in english.firstIndex(of: name).flatMap { $0 < translated.count ? translated[$0] : nil } }
        }
        result.trifold = TrifoldContent(sections: translate(trifold.sections), ifRoom: translate(trifold.ifRoom), briefIfNeeded: trifold.briefIfNeeded,
                                        adviceOnlyIfNeeded: trifold.adviceOnlyIfNeeded)
        return result
    }

    /// Translations made from an older version of the source.
    public func staleTranslationWarnings() -> [Diagnostic] {
        languages.dropFirst().compactMap { tag in
            guard let document = try? document(language: tag), let made = document.metadata.translation?.translatedFrom,
                  made != sourceFingerprint else { return nil }
            return Diagnostic(.warning, "the `\(tag)` translation was made from \(made); the source is now \(sourceFingerprint)",
                              at: SourceLocation(file: translationFile(tag).relativePath, line: 1),
                              hint: "update the translation to the changed source, then set `translated-from: \(sourceFingerprint)`")
        }
    }

    /// The 1-based line of the front matter's top-level `key:` (the file has parsed, so it is there).
    private static func line(of key: String, in bytes: [UInt8]) -> Int {
        let lines = String(decoding: bytes, as: UTF8.self).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { Substring($0).hasPrefix(key + ":") } ?? 0) + 1
    }
}
