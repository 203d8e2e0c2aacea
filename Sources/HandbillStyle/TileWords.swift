/// The words on the label under each tile of a tiled poster (`tiling:` in
/// `Layouts/languages/<tag>.yaml`). They are Handbill's own, printed outside the poster (an
/// artifact, cut away when the tile is trimmed); a language without them gets English's.
public struct TileWords: Equatable, Sendable, Decodable {
    /// "Tile {tile} of {tiles} · row {row}, column {column}".
    public var tile: String
    /// "goes over tile {tile} on its left".
    public var overLeft: String
    /// "goes over tile {tile} above it".
    public var overAbove: String
    /// "glue under the dashed line's strip": said on tiles whose edges another tile goes over.
    public var glue: String

    enum CodingKeys: String, CodingKey { case tile, overLeft = "over-left", overAbove = "over-above", glue }

    /// One tile's label: its number and place, what it goes over, and where glue goes when another tile goes over it.
    public func label(tile: Int, of tiles: Int, row: Int, column: Int, left: Int?, above: Int?, takesGlue: Bool) -> String {
        var parts = [fill(self.tile, ["tile": tile, "tiles": tiles, "row": row, "column": column])]
        if let left { parts.append(fill(overLeft, ["tile": left])) }
        if let above { parts.append(fill(overAbove, ["tile": above])) }
        if takesGlue { parts.append(glue) }
        return parts.joined(separator: " · ")
    }

    private func fill(_ text: String, _ values: [String: Int]) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: String($1.value)) }
    }

    public func problems() -> [String] {
        var problems: [String] = []
        for key in ["{tile}", "{tiles}", "{row}", "{column}"] where !tile.contains(key) {
            problems.append("`tiling.tile` needs \(key)")
        }
        if !overLeft.contains("{tile}") { problems.append("`tiling.over-left` needs {tile}") }
        if !overAbove.contains("{tile}") { problems.append("`tiling.over-above` needs {tile}") }
        return problems
    }
}

import Foundation
