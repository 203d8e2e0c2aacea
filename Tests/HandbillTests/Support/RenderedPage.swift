import Foundation

/// One page of a PDF rendered by poppler (pdftoppm) as raw pixels, to look at what prints:
/// grey (a PGM, one byte a pixel) or colour (a PPM, three).
struct RenderedPage {
    let width: Int, height: Int
    let channels: Int
    let bytes: [UInt8]
    /// Where the pixels start, after the "P5"/"P6", width, height and maximum value.
    let offset: Int

    init(pdf: URL, page: Int = 1, dpi: Double, grey: Bool) throws {
        let file = Project.temporaryFolder().appendingPathComponent("page")
        try CommandResult.run("pdftoppm", (grey ? ["-gray"] : []) + ["-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile",
                                                                     pdf.path, file.path])
        bytes = Array(try Data(contentsOf: file.appendingPathExtension(grey ? "pgm" : "ppm")))
        var fields: [String] = [], current = "", index = 0
        while fields.count < 4 {
            let c = Character(UnicodeScalar(bytes[index]))
            if c.isWhitespace { if !current.isEmpty { fields.append(current); current = "" } } else { current.append(c) }
            index += 1
        }
        width = Int(fields[1])!
        height = Int(fields[2])!
        offset = index
        channels = grey ? 1 : 3
    }

    /// A colour page's pixel.
    func pixel(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        let i = offset + (y * width + x) * channels
        return (bytes[i], bytes[i + 1], bytes[i + 2])
    }

    /// A grey page's value; paper (255) outside the page.
    func value(_ x: Int, _ y: Int) -> UInt8 {
        guard x >= 0, y >= 0, x < width, y < height else { return 255 }
        return bytes[offset + y * width + x]
    }
}
