import Foundation
import HandbillModel
import HandbillStyle

/// The liblouis table list a language is brailled with, as `Layouts/formats/braille.yaml` names it.
/// A language with no usable table is an error naming it and the tables liblouis has nearest to
/// it: never braille made with another language's table.
public struct BrailleTable: Equatable, Sendable {
    public let language: String
    /// Comma-separated liblouis tables, e.g. `en-ueb-g2.ctb`.
    public let tableList: String

    public init(language: String, tableList: String) {
        self.language = language
        self.tableList = tableList
    }

    /// Whether `format` names a table for `language` (the braille `--all` makes).
    public static func exists(for language: String, in format: BrailleFormat) -> Bool {
        format.tables[language] != nil
    }

    public static func resolve(_ language: String, in format: BrailleFormat) throws(DiagnosticError) -> BrailleTable {
        guard let list = format.tables[language] else { throw missing(language, in: format) }
        let (compiles, log) = Louis.compiles(list)
        guard compiles else {
            throw DiagnosticError(.error("liblouis \(Louis.version) cannot load the table list `\(list)` for \(name(of: language)) (`\(language)`)"
                                         + (log.isEmpty ? "" : ": " + log.joined(separator: "; ")),
                                         hint: "install liblouis-data, or fix `tables.\(language)` in Layouts/formats/braille.yaml"))
        }
        return BrailleTable(language: language, tableList: list)
    }

    /// No table for `language`: why, and the tables that come nearest.
    static func missing(_ language: String, in format: BrailleFormat) -> DiagnosticError {
        let primary = String(language.split(separator: "-").first ?? Substring(language))
        var nearest = Louis.tables(forLanguage: language)
        if nearest.isEmpty && primary != language { nearest = Louis.tables(forLanguage: primary) }
        let reason = format.unusable[language] ?? format.unusable[primary]
        var message = "no braille table for \(name(of: language)) (`\(language)`)"
        if let reason { message += ": \(reason)" }
        if !nearest.isEmpty {
            message += "; the nearest liblouis has: \(nearest.sorted().joined(separator: ", "))"
        } else {
            message += "; liblouis \(Louis.version) has no table for it"
        }
        let made = format.tables.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        return DiagnosticError(.error(message, hint: "braille is made in \(made); add a six-dot literary table list under `tables:` in Layouts/formats/braille.yaml when liblouis has one"))
    }

    /// "Scottish Gaelic": the language's English name, for messages.
    static func name(of tag: String) -> String {
        Locale(identifier: "en").localizedString(forIdentifier: tag) ?? tag
    }
}
