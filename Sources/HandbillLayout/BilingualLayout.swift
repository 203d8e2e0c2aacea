import HandbillModel
import HandbillStyle

/// Lays out two languages side by side, block by block, as the Welsh Language Commissioner's
/// bilingual design guide describes: the same type and prominence for both, the first language
/// in the left column and the second (right-to-left ones too) in the right, each block beside
/// its translation. The second language's elements carry its `/Lang`.
public struct BilingualLayout {
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) { self.fonts = fonts }

    public func layout(_ first: StyledDocument, beside second: StyledDocument) throws(DiagnosticError) -> PositionedDocument {
        let firstShaper = try TextShaper(fonts: fonts, document: first)
        let secondShaper = try TextShaper(fonts: fonts, document: second)
        let left = BlockComposer(shaper: firstShaper), right = BlockComposer(shaper: secondShaper)
        let page = first.page
        let width = (page.textWidth - page.gutter) / 2, rightX = width + page.gutter
        let language = second.metadata.language

        var masthead = row(try PageAssembly.masthead(first, composer: left, width: width),
                           try PageAssembly.masthead(second, composer: right, width: width), at: rightX, language: language)
        let mastheadHeight = PageAssembly.rule(under: &masthead, document: first, width: page.textWidth)

        let firstUnits = Self.units(first.blocks), secondUnits = Self.units(second.blocks)
        guard firstUnits.count == secondUnits.count else {
            throw DiagnosticError(.error(
                "the `\(language)` version has \(secondUnits.count) blocks and list items, the `\(first.metadata.language)` \(firstUnits.count)",
                hint: "a bilingual layout pairs them one by one: give the translation the same headings, paragraphs and list items (Tests/Tools/translation_shape.py shows where they differ)"))
        }
        var rows: [FlowSlice] = []
        for (a, b) in zip(firstUnits, secondUnits) {
            var slice = row(FlowSlice.merged(try left.compose([a], width: width)),
                            FlowSlice.merged(try right.compose([b], width: width)), at: rightX, language: language)
            slice.spaceBefore = max(a.spaceBefore, b.spaceBefore)
            slice.keepsNext = a.isHeading
            rows.append(slice)
        }
        for index in rows.indices.dropLast() where rows[index].keepsNext { rows[index + 1].breakBefore = false }

        var metadata = first.metadata
        metadata.title = first.metadata.title + " · " + second.metadata.title
        metadata.keywords += second.metadata.keywords
        let assembly = PageAssembly(page: page, columns: 1, rightToLeft: false,
                                    footer: FooterComposer(shaper: firstShaper, document: first))
        return try assembly.assemble(masthead: masthead, mastheadHeight: mastheadHeight, slices: rows,
                                     metadata: metadata, background: first.background)
    }

    /// Two cells side by side; the right one's top-level elements are marked as in `language`.
    private func row(_ left: FlowSlice, _ right: FlowSlice, at rightX: Double, language: String) -> FlowSlice {
        var depth = 0
        var marked: [PositionedItem] = []
        for item in right.items {
            marked.append(item.offsetBy(x: rightX, y: 0))
            switch item {
            case .open(let role):
                depth += 1
                if depth == 1 && role != .artifact { marked.append(.describe(StructureAttributes(language: language))) }
            case .close:
                depth -= 1
            default:
                break
            }
        }
        return FlowSlice(height: max(left.height, right.height), spaceBefore: 0, breakBefore: true,
                         items: left.items + marked, outline: left.outline)
    }

    /// The blocks that pair up: each top-level block, except that a list pairs item by item.
    static func units(_ blocks: [StyledBlock]) -> [StyledBlock] {
        blocks.flatMap { block -> [StyledBlock] in
            guard case .list(let items, let indent, let spaceBefore) = block else { return [block] }
            return items.enumerated().map { index, item in
                .list(items: [item], indent: indent, spaceBefore: index == 0 ? spaceBefore : spaceBefore * 0.6)
            }
        }
    }
}

extension StyledBlock {
    var spaceBefore: Double {
        switch self {
        case .text(_, _, let space), .list(_, _, let space), .callout(_, _, _, _, let space), .keepTogether(_, let space),
             .point(_, _, _, _, let space), .qrCodes(_, _, let space): space
        }
    }

    var isHeading: Bool {
        if case .text(let role, _, _) = self { return [.h1, .h2, .h3].contains(role) }
        return false
    }
}
