import Foundation
import HandbillModel
import Yams

/// `Layouts/formats/web.yaml`: the numbers only a web page needs (line length, breakpoints, print
/// margins, how phone numbers are dialled). Everything else comes from the variant.
public struct WebFormat: Equatable, Sendable, Decodable {
    public struct Telephone: Equatable, Sendable, Decodable {
        /// Without `+`: `44`.
        public var countryCode: String
        /// What national numbers start with and international ones drop: `0`.
        public var trunkPrefix: String
        /// A number with at least this many digits (trunk prefix included) is national.
        public var nationalDigits: Int

        enum CodingKeys: String, CodingKey {
            case countryCode = "country-code", trunkPrefix = "trunk-prefix", nationalDigits = "national-digits"
        }
    }

    public struct Screenshot: Equatable, Sendable, Decodable {
        /// The window, in CSS pixels.
        public var widthPx: Int, heightPx: Int
        /// The picture's pixels per CSS pixel.
        public var scale: Double
        public var timeoutSeconds: Double

        enum CodingKeys: String, CodingKey { case widthPx = "width-px", heightPx = "height-px", scale, timeoutSeconds = "timeout-seconds" }
    }

    public var name: String
    public var pointsPerRem: Double
    public var measureCh: Double
    public var pagePaddingRem: Double
    public var sideBySideFromRem: Double
    public var pictureMaxVw: Double
    public var focusOutlinePx: Double
    public var printMarginMM: Double
    /// CSS `@page` size: `A4`.
    public var printPage: String
    public var pictureCreditLanguage: String
    public var telephone: Telephone
    public var screenshot: Screenshot

    enum CodingKeys: String, CodingKey {
        case name, pointsPerRem = "points-per-rem", measureCh = "measure-ch", pagePaddingRem = "page-padding-rem",
             sideBySideFromRem = "side-by-side-from-rem", pictureMaxVw = "picture-max-vw", focusOutlinePx = "focus-outline-px",
             printMarginMM = "print-margin-mm", printPage = "print-page", pictureCreditLanguage = "picture-credit-language", telephone, screenshot
    }

    /// Reads `<layouts>/formats/web.yaml`.
    public static func load(layouts: URL) throws(DiagnosticError) -> WebFormat {
        let file = layouts.appendingPathComponent("formats/web.yaml")
        let path = file.relativePath
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(.error("cannot read \(path)", hint: "web pages take their line length, breakpoints and print margins from it; restore it from the repository"))
        }
        let format: WebFormat
        do {
            format = try YAMLDecoder(encoding: .utf8).decode(WebFormat.self, from: text)
        } catch {
            throw DiagnosticError(.error("\(path) cannot be read: \(error)", at: SourceLocation(file: path, line: 1),
                                         hint: "compare it with the keys documented in the file's comments"))
        }
        let problems = format.problems()
        guard problems.isEmpty else {
            throw DiagnosticError(problems.map { .error($0, at: SourceLocation(file: path, line: 1), hint: "fix the number in \(path)") })
        }
        return format
    }

    /// Numbers that would make a page no one can read, or that is not a page at all.
    public func problems() -> [String] {
        var problems: [String] = []
        if !(4...32).contains(pointsPerRem) { problems.append("`points-per-rem` is \(pointsPerRem); browsers' default text is 12pt") }
        if !(20...120).contains(measureCh) { problems.append("`measure-ch` is \(measureCh); a line of 20 to 120 characters") }
        if !(0...4).contains(pagePaddingRem) { problems.append("`page-padding-rem` is \(pagePaddingRem); 0 to 4") }
        if !(20...200).contains(sideBySideFromRem) { problems.append("`side-by-side-from-rem` is \(sideBySideFromRem); 20 to 200") }
        if !(5...60).contains(pictureMaxVw) { problems.append("`picture-max-vw` is \(pictureMaxVw); 5 to 60") }
        if !(2...10).contains(focusOutlinePx) { problems.append("`focus-outline-px` is \(focusOutlinePx); WCAG 2.4.13 asks for at least 2") }
        if !(0...50).contains(printMarginMM) { problems.append("`print-margin-mm` is \(printMarginMM); 0 to 50") }
        if printPage.isEmpty || !printPage.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " ") }) {
            problems.append("`print-page` is `\(printPage)`; a CSS page size such as A4, A5 or letter")
        }
        if telephone.countryCode.isEmpty || !telephone.countryCode.allSatisfy(\.isASCII) || !telephone.countryCode.allSatisfy(\.isNumber) {
            problems.append("`telephone.country-code` is `\(telephone.countryCode)`; digits only, without +")
        }
        if !(100...4000).contains(screenshot.widthPx) || !(100...4000).contains(screenshot.heightPx) {
            problems.append("`screenshot` is \(screenshot.widthPx)×\(screenshot.heightPx)px; 100 to 4000 each way")
        }
        if !(0.1...4).contains(screenshot.scale) { problems.append("`screenshot.scale` is \(screenshot.scale); 0.1 to 4") }
        if !(1...600).contains(screenshot.timeoutSeconds) { problems.append("`screenshot.timeout-seconds` is \(screenshot.timeoutSeconds); 1 to 600") }
        return problems
    }
}
