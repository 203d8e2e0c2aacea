import Foundation

/// One document to make: a guidance in one product, variant and language.
public struct Job: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var guidance: String
    public var product: String
    public var variant: String
    public var language: String
    /// PDF for the print products; braille and web pages have `product` "braille" and "web".
    public var format: OutputFormat
    /// For a print shop: bleed and crop marks (`Layouts/print-marks.yaml`), and a booklet's pages
    /// in order (print shops impose them). Otherwise for an office printer: no bleed, no marks.
    public var printShop: Bool
    /// A poster tiled onto this paper (`a4`) for office printers (`TiledBuild.swift`); nil: not tiled.
    public var tile: String?

    public init(guidance: String, product: String, variant: String, language: String, format: OutputFormat = .pdf,
                printShop: Bool = false, tile: String? = nil) {
        self.guidance = guidance
        self.product = format.productName ?? product
        self.variant = variant
        self.language = language
        self.format = format
        self.printShop = printShop && format == .pdf
        self.tile = format == .pdf ? tile : nil
    }

    /// The job's languages: one, or two side by side (`en+pl`).
    public var languages: [String] { language.split(separator: "+").map(String.init) }

    /// `sextortion-leaflet-a4-standard-en`: the name every output of this job starts with.
    public var stem: String { "\(guidance)-\(product)-\(variant)-\(language)" }

    /// `sextortion-leaflet-a4-standard-en.pdf`: the output's file name, which names it in reports and the manifest.
    public var fileName: String { "\(outputStem).\(format.fileExtension)" }

    public var description: String { fileName }

    /// `Output/<guidance>/<stem>.<pdf|brf|pef|html>` (`-print-shop.pdf`, `-tiled-a4.pdf` for those).
    public func file(in output: URL) -> URL {
        output.appendingPathComponent(guidance).appendingPathComponent(fileName)
    }

    /// `Output/<guidance>/<stem>-screen.pdf`: a booklet's pages in order, for reading on a screen.
    public func screenPDF(in output: URL) -> URL {
        output.appendingPathComponent(guidance).appendingPathComponent(stem + "-screen.pdf")
    }

    /// `Output/<guidance>/.thumbnails/<stem>.png`: page 1, small, for the proof sheet.
    public func thumbnail(in output: URL) -> URL {
        output.appendingPathComponent(guidance).appendingPathComponent(".thumbnails").appendingPathComponent(outputStem + ".png")
    }

    /// Output names: the stem, and the print-shop or tiling mark when it is one (`-tiled-a4`).
    private var outputStem: String { stem + (printShop ? "-print-shop" : "") + (tile.map { "-tiled-\($0)" } ?? "") }

    /// `Output/<guidance>/<stem>-p<N>.png`, N from 1.
    public func png(in output: URL, page: Int) -> URL {
        output.appendingPathComponent(guidance).appendingPathComponent("\(outputStem)-p\(page).png")
    }
}
