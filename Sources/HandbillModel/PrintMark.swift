/// A line printed outside the finished page for the printer and the guillotine (a crop, cut or
/// fold mark), in PDF points from the sheet's top-left corner. Marks are drawn in registration
/// colour (every separation) as artifacts: they are not part of the document.
public struct PrintMark: Equatable, Sendable {
    public var x0: Double, y0: Double, x1: Double, y1: Double
    /// Line width, in points.
    public var weight: Double
    /// Fold and glue lines are dashed; crop and cut marks are solid.
    public var dashed: Bool

    public init(x0: Double, y0: Double, x1: Double, y1: Double, weight: Double, dashed: Bool = false) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
        self.weight = weight
        self.dashed = dashed
    }
}
