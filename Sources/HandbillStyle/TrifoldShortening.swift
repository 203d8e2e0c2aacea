import HandbillModel

extension TrifoldStyler.Choice {
    /// What this choice leaves out of all the guidance offers a tri-fold, for the build's note; nil
    /// when it carries everything (where the summary or the services are placed is not a cut).
    public func shortening(for document: Document) -> Shortening? {
        let blocks = Self.sectionBlocks(document).count
        let trifold = Shortening.Trifold(leftOut: Array((document.trifold?.ifRoom ?? []).dropFirst(ifRoom)),
                                         shortServices: shortServices, briefLists: briefLists,
                                         adviceOnlyBlocks: adviceOnly ? blocks - adviceOnlyFrom : 0, blocks: blocks,
                                         sections: document.trifold?.sections ?? [])
        return trifold.isShortened ? Shortening(trifold: trifold) : nil
    }

    /// The blocks of the always-printed sections (`trifold: sections:`), callouts aside: what
    /// `advice-only-if-needed` cuts from the end of.
    static func sectionBlocks(_ document: Document) -> [Block] {
        let sections = document.trifold?.sections ?? []
        var blocks: [Block] = [], current: String?
        for block in document.blocks {
            if case .heading(2, let text) = block { current = text.plainText }
            if case .callout = block { continue }
            if let current, sections.contains(current) { blocks.append(block) }
        }
        return blocks
    }
}
