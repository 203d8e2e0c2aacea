import HandbillModel

/// A guidance styled for the panels of a tri-fold leaflet, sorted by where each part goes.
public struct StyledTrifold: Sendable {
    /// Title, summary, small print and page settings (its `blocks` are the parts below, in order).
    public var document: StyledDocument
    /// The key message, under the title and summary on the cover.
    public var cover: [StyledBlock]
    /// The text that flows through the flap and the inside panels.
    public var inside: [StyledBlock]
    /// The help services (heading and each service), on the back panel.
    public var back: [StyledBlock]
    /// The services follow the text (on a panel of their own after it when they fit from there,
    /// else under its last lines) and go on over the back: large type, when the back alone is too small.
    public var servicesStartInside = false
    /// The cover holds the title and the key message only; the summary opens the flap (large type,
    /// when all three overflow the cover).
    public var summaryInside = false
    /// The styler at the fitted sizes (a local edition's block is styled with it: LocalEditionBlock.swift).
    public var fitted: Styler? = nil
}

/// Styles a guidance for a tri-fold at a given scale of the variant's type: the key message (its
/// callouts) for the cover, the sections the guidance names under `trifold:` (or all of them) for
/// the inside, the help services for the back. No size goes below its standard's minimum.
public struct TrifoldStyler: Sendable {
    public let styler: Styler

    public init(styler: Styler) { self.styler = styler }

    /// What of the guidance goes in, when everything the guidance offers does not fit.
    public struct Choice: Equatable, Sendable {
        /// How many of the `if-room:` sections, in their order.
        public var ifRoom: Int
        /// Each service's name, phone number and address only, without who it is for.
        public var shortServices: Bool
        /// The services start on the last inside panel, under its text.
        public var servicesStartInside = false
        /// Lists cut to each item's bold first words, when the guidance allows it.
        public var briefLists = false
        /// The summary leaves the cover for the top of the flap: the cover keeps the title and key message.
        public var summaryInside = false
        /// The sections' blocks from `adviceOnlyFrom` on as a poster shows them: headings and the
        /// lists' bold advice, no running text.
        public var adviceOnly = false
        /// With `adviceOnly`, the sections' first this many blocks are kept as they are (lists cut
        /// to their bold advice), and only the rest shown as advice: the running text cut from its end.
        public var adviceOnlyFrom = 0

        public init(ifRoom: Int, shortServices: Bool, servicesStartInside: Bool = false, briefLists: Bool = false,
                    summaryInside: Bool = false, adviceOnly: Bool = false, adviceOnlyFrom: Int = 0) {
            self.ifRoom = ifRoom
            self.shortServices = shortServices
            self.servicesStartInside = servicesStartInside
            self.briefLists = briefLists
            self.summaryInside = summaryInside
            self.adviceOnly = adviceOnly
            self.adviceOnlyFrom = adviceOnlyFrom
        }

        /// Every choice for `document`, from the most it can carry to the least: first with the
        /// summary on the cover, then (large type, whose cover cannot hold it) with the summary inside.
        public static func all(for document: Document) -> [Choice] {
            [false, true].flatMap { summaryInside in
                (0...(document.trifold?.ifRoom.count ?? 0)).reversed().flatMap { count in
                    [Choice(ifRoom: count, shortServices: false, summaryInside: summaryInside),
                     Choice(ifRoom: count, shortServices: true, summaryInside: summaryInside),
                     Choice(ifRoom: count, shortServices: true, servicesStartInside: true, summaryInside: summaryInside)]
                } + (document.trifold?.briefIfNeeded == true
                     ? [Choice(ifRoom: 0, shortServices: true, servicesStartInside: true, briefLists: true, summaryInside: summaryInside)] : [])
            } + (document.trifold?.adviceOnlyIfNeeded == true
                 ? adviceCuts(document).flatMap { from in
                     [false, true].map { Choice(ifRoom: 0, shortServices: $0, servicesStartInside: true, briefLists: true, summaryInside: true,
                                                adviceOnly: true, adviceOnlyFrom: from) }
                 } : [])
        }

        /// Where the running text of the always-printed sections may be cut, from the latest (the
        /// last block only as advice) to the earliest (all of it): never between a paragraph and the
        /// list it introduces (“Police Scotland have this advice:”), never just after a heading.
        static func adviceCuts(_ document: Document) -> [Int] {
            let blocks = sectionBlocks(document)
            let cuts = blocks.indices.dropFirst().filter { index in
                switch (blocks[index - 1], blocks[index]) {
                case (.heading, _), (.paragraph, .list): false
                default: true
                }
            }
            return cuts.reversed() + [0]
        }
    }

    public func style(_ document: Document, scale: Double, choice: Choice? = nil) throws(DiagnosticError) -> StyledTrifold {
        let choice = choice ?? Choice(ifRoom: document.trifold?.ifRoom.count ?? 0, shortServices: false)
        let headings = document.blocks.compactMap { block -> String? in
            if case .heading(2, let content) = block { content.plainText } else { nil }
        }
        let sections = document.trifold.map { $0.sections + $0.ifRoom.prefix(choice.ifRoom) }
        for section in (document.trifold.map { $0.sections + $0.ifRoom } ?? []) where !headings.contains(section) {
            throw DiagnosticError(.error("the tri-fold names a section “\(section)” that the guidance does not have",
                                         hint: "use one of its `##` headings: \(headings.joined(separator: ", "))"))
        }
        var variant = styler.variant
        let floor = variant.standard.minimumText
        let scaled = variant.sizes.scaled(by: scale)
        // Fitted type shrinks together, but nothing goes below what the variant's standard allows.
        variant.sizes = Variant.Sizes(body: max(scaled.body, min(floor, variant.sizes.body)), lead: max(scaled.lead, min(floor, variant.sizes.lead)),
                                      title: max(scaled.title, min(floor, variant.sizes.title)), h2: max(scaled.h2, min(floor, variant.sizes.h2)),
                                      h3: max(scaled.h3, min(floor, variant.sizes.h3)), footer: max(scaled.footer, min(floor, variant.sizes.footer)),
                                      phone: max(scaled.phone, min(floor, variant.sizes.phone)))
        if let largest = styler.product.trifold?.pictureMM, let size = variant.pictureMM { variant.pictureMM = min(size, largest) }
        let fitted = Styler(product: styler.product, variant: variant, strings: styler.strings, pictograms: styler.pictograms, adjusted: true)

        var content = document
        // Short, the back panel is a directory: each service's name, phone number and address; who
        // each is for is said in the sections inside.
        if choice.shortServices {
            content.services = document.services.map { service in
                var short = service
                short.audience = nil
                return short
            }
        }
        content.blocks = []
        content.blockLocations = []
        var isCallout: [Bool] = []
        var current: String?
        var sectionBlocks = 0
        for (index, block) in document.blocks.enumerated() {
            if case .heading(2, let text) = block { current = text.plainText }
            let isKeyMessage = if case .callout = block { true } else { false }
            // Callouts always (the cover's key message); text before the first section; the named sections.
            guard isKeyMessage || current == nil || sections.map({ $0.contains(current!) }) ?? true else { continue }
            if current != nil, !isKeyMessage { sectionBlocks += 1 }
            if choice.adviceOnly, current != nil, !isKeyMessage, sectionBlocks > choice.adviceOnlyFrom {
                // Headings and the lists' bold advice, as on a poster; running paragraphs are left out.
                guard let brief = PosterStyler.brief(block) else { continue }
                content.blocks.append(brief)
            } else if choice.briefLists, case .list = block {
                // An item without bold first words is left out; a list with none keeps them all.
                content.blocks.append(PosterStyler.brief(block) ?? block)
            } else {
                content.blocks.append(block)
            }
            isCallout.append(isKeyMessage)
            if index < document.blockLocations.count { content.blockLocations.append(document.blockLocations[index]) }
        }
        var styled = fitted.style(content)
        let body = Array(styled.blocks.prefix(content.blocks.count))
        let servicesCount = content.services.isEmpty ? 0 : content.services.count + 1
        let services = Array(styled.blocks.dropFirst(content.blocks.count).prefix(servicesCount))
        let credit = Array(styled.blocks.dropFirst(content.blocks.count + servicesCount))
        // Panels are not pages: the small print on the back carries no page number.
        styled.footer.numbersPages = false
        let cover = zip(body, isCallout).filter(\.1).map(\.0)
        let inside = zip(body, isCallout).filter { !$0.1 }.map(\.0) + credit
        return StyledTrifold(document: styled, cover: cover, inside: inside, back: services,
                             servicesStartInside: choice.servicesStartInside, summaryInside: choice.summaryInside,
                             fitted: fitted)
    }
}
