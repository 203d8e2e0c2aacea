import CQPDF

/// Points structure elements at the page their content is now on, their marked-content ids
/// moved on by as much as that content's were: for content laid over another page's (a local
/// edition's block, `EditionGraft`) and for pages put on sheets (`SheetImposition`).
enum StructurePlacement {
    /// Where a page's content went: the page it is on now, and how far its ids moved on.
    struct Target {
        var page: PDFObject
        var mcidOffset: Int
    }

    /// `element` and everything under it: its `/Pg`, the ids among its kids, the `/Pg` of its
    /// marked-content and object references, where `target` says the page it names went (an
    /// element without a `/Pg` of its own is on its parent's page, `inherited`). `everyElement`:
    /// every element and reference gets the target's page, whether it named one or not (elements
    /// copied from another document, whose page references came over as null).
    /// One qpdf call per question, as in `StructureTreePruner`: the tree has an element a line.
    static func place(_ element: PDFObject, inherited: Target?, everyElement: Bool = false, in pdf: QPDF,
                      target: (PDFObject) -> Target?) {
        let page = element.value("/Pg")
        let own = page.kind == ot_null ? nil : target(page)
        let placement = own ?? inherited
        if let placement, own != nil || (everyElement && (element.value("/S").kind != ot_null || element.value("/Type").isName("/StructElem"))) {
            element["Pg"] = placement.page
        }
        func moved(_ kid: PDFObject) -> PDFObject? {
            switch kid.kind {
            case ot_integer:
                guard let placement, placement.mcidOffset > 0, let id = kid.integer else { return nil }
                return pdf.integer(id + placement.mcidOffset)
            case ot_dictionary:
                let type = kid.value("/Type"), page = kid.value("/Pg")
                if type.isName("/MCR") {
                    let own = page.kind == ot_null ? placement : target(page)
                    if let own, page.kind != ot_null || everyElement { kid["Pg"] = own.page }
                    if let own, let id = kid.value("/MCID").integer { kid["MCID"] = pdf.integer(id + own.mcidOffset) }
                } else if type.isName("/OBJR") {
                    let own = page.kind == ot_null ? (everyElement ? placement : nil) : target(page)
                    if let own { kid["Pg"] = own.page }
                } else {
                    place(kid, inherited: placement, everyElement: everyElement, in: pdf, target: target)
                }
                return nil
            default:
                return nil
            }
        }
        let kids = element.value("/K")
        if kids.kind == ot_array {
            for index in 0..<kids.count {
                if let replacement = moved(kids.item(index)) { kids.setItem(index, replacement) }
            }
        } else if let replacement = moved(kids) {
            element["K"] = replacement
        }
    }
}
