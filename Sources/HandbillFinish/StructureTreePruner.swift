import CQPDF
import HandbillModel

/// Finishes the structure tree's elements in one walk: each gets the attributes render gave its
/// number (`/Alt`, `/Lang`, `/ActualText`), and decoration — every `Private` element, its content
/// now an artifact — is removed from its parent, its marked-content ids cleared from the parent tree.
///
/// One walk, because each qpdf C-API call costs ~1,000 instructions: an element's `/S` and `/K`
/// are read once, with one call each (`PDFObject.kind`, `value`, `isName`), and its `/Pg` only
/// when decoration under it needs a page.
enum StructureTreePruner {
    /// `attributes` are keyed by the element's number in the tree's pre-order, counting every
    /// element (decoration too), as render numbered them.
    static func describeAndRemoveDecoration(in pdf: QPDF, attributes: [Int: StructureAttributes]) {
        guard let root = pdf.root["StructTreeRoot"] else { return }
        var walk = Walk(pdf: pdf, attributes: attributes)
        walk.visitKids(of: root)
        guard !walk.cleared.isEmpty, let parentTree = root["ParentTree"] else { return }
        // Pages name their entry in the parent tree with /StructParents.
        var entryOfPage: [Int: Int] = [:]
        for page in pdf.pages { if let key = page["StructParents"]?.integer { entryOfPage[page.objectID] = key } }
        let null = pdf.null
        var entries: [Int: PDFObject?] = [:]   // by page object id: each page's entry looked up once
        for (page, mcid) in walk.cleared {
            if entries[page] == nil {
                entries[page] = entryOfPage[page].flatMap { lookup(parentTree, $0) }.flatMap { $0.isArray ? $0 : nil }
            }
            guard let found = entries[page], let entry = found, mcid < entry.count else { continue }
            entry.setItem(mcid, null)
        }
    }

    private struct Walk {
        let pdf: QPDF
        let attributes: [Int: StructureAttributes]
        var number = 0                           // the next element's pre-order number
        var cleared: [(page: Int, mcid: Int)] = []   // page object id, MCID
        var ancestors: [PDFObject] = []          // the elements above, outermost first: for an inherited /Pg

        /// Visits the elements under `element`, removing decoration.
        mutating func visitKids(of element: PDFObject) {
            let kids = element.value("/K")
            switch kids.kind {
            case ot_array:
                var decoration: [Int] = []
                for index in 0..<kids.count {
                    let kid = kids.item(index)
                    guard kid.kind == ot_dictionary else { continue }
                    let type = kid.value("/S")
                    if type.isName("/Private") {
                        noteDecoration(kid)
                        decoration.append(index)
                    } else if type.kind != ot_null {
                        visit(kid)
                    }
                }
                for index in decoration.reversed() { kids.eraseItem(index) }
            case ot_dictionary:
                let type = kids.value("/S")
                if type.isName("/Private") {
                    noteDecoration(kids)
                    element["K"] = pdf.object("[]")
                } else if type.kind != ot_null {
                    visit(kids)
                }
            default:
                break
            }
        }

        /// A structure element that stays: its attributes, then its kids.
        private mutating func visit(_ element: PDFObject) {
            if let description = attributes[number] {
                if let alt = description.alt { element["Alt"] = pdf.string(alt) }
                if let language = description.language { element["Lang"] = pdf.string(language) }
                if let text = description.actualText { element["ActualText"] = pdf.string(text) }
            }
            number += 1
            ancestors.append(element)
            visitKids(of: element)
            ancestors.removeLast()
        }

        /// A `Private` element and everything under it: numbered, and its content noted to be cleared.
        private mutating func noteDecoration(_ element: PDFObject) {
            number += 1
            note(element, page: page(of: element))
        }

        private mutating func note(_ element: PDFObject, page: PDFObject?) {
            let kids = element.value("/K")
            let items = kids.kind == ot_array ? (0..<kids.count).map(kids.item) : [kids]
            for kid in items {
                switch kid.kind {
                case ot_integer:
                    if let page { cleared.append((page.objectID, kid.integer!)) }
                case ot_dictionary:
                    let mcid = kid.value("/MCID"), type = kid.value("/S")
                    if mcid.kind == ot_integer {
                        if let kidPage = present(kid.value("/Pg")) ?? page { cleared.append((kidPage.objectID, mcid.integer!)) }
                    } else if type.kind != ot_null {
                        number += 1
                        note(kid, page: present(kid.value("/Pg")) ?? page)
                    }
                default:
                    break
                }
            }
        }

        /// The page `element` is on: its own /Pg, or the nearest ancestor's.
        private func page(of element: PDFObject) -> PDFObject? {
            if let page = present(element.value("/Pg")) { return page }
            for ancestor in ancestors.reversed() {
                if let page = present(ancestor.value("/Pg")) { return page }
            }
            return nil
        }

        private func present(_ object: PDFObject) -> PDFObject? { object.kind == ot_null ? nil : object }
    }

    /// Finds `key` in a number tree (`/Nums` pairs, possibly under `/Kids`).
    private static func lookup(_ tree: PDFObject, _ key: Int) -> PDFObject? {
        if let nums = tree["Nums"], nums.isArray {
            var index = 0
            let count = nums.count
            while index + 1 < count {
                if nums.item(index).integer == key { return nums.item(index + 1) }
                index += 2
            }
        }
        for kid in tree["Kids"]?.items ?? [] { if let found = lookup(kid, key) { return found } }
        return nil
    }
}
