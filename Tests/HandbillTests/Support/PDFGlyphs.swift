import Foundation

/// Every glyph a PDF draws, with its size and box, read by `Tests/Tools/pdf_glyphs.py` on
/// pdfminer.six (a reader Handbill did not write): what a reader measures on the printed page.
struct PDFGlyphs {
    struct Glyph: Decodable {
        var text: String
        /// The glyph's em on the page, in points (font size through the text and graphics matrices).
        var size: Double
        /// Its advance box, in points from the page's top-left corner.
        var x0: Double, x1: Double, top: Double, bottom: Double
    }

    /// A text line as pdfminer groups it, and its smallest glyph's size.
    struct Line: Decodable {
        var text: String
        var size: Double
    }

    /// One list per page.
    var pages: [[Glyph]]
    /// Every page's lines, in page order.
    var lines: [Line]

    init(_ pdf: URL) throws {
        let script = Project.root.appendingPathComponent("Tests/Tools/pdf_glyphs.py").path
        let result = try CommandResult.run(StructureReading.python, [script, pdf.path])
        guard result.status == 0 else {
            throw StructureReading.ReaderError(message: "pdf_glyphs.py failed (\(result.status)): \(result.stderr)"
                                               + " — install its dependency: pip install -r Tests/Tools/requirements.txt")
        }
        struct Page: Decodable { var glyphs: [Glyph]; var lines: [Line] }
        let read = try JSONDecoder().decode([Page].self, from: Data(result.stdout.utf8))
        pages = read.map(\.glyphs)
        lines = read.flatMap(\.lines)
    }
}
