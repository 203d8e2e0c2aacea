/// The published rules a variant claims to meet (../shared/standards.md). The numbers here are the
/// standards' own, so they live in code; the designer's choices live in `Layouts/`.
public enum PrintStandard: String, Sendable, Decodable, CaseIterable {
    /// RNIB Clear Print: body at least 12pt, WCAG AA contrast.
    case clearPrint = "clear-print"
    /// UKAAF / RNIB large print: 16pt minimum everywhere (18pt body), 1.5 spacing, ragged right, no
    /// hyphenation, no italics, at most two columns, WCAG AAA contrast.
    case largePrint = "large-print"

    var minimumBody: Double { self == .largePrint ? 16 : 12 }
    var minimumText: Double { self == .largePrint ? 16 : 12 }
    var minimumContrast: Double { self == .largePrint ? 7 : 4.5 }
    var contrastLevel: String { self == .largePrint ? "WCAG AAA (7:1)" : "WCAG AA (4.5:1)" }

    /// Every way `variant` breaks this standard, in words a designer can act on.
    public func violations(of variant: Variant) -> [String] {
        var problems: [String] = []
        if variant.sizes.body < minimumBody {
            problems.append("body text is \(variant.sizes.body)pt; \(rawValue) needs at least \(minimumBody)pt")
        }
        for (name, size) in variant.sizes.all where size < minimumText {
            problems.append("`sizes-pt.\(name)` is \(size)pt; \(rawValue) allows no text below \(minimumText)pt")
        }
        for (name, size) in [("title", variant.sizes.title), ("h2", variant.sizes.h2), ("h3", variant.sizes.h3)]
            where size < variant.sizes.body {
            problems.append("`sizes-pt.\(name)` (\(size)pt) is smaller than the body (\(variant.sizes.body)pt)")
        }
        for pair in variant.textColourPairs {
            let ratio = pair.text.contrast(with: pair.background)
            if ratio < minimumContrast {
                problems.append("\(pair.name) colour \(pair.text) on \(pair.background) has contrast "
                                + "\(String(format: "%.2f", ratio)):1; \(rawValue) needs \(contrastLevel)")
            }
        }
        if variant.leading < 1.2 { problems.append("`leading` \(variant.leading) is tighter than 1.2") }
        if self == .largePrint {
            if variant.leading < 1.5 { problems.append("`leading` is \(variant.leading); large print needs 1.5") }
            if variant.hyphenate { problems.append("`hyphenate: true`; large print never splits a word") }
            if variant.align != .left { problems.append("`align: \(variant.align.rawValue)`; large print is ragged right (`left`)") }
            if variant.emphasis == .italic { problems.append("`emphasis: italic`; large print uses bold, never italics") }
            if let columns = variant.columns, columns > 2 { problems.append("\(columns) columns; large print allows two at most") }
        }
        return problems
    }
}

import Foundation
