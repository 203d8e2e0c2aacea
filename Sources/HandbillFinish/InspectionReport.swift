import Foundation

/// What `handbill inspect` tells a reviewer about a PDF, from Handbill or any other tool: what a
/// person checking accessibility and print-readiness looks for, and each problem as a sentence
/// they can act on.
public struct InspectionReport: Equatable, Sendable, Codable {
    /// A page box in points, normalised so that `x0 < x1` and `y0 < y1`.
    public struct Box: Equatable, Sendable, Codable {
        public var x0: Double
        public var y0: Double
        public var x1: Double
        public var y1: Double

        public init(x0: Double, y0: Double, x1: Double, y1: Double) {
            (self.x0, self.x1) = (min(x0, x1), max(x0, x1))
            (self.y0, self.y1) = (min(y0, y1), max(y0, y1))
        }

        public var width: Double { x1 - x0 }
        public var height: Double { y1 - y0 }

        /// Inside `other`, give or take a hundredth of a point (writers round differently).
        public func isInside(_ other: Box) -> Bool {
            x0 >= other.x0 - Self.tolerance && y0 >= other.y0 - Self.tolerance
                && x1 <= other.x1 + Self.tolerance && y1 <= other.y1 + Self.tolerance
        }

        /// The same box, give or take a hundredth of a point.
        public func isClose(to other: Box) -> Bool { isInside(other) && other.isInside(self) }

        static let tolerance = 0.01
    }

    public struct Page: Equatable, Sendable, Codable {
        /// 1-based.
        public var number: Int
        public var mediaBox: Box
        public var trimBox: Box?
        public var bleedBox: Box?
    }

    public struct Font: Equatable, Sendable, Codable {
        /// /BaseFont, with its subset prefix (`ABCDEF+NotoSans-Bold`).
        public var name: String
        /// /Subtype: Type0, TrueType, Type1, Type3, …
        public var subtype: String
        /// A Type0 font's descendant's /Subtype (CIDFontType0 or CIDFontType2).
        public var descendantSubtype: String?
        public var embedded: Bool
        public var hasToUnicode: Bool
    }

    /// How many structure elements have a (standard) role.
    public struct RoleCount: Equatable, Sendable, Codable {
        public var role: String
        public var count: Int
    }

    public var file: String
    /// XMP dc:title, else the document information's /Title.
    public var title: String?
    /// The catalog's /ViewerPreferences /DisplayDocTitle: the title bar shows the title, not the file name.
    public var displayDocTitle: Bool
    /// The catalog's /Lang.
    public var language: String?
    /// The catalog's /MarkInfo /Marked.
    public var tagged: Bool
    /// The XMP's `pdfuaid:part`: the PDF/UA part the file claims to meet.
    public var pdfuaPart: Int?
    public var pages: [Page]
    /// In order of first use.
    public var fonts: [Font]
    /// Structure element roles (mapped through /RoleMap to the standard role) in order of first appearance.
    public var roles: [RoleCount]
    public var linkCount: Int
    public var linksWithoutContents: Int
    /// Each a sentence saying what is wrong and what to do; empty when the file passed every check.
    public var problems: [String]
    /// What a screen reader reads (`StructureText`), a line per block; nil without a structure tree.
    /// In the JSON only: the human report stays a summary.
    public var text: String?

    public init(file: String, title: String? = nil, displayDocTitle: Bool = false, language: String? = nil,
                tagged: Bool = false, pdfuaPart: Int? = nil, pages: [Page] = [], fonts: [Font] = [],
                roles: [RoleCount] = [], linkCount: Int = 0, linksWithoutContents: Int = 0, problems: [String] = [],
                text: String? = nil) {
        self.file = file
        self.title = title
        self.displayDocTitle = displayDocTitle
        self.language = language
        self.tagged = tagged
        self.pdfuaPart = pdfuaPart
        self.pages = pages
        self.fonts = fonts
        self.roles = roles
        self.linkCount = linkCount
        self.linksWithoutContents = linksWithoutContents
        self.problems = problems
        self.text = text
    }

    /// How many elements have `role`; 0 when none.
    public func count(of role: String) -> Int { roles.first { $0.role == role }?.count ?? 0 }

    /// The report as pretty-printed JSON with sorted keys (absent values are left out).
    public var json: String { Self.json(self) }

    /// Several reports as one JSON array, for `handbill inspect --json`.
    public static func json(_ reports: [InspectionReport]) -> String { json(reports as any Encodable) }

    private static func json(_ value: any Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings, numbers and booleans cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The human report: right-aligned `Key: value` lines, details indented under their key, then
    /// `Problems: none` or one problem per line.
    public func formatted() -> String {
        var lines: [(key: String, value: String)] = [
            ("File", file),
            ("Title", title ?? "none"),
            ("Title bar", displayDocTitle ? "shows the title (DisplayDocTitle)" : "shows the file name"),
            ("Language", language ?? "none"),
            ("Tagged", tagged ? "yes" : "no"),
            ("PDF/UA", pdfuaPart.map { "part \($0)" } ?? "not claimed"),
            ("Pages", String(pages.count)),
        ]
        lines += Self.pageGroups(pages).map { ("", Self.describe($0)) }
        lines.append(("Fonts", fonts.isEmpty ? "none" : String(fonts.count)))
        lines += fonts.map { ("", Self.describe($0)) }
        lines.append(("Tags", roles.isEmpty ? "none" : roles.map { "\($0.role) \($0.count)" }.joined(separator: ", ")))
        lines.append(("Links", linkCount == 0 ? "none"
                      : "\(linkCount), \(linksWithoutContents == 0 ? "all" : String(linkCount - linksWithoutContents)) with /Contents"))
        lines.append(("Problems", problems.isEmpty ? "none" : String(problems.count)))
        let width = lines.map(\.key.count).max() ?? 0
        var text = lines.map { line in
            let key = line.key.isEmpty ? String(repeating: " ", count: width + 1) : String(repeating: " ", count: width - line.key.count) + line.key + ":"
            return key + " " + line.value
        }
        text += problems.map { "  - " + $0 }
        return text.joined(separator: "\n")
    }

    /// Runs of consecutive pages with the same boxes, so a long document lists its sizes, not every page.
    private static func pageGroups(_ pages: [Page]) -> [[Page]] {
        var groups: [[Page]] = []
        for page in pages {
            if let last = groups.last?.last, sameBoxes(last, page) {
                groups[groups.count - 1].append(page)
            } else {
                groups.append([page])
            }
        }
        return groups
    }

    private static func sameBoxes(_ a: Page, _ b: Page) -> Bool {
        a.mediaBox == b.mediaBox && a.trimBox == b.trimBox && a.bleedBox == b.bleedBox
    }

    /// `pages 1–3: MediaBox …; TrimBox …; BleedBox …`.
    private static func describe(_ group: [Page]) -> String {
        let page = group[0]
        let numbers = group.count == 1 ? "page \(page.number)" : "pages \(page.number)–\(group.last!.number)"
        var boxes = ["MediaBox " + describe(page.mediaBox, within: nil)]
        boxes.append(page.trimBox.map { "TrimBox " + describe($0, within: page.mediaBox) } ?? "no TrimBox")
        boxes.append(page.bleedBox.map { "BleedBox " + describe($0, within: page.mediaBox) } ?? "no BleedBox")
        return numbers + ": " + boxes.joined(separator: "; ")
    }

    /// `595.28 × 841.89 pt (210 × 297 mm)`, with its corner when it is not the media box's.
    private static func describe(_ box: Box, within media: Box?) -> String {
        if let media, box.isClose(to: media) { return "= MediaBox" }
        var text = "\(points(box.width)) × \(points(box.height)) pt (\(millimetres(box.width)) × \(millimetres(box.height)) mm)"
        if box.x0 != 0 || box.y0 != 0 { text += " at \(points(box.x0)), \(points(box.y0))" }
        return text
    }

    private static func describe(_ font: Font) -> String {
        let type = font.descendantSubtype.map { "\(font.subtype)/\($0)" } ?? font.subtype
        return "\(font.name) (\(type)): \(font.embedded ? "embedded" : "not embedded"), \(font.hasToUnicode ? "ToUnicode" : "no ToUnicode")"
    }

    private static func points(_ value: Double) -> String { decimal(value, places: 2) }
    private static func millimetres(_ points: Double) -> String { decimal(points * 25.4 / 72, places: 1) }

    /// At most `places` decimals, trailing zeros dropped.
    private static func decimal(_ value: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
