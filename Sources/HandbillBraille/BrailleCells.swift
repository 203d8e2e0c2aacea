/// Braille cells as six-dot patterns (bit 0 is dot 1 … bit 5 is dot 6; 0 is the blank cell), with
/// where a line may break: at blank cells between words, never inside a phone number or address.
public struct BrailleCells: Equatable, Sendable {
    public var cells: [UInt8]
    /// For each cell: whether a line may break here (the cell is then dropped).
    public var breakable: [Bool]

    public init(cells: [UInt8], breakable: [Bool]) {
        precondition(cells.count == breakable.count)
        self.cells = cells
        self.breakable = breakable
    }

    /// Cells from Unicode braille (U+2800…U+283F); breakable at every blank cell.
    public init(unicode: String) {
        cells = unicode.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value &- 0x2800) & 0x3F }
        breakable = cells.map { $0 == 0 }
    }

    public var isEmpty: Bool { cells.isEmpty }
    public var count: Int { cells.count }

    /// The cells as Unicode braille, as PEF writes them.
    public var unicode: String { Self.unicode(cells) }

    public static func unicode(_ cells: some Sequence<UInt8>) -> String {
        String(String.UnicodeScalarView(cells.map { Unicode.Scalar(0x2800 + UInt32($0))! }))
    }
}

/// What to translate: runs of text, each emphasised or not, unbreakable (a phone number or web
/// address, which a reader copies and must find whole) or not.
public struct BrailleRun: Equatable, Sendable {
    public var text: String
    public var strong: Bool
    public var unbreakable: Bool

    public init(_ text: String, strong: Bool = false, unbreakable: Bool = false) {
        self.text = text
        self.strong = strong
        self.unbreakable = unbreakable
    }
}
