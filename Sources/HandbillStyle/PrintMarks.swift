/// How print-shop output is set up (`Layouts/print-marks.yaml`): the bleed backgrounds run into,
/// and the crop marks outside it that show the guillotine where the finished page is.
public struct PrintMarks: Equatable, Sendable, Decodable, Named {
    public var name: String
    /// Backgrounds extend this far past the trimmed edge (print shops ask for 3 mm).
    public var bleedMM: Double
    /// Space between the bleed's edge and where a crop mark starts, so no mark is printed in the
    /// bleed (where it would show on a page cut a little out).
    public var gapMM: Double
    public var lengthMM: Double
    public var weightPt: Double

    enum CodingKeys: String, CodingKey { case name, bleedMM = "bleed-mm", gapMM = "gap-mm", lengthMM = "length-mm", weightPt = "weight-pt" }

    /// Paper outside the bleed that holds the marks, with a millimetre to spare.
    public var slugMM: Double { gapMM + lengthMM + 1 }

    public func problems() -> [String] {
        var problems: [String] = []
        let values = [("bleed-mm", bleedMM), ("gap-mm", gapMM), ("length-mm", lengthMM), ("weight-pt", weightPt)]
        for (key, value) in values where !value.isFinite || value < 0 { problems.append("`\(key)` must be a number, 0 or more") }
        if bleedMM < 2 || bleedMM > 10 { problems.append("`bleed-mm` is \(bleedMM); print shops ask for 2 to 5 mm (3 is usual)") }
        if lengthMM < 3 { problems.append("`length-mm` under 3 mm: a crop mark that short is hard to cut to") }
        if weightPt < 0.1 || weightPt > 1 { problems.append("`weight-pt` should be a hairline: 0.1 to 1 pt (0.25 is usual)") }
        return problems
    }
}
