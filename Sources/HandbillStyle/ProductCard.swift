/// A card product (`card:` in a product file): the card's type sizes, and how copies of it are
/// printed on a sheet with cut marks. The card itself is the product's page (`page-mm`).
public struct ProductCard: Equatable, Sendable, Decodable {
    public struct Gutter: Equatable, Sendable, Decodable {
        public var across: Double, down: Double
    }

    public struct CutMarks: Equatable, Sendable, Decodable {
        /// Between the edge of the card grid and the start of each mark.
        public var gapMM: Double
        public var lengthMM: Double
        public var weightPt: Double

        enum CodingKeys: String, CodingKey { case gapMM = "gap-mm", lengthMM = "length-mm", weightPt = "weight-pt" }
    }

    /// Type sizes on the card, times its body size.
    public struct Sizes: Equatable, Sendable, Decodable {
        public var heading: Double
        public var number: Double
        /// The help line the guidance's `poster: call:` names.
        public var call: Double
        /// The space between services.
        public var gap: Double
    }

    /// The sheet the copies are printed on (portrait, both sides, flipped on its long edge).
    public var sheetMM: Product.PageSize
    /// Copies side by side, and rows of them.
    public var across: Int
    public var down: Int
    public var gutterMM: Gutter
    public var cutMarks: CutMarks
    /// The smallest body text for each variant's standard.
    public var minimumBodyPt: [String: Double]
    public var maximumBodyPt: Double
    public var sizes: Sizes
    /// A phone number is one line: its line box, times its size.
    public var numberLeading: Double
    /// Whether the back also lists the online services (no phone number) with their short addresses.
    public var onlineServices: Bool

    enum CodingKeys: String, CodingKey {
        case sheetMM = "sheet-mm", across, down, gutterMM = "gutter-mm", cutMarks = "cut-marks",
             minimumBodyPt = "minimum-body-pt", maximumBodyPt = "maximum-body-pt", sizes, numberLeading = "number-leading",
             onlineServices = "online-services"
    }

    /// Office printers leave this much of the sheet's edge unprinted: the marks must stop short of it.
    static let unprintableMM = 4.0

    /// What makes the card impossible to print, in the file's own terms.
    func problems(card: Product.PageSize) -> [String] {
        let numbers = [("card.sheet-mm.width", sheetMM.width), ("card.sheet-mm.height", sheetMM.height),
                       ("card.gutter-mm.across", gutterMM.across), ("card.gutter-mm.down", gutterMM.down),
                       ("card.cut-marks.gap-mm", cutMarks.gapMM), ("card.cut-marks.length-mm", cutMarks.lengthMM),
                       ("card.cut-marks.weight-pt", cutMarks.weightPt), ("card.maximum-body-pt", maximumBodyPt),
                       ("card.sizes.heading", sizes.heading), ("card.sizes.number", sizes.number),
                       ("card.sizes.call", sizes.call), ("card.sizes.gap", sizes.gap), ("card.number-leading", numberLeading)]
            + minimumBodyPt.sorted { $0.key < $1.key }.map { ("card.minimum-body-pt.\($0.key)", $0.value) }
        let broken = numbers.filter { !$0.1.isFinite || $0.1 < 0 }
        guard broken.isEmpty else { return broken.map { "`\($0.0)` is \($0.1); write a number, 0 or more" } }
        var problems: [String] = []
        if !(1...10).contains(across) || !(1...10).contains(down) { problems.append("`card.across` and `card.down` are 1 to 10 copies") }
        let gridWidth = Double(across) * card.width + Double(across - 1) * gutterMM.across
        let gridHeight = Double(down) * card.height + Double(down - 1) * gutterMM.down
        // The marks stand in the sheet's margin, outside the grid, and must be printable.
        let needed = cutMarks.gapMM + cutMarks.lengthMM + Self.unprintableMM
        if (sheetMM.width - gridWidth) / 2 < needed || (sheetMM.height - gridHeight) / 2 < needed {
            problems.append("`card.sheet-mm` (\(sheetMM.width) × \(sheetMM.height)) does not hold \(across) × \(down) cards of \(card.width) × \(card.height) mm with room for the cut marks (\(needed) mm each side)")
        }
        if cutMarks.lengthMM < 3 { problems.append("`card.cut-marks.length-mm` under 3 mm: a cut mark that short is hard to cut to") }
        if cutMarks.weightPt < 0.1 || cutMarks.weightPt > 1 { problems.append("`card.cut-marks.weight-pt` should be a hairline: 0.1 to 1 pt") }
        for standard in ["clear-print", "large-print", "easy-read", "dyslexia"] where minimumBodyPt[standard] == nil {
            problems.append("`card.minimum-body-pt` has no `\(standard)`: give the smallest body text for each standard")
        }
        if let largest = minimumBodyPt.values.max(), maximumBodyPt < largest {
            problems.append("`card.maximum-body-pt` (\(maximumBodyPt)) is below a floor in `card.minimum-body-pt` (\(largest))")
        }
        if [sizes.heading, sizes.number, sizes.call].contains(where: { !(1...5).contains($0) }) {
            problems.append("`card.sizes` are 1 to 5 times the body size: nothing on the card is smaller than its body")
        }
        if sizes.gap > 3 { problems.append("`card.sizes.gap` is \(sizes.gap); the space between services is 0 to 3 times the body size") }
        if !(1...3).contains(numberLeading) { problems.append("`card.number-leading` is 1 to 3 times the number's size") }
        return problems
    }
}
