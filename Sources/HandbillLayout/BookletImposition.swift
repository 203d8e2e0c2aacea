import HandbillModel

/// Where a booklet's pages go on sheets for saddle stitching: the page count padded with blank
/// pages to a multiple of four, two pages to each side of a sheet, in the order that reads right
/// once the sheets are printed on both sides (flip on the short edge), stacked, folded and stapled.
///
/// With N pages (numbered from 1), sheet k's front holds pages N−2k and 2k+1, its back 2k+2 and
/// N−2k−1. A booklet in a right-to-left language (Arabic, Urdu, Farsi) is stapled on its right
/// edge and opens the other way: every side holds the same two pages, swapped. The finished pages
/// are put there by `SheetImposition` (HandbillFinish): nothing is laid out or drawn again.
public enum BookletImposition {
    /// The booklet's pages (1-based) on each side of each sheet, left then right.
    public static func sides(pageCount: Int, rightToLeft: Bool = false) -> [(left: Int, right: Int)] {
        let n = paddedCount(pageCount)
        var sides: [(left: Int, right: Int)] = []
        for k in 0..<(n / 4) {
            sides.append((left: n - 2 * k, right: 2 * k + 1))          // front
            sides.append((left: 2 * k + 2, right: n - 2 * k - 1))      // back
        }
        return rightToLeft ? sides.map { (left: $0.right, right: $0.left) } : sides
    }

    /// Pages a booklet of `pageCount` pages prints: the next multiple of four.
    public static func paddedCount(_ pageCount: Int) -> Int { max(4, (pageCount + 3) / 4 * 4) }
}
