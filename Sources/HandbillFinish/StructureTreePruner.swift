import HandbillModel

/// Takes decoration out of the structure tree once its content is an artifact: every `Private`
/// element is removed from its parent, and its marked-content ids are cleared from the parent tree.
enum StructureTreePruner {
    static func removeDecoration(from pdf: QPDF) {
        guard let root = pdf.root["StructTreeRoot"] else { return }
        var cleared: [(page: Int, mcid: Int)] = []   // page object id, MCID
        prune(root, page: nil, cleared: &cleared)
        guard let parentTree = root["ParentTree"] else { return }
        // Pages name their entry in the parent tree with /StructParents.
        var entryOfPage: [Int: Int] = [:]
        for page in pdf.pages { if let key = page["StructParents"]?.integer { entryOfPage[page.objectID] = key } }
        for (page, mcid) in cleared {
            guard let key = entryOfPage[page], let entry = lookup(parentTree, key), entry.isArray,
                  mcid < entry.items.count else { continue }
            entry.setItem(mcid, pdf.null)
        }
    }

    /// Removes `Private` kids of `element`, depth first, noting the content they held.
    private static func prune(_ element: PDFObject, page: PDFObject?, cleared: inout [(page: Int, mcid: Int)]) {
        guard let kids = element["K"] else { return }
        let page = element["Pg"] ?? page
        if kids.isArray {
            for (index, kid) in kids.items.enumerated().reversed() {
                if kid.isDictionary, kid["S"]?.name == "Private" {
                    noteContent(of: kid, page: kid["Pg"] ?? page, into: &cleared)
                    kids.eraseItem(index)
                } else if kid.isDictionary {
                    prune(kid, page: page, cleared: &cleared)
                }
            }
        } else if kids.isDictionary {
            if kids["S"]?.name == "Private" {
                noteContent(of: kids, page: kids["Pg"] ?? page, into: &cleared)
                element["K"] = element.pdf.object("[]")
            } else {
                prune(kids, page: page, cleared: &cleared)
            }
        }
    }

    private static func noteContent(of element: PDFObject, page: PDFObject?, into cleared: inout [(page: Int, mcid: Int)]) {
        for kid in element["K"]?.items ?? [] {
            if let mcid = kid.integer, let page {
                cleared.append((page.objectID, mcid))
            } else if kid.isDictionary, let mcid = kid["MCID"]?.integer, let kidPage = kid["Pg"] ?? page {
                cleared.append((kidPage.objectID, mcid))
            } else if kid.isDictionary, kid["S"] != nil {
                noteContent(of: kid, page: kid["Pg"] ?? page, into: &cleared)
            }
        }
    }

    /// Finds `key` in a number tree (`/Nums` pairs, possibly under `/Kids`).
    private static func lookup(_ tree: PDFObject, _ key: Int) -> PDFObject? {
        if let nums = tree["Nums"]?.items {
            var index = 0
            while index + 1 < nums.count {
                if nums[index].integer == key { return nums[index + 1] }
                index += 2
            }
        }
        for kid in tree["Kids"]?.items ?? [] { if let found = lookup(kid, key) { return found } }
        return nil
    }
}
