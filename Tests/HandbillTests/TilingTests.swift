import Foundation
import Handbill
import HandbillModel
import HandbillStyle
import HandbillSyntax
import Testing

/// Posters tiled onto office paper (`--tile a4`), read back from the PDF: the sheets' number and
/// size, each tile's window of the poster matching the poster itself where the marks say it is
/// (so the tiles reassemble, with 15 mm overlaps), the poster's words read once and in order,
/// and the marks and labels where a person cutting and gluing needs them, as artifacts.
@Suite struct TilingTests {
    /// A Layouts/ of our own (products, variants, languages, pictograms and tiling.yaml).
    static let layouts: URL = {
        let folder = Project.temporaryFolder()
        let layouts = Project.root.appendingPathComponent("Layouts")
        for sub in ["products", "variants", "languages", "pictograms"] {
            try! FileManager.default.copyItem(at: layouts.appendingPathComponent(sub), to: folder.appendingPathComponent(sub))
        }
        try! FileManager.default.copyItem(at: layouts.appendingPathComponent("tiling.yaml"), to: folder.appendingPathComponent("tiling.yaml"))
        return folder
    }()

    static let workspace = try! Workspace(layouts: layouts, fonts: Project.root.appendingPathComponent("Fonts"))
    static let mm = 72 / 25.4

    /// Builds the poster (`tile: nil`) or its tiles; returns the PDF.
    static func build(_ product: String, _ variant: String = "standard", language: String = "en", tile: String?) throws -> URL {
        let job = Job(guidance: "sextortion", product: product, variant: variant, language: language, tile: tile)
        // Easy read is its own edition of the guidance.
        let edition = try GuidanceFolder(Project.sextortion).edition(workspace.layouts.variants[variant]?.source)
        let document = try edition.document(language: language)
        return try Builder(workspace: workspace).build(document, job: job, output: Project.temporaryFolder())[0]
    }

    /// Every page's size in points, from `pdfinfo`.
    static func pageSizes(_ pdf: URL) throws -> [(width: Double, height: Double)] {
        let info = try CommandResult.run("pdfinfo", ["-f", "1", "-l", "999", pdf.path]).stdout
        return info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains(" size:") }.map { line in
            let numbers = line.split(separator: ":", maxSplits: 1)[1].split(separator: " ").compactMap { Double($0) }
            return (numbers[0], numbers[1])
        }
    }

    // A4 less 5 mm printer margin and the 8 mm band for marks and label leaves 184 × 271 mm; windows
    // overlap by 15 mm. A2 (420 × 594): portrait 3 × 3 = 9, landscape 2 × 4 = 8. A3 (297 × 420):
    // portrait 2 × 2 = 4. On A3 (271 × 394 mm of room) an A2 poster takes 2 × 2 portrait.
    @Test(arguments: [("poster-a2", "a4", 8, true), ("poster-a3", "a4", 4, false), ("poster-a2", "a3", 4, false)])
    func theSheetsAreTheFewestThatHoldThePoster(product: String, sheet: String, count: Int, landscape: Bool) throws {
        let sizes = try Self.pageSizes(try Self.build(product, tile: sheet))
        let paper = try #require(try Self.workspace.layouts.tiling()?.sheetsMM[sheet])
        let (width, height) = landscape ? (paper.height, paper.width) : (paper.width, paper.height)
        #expect(sizes.count == count)
        #expect(sizes.allSatisfy { abs($0.width - width * Self.mm) < 0.1 && abs($0.height - height * Self.mm) < 0.1 },
                "sheets are \(sizes), not \(width) × \(height) mm")
    }

    @Test(arguments: [("poster-a2", "standard", "a4"), ("poster-a3", "dyslexia", "a4")])
    func eachTileShowsThePosterWhereItsMarksSayWithFifteenMillimetreOverlaps(product: String, variant: String, sheet: String) throws {
        let posterPDF = try Self.build(product, variant, tile: nil), tiledPDF = try Self.build(product, variant, tile: sheet)
        let poster = try #require(try Self.pageSizes(posterPDF).first)
        let marks = try TileMarks.read(tiledPDF)
        let dpi = 50.0, scale = dpi / 72
        let posterPixels = try RenderedPage(pdf: posterPDF, page: 1, dpi: dpi, grey: true)
        let overlap = 15 * Self.mm
        // The grid, from the windows' size: as many columns as it takes to cover the poster's width.
        let window = marks[0].window
        let columns = Int(((poster.width - overlap) / (window.width - overlap)).rounded())
        let rows = Int(((poster.height - overlap) / (window.height - overlap)).rounded())
        #expect(columns * rows == marks.count)
        #expect(abs(Double(columns) * window.width - Double(columns - 1) * overlap - poster.width) < 0.5,
                "\(columns) windows \(window.width)pt wide overlapping by 15 mm do not span the poster's \(poster.width)pt")
        #expect(abs(Double(rows) * window.height - Double(rows - 1) * overlap - poster.height) < 0.5)
        for (index, tile) in marks.enumerated() {
            #expect(abs(tile.window.width - window.width) < 0.01 && abs(tile.window.height - window.height) < 0.01)
            let row = index / columns, column = index % columns
            let originX = Double(column) * (window.width - overlap), originY = Double(row) * (window.height - overlap)
            let pixels = try RenderedPage(pdf: tiledPDF, page: index + 1, dpi: dpi, grey: true)
            var inked = 0, matched = 0, posterInked = 0, posterMatched = 0
            // Every other pixel of the window, 2pt in from its edges and clear of the dashed glue lines.
            var v = 2.0
            while v < tile.window.height - 2 {
                var u = 2.0
                defer { v += 2 / scale }
                while u < tile.window.width - 2 {
                    defer { u += 2 / scale }
                    let x = tile.window.x + u, y = tile.window.y + v
                    if tile.glue.contains(where: { abs($0.x0 - x) < 2 && abs($0.x1 - x) < 2 || abs($0.y0 - y) < 2 && abs($0.y1 - y) < 2 }) { continue }
                    let tileX = Int(x * scale), tileY = Int(y * scale)
                    let posterX = Int((originX + u) * scale), posterY = Int((originY + v) * scale)
                    if pixels.isInk(tileX, tileY) {
                        inked += 1
                        if posterPixels.hasInk(near: posterX, posterY) { matched += 1 }
                    }
                    if posterPixels.isInk(posterX, posterY) {
                        posterInked += 1
                        if pixels.hasInk(near: tileX, tileY) { posterMatched += 1 }
                    }
                }
            }
            // A window moved by a millimetre from where the marks say would match far less.
            #expect(inked == 0 || Double(matched) / Double(inked) > 0.97, "tile \(index + 1): \(matched) of \(inked) inked pixels are inked on the poster")
            #expect(posterInked == 0 || Double(posterMatched) / Double(posterInked) > 0.97,
                    "tile \(index + 1): \(posterMatched) of \(posterInked) of the poster's inked pixels are on the tile")
        }
    }

    @Test(arguments: [("poster-a2", "standard", "en"), ("poster-a2", "standard", "ar"), ("poster-a3", "easy-read", "en"), ("poster-a3", "large-print", "pl")])
    func thePostersWordsAreReadOnceInOrder(product: String, variant: String, language: String) throws {
        let poster = try StructureReading(try Self.build(product, variant, language: language, tile: nil))
        let tiledPDF = try Self.build(product, variant, language: language, tile: "a4")
        let tiled = try StructureReading(tiledPDF)
        #expect(tiled.problems.isEmpty, "\(tiled.problems)")
        let expected = Words.of(poster.reading), read = Words.of(tiled.reading)
        #expect(expected.count >= 20)
        #expect(read == expected, "the tiles read \(read.count) words, the poster \(expected.count)")
        // Each QR code is one Figure, however many tiles show it.
        #expect(tiled.roles.filter { $0 == "Figure" }.count == poster.roles.filter { $0 == "Figure" }.count)
        #expect(try PDFUAChecker.passes(tiledPDF.path))
        #expect(try CommandResult.run("qpdf", ["--check", tiledPDF.path]).status == 0)
    }

    @Test func marksAndLabelsAreArtifactsWhereTheyAreCutAndGlued() throws {
        let pdf = try Self.build("poster-a2", tile: "a4")
        let marks = try TileMarks.read(pdf), sizes = try Self.pageSizes(pdf)
        let settings = try #require(try Self.workspace.layouts.tiling())
        let columns = 2, rows = 4, overlap = settings.overlapMM * Self.mm, margin = settings.printerMarginMM * Self.mm
        let text = try CommandResult.run("pdftotext", ["-layout", pdf.path, "-"]).stdout.split(separator: "\u{0C}").map(String.init)
        let reading = try StructureReading(pdf).reading
        for (index, tile) in marks.enumerated() {
            let window = tile.window, sheet = sizes[index]
            #expect(tile.cut.count == 8, "two cut marks at each corner")
            for mark in tile.cut {
                // Outside the window (touching it at most at an end), on the line of one of its edges, where a printer prints.
                let inside = min(mark.x0, mark.x1) < window.maxX - 0.01 && max(mark.x0, mark.x1) > window.x + 0.01
                    && min(mark.y0, mark.y1) < window.maxY - 0.01 && max(mark.y0, mark.y1) > window.y + 0.01
                #expect(!inside, "tile \(index + 1): a cut mark \(mark) is inside the window")
                #expect([mark.x0, mark.x1, mark.y0, mark.y1].allSatisfy { $0 >= margin - 0.01 }
                        && max(mark.x0, mark.x1) <= sheet.width - margin + 0.01 && max(mark.y0, mark.y1) <= sheet.height - margin + 0.01,
                        "tile \(index + 1): \(mark) is in the printer's margin")
            }
            // A dashed line `overlap` inside the right edge when a tile goes over it from the right, the bottom from below.
            let right = index % columns < columns - 1, below = index / columns < rows - 1
            #expect(tile.glue.count == (right ? 1 : 0) + (below ? 1 : 0))
            #expect(tile.glue.contains { abs($0.x0 - (window.maxX - overlap)) < 0.01 && abs($0.x1 - $0.x0) < 0.01 } == right)
            #expect(tile.glue.contains { abs($0.y0 - (window.maxY - overlap)) < 0.01 && abs($0.y1 - $0.y0) < 0.01 } == below)
            // The label is printed, under the window, and is not read.
            #expect(text[index].contains("Tile \(index + 1) of \(marks.count)"), "no label on tile \(index + 1)")
            let label = try CommandResult.run("pdftotext", ["-f", "\(index + 1)", "-l", "\(index + 1)", "-x", "0", "-y", "\(Int(window.maxY))",
                                                            "-W", "\(Int(sheet.width))", "-H", "\(Int(sheet.height - window.maxY))", pdf.path, "-"]).stdout
            #expect(label.contains("Tile \(index + 1) of"), "the label is not under the window")
        }
        #expect(text[3].contains("goes over tile 3 on its left") && text[3].contains("goes over tile 2 above it"))
        #expect(!reading.contains("Tile 1 of"), "the labels are read as content")
    }

    @Test func aTilingFileThatBreaksARuleIsRefusedAtItsLine() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.layouts.appendingPathComponent("products"), to: folder.appendingPathComponent("products"))
        let text = try String(contentsOf: Self.layouts.appendingPathComponent("tiling.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "printer-margin-mm: 5 ", with: "printer-margin-mm: 2 ")
        try text.write(to: folder.appendingPathComponent("tiling.yaml"), atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("printer-margin-mm") }! + 1
        #expect {
            try LayoutLibrary(folder: folder)
        } throws: { error in
            let message = (error as? DiagnosticError)?.description ?? ""
            return message.contains("tiling.yaml:\(line)") && message.contains("office printers need 5 mm")
        }
    }

    @Test func theTiledFileSitsBesideThePosterAndOnlyPostersTile() throws {
        let output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let common = ["build", "Guidance/sextortion", "--layouts", Self.layouts.path, "--variant", "standard", "--output", output.path]
        let built = try CommandResult.run(Project.executable.path, common + ["--product", "poster-a2", "--tile", "a4"], in: Project.root)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(Project.files(in: output).contains("sextortion/sextortion-poster-a2-standard-en-tiled-a4.pdf"))
        let leaflet = try CommandResult.run(Project.executable.path, common + ["--product", "leaflet-a4", "--tile", "a4"], in: Project.root)
        #expect(leaflet.status == 1 && leaflet.stderr.contains("`leaflet-a4` is not a poster") && leaflet.stderr.contains("--product poster-"),
                "\(leaflet.stderr)")
        let paper = try CommandResult.run(Project.executable.path, common + ["--product", "poster-a2", "--tile", "a5"], in: Project.root)
        #expect(paper.status == 1 && paper.stderr.contains("a3, a4"), "\(paper.stderr)")
        let small = try CommandResult.run(Project.executable.path, common + ["--product", "poster-a4", "--tile", "a4"], in: Project.root)
        #expect(small.status == 1 && small.stderr.contains("fits on one a4 sheet"), "\(small.stderr)")
    }
}

/// A tile's marks as the finished PDF draws them (in points from the page's top-left corner):
/// the solid cut marks, the dashed glue lines, and the window the cut marks frame.
struct TileMarks {
    struct Segment: CustomStringConvertible {
        var x0: Double, y0: Double, x1: Double, y1: Double
        var description: String { "(\(Int(x0)),\(Int(y0)))–(\(Int(x1)),\(Int(y1)))" }
    }

    var cut: [Segment] = [], glue: [Segment] = []
    var window = (x: 0.0, y: 0.0, width: 0.0, height: 0.0, maxX: 0.0, maxY: 0.0)

    /// Every page's marks, from the page content rewritten uncompressed by qpdf.
    static func read(_ pdf: URL) throws -> [TileMarks] {
        let plain = Project.temporaryFolder().appendingPathComponent("plain.pdf")
        try CommandResult.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, plain.path])
        let text = String(decoding: try Data(contentsOf: plain), as: UTF8.self)
        let heights = try TilingTests.pageSizes(pdf).map(\.height)
        let pattern = try NSRegularExpression(pattern: #"\[([\d ]*)\] 0 d ([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S"#)
        return text.components(separatedBy: "%% Contents for page ").dropFirst().enumerated().map { page, content in
            var tile = TileMarks()
            let block = content.range(of: "/Artifact BMC q /HandbillRegistration CS").map { String(content[$0.upperBound...]) } ?? ""
            let height = heights[page]
            for match in pattern.matches(in: block, range: NSRange(block.startIndex..., in: block)) {
                let value = { (group: Int) in (block as NSString).substring(with: match.range(at: group)) }
                let s = Segment(x0: Double(value(2))!, y0: height - Double(value(3))!, x1: Double(value(4))!, y1: height - Double(value(5))!)
                if value(1).isEmpty { tile.cut.append(s) } else { tile.glue.append(s) }
            }
            // Vertical cut marks stand on the window's left and right edges, horizontal ones on its top and bottom.
            let xs = Set(tile.cut.filter { abs($0.x0 - $0.x1) < 0.01 }.map { ($0.x0 * 100).rounded() / 100 }).sorted()
            let ys = Set(tile.cut.filter { abs($0.y0 - $0.y1) < 0.01 }.map { ($0.y0 * 100).rounded() / 100 }).sorted()
            if xs.count == 2, ys.count == 2 {
                tile.window = (xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0], xs[1], ys[1])
            }
            return tile
        }
    }
}

/// Where ink is on a page rendered in grey.
extension RenderedPage {
    /// Dark: text, QR modules, rules (not a light background).
    func isInk(_ x: Int, _ y: Int) -> Bool { value(x, y) < 110 }

    /// Anything darker than a background within a pixel (the two renderings' pixel grids differ by a fraction).
    func hasInk(near x: Int, _ y: Int) -> Bool {
        (-1...1).contains { dx in (-1...1).contains { dy in value(x + dx, y + dy) < 170 } }
    }
}
