/// A leaflet printed on both sides of one sheet and folded twice into three panels
/// (`trifold:` in a product file). Panels are named by what they hold: `cover` gets the title,
/// summary and key message, `back` the help services and the small print, and every other panel
/// takes the text in turn, in `reading-order`.
public struct Trifold: Equatable, Sendable, Decodable {
    public struct Panel: Equatable, Sendable, Decodable {
        public var name: String
        public var widthMM: Double

        enum CodingKeys: String, CodingKey { case name, widthMM = "width-mm" }
    }

    /// Short dashed lines on the folds, in the top and bottom margins, to fold along.
    public struct FoldMarks: Equatable, Sendable, Decodable {
        /// Where each mark starts, from the sheet's top (and bottom) edge: office printers print nothing nearer.
        public var edgeMM: Double
        public var lengthMM: Double
        public var weightPt: Double

        enum CodingKeys: String, CodingKey { case edgeMM = "edge-mm", lengthMM = "length-mm", weightPt = "weight-pt" }
    }

    /// Page 1 (the outside), left to right, in a left-to-right language; right-to-left mirrors it.
    public var outside: [Panel]
    /// Page 2 (the inside), left to right, as it faces the reader once the sheet is turned over.
    public var inside: [Panel]
    /// The panels in the order they are read, from the cover to the back.
    public var readingOrder: [String]
    /// Text keeps this far from each fold (the sheet's edges keep the product's `margins-mm`).
    public var foldMarginMM: Double
    public var foldMarks: FoldMarks?
    /// The smallest body text for each variant's standard: the type is fitted between it and the
    /// variant's own size.
    public var minimumBodyPt: [String: Double]
    /// Easy-read pictures are at most this wide on a panel, to leave room for their words beside them.
    public var pictureMM: Double?

    enum CodingKeys: String, CodingKey {
        case outside, inside, readingOrder = "reading-order", foldMarginMM = "fold-margin-mm", foldMarks = "fold-marks",
             minimumBodyPt = "minimum-body-pt", pictureMM = "picture-mm"
    }

    /// The panel that gets the title, summary and key message; the one that gets the help services.
    public static let cover = "cover", back = "back"

    /// What makes the panels impossible to print and fold, said in the file's own terms.
    func problems(page: Product.PageSize, margins: Product.Margins) -> [String] {
        var problems: [String] = []
        let all = outside + inside
        if let bad = all.first(where: { !$0.widthMM.isFinite || $0.widthMM <= 0 }) {
            return ["`trifold`: panel `\(bad.name)` has width \(bad.widthMM); write a number of millimetres"]
        }
        for (side, panels) in [("outside", outside), ("inside", inside)] {
            let total = panels.reduce(0) { $0 + $1.widthMM }
            if abs(total - page.width) > 0.01 {
                problems.append("`trifold.\(side)`: the panels are \(total) mm wide together; the page is \(page.width) mm")
            }
        }
        // Printed double-sided and turned over on the short edge, the outside's first panel from the
        // left is behind the inside's first from the right: their widths must match.
        if outside.count != inside.count || zip(outside, inside.reversed()).contains(where: { abs($0.widthMM - $1.widthMM) > 0.01 }) {
            problems.append("`trifold`: the outside's panels, left to right, must match the inside's right to left (they back each other when the sheet is turned over on its short edge)")
        }
        let names = all.map(\.name)
        if Set(names).count != names.count { problems.append("`trifold`: each panel needs its own name") }
        if Set(readingOrder) != Set(names) || readingOrder.count != names.count {
            problems.append("`trifold.reading-order` must name every panel once: \(names.joined(separator: ", "))")
        }
        for role in [Self.cover, Self.back] where !outside.contains(where: { $0.name == role }) {
            problems.append("`trifold.outside` needs a `\(role)` panel (seen when the leaflet is folded)")
        }
        if readingOrder.first != Self.cover || readingOrder.last != Self.back {
            problems.append("`trifold.reading-order` starts at the `cover` and ends at the `back`")
        }
        // The narrow panel is the one that folds in; the cover or back would buckle at the fold.
        if let narrowest = outside.min(by: { $0.widthMM < $1.widthMM }), outside.contains(where: { $0.widthMM > narrowest.widthMM }),
           [Self.cover, Self.back].contains(narrowest.name) {
            problems.append("`trifold`: the narrowest panel folds in, so it cannot be the `\(narrowest.name)`")
        }
        if !foldMarginMM.isFinite || foldMarginMM < 0 { problems.append("`trifold.fold-margin-mm` must be a number of millimetres") }
        if let narrowest = all.map(\.widthMM).min(), narrowest - 2 * max(foldMarginMM, margins.left, margins.right) < Product.minimumColumnMM {
            problems.append("`trifold`: the margins leave less than \(Int(Product.minimumColumnMM)) mm of text on a \(narrowest) mm panel")
        }
        if let marks = foldMarks {
            if !(marks.edgeMM >= 5) { problems.append("`trifold.fold-marks.edge-mm` under 5 mm: office printers cannot print that close to the edge") }
            if !(marks.lengthMM > 0) || !(marks.weightPt > 0) { problems.append("`trifold.fold-marks` need a positive `length-mm` and `weight-pt`") }
            if marks.edgeMM + marks.lengthMM > min(margins.top, margins.bottom) {
                problems.append("`trifold.fold-marks` reach past the top or bottom margin into the text")
            }
        }
        if let pictureMM, !(5...50).contains(pictureMM) { problems.append("`trifold.picture-mm` is \(pictureMM); a picture on a panel is 5 to 50 mm wide") }
        for (standard, points) in minimumBodyPt {
            guard let known = PrintStandard(rawValue: standard) else {
                problems.append("`trifold.minimum-body-pt`: `\(standard)` is not a standard (\(PrintStandard.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            if !(points >= known.minimumBody) {
                problems.append("`trifold.minimum-body-pt.\(standard)` is \(points)pt; \(standard) needs at least \(known.minimumBody)pt")
            }
        }
        return problems
    }
}
