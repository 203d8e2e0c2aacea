import CPangoCairo
import HandbillModel

/// Opens and closes Cairo's structure tags, numbering elements in the order Cairo creates them —
/// the structure tree's pre-order — so the finishing stage can find an element again and add what
/// Cairo 1.16 cannot write (Alt, Lang, ActualText).
final class ElementLog {
    private var created = 0
    /// Open elements, innermost last, with the text drawn in each and in the elements inside it
    /// (UTF-8), and whether a reader must be given it whole, as /ActualText: some of it stored out
    /// of reading order, or a line of it broken inside a word.
    private var open: [(element: Int, text: [UInt8], readWhole: Bool)] = []
    /// Attributes by element number.
    private(set) var attributes: [Int: StructureAttributes] = [:]

    func begin(_ cr: OpaquePointer, _ name: String, _ tagAttributes: String = "") {
        cairo_tag_begin(cr, name, tagAttributes)
        open.append((created, [], false))
        created += 1
    }

    func end(_ cr: OpaquePointer, _ name: String) {
        cairo_tag_end(cr, name)
        // A PNG page may close what an earlier page opened: nothing to pop then.
        guard let closed = open.popLast() else { return }
        // Text layout described (a poster tile's cut line, read whole) is left as it said.
        if closed.readWhole && attributes[closed.element]?.actualText == nil { attributes[closed.element, default: StructureAttributes()].actualText = String(decoding: closed.text, as: UTF8.self) }
    }

    /// Notes text (UTF-8) drawn in the innermost open element (and so in every element around it).
    func drew(_ text: [UInt8], reordered: Bool) {
        guard !open.isEmpty else { return }
        for index in open.indices { open[index].text += text }
        if reordered { open[open.count - 1].readWhole = true }
    }

    /// The element `outward` levels out from the innermost is read whole, as /ActualText: a line
    /// of it ended inside a word (an address broken after a slash or before a dot, a hyphenated
    /// word), which readers would otherwise read as two ("takeitdown .ncmec.org").
    func readWhole(outward: Int) {
        guard open.count > outward else { return }
        open[open.count - 1 - outward].readWhole = true
    }

    /// Attaches attributes to the innermost open element.
    func describe(_ description: StructureAttributes) {
        guard let element = open.last?.element else { return }
        var merged = description
        if merged.actualText == nil { merged.actualText = attributes[element]?.actualText }
        attributes[element] = merged
    }
}
