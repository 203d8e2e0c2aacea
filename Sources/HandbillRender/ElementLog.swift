import CPangoCairo
import HandbillModel

/// Opens and closes Cairo's structure tags, numbering elements in the order Cairo creates them —
/// the structure tree's pre-order — so the finishing stage can find an element again and add what
/// Cairo 1.16 cannot write (Alt, Lang, ActualText).
final class ElementLog {
    private var created = 0
    private var open: [Int] = []
    /// Attributes by element number.
    private(set) var attributes: [Int: StructureAttributes] = [:]

    func begin(_ cr: OpaquePointer, _ name: String, _ tagAttributes: String = "") {
        cairo_tag_begin(cr, name, tagAttributes)
        open.append(created)
        created += 1
    }

    func end(_ cr: OpaquePointer, _ name: String) {
        cairo_tag_end(cr, name)
        _ = open.popLast()  // a PNG page may close what an earlier page opened
    }

    /// Attaches attributes to the innermost open element.
    func describe(_ description: StructureAttributes) {
        if let element = open.last { attributes[element] = description }
    }
}
