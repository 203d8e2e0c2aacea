import HandbillModel
import HandbillStyle

/// Lays out a tri-fold leaflet: two sides of a sheet, three panels each. The cover panel holds the
/// title, summary and key message; the text flows through the other panels in reading order (the
/// flap, then the inside from its first panel to its last); the back panel holds the help services
/// and the small print. Right-to-left languages mirror the sheet. The structure tree is put in
/// reading order (`readingOrder`): the back panel is drawn on page 1 but read last.
///
/// Pure: it returns positions and fold marks and draws nothing. Text that does not fit is never cut:
/// `fit` shrinks the type towards a floor, and past it says how much is over.
public struct PanelLayout {
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) { self.fonts = fonts }

    /// A panel on the sheet, in points from the sheet's top-left corner.
    public struct Panel: Equatable, Sendable {
        public var name: String
        /// 0 for the outside (page 1), 1 for the inside (page 2).
        public var page: Int
        public var x: Double, width: Double
        /// Where its text goes: inside the sheet's margins and clear of the folds.
        public var text: Rect
    }

    /// How far each part of the leaflet runs past its panels, in points (0 where it fits).
    public struct Overflow: Equatable, Sendable {
        public var cover = 0.0, inside = 0.0, back = 0.0
        public var fits: Bool { cover <= 0 && inside <= 0 && back <= 0 }
    }

    /// The panels in reading order, placed for the language's direction.
    public static func panels(_ product: Product, _ trifold: Trifold, rightToLeft: Bool) -> [Panel] {
        let sheetWidth = points(mm: product.pageMM.width), height = points(mm: product.pageMM.height)
        let margins = product.marginsMM, fold = points(mm: trifold.foldMarginMM)
        var placed: [Panel] = []
        for (page, side) in [trifold.outside, trifold.inside].enumerated() {
            var x = 0.0
            for (index, panel) in side.enumerated() {
                let width = points(mm: panel.widthMM)
                let left = index == 0 ? points(mm: margins.left) : fold
                let right = index == side.count - 1 ? points(mm: margins.right) : fold
                var text = Rect(x: x + left, y: points(mm: margins.top), width: width - left - right,
                                height: height - points(mm: margins.top) - points(mm: margins.bottom))
                var panelX = x
                if rightToLeft {
                    panelX = sheetWidth - x - width
                    text.x = sheetWidth - text.maxX
                }
                placed.append(Panel(name: panel.name, page: page, x: panelX, width: width, text: text))
                x += width
            }
        }
        return trifold.readingOrder.compactMap { name in placed.first { $0.name == name } }
    }

    /// Dashed marks on each fold, in the top and bottom margins of both sides.
    public static func foldMarks(_ product: Product, _ trifold: Trifold, rightToLeft: Bool) -> [[PrintMark]] {
        guard let marks = trifold.foldMarks else { return [[], []] }
        let sheetWidth = points(mm: product.pageMM.width), height = points(mm: product.pageMM.height)
        let edge = points(mm: marks.edgeMM), length = points(mm: marks.lengthMM)
        return [trifold.outside, trifold.inside].map { side in
            var x = 0.0, folds: [Double] = []
            for panel in side.dropLast() {
                x += points(mm: panel.widthMM)
                folds.append(rightToLeft ? sheetWidth - x : x)
            }
            return folds.flatMap { x in
                [PrintMark(x0: x, y0: edge, x1: x, y1: edge + length, weight: marks.weightPt, dashed: true),
                 PrintMark(x0: x, y0: height - edge, x1: x, y1: height - edge - length, weight: marks.weightPt, dashed: true)]
            }
        }
    }

    /// The largest scale of the variant's type, from 1 down to `floor`, at which everything fits.
    /// `style(scale)` styles the leaflet at that scale. Returns the sheets and the scale chosen.
    public func fit(_ product: Product, _ trifold: Trifold, floor: Double,
                    style: (Double) throws(DiagnosticError) -> StyledTrifold) throws(DiagnosticError) -> (PositionedDocument, scale: Double) {
        switch try fitting(product, trifold, floor: floor, style: style) {
        case .fits(let document, let scale, _): return (document, scale)
        case .over(let over): throw Self.error(over)
        }
    }

    /// What `fit` finds: the sheets and the scale (and the smallest scale found not to fit, nil
    /// when the variant's own size fits), or how far each part runs over at the floor.
    public enum Fitting {
        case fits(PositionedDocument, scale: Double, failsAt: Double?)
        case over(Overflow)
    }

    /// `fit`, saying how much is over instead of throwing it. `reuse` keeps the blocks composed,
    /// for the next choice of the same leaflet (`TrifoldBuild`), whose blocks are mostly the same.
    /// `start`: for a local edition, where a similar leaflet's fit ended, tried first; `bound`: the
    /// scale its national leaflet did not fit at (an edition only adds).
    public func fitting(_ product: Product, _ trifold: Trifold, floor: Double, reuse: ComposedSlices = ComposedSlices(),
                        start: FitStart? = nil, bound: Double? = nil,
                        style: (Double) throws(DiagnosticError) -> StyledTrifold) throws(DiagnosticError) -> Fitting {
        func tried(_ scale: Double) throws(DiagnosticError) -> FitSearch.Attempt<PositionedDocument> {
            switch try attempt(try style(scale), product, trifold, reuse: reuse, whole: false) {
            case .fits(let document, let fill): FitSearch.Attempt(document, fill: fill)
            case .over(_, let fill): FitSearch.Attempt(nil, fill: fill)
            }
        }
        var below = min(1, bound ?? 1)
        if let start, start.scale < below || (start.scale == 1 && bound == nil) {
            if let near = try? tried(start.scale), let document = near.fitted {
                let (fitted, scale, failsAt) = FitSearch.largest(from: start.scale, giving: document, fill: near.fill, below: below,
                                                                  highMayFit: bound == nil, halving: true, first: start.failsAt,
                                                                  tolerance: 0.01, attempt: tried)
                return .fits(fitted, scale: scale, failsAt: failsAt)
            }
            below = start.scale
        }
        // The floor first: what does not fit there is over, and what does is fitted from there.
        let smallest: PositionedDocument, fill: Double
        switch try attempt(try style(floor), product, trifold, reuse: reuse, whole: true) {
        case .fits(let document, let full): (smallest, fill) = (document, full)
        case .over(let over, _): return .over(over)
        }
        // The largest scale that fits, to a hundredth, or the variant's own size (1), tried first
        // when the floor's fill says it may fit. At full size a long address may not fit a panel
        // at all: that only means smaller type. (Services and panels move whole, so the fill
        // jumps: halving needed fewer layouts than guessing from it, 8.0 against 8.2 a leaflet.)
        let (document, scale, failsAt) = FitSearch.largest(from: floor, giving: smallest, fill: fill, below: below,
                                                           highMayFit: below >= 1 && bound == nil,
                                                           halving: true, tolerance: 0.01, attempt: tried)
        return .fits(document, scale: scale, failsAt: failsAt)
    }

    /// The error for text that does not fit even at the floor: where, by how much, what to do.
    public static func error(_ over: Overflow) -> DiagnosticError {
        DiagnosticError(.error(describe(over), hint: hint(over)))
    }

    /// One layout of the leaflet, and how full its fullest part came out (its text's height over
    /// the room it has: 1 is exactly full), for guessing the next size to try.
    enum Attempt {
        case fits(PositionedDocument, fill: Double)
        case over(Overflow, fill: Double)
    }

    /// Lays the leaflet out once, at the sizes `styled` has. Not `whole`, it stops at the first
    /// part that runs over (the back's services are not set once the text is known to be too long).
    func attempt(_ styled: StyledTrifold, _ product: Product, _ trifold: Trifold, reuse: ComposedSlices? = nil,
                 whole: Bool = true) throws(DiagnosticError) -> Attempt {
        let document = styled.document
        let shaper = try TextShaper(fonts: fonts, document: document)
        let composer = BlockComposer(shaper: shaper, reuse: reuse)
        let panels = Self.panels(product, trifold, rightToLeft: shaper.rightToLeft)
        guard let cover = panels.first, let back = panels.last else { return .over(Overflow(), fill: 1) }
        let flow = Array(panels.dropFirst().dropLast())

        // The back panel's small print, at the foot of the panel (a page the panel's width).
        var backPage = document
        backPage.page.width = back.width
        backPage.page.top = back.text.y
        backPage.page.bottom = document.page.height - back.text.maxY
        backPage.page.left = back.text.x - back.x
        backPage.page.right = back.x + back.width - back.text.maxX
        backPage.page.columns = 1
        let footer = FooterComposer(shaper: shaper, document: backPage)
        let footerHeight = try footer.height()

        var overflow = Overflow()
        var panelItems = Array(repeating: [PositionedItem](), count: panels.count)
        var outline: [(panel: Int, entry: OutlineEntry)] = []

        /// Flows `slices`, set `width` wide, through `frames` (a panel, and where in its text area a
        /// frame starts and how tall it is); returns how much falls past them and where the last
        /// slice ends. Right-to-left lines keep to a panel's right edge.
        /// `trying`: only measure, place nothing. `fill`: the frames' share the slices take, with what is over.
        func place(_ slices: [FlowSlice], width: Double, in frames: [(panel: Int, top: Double, height: Double)],
                   trying: Bool = false) throws(DiagnosticError) -> (over: Double, panel: Int, end: Double, fill: Double) {
            guard let last = frames.last else { return (slices.reduce(0) { $0 + $1.height }, 0, 0, 2) }
            let placements = try FrameFlow.place(slices) { k in
                let frame = k < frames.count ? frames[k] : last, rect = panels[frame.panel].text
                return Frame(page: k, rect: Rect(x: rect.x, y: rect.y + frame.top, width: rect.width, height: frame.height))
            }
            var over = 0.0, end = (panel: frames[0].panel, y: frames[0].top), used = 0.0
            for placement in placements {
                let slice = slices[placement.slice]
                guard placement.frame < frames.count else { over += slice.spaceBefore + slice.height; continue }
                let frame = frames[placement.frame], index = frame.panel, rect = panels[index].text
                let x = rect.x + (shaper.rightToLeft ? rect.width - width : 0), y = rect.y + frame.top + placement.y
                if !trying {
                    panelItems[index] += slice.items.map { $0.offsetBy(x: x, y: y) }
                    outline += slice.outline.map {
                        (index, OutlineEntry(level: $0.level, title: $0.title, page: panels[index].page, y: y + $0.y))
                    }
                }
                end = (index, frame.top + placement.y + slice.height)
                used = frames[..<placement.frame].reduce(0) { $0 + $1.height } + placement.y + slice.height
            }
            let room = frames.reduce(0) { $0 + $1.height }
            return (over, end.panel, end.y, room > 0 ? (used + over) / room : 2)
        }

        // Large type: the cover keeps the title and the key message; the summary opens the flap.
        var coverDocument = document, insideBlocks = styled.inside
        if styled.summaryInside, let summary = document.summary {
            coverDocument.summary = nil
            insideBlocks.insert(.text(role: .paragraph, summary, spaceBefore: 0), at: 0)
        }
        let smallestTitle = document.summary?.runs.map(\.style.size).max() ?? document.title.runs.map(\.style.size).max() ?? 0
        let coverSlices = try Self.masthead(coverDocument, composer: composer, width: cover.text.width, smallest: smallestTitle)
            + composer.compose(styled.cover, width: cover.text.width)
        let onCover = try place(coverSlices, width: cover.text.width, in: [(0, 0, cover.text.height)])
        overflow.cover = onCover.over
        // Every flow panel is as wide as the narrowest, so a line set for one fits any.
        let flowWidth = flow.map(\.text.width).min() ?? cover.text.width
        let flowSlices = try composer.compose(insideBlocks, width: flowWidth)
        var flowFrames = panels.indices.dropFirst().dropLast().map { (panel: $0, top: 0.0, height: panels[$0].text.height) }
        if styled.summaryInside {
            // The summary starts under the key message, on the cover, and runs on over the flap.
            let top = onCover.end + (flowSlices.first?.spaceBefore ?? 0) + (document.summary?.lineHeight ?? 0) * 0.5
            if top < cover.text.height { flowFrames.insert((0, top, cover.text.height - top), at: 0) }
        }
        let inside = try place(flowSlices, width: flowWidth, in: flowFrames)
        overflow.inside = inside.over
        var fill = max(onCover.fill, inside.fill)
        if !whole, !overflow.fits { return .over(overflow, fill: fill) }
        let backIndex = panels.count - 1
        let backHeight = back.text.height - footerHeight - document.page.footerGap
        if styled.servicesStartInside, !flow.isEmpty {
            // The services follow the text and end on the back (seen when the leaflet is folded):
            // from the top of the panel after the text's last one, or under the text's last lines,
            // when they run on to the back from there; else filled from the back towards the text,
            // the last services on the back and the first on the panels before it.
            let last = max(inside.panel, 1)
            let width = panels[last...].map(\.text.width).min() ?? back.text.width
            let slices = try composer.compose(styled.back, width: width)
            func frames(from start: Int, top: Double) -> [(panel: Int, top: Double, height: Double)] {
                (start..<backIndex).map { ($0, $0 == start ? top : 0, panels[$0].text.height - ($0 == start ? top : 0)) }
                    + [(backIndex, start == backIndex ? top : 0, backHeight - (start == backIndex ? top : 0))]
            }
            // The heading's space above it, kept (a frame's first slice drops its own).
            var under = frames(from: last, top: inside.end > 0 ? min(inside.end + (slices.first?.spaceBefore ?? 0), panels[last].text.height) : 0)
            // The heading never ends a panel alone: with no room for it and the first service under
            // the text, the services start on the next panel.
            var opening = slices.first?.height ?? 0
            for next in slices.indices.dropFirst() {
                guard !slices[next].breakBefore else { break }
                opening += slices[next].spaceBefore + slices[next].height
            }
            if opening > under[0].height + 0.001, last + 1 <= backIndex { under = frames(from: last + 1, top: 0) }
            var chosen: [(panel: Int, top: Double, height: Double)]?, servicesFill = 2.0
            for candidate in (last + 1 <= backIndex ? [frames(from: last + 1, top: 0)] : []) + [under] {
                let tried = try place(slices, width: width, in: candidate, trying: true)
                servicesFill = tried.fill
                if tried.over <= 0 && tried.panel == backIndex { chosen = candidate; break }
            }
            if let chosen {
                overflow.back = try place(slices, width: width, in: chosen).over
            } else if let ranges = Self.fillBackwards(slices, heights: under.map(\.height)) {
                for (frame, range) in zip(under, ranges) where !range.isEmpty {
                    _ = try place(Array(slices[range]), width: width, in: [frame])
                }
            } else {
                overflow.back = try place(slices, width: width, in: under).over
            }
            fill = max(fill, servicesFill)
        } else {
            let onBack = try place(try composer.compose(styled.back, width: back.text.width), width: back.text.width,
                                   in: [(backIndex, 0, backHeight)])
            overflow.back = onBack.over
            fill = max(fill, onBack.fill)
        }
        guard overflow.fits else { return .over(overflow, fill: fill) }

        // Elements end at each panel's edge and start again in the next (a paragraph running from
        // the flap to the inside is two paragraphs): each panel's part is sorted into reading order.
        var byPanel = panelItems.map { PositionedPage(width: 0, height: 0, items: $0) }
        PageAssembly.closeElementsAtPageEnds(&byPanel)
        byPanel[panels.count - 1].items += try footer.items(page: 1, of: 1).map { $0.offsetBy(x: back.x, y: 0) }

        let marks = Self.foldMarks(product, trifold, rightToLeft: shaper.rightToLeft)
        var pages = (0..<2).map { page in
            var sheet = PositionedPage(width: document.page.width, height: document.page.height, items: [])
            sheet.marks = marks[page]
            return sheet
        }
        var readingOrder: [Int] = []
        for page in 0..<2 {
            for (index, panel) in panels.enumerated() where panel.page == page {
                readingOrder += Array(repeating: index, count: byPanel[index].items.topLevelContentElements)
                pages[page].items += byPanel[index].items
            }
        }
        pages[0].items.insert(.open(.document), at: 0)
        pages[1].items.append(.close(.document))
        var positioned = PositionedDocument(metadata: document.metadata, pages: pages,
                                            outline: outline.sorted { $0.panel < $1.panel }.map(\.entry),
                                            background: document.background)
        positioned.readingOrder = readingOrder
        return .fits(positioned, fill: fill)
    }

    /// The title and summary for the cover. A title word wider than the panel (Russian's
    /// “Вымогательство” at 30pt) makes the title smaller, never below the headings' size.
    static func masthead(_ document: StyledDocument, composer: BlockComposer, width: Double, smallest: Double) throws(DiagnosticError) -> [FlowSlice] {
        var titled = document
        while true {
            do throws(DiagnosticError) {
                return try PageAssembly.mastheadSlices(titled, composer: composer, width: width)
            } catch {
                let size = titled.title.runs.map(\.style.size).max() ?? 0
                guard size * 0.95 >= smallest else { throw error }
                for index in titled.title.runs.indices { titled.title.runs[index].style.size *= 0.95 }
                titled.title.lineHeight *= 0.95
            }
        }
    }

    /// Which slices go in each frame when the last frame is filled first, then the one before it, …:
    /// each takes as many of the remaining slices as fit, breaking only where a slice allows. Nil
    /// when they do not all fit.
    static func fillBackwards(_ slices: [FlowSlice], heights: [Double]) -> [Range<Int>]? {
        var ranges = Array(repeating: 0..<0, count: heights.count)
        var end = slices.count
        for frame in heights.indices.reversed() where end > 0 {
            var start: Int?, height = 0.0
            for index in stride(from: end - 1, through: 0, by: -1) {
                // Stacked above the slices below it, this one's gap above is dropped at the frame's top.
                height += slices[index].height + (index == end - 1 ? 0 : slices[index + 1].spaceBefore)
                if height > heights[frame] + 0.001 { break }
                if index == 0 || slices[index].breakBefore { start = index }
            }
            guard let start else { return nil }
            ranges[frame] = start..<end
            end = start
        }
        return end == 0 ? ranges : nil
    }

    static func describe(_ over: Overflow) -> String {
        let parts = [("the cover", over.cover), ("the inside panels", over.inside), ("the back panel", over.back)]
            .filter { $0.1 > 0 }.map { "\($0.0) by about \(Int((($0.1) * 25.4 / 72).rounded(.up))) mm" }
        return "the tri-fold's text does not fit, even at the smallest type allowed: it runs over \(parts.joined(separator: ", "))"
    }

    static func hint(_ over: Overflow) -> String {
        var hints: [String] = []
        if over.cover > 0 { hints.append("shorten the summary or the key message") }
        if over.inside > 0 {
            hints.append("name fewer or shorter sections under `trifold: sections:` in the guidance's front matter (or move some to `if-room:`, "
                         + "or allow the shorter forms `brief-if-needed: true` and `advice-only-if-needed: true`)")
        }
        if over.back > 0 { hints.append("the help services do not fit even as names, numbers and addresses after the text: list fewer") }
        return hints.joined(separator: "; ") + "; or make the A4 leaflet (leaflet-a4) or the A5 booklet, which hold everything"
    }
}
