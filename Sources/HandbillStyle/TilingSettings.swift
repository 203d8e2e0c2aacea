/// How a poster is tiled onto office paper (`Layouts/tiling.yaml`): the sheets `--tile` may name,
/// the strip neighbouring tiles share, what office printers cannot reach, and the marks and label
/// printed around each tile's window of the poster.
public struct TilingSettings: Equatable, Sendable, Decodable {
    public var name: String
    /// Paper sizes by the name `--tile` takes (`a4`), portrait, in millimetres.
    public var sheetsMM: [String: Product.PageSize]
    /// How much of the poster two neighbouring tiles both show: the glue strip.
    public var overlapMM: Double
    /// Nothing is placed nearer a sheet's edge than this (office printers leave it blank).
    public var printerMarginMM: Double
    public var markGapMM: Double
    public var markLengthMM: Double
    public var cutWeightPt: Double
    public var glueWeightPt: Double
    /// Type size of the label under each window.
    public var labelPt: Double

    enum CodingKeys: String, CodingKey {
        case name, sheetsMM = "sheets-mm", overlapMM = "overlap-mm", printerMarginMM = "printer-margin-mm",
             markGapMM = "mark-gap-mm", markLengthMM = "mark-length-mm", cutWeightPt = "cut-weight-pt",
             glueWeightPt = "glue-weight-pt", labelPt = "label-pt"
    }

    /// The band around each window that holds the cut marks and the label, with a millimetre to spare.
    public var bandMM: Double { markGapMM + markLengthMM + 1 }

    public func problems() -> [String] {
        var problems: [String] = []
        let values = [("overlap-mm", overlapMM), ("printer-margin-mm", printerMarginMM), ("mark-gap-mm", markGapMM),
                      ("mark-length-mm", markLengthMM), ("cut-weight-pt", cutWeightPt), ("glue-weight-pt", glueWeightPt),
                      ("label-pt", labelPt)]
        for (key, value) in values where !value.isFinite || value < 0 { problems.append("`\(key)` must be a number, 0 or more") }
        if sheetsMM.isEmpty { problems.append("`sheets-mm` names no paper; add `a4: { width: 210, height: 297 }`") }
        for (sheet, size) in sheetsMM.sorted(by: { $0.key < $1.key })
            where !(size.width.isFinite && size.height.isFinite) || size.width < 50 || size.height < 50 {
            problems.append("`sheets-mm.\(sheet)` is \(size.width) × \(size.height) mm; a sheet to tile onto is at least 50 mm a side")
        }
        if !(5...50).contains(overlapMM) { problems.append("`overlap-mm` is \(overlapMM); 5 to 50 mm leaves room to glue (15 is usual)") }
        if !(5...20).contains(printerMarginMM) {
            problems.append("`printer-margin-mm` is \(printerMarginMM); office printers need 5 mm or more (up to 20)")
        }
        if markLengthMM < 3 { problems.append("`mark-length-mm` under 3 mm: a cut mark that short is hard to cut to") }
        if !(0.1...1).contains(cutWeightPt) { problems.append("`cut-weight-pt` should be a hairline: 0.1 to 1 pt") }
        if !(0.1...1).contains(glueWeightPt) { problems.append("`glue-weight-pt` should be a hairline: 0.1 to 1 pt") }
        if !(6...12).contains(labelPt) { problems.append("`label-pt` is \(labelPt); 6 to 12 pt reads on a sheet held in the hand") }
        return problems
    }
}
