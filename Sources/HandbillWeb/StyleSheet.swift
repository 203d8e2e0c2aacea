import Foundation
import HandbillStyle

/// The page's CSS, from the same variant data as the PDF: type sizes, leading, spacing, colours,
/// fonts, letter and word spacing; then a print stylesheet at the variant's exact point sizes.
///
/// On screen, sizes are in `rem` (12pt = the browser's default 16px, `points-per-rem`), so a
/// reader who sets larger text gets it larger still; every other size is in `em` of the body, so
/// the whole page scales together. Directions use logical properties (`inline-start`), so a
/// right-to-left page mirrors without rules of its own.
public struct StyleSheet: Sendable {
    public let variant: Variant
    public let format: WebFormat
    /// The page's languages in order: the first sets the page, the second (bilingual) its own part.
    public let languages: [LanguageStrings]

    public init(variant: Variant, format: WebFormat, languages: [LanguageStrings]) {
        self.variant = variant
        self.format = format
        self.languages = languages
    }

    public var css: String {
        let sizes = variant.sizes, colours = variant.colours
        let first = languages.first
        let body = sizes.body
        func em(_ points: Double) -> String { number(points / body) + "em" }
        let emphasis = variant.emphasis == .italic ? "font-style:italic" : "font-style:normal;font-weight:700"
        var rules: [String] = [
            "*,*::before,*::after{box-sizing:border-box}",
            "html{color:\(colours.text);background:\(colours.background);-webkit-text-size-adjust:100%;text-size-adjust:100%}",
            "body{margin:0;padding:\(number(format.pagePaddingRem))rem;font-family:\(fontFamily(first));"
                + "font-size:\(number(body * (first?.size ?? 1) / format.pointsPerRem))rem;"
                + "line-height:\(number(variant.leading * (first?.leading ?? 1)));"
                + "letter-spacing:\(number(variant.letterSpacing ?? 0))em;word-spacing:\(number(variant.wordSpacing ?? 0))em;"
                + "text-align:\(variant.align == .justify ? "justify" : "start");hyphens:\(variant.hyphenate ? "auto" : "manual");"
                + "overflow-wrap:break-word}",
            "main,body>footer{max-width:\(number(format.measureCh))ch;margin-inline:auto}",
            "h1,h2,h3{color:\(colours.heading);font-weight:700;margin:0}",
            "h1{font-size:\(em(sizes.title));margin-block-end:0.3em}",
            "h2{font-size:\(em(sizes.h2));margin-block:0.9em 0.3em}",
            "h3{font-size:\(em(sizes.h3));margin-block:0.6em 0.2em}",
            ".summary{font-size:\(em(sizes.lead))}",
            "p,ul,ol,.callout,.point{margin-block:0 \(number(variant.paragraphSpace))em}",
            "ul,ol{padding-inline-start:\(number(variant.listIndent))em}",
            "li{margin-block-end:\(number(variant.paragraphSpace / 2))em}",
            "li>p:last-child,li>ul:last-child,li>ol:last-child,.callout>:last-child{margin-block-end:0}",
            "strong{font-weight:700}",
            "em{\(emphasis)}",
            "a{color:\(colours.link);text-decoration:underline;text-underline-offset:0.15em;overflow-wrap:anywhere}",
            "a:focus-visible{outline:\(number(format.focusOutlinePx))px solid \(colours.text);outline-offset:2px}",
            // The key message: the callout's own colours and a bar on the side the text starts.
            ".callout{font-size:1.15em;color:\(colours.calloutText);background:\(colours.calloutBackground);"
                + "border-inline-start:0.35em solid \(colours.accent);padding:0.7em}",
            // An easy-read point: the picture beside its words; both shrink to fit a narrow window.
            ".point{display:flex;align-items:flex-start;gap:0.8em}",
            ".point>p{flex:1 1 0;min-width:0;margin:0}",
            ".pictogram{flex:none;width:min(\(number(variant.pictureMM ?? 25))mm,\(number(format.pictureMaxVw))vw);height:auto}",
            ".services>ul{list-style:none;padding:0;margin:0}",
            ".services>ul>li{margin-block:\(number(variant.paragraphSpace * 1.5))em}",
            ".services p{margin:0}",
            // A number or address moves whole to the next line, and wraps inside only when a line cannot hold it.
            ".phone,.address{display:inline-block;max-width:100%}",
            ".services .phone{font-size:\(em(sizes.phone));font-weight:700}",
            ".credit,body>footer{font-size:\(em(sizes.footer))}",
            ".credit{color:\(colours.footer);margin-block-start:\(number(variant.paragraphSpace * 2))em}",
            "body>footer{color:\(colours.footer);border-block-start:1px solid \(colours.accent);margin-block-start:2em;padding-block-start:0.5em}",
            "body>footer a{color:\(colours.footer)}",
            "body>footer p{margin:0}",
        ]
        if languages.count == 2 {
            let second = languages[1]
            let scale = (second.size ?? 1) / (first?.size ?? 1)
            rules += [
                ".part-2{font-family:\(fontFamily(second));font-size:\(number(scale))em;"
                    + "line-height:\(number(variant.leading * (second.leading ?? 1)))}",
                "main.bilingual{max-width:\(number(format.measureCh * 2 + 4))ch}",
                "main.bilingual>article+article{margin-block-start:2em}",
                "@media (min-width:\(number(format.sideBySideFromRem))rem){main.bilingual{display:grid;grid-template-columns:1fr 1fr;gap:3ch}"
                    + "main.bilingual>article+article{margin-block-start:0}}",
            ]
        }
        rules.append(printRules)
        return rules.joined(separator: "\n") + "\n"
    }

    /// On paper: the variant's point sizes, the page's colours printed, link addresses written
    /// out (paper cannot follow a link) and never broken (a reader takes `safety-` at a line's end
    /// for a word broken in two, and pdftotext drops its hyphen), and help services and callouts kept whole.
    private var printRules: String {
        let body = variant.sizes.body * (languages.first?.size ?? 1)
        return "@media print{"
            + "@page{size:\(format.printPage);margin:\(number(format.printMarginMM))mm}"
            + "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
            + "body{padding:0;font-size:\(number(body))pt}"
            + "main,main.bilingual,body>footer{max-width:none}"
            + "a{text-decoration:none}"
            + "a[data-address]::after{content:\" (\" attr(data-address) \")\";white-space:nowrap}"
            + ".callout,.point,.services>ul>li{break-inside:avoid}"
            + "h1,h2,h3{break-after:avoid}"
            + "}"
    }

    /// The PDF's fonts by name, the language's script first, then generic fallbacks: the page
    /// names the fonts and does not embed them.
    private func fontFamily(_ language: LanguageStrings?) -> String {
        var families: [String] = []
        if let font = language?.font { families.append(font) }
        families.append(variant.font)
        return families.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }.joined(separator: ",")
            + ",sans-serif"
    }

    /// A CSS number: at most three decimals, no trailing zeros, the same on every machine.
    func number(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
