import HandbillModel
import HandbillStyle

/// Where a poster's tiles lie: how many rows and columns of sheets, which way up, and the window
/// of the poster each sheet shows. Every window is the same size, neighbours share exactly the
/// overlap, and together they cover the poster; each sits in the middle of its sheet, inside what
/// an office printer can print less a band for the cut marks and the label.
public struct TileGrid: Equatable, Sendable {
    /// The sheet as it is printed (turned when landscape takes fewer sheets), in points.
    public var sheetWidth: Double, sheetHeight: Double
    public var isLandscape: Bool
    public var rows: Int, columns: Int
    /// The size of the poster each tile shows, in points.
    public var windowWidth: Double, windowHeight: Double
    /// What two neighbouring windows share, in points.
    public var overlap: Double

    public var count: Int { rows * columns }

    /// The window of tile (`row`, `column`), from 0, in the poster's coordinates.
    public func window(row: Int, column: Int) -> Rect {
        Rect(x: Double(column) * (windowWidth - overlap), y: Double(row) * (windowHeight - overlap),
             width: windowWidth, height: windowHeight)
    }

    /// Where every window is printed on its sheet: in the middle.
    public var windowOnSheet: Rect {
        Rect(x: (sheetWidth - windowWidth) / 2, y: (sheetHeight - windowHeight) / 2, width: windowWidth, height: windowHeight)
    }

    /// The grid that takes fewest sheets (portrait when it is a tie) for a poster of the given size
    /// (points) on `sheetName` from the settings.
    public static func plan(posterWidth: Double, posterHeight: Double, sheetName: String,
                            settings: TilingSettings) throws(DiagnosticError) -> TileGrid {
        guard let sheet = settings.sheetsMM[sheetName] else {
            throw DiagnosticError(.error("`\(sheetName)` is not a sheet size for tiling",
                                         hint: "the sizes are \(settings.sheetsMM.keys.sorted().joined(separator: ", ")) (sheets-mm in Layouts/tiling.yaml)"))
        }
        let width = points(mm: sheet.width), height = points(mm: sheet.height)
        if (width >= posterWidth - 0.01 && height >= posterHeight - 0.01) || (height >= posterWidth - 0.01 && width >= posterHeight - 0.01) {
            throw DiagnosticError(.error("the poster (\(mm(posterWidth)) × \(mm(posterHeight)) mm) fits on one \(sheetName) sheet: there is nothing to tile",
                                         hint: "print the poster itself, or tile a larger poster (poster-a3, poster-a2)"))
        }
        let inset = points(mm: settings.printerMarginMM + settings.bandMM), overlap = points(mm: settings.overlapMM)
        var best: TileGrid?
        for landscape in [false, true] {
            let sheetWidth = landscape ? height : width, sheetHeight = landscape ? width : height
            let room = (width: sheetWidth - 2 * inset, height: sheetHeight - 2 * inset)
            guard room.width > 2 * overlap, room.height > 2 * overlap else { continue }
            let columns = count(posterWidth, in: room.width, overlap: overlap)
            let rows = count(posterHeight, in: room.height, overlap: overlap)
            // Spread the poster evenly: every window the same size, the overlap exact.
            let grid = TileGrid(sheetWidth: sheetWidth, sheetHeight: sheetHeight, isLandscape: landscape, rows: rows, columns: columns,
                                windowWidth: (posterWidth + Double(columns - 1) * overlap) / Double(columns),
                                windowHeight: (posterHeight + Double(rows - 1) * overlap) / Double(rows), overlap: overlap)
            if best == nil || grid.count < best!.count { best = grid }
        }
        guard let best else {
            throw DiagnosticError(.error("a \(sheetName) sheet less its printer margin and marks leaves no room for a tile",
                                         hint: "make printer-margin-mm, mark-gap-mm, mark-length-mm or overlap-mm in Layouts/tiling.yaml smaller"))
        }
        return best
    }

    /// Windows of at most `room` overlapping by `overlap` needed to cover `length`.
    static func count(_ length: Double, in room: Double, overlap: Double) -> Int {
        length <= room + 1e-6 ? 1 : Int(((length - room) / (room - overlap) - 1e-9).rounded(.up)) + 1
    }

    private static func mm(_ points: Double) -> Int { Int((points * 25.4 / 72).rounded()) }
}
