/// A PDF transformation matrix `[a b c d e f]` (PDF 32000-1, 8.3.3): row vectors, so `m × n`
/// applies `m` first.
struct PDFMatrix: Equatable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

    static let identity = PDFMatrix()

    /// The six operands of `cm` or `Tm`; nil unless there are six numbers.
    init?(_ values: [Double]) {
        guard values.count == 6 else { return nil }
        (a, b, c, d, e, f) = (values[0], values[1], values[2], values[3], values[4], values[5])
    }

    init() {}

    static func translation(_ x: Double, _ y: Double) -> PDFMatrix {
        var matrix = PDFMatrix()
        (matrix.e, matrix.f) = (x, y)
        return matrix
    }

    static func * (m: PDFMatrix, n: PDFMatrix) -> PDFMatrix {
        var result = PDFMatrix()
        result.a = m.a * n.a + m.b * n.c
        result.b = m.a * n.b + m.b * n.d
        result.c = m.c * n.a + m.d * n.c
        result.d = m.c * n.b + m.d * n.d
        result.e = m.e * n.a + m.f * n.c + n.e
        result.f = m.e * n.b + m.f * n.d + n.f
        return result
    }
}
