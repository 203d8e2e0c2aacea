import Foundation
import HandbillModel
import HandbillStyle

/// Turns styled blocks into flow slices at a column's width: shapes each paragraph, places its
/// lines, wraps them in their structure tags, and sets where the flow may break.
struct BlockComposer {
    let shaper: TextShaper
    /// Blocks composed before for this shaper, reused (fitting tries many sizes: ComposedSlices.swift).
    var reuse: ComposedSlices? = nil
    /// Width of the bar on a callout's reading side.
    static let calloutBar = 5.0

    func compose(_ blocks: [StyledBlock], width: Double) throws(DiagnosticError) -> [FlowSlice] {
        var slices: [FlowSlice] = []
        for block in blocks { slices += try compose(block, width: width) }
        // A heading keeps its next slice; with the two-line orphan rule that is its first two lines.
        for index in slices.indices.dropLast() where slices[index].keepsNext {
            slices[index + 1].breakBefore = false
        }
        return slices
    }

    func compose(_ block: StyledBlock, width: Double) throws(DiagnosticError) -> [FlowSlice] {
        guard let reuse else { return try composeAnew(block, width: width) }
        return try reuse.slices(of: block, width: width, shaper: shaper) { () throws(DiagnosticError) in try composeAnew(block, width: width) }
    }

    private func composeAnew(_ block: StyledBlock, width: Double) throws(DiagnosticError) -> [FlowSlice] {
        switch block {
        case .text(let role, let text, let spaceBefore):
            return try lines(of: text, role: role, width: width, spaceBefore: spaceBefore)
        case .list(let items, let indent, let spaceBefore):
            return try list(items, indent: indent, width: width, spaceBefore: spaceBefore)
        case .callout(let blocks, let background, let bar, let padding, let spaceBefore):
            // The bar stands on the reading side: the left, or the right in right-to-left text.
            let inset = padding + Self.calloutBar
            let content = try compose(blocks, width: width - inset - padding)
            var box = FlowSlice.merged(content, x: shaper.rightToLeft ? padding : inset, y: padding)
            box.height += 2 * padding
            let barX = shaper.rightToLeft ? width - Self.calloutBar : 0
            box.items = [.open(.artifact), .rect(Rect(x: 0, y: 0, width: width, height: box.height), background),
                         .rect(Rect(x: barX, y: 0, width: Self.calloutBar, height: box.height), bar), .close(.artifact)]
                + box.items
            box.spaceBefore = spaceBefore
            return [box]
        case .keepTogether(let blocks, let spaceBefore):
            var group = FlowSlice.merged(try compose(blocks, width: width))
            group.spaceBefore = spaceBefore
            return [group]
        case .point(let picture, let alt, let size, let text, let spaceBefore):
            return [try point(picture: picture, alt: alt, size: size, text: text, width: width, spaceBefore: spaceBefore)]
        case .qrCodes(let targets, let size, let spaceBefore):
            return [try qrCodes(targets, size: size, width: width, spaceBefore: spaceBefore)]
        }
    }

    /// A paragraph or heading: a slice per line. No page may start or end with a single line of a
    /// paragraph (orphans and widows), and a heading never splits.
    func lines(of text: StyledText, role: StructureRole, width: Double, spaceBefore: Double) throws(DiagnosticError) -> [FlowSlice] {
        let shaped = shaper.shape(text, width: width)
        try check(shaped, width: width)
        let count = shaped.lines.count
        let isHeading = [.h1, .h2, .h3].contains(role)
        var slices: [FlowSlice] = []
        for (index, line) in shaped.lines.enumerated() {
            // Half the leading above the line and half below, as CSS does.
            let baseline = (shaped.lineHeight - line.ascent - line.descent) / 2 + line.ascent
            let sizes = Set(shaped.spans.filter {
                $0.byteStart < line.byteStart + line.byteLength && $0.byteEnd > line.byteStart
            }.map(\.style.size)).sorted()
            let item = TextLine(origin: Point(x: line.x, y: baseline), width: line.width, ascent: line.ascent,
                                descent: line.descent, text: line.text, sizes: sizes, shaped: shaped, lineIndex: index)
            var items: [PositionedItem] = [.line(item)]
            if index == 0 { items.insert(.open(role), at: 0) }
            if index == count - 1 { items.append(.close(role)) }
            let breakable = isHeading ? false : index >= 2 && count - index >= 2
            slices.append(FlowSlice(height: shaped.lineHeight, spaceBefore: index == 0 ? spaceBefore : 0,
                                    breakBefore: index == 0 || breakable, items: items))
        }
        if isHeading {
            slices[0].outline = [(level: role == .h1 ? 1 : role == .h2 ? 2 : 3, title: text.plainText, y: 0)]
            slices[count - 1].keepsNext = true
        }
        return slices
    }

    /// A list: L > LI > (Lbl, LBody), the label hanging in the indent (on the right in right-to-left
    /// text) on the first line's baseline.
    func list(_ items: [StyledListItem], indent given: Double, width: Double, spaceBefore: Double) throws(DiagnosticError) -> [FlowSlice] {
        // The indent grows to the widest label and a gap (“10.” needs more room than “•”).
        let widest = items.map { shaper.shape($0.label, width: width).lines.first?.width ?? 0 }.max() ?? 0
        let indent = max(given, widest + (items.first?.label.lineHeight ?? 0) * 0.3)
        var slices: [FlowSlice] = []
        for (index, item) in items.enumerated() {
            var content = try compose(item.blocks, width: width - indent).map { $0.offsetBy(x: shaper.rightToLeft ? 0 : indent) }
            guard !content.isEmpty else { continue }
            let label = shaper.shape(item.label, width: indent)
            try check(label, width: indent)
            let baseline = content[0].items.lazy.compactMap { if case .line(let l) = $0 { l.origin.y } else { nil } }.first ?? 0
            let labelLine = label.lines[0]
            let labelX = shaper.rightToLeft ? width - indent + labelLine.x : labelLine.x
            let labelItem = TextLine(origin: Point(x: labelX, y: baseline), width: labelLine.width, ascent: labelLine.ascent,
                                     descent: labelLine.descent, text: labelLine.text,
                                     sizes: label.spans.map(\.style.size), shaped: label, lineIndex: 0)
            content[0].items = [.open(.listItem), .open(.label), .line(labelItem), .close(.label), .open(.listBody)]
                + content[0].items
            content[content.count - 1].items += [.close(.listBody), .close(.listItem)]
            content[0].spaceBefore = index == 0 ? spaceBefore : spaceBefore * 0.6
            slices += content
        }
        guard !slices.isEmpty else { return [] }
        slices[0].items.insert(.open(.list), at: 0)
        slices[slices.count - 1].items.append(.close(.list))
        return slices
    }

    /// An easy-read point: the picture (a Figure with its Alt) on the reading side, the words beside
    /// it, centred on it when shorter; the row never splits.
    func point(picture: String, alt: String, size: Double, text: StyledText, width: Double,
               spaceBefore: Double) throws(DiagnosticError) -> FlowSlice {
        guard FileManager.default.fileExists(atPath: picture) else {
            throw DiagnosticError(.error("there is no picture \((picture as NSString).lastPathComponent)", at: text.source,
                                         hint: "the pictures are in Layouts/pictograms (see pictograms.yaml); use one of their names"))
        }
        let gap = size * 0.25
        let words = FlowSlice.merged(try lines(of: text, role: .paragraph, width: width - size - gap, spaceBefore: 0))
        let pictureX = shaper.rightToLeft ? width - size : 0, wordsX = shaper.rightToLeft ? 0 : size + gap
        let wordsY = max(0, (size - words.height) / 2)
        let items: [PositionedItem] = [.open(.figure), .describe(StructureAttributes(alt: alt)),
                                       .image(path: picture, Rect(x: pictureX, y: 0, width: size, height: size)), .close(.figure)]
            + words.items.map { $0.offsetBy(x: wordsX, y: wordsY) }
        return FlowSlice(height: max(size, words.height + wordsY), spaceBefore: spaceBefore, breakBefore: true, items: items)
    }

    /// QR codes in a row across the width (in reading order: from the right in right-to-left
    /// text), each a Figure with its caption under it; the row never splits.
    func qrCodes(_ targets: [QRTarget], size: Double, width: Double, spaceBefore: Double) throws(DiagnosticError) -> FlowSlice {
        guard !targets.isEmpty else { return FlowSlice(height: 0, spaceBefore: 0, breakBefore: true, items: []) }
        // Each code with its words beside it (name, then address): a cell as wide as the code, a
        // gap and the caption; as many cells to a row as fit, the rows balanced.
        let gap = size * 0.15
        // Captions may wrap: what a cell needs is the longest piece that cannot (an address).
        let widest = targets.map { target in shaper.shape(target.caption, width: size).lines.map(\.width).max() ?? 0 }.max() ?? 0
        let fitting = max(1, min(targets.count, Int((width + gap) / (size + gap + widest + gap))))
        let rows = (targets.count + fitting - 1) / fitting
        let perRow = (targets.count + rows - 1) / rows
        let spread = (width + gap) / Double(perRow)
        let captionWidth = max(size, spread - size - 2 * gap)
        var items: [PositionedItem] = [], rowTop = 0.0, rowHeight = 0.0
        for (index, target) in targets.enumerated() {
            let column = index % perRow
            if column == 0 && index > 0 { rowTop += rowHeight + gap * 1.5; rowHeight = 0 }
            // Cells run from the right in a right-to-left language, the code on the cell's right.
            let cellX = shaper.rightToLeft ? width - Double(column + 1) * spread + gap : Double(column) * spread
            let codeX = shaper.rightToLeft ? cellX + spread - gap - size : cellX
            let captionX = shaper.rightToLeft ? codeX - gap - captionWidth : codeX + size + gap
            let code = try QRCode(encoding: target.url)
            items += try code.items(width: size, alt: target.alt, dark: Colour(red: 0, green: 0, blue: 0),
                                    light: Colour(red: 1, green: 1, blue: 1)).map { $0.offsetBy(x: codeX, y: rowTop) }
            let caption = FlowSlice.merged(try lines(of: target.caption, role: .paragraph, width: captionWidth, spaceBefore: 0))
            // The caption sits level with the middle of its code, or from its top when it is taller.
            let captionTop = rowTop + max(0, (size - caption.height) / 2)
            items += caption.items.map { $0.offsetBy(x: captionX, y: captionTop) }
            rowHeight = max(rowHeight, size, caption.height)
        }
        return FlowSlice(height: rowTop + rowHeight, spaceBefore: spaceBefore, breakBefore: true, items: items)
    }

    /// Refuses text that would print wrong: glyphs the fonts lack, or a line that cannot fit.
    func check(_ shaped: ShapedText, width: Double) throws(DiagnosticError) {
        if !shaped.missingCharacters.isEmpty {
            let names = shaped.missingCharacters.map { "U+" + String($0.value, radix: 16, uppercase: true) + " ‘\(Character($0))’" }
            throw DiagnosticError(.error(
                "the fonts have no glyph for \(names.joined(separator: ", ")) in the `\(shaper.language)` text “\(excerpt(ShapedText.withoutLayoutMarks(shaped.text)))”",
                at: shaped.source,
                hint: "add a font that covers these characters to Fonts/ (and name it in Layouts/languages/\(shaper.language).yaml), or remove them from the text"))
        }
        for line in shaped.lines where line.inkWidth > width + 0.01 {
            throw DiagnosticError(.error(
                "“\(excerpt(line.text))” is \(Int(line.width.rounded()))pt wide and cannot be broken, but the column is \(Int(width))pt",
                at: shaped.source,
                hint: "words and phone numbers are never split across lines, and a web address only after a slash or before a dot: shorten the address (the site's home page or a short link) or the word"))
        }
    }

    private func excerpt(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
