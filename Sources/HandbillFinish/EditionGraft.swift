import HandbillModel

/// Makes a local edition from two finished PDFs: the national pages laid out with room for the
/// edition's block (`EditionLayout.base`, finished once for every edition of its shape) and the
/// edition's own overlay (its block and small print alone, on as many pages). The national pages'
/// content, fonts and structure are taken as they are; only the overlay is new in each edition.
///
/// - Each page draws its own content (in `q … Q`), then the overlay's; the overlay's resources are
///   renamed and its marked-content ids follow the page's (`OverlayContent`).
/// - The overlay's elements take the place of the base's empty marker element
///   (`EditionMarker.actualText`) under the Document element, so a screen reader reads the block where
///   it stands; the parent tree maps the new ids and the block's link annotations to them.
/// - The document's subject, keywords and XMP are the edition's (`options`).
public enum EditionGraft {
    /// The edition's bytes: `base` (a finished PDF) with `overlay` (as Cairo drew it, finished here
    /// as `overlayOptions` say) laid over it, described as `options` say.
    public static func graft(_ overlay: [UInt8], overlayOptions: FinishOptions, onto base: [UInt8],
                             options: FinishOptions) throws(DiagnosticError) -> [UInt8] {
        var result: Result<[UInt8], DiagnosticError> = .success([])
        base.withUnsafeBufferPointer { baseBuffer in
            overlay.withUnsafeBufferPointer { overlayBuffer in
                do throws(DiagnosticError) {
                    let drawn = try QPDF(bytes: overlayBuffer, name: "a local edition's own content")
                    try Finisher.finishContent(drawn, options: overlayOptions)
                    // The copy goes before the document it copied from (qpdf's order).
                    try withExtendedLifetime(drawn) { () throws(DiagnosticError) in
                        let pdf = try QPDF(bytes: baseBuffer, name: "the national pages of a local edition")
                        var update = IncrementalUpdate(pdf: pdf, base: base)
                        try graft(drawn, onto: pdf, noting: &update, options: options)
                        result = .success(try update.written())
                    }
                } catch {
                    result = .failure(error)
                }
            }
        }
        return try result.get()
    }

    private static func graft(_ overlay: QPDF, onto pdf: QPDF, noting update: inout IncrementalUpdate,
                              options: FinishOptions) throws(DiagnosticError) {
        let pages = pdf.pages, overlayPages = overlay.pages
        guard pages.count == overlayPages.count,
              let tree = ParentTree(pdf), let overlayTree = ParentTree(overlay),
              let document = documentElement(pdf), let overlayDocument = documentElement(overlay),
              let marker = document["K"]?.items.firstIndex(where: { $0["ActualText"]?.text == EditionMarker.actualText }) else {
            throw bug("the national pages and the edition's own do not match")
        }
        // The overlay's elements lose their parent before anything is copied (a copy is made once:
        // what is changed after copying would not be copied again), and so does not bring the
        // overlay's whole tree along.
        let kids = overlayDocument["K"]?.items.filter(\.isDictionary) ?? []
        for kid in kids { kid["P"] = nil }
        // Marked-content ids on each page continue from the national page's.
        let offsets = pages.map { page in page["StructParents"]?.integer.flatMap { tree.values[$0] }?.count ?? 0 }
        guard let drawnOn = kids.lazy.compactMap(page(of:)).first,
              let blockPage = overlayPages.firstIndex(where: { $0.isSame(as: drawnOn) }),
              pages[blockPage]["StructParents"]?.integer != nil else {
            throw bug("the edition's block is on no page that takes it")
        }
        var nextKey = tree.nextKey
        let save = pdf.stream(Array("q\n".utf8)), restore = pdf.stream(Array("\nQ\n".utf8))
        for (index, (page, drawn)) in zip(pages, overlayPages).enumerated() {
            let names = try carryResources(of: drawn, to: page, in: pdf, noting: &update)
            let content = try OverlayContent.rewrite(try drawn.pageContent(), names: names, mcidOffset: offsets[index])
            let contents = pdf.newArray()
            for part in [save] + (page["Contents"]?.items ?? []) + [restore, pdf.stream(content)] { contents.append(part) }
            page["Contents"] = contents
            update.changed(page)
            for annotation in drawn["Annots"]?.items ?? [] {
                let copied = pdf.copy(annotation)
                copied["P"] = page
                if let key = annotation["StructParent"]?.integer, let element = overlayTree.values[key] {
                    copied["StructParent"] = pdf.integer(nextKey)
                    tree.add(key: nextKey, value: pdf.copy(element))
                    update.changed(tree.nums, tree.holder)
                    nextKey += 1
                }
                if page["Annots"] == nil { page["Annots"] = pdf.newArray() }
                page["Annots"]?.append(copied)
                update.changed(page["Annots"])
                page["Tabs"] = pdf.name("/S")
            }
        }
        // The block's elements, on their page, with their ids renumbered, in the marker's place.
        let page = pages[blockPage], offset = offsets[blockPage]
        let elements = kids.map(pdf.copy)
        for element in elements {
            placed(element, on: page, offset: offset, in: pdf)
            element["P"] = document
        }
        if let key = overlayPages[blockPage]["StructParents"]?.integer, let ids = overlayTree.values[key],
           let pageKey = page["StructParents"]?.integer, let pageIDs = tree.values[pageKey] {
            for id in pdf.copy(ids).items { pageIDs.append(id) }
            update.changed(pageIDs, tree.nums, tree.holder)
        }
        if let kidsOfDocument = document["K"] {
            kidsOfDocument.eraseItem(marker)
            for (position, element) in elements.enumerated() { kidsOfDocument.insert(element, at: marker + position) }
            update.changed(kidsOfDocument, document)
        }
        if let root = pdf.root["StructTreeRoot"], root["ParentTreeNextKey"] != nil {
            root["ParentTreeNextKey"] = pdf.integer(nextKey)
            update.changed(root)
        }
        try pdf.check("lay a local edition over its national pages in")
        describe(pdf, options)
        update.changed(pdf.trailer["Info"], pdf.root)
    }

    /// Copies the overlay page's resources into the page's, each name prefixed; returns the
    /// overlay's names, for its content to be renamed.
    private static func carryResources(of drawn: PDFObject, to page: PDFObject, in pdf: QPDF,
                                       noting update: inout IncrementalUpdate) throws(DiagnosticError) -> Set<String> {
        guard let resources = drawn["Resources"] else { return [] }
        if page["Resources"] == nil { page["Resources"] = pdf.newDictionary() }
        guard let target = page["Resources"] else { throw bug("a national page has no resources") }
        var names: Set<String> = []
        for category in resources.keys {
            guard let entries = resources[category], entries.isDictionary else { continue }  // /ProcSet is a list
            if target[category] == nil { target[category] = pdf.newDictionary() }
            guard let into = target[category] else { continue }
            for name in entries.keys {
                guard let value = entries[name] else { continue }
                names.insert(name)
                into[OverlayContent.prefix + name] = pdf.copy(value)
            }
            update.changed(into)
        }
        update.changed(target)
        return names
    }

    /// Points a copied element and everything under it at `page`, its marked-content ids moved on by `offset`.
    private static func placed(_ element: PDFObject, on page: PDFObject, offset: Int, in pdf: QPDF) {
        if element["Type"]?.name == "StructElem" || element["S"] != nil { element["Pg"] = page }
        guard let kids = element["K"] else { return }
        func moved(_ kid: PDFObject) -> PDFObject? {
            if let id = kid.integer { return pdf.integer(id + offset) }
            guard kid.isDictionary else { return nil }
            switch kid["Type"]?.name {
            case "MCR":
                if let id = kid["MCID"]?.integer { kid["MCID"] = pdf.integer(id + offset) }
                kid["Pg"] = page
            case "OBJR":
                kid["Pg"] = page
            default:
                placed(kid, on: page, offset: offset, in: pdf)
            }
            return nil
        }
        if kids.isArray {
            for index in 0..<kids.count {
                if let replacement = moved(kids.item(index)) { kids.setItem(index, replacement) }
            }
        } else if let replacement = moved(kids) {
            element["K"] = replacement
        }
    }

    /// The page an element's content is on: its own `/Pg`, or its first kid's that has one.
    private static func page(of element: PDFObject) -> PDFObject? {
        if let page = element["Pg"] { return page }
        return element["K"]?.items.lazy.filter(\.isDictionary).compactMap(page(of:)).first
    }

    /// The Document element under the structure tree's root.
    private static func documentElement(_ pdf: QPDF) -> PDFObject? {
        pdf.root["StructTreeRoot"]?["K"]?.items.first { $0["S"]?.name == "Document" }
    }

    /// Subject, keywords and XMP: the edition's.
    private static func describe(_ pdf: QPDF, _ options: FinishOptions) {
        if let info = pdf.trailer["Info"] {
            info["Subject"] = pdf.string(options.subject)
            info["Keywords"] = pdf.string(options.keywords.joined(separator: ", "))
        }
        pdf.root["Metadata"] = pdf.stream(Array(XMPMetadata.packet(options).utf8), dictionary: "<< /Type /Metadata /Subtype /XML >>")
    }

    private static func bug(_ what: String) -> DiagnosticError {
        DiagnosticError(.error("a local edition could not be made: \(what)", hint: "this is a bug in Handbill; please report it"))
    }
}

/// A structure tree's parent tree as Cairo writes it: one flat `/Nums` list.
private struct ParentTree {
    /// The tree's dictionary, and its list of keys and values.
    let holder: PDFObject
    let nums: PDFObject
    /// Each key's value: a page's list of elements by marked-content id, or an annotation's element.
    let values: [Int: PDFObject]
    let nextKey: Int

    init?(_ pdf: QPDF) {
        guard let holder = pdf.root["StructTreeRoot"]?["ParentTree"], let nums = holder["Nums"], nums.isArray else { return nil }
        self.holder = holder
        self.nums = nums
        var values: [Int: PDFObject] = [:]
        var next = 0
        for index in stride(from: 0, to: nums.count - 1, by: 2) {
            guard let key = nums.item(index).integer else { continue }
            values[key] = nums.item(index + 1)
            next = max(next, key + 1)
        }
        self.values = values
        nextKey = max(next, pdf.root["StructTreeRoot"]?["ParentTreeNextKey"]?.integer ?? 0)
    }

    /// Adds a key above every other (the list stays in key order).
    func add(key: Int, value: PDFObject) {
        nums.append(nums.pdf.integer(key))
        nums.append(value)
    }
}
