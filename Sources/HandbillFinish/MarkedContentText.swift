import CQPDFTokens
import Foundation
import HandbillModel

/// The text one page shows inside each tagged marked-content sequence (MCID → text), in content
/// stream order: glyphs decoded through their fonts' /ToUnicode maps, a sequence's /ActualText in
/// place of the glyphs inside it, each show string of a /ReversedChars sequence turned round,
/// /Artifact content left out, and a space where the text goes on to a new line (PDF 32000-1,
/// 14.6, 14.8.2.5 and 14.9.4). Forms drawn with `Do` count as part of the page.
struct MarkedContentText {
    /// How deep forms may draw forms: deeper is a loop, or a file made to hang readers.
    static let deepestForm = 8

    private(set) var texts: [Int: String] = [:]

    /// The text of the sequences marked with `mcid`; nil when the page has none.
    subscript(mcid: Int) -> String? { texts[mcid] }

    private let pdf: QPDF
    private var state = GraphicsState()
    private var saved: [GraphicsState] = []
    private var textMatrix = PDFMatrix.identity
    private var lineMatrix = PDFMatrix.identity
    private var open: [Sequence] = []
    /// Where the last string read started, in device space, to tell a new line from more of the same one.
    private var lastStart: (x: Double, y: Double)?
    private var fonts: [Int: FontDecoder] = [:]

    /// What `q` saves and `Q` restores.
    private struct GraphicsState {
        var ctm = PDFMatrix.identity
        var font: FontDecoder?
        var fontSize = 0.0
        var leading = 0.0
    }

    /// One open marked-content sequence, with what it inherits from the ones around it.
    private struct Sequence {
        /// Its own MCID, else the enclosing sequence's: Cairo's /ActualText spans sit inside a tagged one.
        var mcid: Int?
        var artifact: Bool
        var reversed: Bool
        /// Its /ActualText, when no enclosing sequence has one (the outermost replaces all within).
        var actualText: String?
        /// Whether the /ActualText is read yet: at the first glyph it covers, or at EMC if none.
        var actualTextRead = false
    }

    init(page: PDFObject) throws(DiagnosticError) {
        pdf = page.pdf
        try run(try page.pageContent(), resources: page.inherited("Resources"), depth: 0)
    }

    private mutating func run(_ content: [UInt8], resources: PDFObject?, depth: Int) throws(DiagnosticError) {
        var operands: [ContentToken] = []
        for token in try ContentToken.tokenize(content) where !token.isIgnorable {
            guard token.isOperator else { operands.append(token); continue }
            take(token.text, operands, resources: resources, depth: depth)
            operands = []
        }
    }

    private mutating func take(_ op: String, _ operands: [ContentToken], resources: PDFObject?, depth: Int) {
        let numbers = operands.compactMap(\.number)
        switch op {
        case "q": saved.append(state)
        case "Q": if let last = saved.popLast() { state = last }
        case "cm": if let matrix = PDFMatrix(numbers) { state.ctm = matrix * state.ctm }
        case "BT": (textMatrix, lineMatrix) = (.identity, .identity)
        case "Tf":
            if let size = operands.last?.number { state.fontSize = size }
            state.font = operands.first?.name(in: pdf).flatMap { font(named: $0, resources: resources) }
        case "TL": if let leading = numbers.first { state.leading = leading }
        case "Td", "TD":
            guard numbers.count == 2 else { break }
            if op == "TD" { state.leading = -numbers[1] }
            moveLine(numbers[0], numbers[1])
        case "T*": moveLine(0, -state.leading)
        case "Tm": if let matrix = PDFMatrix(numbers) { (textMatrix, lineMatrix) = (matrix, matrix) }
        case "Tj": show(operands.last.map { [$0] } ?? [])
        case "'", "\"":
            moveLine(0, -state.leading)
            show(operands.last.map { [$0] } ?? [])
        case "TJ": show(operands.filter { $0.type == hb_tt_string })
        case "BMC", "BDC": begin(operands, resources: resources)
        case "EMC": end()
        case "Do": if let name = operands.first?.name(in: pdf) { draw(name, resources: resources, depth: depth) }
        default: break
        }
    }

    private mutating func moveLine(_ x: Double, _ y: Double) {
        lineMatrix = .translation(x, y) * lineMatrix
        textMatrix = lineMatrix
    }

    private mutating func font(named name: String, resources: PDFObject?) -> FontDecoder? {
        guard let font = resources?["Font"]?[name] else { return nil }
        if font.objectID == 0 { return FontDecoder(font: font) }
        if let known = fonts[font.objectID] { return known }
        let decoder = FontDecoder(font: font)
        fonts[font.objectID] = decoder
        return decoder
    }

    // MARK: - Marked content

    private mutating func begin(_ operands: [ContentToken], resources: PDFObject?) {
        let tag = operands.first?.name(in: pdf)
        let outer = open.last
        var sequence = Sequence(mcid: outer?.mcid, artifact: outer?.artifact == true || tag == "Artifact",
                                reversed: outer?.reversed == true || tag == "ReversedChars")
        if operands.count >= 2 {
            let (mcid, actualText) = properties(operands.dropFirst(), resources: resources)
            sequence.mcid = mcid ?? sequence.mcid
            if !open.contains(where: { $0.actualText != nil }) { sequence.actualText = actualText }
        }
        open.append(sequence)
    }

    private mutating func end() {
        guard let sequence = open.popLast() else { return }
        // An /ActualText over no glyphs still counts: Cairo marks the space at a soft line break so.
        if let actualText = sequence.actualText, !sequence.actualTextRead, !sequence.artifact {
            add(actualText, to: sequence.mcid, newLine: false)
        }
    }

    /// The MCID and /ActualText of `<< /MCID 3 >>`, or of a name looked up in /Properties.
    private func properties(_ tokens: ArraySlice<ContentToken>, resources: PDFObject?) -> (Int?, String?) {
        if tokens.count == 1, let name = tokens.first?.name(in: pdf) {
            let list = resources?["Properties"]?[name]
            return (list?["MCID"]?.integer, list?["ActualText"]?.text)
        }
        guard let list = ContentToken.object(tokens, in: pdf) else { return (nil, nil) }
        defer { list.release() }
        return (list["MCID"]?.integer, list["ActualText"]?.text)
    }

    // MARK: - Text

    private mutating func show(_ strings: [ContentToken]) {
        guard let innermost = open.last, innermost.mcid != nil, !innermost.artifact else { return }
        let newLine = startsNewLine()
        if let index = open.lastIndex(where: { $0.actualText != nil }) {
            // The glyphs are replaced: their /ActualText is read once, where the first of them is.
            guard !open[index].actualTextRead, let actualText = open[index].actualText else { return }
            open[index].actualTextRead = true
            add(actualText, to: open[index].mcid, newLine: newLine)
            return
        }
        guard let font = state.font else { return }
        var text = strings.compactMap { $0.bytes(in: pdf) }.map(font.text(of:)).joined()
        if innermost.reversed { text = String(text.reversed()) }
        add(text, to: innermost.mcid, newLine: newLine)
    }

    /// Appends `text` to the MCID's, after a space when it starts a new line: a word break.
    private mutating func add(_ text: String, to mcid: Int?, newLine: Bool) {
        guard let mcid else { return }
        texts[mcid, default: ""] += (newLine ? " " : "") + text
    }

    /// Whether the next string starts on another line than the last string read: its baseline is
    /// more than half the font size away (Td, TD, T*, Tm or a new BT moved it), or it is the page's first.
    private mutating func startsNewLine() -> Bool {
        let device = textMatrix * state.ctm
        let start = (x: device.e, y: device.f)
        defer { lastStart = start }
        guard let last = lastStart else { return true }
        let direction = (device.a * device.a + device.b * device.b).squareRoot()
        guard direction > 0 else { return false }
        // The distance across the line: the move projected on the normal to the text's direction.
        let across = abs((start.x - last.x) * -device.b + (start.y - last.y) * device.a) / direction
        let size = abs(state.fontSize) * (device.c * device.c + device.d * device.d).squareRoot()
        return across > (size > 0 ? size : 1) / 2
    }

    // MARK: - Forms

    /// A form XObject drawn in place: its content in its own resources, with its matrix, as if in `q … Q`.
    private mutating func draw(_ name: String, resources: PDFObject?, depth: Int) {
        guard depth < Self.deepestForm, let form = resources?["XObject"]?[name], form["Subtype"]?.name == "Form",
              let content = try? form.streamData() else { return }
        let outer = (state, saved, textMatrix, lineMatrix, open.count)
        if let matrix = form["Matrix"]?.numbers.flatMap(PDFMatrix.init) { state.ctm = matrix * state.ctm }
        saved = []
        // A form that cannot be read loses its own text, not the page's.
        try? run(content, resources: form["Resources"] ?? resources, depth: depth + 1)
        (state, saved, textMatrix, lineMatrix) = (outer.0, outer.1, outer.2, outer.3)
        while open.count > outer.4 { end() }
    }
}
