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

    enum CodingKeys: String, CodingKey {
        case name, title, description, isDefault = "default", pageMM = "page-mm", marginsMM = "margins-mm", columns,
             gutterMM = "gutter-mm", bleedMM = "bleed-mm", footerGapMM = "footer-gap-mm"
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
    }

    /// What makes a product impossible to lay out, said in the file's own terms.
    public func problems() -> [String] {
        var problems: [String] = []
        let m = marginsMM
        if pageMM.width <= 0 || pageMM.height <= 0 { problems.append("`page-mm` must be positive") }
        if [m.top, m.bottom, m.left, m.right].contains(where: { $0 < 0 }) { problems.append("`margins-mm` cannot be negative") }
        if m.left + m.right >= pageMM.width || m.top + m.bottom >= pageMM.height {
            problems.append("the margins leave no room for text on a \(pageMM.width) × \(pageMM.height) mm page")
        }
        if bleedMM == 0, [m.top, m.bottom, m.left, m.right].contains(where: { $0 < 5 }) {
            problems.append("margins under 5 mm: office printers cannot print that close to the edge")
        }
        if !(1...4).contains(columns) { problems.append("`columns` must be 1 to 4") }
        if gutterMM < 0 || bleedMM < 0 { problems.append("`gutter-mm` and `bleed-mm` cannot be negative") }
        return problems
    }
}

/// Millimetres to PDF points.
public func points(mm: Double) -> Double { mm * 72 / 25.4 }
