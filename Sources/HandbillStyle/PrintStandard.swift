/// The published rules a variant claims to meet (../shared/standards.md). The numbers here are the
/// standards' own, so they live in code; the designer's choices live in `Layouts/`.
public enum PrintStandard: String, Sendable, Decodable, CaseIterable {
    /// RNIB Clear Print: body at least 12pt, WCAG AA contrast.
    case clearPrint = "clear-print"
    /// UKAAF / RNIB large print: 16pt minimum everywhere (18pt body), 1.5 spacing, ragged right, no
    /// hyphenation, no italics, at most two columns, WCAG AAA contrast.
    case largePrint = "large-print"
    /// Easy Read (DoH 2010, PIF 2023): 16pt or more everywhere, a white background, pictures
    /// beside the words, WCAG AAA contrast, no italics.
    case easyRead = "easy-read"
    /// British Dyslexia Association style guide: 12–14pt sans body, 1.5 spacing, headings 20 %
    /// larger and bold, no italics, left aligned, a cream or pastel background, extra spacing.
    case dyslexia = "dyslexia"

    var minimumBody: Double { self == .largePrint || self == .easyRead ? 16 : 12 }
    var minimumText: Double { self == .largePrint || self == .easyRead ? 16 : 12 }
    var minimumContrast: Double { self == .largePrint || self == .easyRead ? 7 : 4.5 }
    var contrastLevel: String { minimumContrast == 7 ? "WCAG AAA (7:1)" : "WCAG AA (4.5:1)" }

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
        if self == .easyRead {
            if variant.colours.background != Colour(red: 1, green: 1, blue: 1) { problems.append("easy read has a white background") }
            if variant.emphasis == .italic { problems.append("`emphasis: italic`; easy read uses bold for key words") }
            if variant.pictureMM == nil { problems.append("easy read needs `picture-mm`: the size of the pictures beside the words") }
        }
        if self == .dyslexia {
            if !(12...14).contains(variant.sizes.body) { problems.append("body text is \(variant.sizes.body)pt; the BDA asks for 12–14pt") }
            if variant.leading < 1.5 { problems.append("`leading` is \(variant.leading); the BDA asks for 1.5") }
            if variant.sizes.h2 < variant.sizes.body * 1.2 || variant.sizes.h3 < variant.sizes.body * 1.2 {
                problems.append("headings must be at least 20% larger than the body (BDA)")
            }
            if variant.emphasis == .italic { problems.append("`emphasis: italic`; the BDA asks for bold, never italics") }
            if variant.align != .left { problems.append("`align: \(variant.align.rawValue)`; the BDA asks for left-aligned text") }
            if variant.colours.background == Colour(red: 1, green: 1, blue: 1) {
                problems.append("a white background; the BDA asks for cream or a soft pastel")
            }
            if (variant.letterSpacing ?? 0) <= 0 || (variant.wordSpacing ?? 0) <= 0 {
                problems.append("the BDA asks for extra letter and word spacing: set `letter-spacing` and `word-spacing`")
            }
        }
        return problems
    }
}

import Foundation
