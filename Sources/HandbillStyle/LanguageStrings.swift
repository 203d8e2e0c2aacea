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

    enum CodingKeys: String, CodingKey {
        case name, direction, pageOf = "page-of", date, months, phone, web, unreviewed, font, leading, size
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
        if let size, size < 1 { problems.append("`size` is \(size); below 1 it would take text under the variant's minimum") }
        if let leading, leading < 1 { problems.append("`leading` is \(leading); below 1 it would break the variant's line spacing") }
        return problems
    }
}

import Foundation
