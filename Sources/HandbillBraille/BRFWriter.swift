import CLouis
import HandbillModel

/// Braille Ready Format: the pages as ASCII braille (the North American braille ASCII code, one
/// character per cell, as liblouis's `en-us-brf.dis` defines it), lines ending CR LF, a form feed
/// between pages: what embossers and braille displays read.
public struct BRFWriter {
    /// The ASCII character of each of the 64 six-dot cells.
    let ascii: [UInt8]

    public init() throws(DiagnosticError) {
        ascii = try Self.asciiCode()
    }

    public func write(_ pages: [BraillePage]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, page) in pages.enumerated() {
            if index > 0 { bytes.append(0x0C) }
            for line in page.lines {
                var cells = line
                while cells.last == 0 { cells.removeLast() }
                bytes += cells.map { ascii[Int($0)] }
                bytes += [0x0D, 0x0A]
            }
        }
        return bytes
    }

    /// The braille ASCII code, read from liblouis's display table rather than written out here.
    private static func asciiCode() throws(DiagnosticError) -> [UInt8] {
        let table = "en-us-brf.dis"
        var input = (0..<64).map { widechar(0x2800 + $0) }
        var output = [widechar](repeating: 0, count: 64)
        let (status, log) = Louis.exclusively { lou_dotsToChar(table, &input, &output, 64, Int32(ucBrl.rawValue)) }
        guard status != 0, output.allSatisfy({ (0x20..<0x7F).contains($0) }), Set(output).count == 64 else {
            throw DiagnosticError(.error("liblouis's \(table) does not give the braille ASCII code\(log.isEmpty ? "" : ": " + log.joined(separator: "; "))",
                                         hint: "install liblouis-data"))
        }
        return output.map { UInt8($0) }
    }
}
