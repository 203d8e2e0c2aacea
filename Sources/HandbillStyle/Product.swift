/// A printed product (A4 leaflet, poster, …) as `Layouts/products/<name>.yaml` defines it.
public struct Product: Equatable, Sendable, Decodable {
    public struct PageSize: Equatable, Sendable, Decodable {
        public var width: Double
        public var height: Double
    }

    public struct Margins: Equatable, Sendable, Decodable {
        public var top: Double, bottom: Double, left: Double, right: Double
    }

    public var name: String
    public var title: String
    public var description: String
    /// The product `handbill build` makes when none is named.
    public var isDefault: Bool
    /// Finished (trimmed) size, in millimetres.
    public var pageMM: PageSize
    public var marginsMM: Margins
    public var columns: Int
    public var gutterMM: Double
    public var bleedMM: Double
    public var footerGapMM: Double
    /// A poster is one page, its type as large as will fit.
    public var poster: PosterFit?
    /// A saddle-stitched booklet: its pages printed two to a sheet, folded in the middle.
    public var booklet: Booklet?
    /// A leaflet folded twice into three panels a side (`Trifold.swift`).
    public var trifold: Trifold?
    /// A card printed several to a sheet with cut marks (the wallet card).
    public var card: ProductCard?
    /// The variants the product is made in; nil for every variant. (For a product too small for
    /// some variant's type; every product in Layouts/ is now made in every variant.)
    public var variants: [String]?

    /// How a booklet's pages go onto the sheets it is printed on.
    public struct Booklet: Equatable, Sendable, Decodable {
        /// The sheet, landscape: two pages side by side, folded between them.
        public var sheetMM: PageSize

        enum CodingKeys: String, CodingKey { case sheetMM = "sheet-mm" }
    }

    /// How a poster's type is fitted to its page.
    public struct PosterFit: Equatable, Sendable, Decodable {
        /// The smallest body text allowed for each variant's standard at this size and reading distance.
        public var minimumBodyPt: [String: Double]
        /// Width of each QR code (for the distance it is read from: about a tenth of it).
        public var qrMM: Double
        /// How tall each easy-read picture is beside its words, in lines of body text: it grows
        /// with the type as the poster is fitted. Nil keeps the variant's `picture-mm`.
        public var pictureLines: Double?

        enum CodingKeys: String, CodingKey { case minimumBodyPt = "minimum-body-pt", qrMM = "qr-mm", pictureLines = "picture-lines" }
    }

    enum CodingKeys: String, CodingKey {
        case name, title, description, isDefault = "default", pageMM = "page-mm", marginsMM = "margins-mm", columns,
             gutterMM = "gutter-mm", bleedMM = "bleed-mm", footerGapMM = "footer-gap-mm", poster, booklet, card, variants, trifold
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? title
        isDefault = try c.decodeIfPresent(Bool.self, forKey: .isDefault) ?? false
        pageMM = try c.decode(PageSize.self, forKey: .pageMM)
        marginsMM = try c.decode(Margins.self, forKey: .marginsMM)
        columns = try c.decodeIfPresent(Int.self, forKey: .columns) ?? 1
        gutterMM = try c.decodeIfPresent(Double.self, forKey: .gutterMM) ?? 0
        bleedMM = try c.decodeIfPresent(Double.self, forKey: .bleedMM) ?? 0
        footerGapMM = try c.decodeIfPresent(Double.self, forKey: .footerGapMM) ?? 4
        poster = try c.decodeIfPresent(PosterFit.self, forKey: .poster)
        booklet = try c.decodeIfPresent(Booklet.self, forKey: .booklet)
        card = try c.decodeIfPresent(ProductCard.self, forKey: .card)
        variants = try c.decodeIfPresent([String].self, forKey: .variants)
        trifold = try c.decodeIfPresent(Trifold.self, forKey: .trifold)
    }

    /// Whether the product is made in `variant`.
    public func isMade(in variant: String) -> Bool { variants?.contains(variant) ?? true }

    /// PDF viewers and printers handle pages up to 200 inches a side (PDF 1.7, annex C).
    static let maximumPageMM = 5080.0
    /// Print shops ask for 3 mm of bleed; more than this is a typing mistake.
    static let maximumBleedMM = 25.0
    /// A column narrower than this holds a word or two a line.
    static let minimumColumnMM = 20.0

    /// What makes a product impossible to lay out, said in the file's own terms.
    public func problems() -> [String] {
        var problems: [String] = []
        let m = marginsMM
        let numbers = [("page-mm.width", pageMM.width), ("page-mm.height", pageMM.height), ("margins-mm.top", m.top),
                       ("margins-mm.bottom", m.bottom), ("margins-mm.left", m.left), ("margins-mm.right", m.right),
                       ("gutter-mm", gutterMM), ("bleed-mm", bleedMM), ("footer-gap-mm", footerGapMM)]
        // `.nan` and `.inf` are YAML numbers, and NaN passes every comparison below: refuse them first.
        let notFinite = numbers.filter { !$0.1.isFinite }
        guard notFinite.isEmpty else { return notFinite.map { "`\($0.0)` is \($0.1); write a number of millimetres" } }
        if pageMM.width <= 0 || pageMM.height <= 0 { problems.append("`page-mm` must be positive") }
        if max(pageMM.width, pageMM.height) + 2 * bleedMM > Self.maximumPageMM {
            problems.append("`page-mm` with its bleed is over \(Int(Self.maximumPageMM)) mm (200 inches), the largest page PDF allows")
        }
        if bleedMM > Self.maximumBleedMM { problems.append("`bleed-mm` is \(bleedMM); bleed is a few millimetres (3 is usual)") }
        if footerGapMM < 0 { problems.append("`footer-gap-mm` cannot be negative") }
        if footerGapMM >= pageMM.height - m.top - m.bottom {
            problems.append("`footer-gap-mm` (\(footerGapMM)) leaves no room for text between the margins")
        }
        if [m.top, m.bottom, m.left, m.right].contains(where: { $0 < 0 }) { problems.append("`margins-mm` cannot be negative") }
        if m.left + m.right >= pageMM.width || m.top + m.bottom >= pageMM.height {
            problems.append("the `margins-mm` leave no room for text on a \(pageMM.width) × \(pageMM.height) mm page")
        }
        if bleedMM == 0, [m.top, m.bottom, m.left, m.right].contains(where: { $0 < 5 }) {
            problems.append("`margins-mm` under 5 mm: office printers cannot print that close to the edge")
        }
        if let lines = poster?.pictureLines, !(1...8).contains(lines) {
            problems.append("`poster.picture-lines` is \(lines); a picture beside its words is 1 to 8 lines of text tall")
        }
        if let sheet = booklet?.sheetMM {
            if !sheet.width.isFinite || !sheet.height.isFinite || sheet.width < 2 * pageMM.width || sheet.height < pageMM.height {
                problems.append("`booklet.sheet-mm` (\(sheet.width) × \(sheet.height)) must hold two \(pageMM.width) × \(pageMM.height) mm pages side by side")
            }
            if poster != nil { problems.append("a product is a `poster` or a `booklet`, not both") }
        }
        if let trifold {
            problems += trifold.problems(page: pageMM, margins: m)
            if poster != nil || booklet != nil { problems.append("a `trifold` is not also a `poster` or a `booklet`") }
        }
        if let card {
            problems += card.problems(card: pageMM)
            if poster != nil || booklet != nil || trifold != nil { problems.append("a product is a `card`, a `poster`, a `booklet` or a `trifold`, only one") }
        }
        if !(1...4).contains(columns) { problems.append("`columns` must be 1 to 4") }
        if gutterMM < 0 || bleedMM < 0 { problems.append("`gutter-mm` and `bleed-mm` cannot be negative") }
        let columnMM = (pageMM.width - m.left - m.right - gutterMM * Double(columns - 1)) / Double(max(columns, 1))
        if (1...4).contains(columns), columnMM > 0, columnMM < Self.minimumColumnMM {
            problems.append("`columns`: \(columns) columns leave \(Int(columnMM)) mm each; a column needs at least \(Int(Self.minimumColumnMM)) mm")
        }
        return problems
    }
}

/// Millimetres to PDF points.
public func points(mm: Double) -> Double { mm * 72 / 25.4 }
