import HandbillModel

/// The words Handbill prints around the guidance (page numbers, dates, labels) in one language,
/// from `Layouts/languages/<tag>.yaml`.
public struct LanguageStrings: Equatable, Sendable, Decodable {
    public enum Direction: String, Sendable, Decodable { case ltr, rtl }

    public var name: String
    public var direction: Direction
    public var pageOf: String
    public var date: String
    public var months: [String]
    public var phone: String
    public var web: String
    /// Small print on a translation no translator has checked yet.
    public var unreviewed: String?
    /// The font family for this language's script; the variant's font covers the rest (addresses,
    /// service names), as fallback.
    public var font: String?
    /// Scripts that need more room between lines (Nastaliq, Bengali): times the variant's leading.
    public var leading: Double?
    /// Scripts that read better larger: times the variant's sizes; never below 1, so a variant's
    /// minimum sizes still hold.
    public var size: Double?
    /// Where the file names its font, for a message when the font is not in `Fonts/` (set by
    /// `LayoutLibrary`, not read from the file).
    public var fontLocation: SourceLocation?
    /// The label under each tile of a tiled poster; nil: English's (TileWords.swift).
    public var tiling: TileWords?
    /// The language tag the text is shaped in, when its glyphs should follow a regional usage
    /// the document's tag does not name: OpenType fonts pick regional forms by it ('locl').
    /// Traditional Chinese as written in Hong Kong is `zh-HK`: shaped as `zh-Hant`, Noto Sans CJK
    /// gives Taiwan's forms. The document still declares `name`.
    public var glyphForms: String?

    enum CodingKeys: String, CodingKey {
        case name, direction, pageOf = "page-of", date, months, phone, web, unreviewed, font, leading, size, tiling
        case glyphForms = "glyph-forms"
    }

    /// Whether `tag` is `language`'s own language (and script, if it names one) with a region:
    /// `zh-HK` or `zh-Hant-HK` for `zh-Hant`, never `zh-Hans`, `zh` or `en-GB`.
    static func namesRegion(_ tag: String, of language: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let own = language.split(separator: "-").map(String.init)
        guard parts.count == 2 || parts.count == 3, parts[0].lowercased() == own.first?.lowercased() else { return false }
        let region = parts[parts.count - 1]
        let isRegion = (region.count == 2 && region.allSatisfy { $0.isASCII && $0.isLetter })
            || (region.count == 3 && region.allSatisfy { $0.isASCII && $0.isNumber })
        guard isRegion else { return false }
        guard parts.count == 3 else { return true }
        let script = parts[1]
        let ownScript = own.dropFirst().first { $0.count == 4 }
        return script.count == 4 && script.allSatisfy { $0.isASCII && $0.isLetter } && (ownScript.map { $0.lowercased() == script.lowercased() } ?? true)
    }

    /// "Page 1 of 2".
    public func pageNumber(_ page: Int, of pages: Int) -> String {
        pageOf.replacingOccurrences(of: "{page}", with: String(page)).replacingOccurrences(of: "{pages}", with: String(pages))
    }

    /// "25 November 2026" from `2026-11-25`.
    public func date(iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), months.count == 12 else { return iso }
        return date.replacingOccurrences(of: "{day}", with: String(parts[2]))
            .replacingOccurrences(of: "{month}", with: months[parts[1] - 1])
            .replacingOccurrences(of: "{year}", with: String(parts[0]))
    }

    public func problems() -> [String] {
        var problems: [String] = []
        if months.count != 12 { problems.append("`months` must list 12 names") }
        if !pageOf.contains("{page}") || !pageOf.contains("{pages}") { problems.append("`page-of` needs {page} and {pages}") }
        // Written as ranges, so `.nan` (a YAML number) fails them too.
        if let size, !(1...3).contains(size) {
            problems.append("`size` is \(size); it is 1 to 3 (below 1 it would take text under the variant's minimum)")
        }
        if let leading, !(1...3).contains(leading) {
            problems.append("`leading` is \(leading); it is 1 to 3 (below 1 it would break the variant's line spacing)")
        }
        if let font, font.allSatisfy(\.isWhitespace) { problems.append("`font` is empty; name a font family in Fonts/ or remove the line") }
        if let glyphForms, !Self.namesRegion(glyphForms, of: name) {
            problems.append("`glyph-forms` is `\(glyphForms)`; it is `\(name)`'s language with a region (zh-HK, or zh-Hant-HK): language[-Script]-REGION")
        }
        problems += tiling?.problems() ?? []
        return problems
    }
}

import Foundation
