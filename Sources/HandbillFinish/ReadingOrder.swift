import HandbillModel

/// Puts the structure tree back into reading order when pages were drawn out of it. Cairo adds
/// each element to the tree as it is drawn; an imposed booklet draws page 8 before page 1, so the
/// document's elements are re-sorted (stably) by the page each is on. Marked content, the
/// parent tree and the pages are untouched: only the order a screen reader walks changes.
enum ReadingOrder {
    static func restore(_ positions: [Int], in pdf: QPDF) throws(DiagnosticError) {
        guard let document = documentElement(pdf), let kids = document["K"], kids.isArray else {
            throw DiagnosticError(.error("the PDF has no Document structure element to put in reading order",
                                         hint: "please report this as a bug in Handbill"))
        }
        // Decoration (Private) is pruned before this; any left keeps its place at the end.
        let all = kids.items
        let elements = all.filter { $0["S"]?.name != "Private" }, decoration = all.filter { $0["S"]?.name == "Private" }
        guard elements.count == positions.count else {
            throw DiagnosticError(.error("the document has \(elements.count) top-level structure elements but layout placed \(positions.count)",
                                         hint: "please report this as a bug in Handbill"))
        }
        let order = positions.indices.sorted { positions[$0] != positions[$1] ? positions[$0] < positions[$1] : $0 < $1 }
        for index in all.indices.reversed() { kids.eraseItem(index) }
        for index in order { kids.append(elements[index]) }
        for element in decoration { kids.append(element) }
    }

    /// The `Document` element under the tree's root.
    static func documentElement(_ pdf: QPDF) -> PDFObject? {
        guard let top = pdf.root["StructTreeRoot"]?["K"] else { return nil }
        let candidates = top.isArray ? top.items : [top]
        return candidates.first { $0.isDictionary && $0["S"]?.name == "Document" }
    }
}
