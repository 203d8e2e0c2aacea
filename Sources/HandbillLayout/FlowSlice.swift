/// The unit the page flow moves: a line of a paragraph, or a block that must stay whole (a callout,
/// a help service). Its items are placed relative to its top-left corner.
struct FlowSlice {
    var height: Double
    /// Gap above the slice, dropped at the top of a frame.
    var spaceBefore: Double
    /// Whether a frame (column or page) may end just before this slice: false keeps it with the
    /// slice before (a paragraph's first two and last two lines, the text after a heading).
    var breakBefore: Bool
    /// A heading: the next slice must share its frame.
    var keepsNext = false
    var items: [PositionedItem]
    /// Headings starting in this slice, with their top relative to the slice's.
    var outline: [(level: Int, title: String, y: Double)] = []

    /// Stacks slices into one that never splits (a callout, a help service).
    static func merged(_ slices: [FlowSlice], x: Double = 0, y top: Double = 0) -> FlowSlice {
        var items: [PositionedItem] = []
        var outline: [(level: Int, title: String, y: Double)] = []
        var y = top
        for (index, slice) in slices.enumerated() {
            if index > 0 { y += slice.spaceBefore }
            items += slice.items.map { $0.offsetBy(x: x, y: y) }
            outline += slice.outline.map { ($0.level, $0.title, $0.y + y) }
            y += slice.height
        }
        return FlowSlice(height: y - top, spaceBefore: slices.first?.spaceBefore ?? 0, breakBefore: true,
                         items: items, outline: outline)
    }

    func offsetBy(x: Double) -> FlowSlice {
        var copy = self
        copy.items = items.map { $0.offsetBy(x: x, y: 0) }
        return copy
    }
}
