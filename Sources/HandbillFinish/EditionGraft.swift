import HandbillModel

/// Makes local editions from one finished PDF of national pages laid out with room for an
/// edition's block (`EditionLayout.base`) and, per edition, the edition's own overlay
/// (`EditionLayout.overlay`: its block and small print, then its small print alone). The national
/// pages' content, fonts and structure are taken as they are; only the overlay is new in each edition.
///
/// - Each page draws its own content (in `q … Q`), then the overlay's; the overlay's resources are
///   renamed and its marked-content ids follow the page's (`OverlayContent`).
/// - The overlay's elements take the place of the base's empty marker element
///   (`EditionMarker`) under the Document element, so a screen reader reads the block where it
///   stands; the parent tree maps the new ids and the block's link annotations to them.
/// - The document's subject, keywords and XMP are the edition's.
/// - The edition is written as an update of the national file (`IncrementalUpdate`).
///
/// The national pages are read once and kept: each edition's changes to them are undone once it
/// is written, and every so many editions they are read again (what editions copied in stays
/// until then). New objects are numbered in the file as if each edition were the first
/// (`IncrementalUpdate`), so an edition's bytes do not depend on the editions made before it.
public final class EditionGraft {
    /// The national file: kept for qpdf, which reads it in place, and written first in every edition.
    private let base: UnsafeMutableBufferPointer<UInt8>
    private let baseBytes: [UInt8]
    /// Where the national file's cross-reference section starts (its `startxref`).
    private let startxref: Int
    /// Read from `base`: released before it (`deinit`).
    private var pdf: QPDF!
    /// The overlays of the editions since the national pages were last read: what qpdf copied
    /// from them reads their bytes in place, so they are kept as long as the copies are.
    private var overlays: [[UInt8]] = []
    /// What is found once per reading of the national pages.
    private var pages: [PDFObject] = []
    private var tree: ParentTree
    private var document: PDFObject
    private var marker: Int
    /// The national file's /Size: where new objects' numbers start in the file written.
    private let firstNew: Int
    private var editions = 0
    /// Editions made before the national pages are read again (reading them costs about a third
    /// of an edition; what editions copied in grows by ~50 objects each until then).
    private static let rereadEvery = 32

    public init(base bytes: [UInt8]) throws(DiagnosticError) {
        base = UnsafeMutableBufferPointer.allocate(capacity: bytes.count)
        _ = base.initialize(from: bytes)
        baseBytes = bytes
        let read = try Self.read(UnsafeBufferPointer(base))
        (pdf, pages, tree, document, marker) = read
        guard let size = read.0.trailer["Size"]?.integer, let startxref = IncrementalUpdate.startxref(of: bytes) else {
            throw Self.bug("the national pages have no /Size or no `startxref`")
        }
        firstNew = size
        self.startxref = startxref
    }

    deinit {
        pdf = nil
        pages = []
        base.deallocate()
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(DiagnosticError)
        -> (QPDF, [PDFObject], ParentTree, PDFObject, Int) {
        let pdf = try QPDF(bytes: bytes, name: "the national pages of a local edition")
        guard let tree = ParentTree(pdf), let document = ReadingOrder.documentElement(pdf),
              let marker = document["K"]?.items.firstIndex(where: { $0["ActualText"]?.text == EditionMarker.actualText }) else {
            throw bug("the national pages have no place for the edition's block")
        }
        return (pdf, try pdf.readPages(), tree, document, marker)
    }

    /// The edition's bytes: `overlay` (as Cairo drew it, finished here as `options` say) laid over
    /// the national pages, the document described as `options` say. The overlay's first page is
    /// laid over page `blockPage` (from 0) and holds the block; its second, if any, over every other page.
    public func edition(_ overlay: [UInt8], blockPage: Int, options: FinishOptions) throws(DiagnosticError) -> [UInt8] {
        if editions == Self.rereadEvery {
            // Drop what earlier editions copied in: read the national pages again.
            pages = []
            pdf = nil
            overlays = []
            (pdf, pages, tree, document, marker) = try Self.read(UnsafeBufferPointer(base))
            editions = 0
        }
        editions += 1
        overlays.append(overlay)
        var result: Result<[UInt8], DiagnosticError> = .success([])
        overlays[overlays.count - 1].withUnsafeBufferPointer { overlayBuffer in
            do throws(DiagnosticError) {
                let drawn = try QPDF(bytes: overlayBuffer, name: "a local edition's own content")
                try withExtendedLifetime(drawn) { () throws(DiagnosticError) in
                    try Finisher.finishContent(drawn, options: options)
                    var update = IncrementalUpdate(pdf: pdf, base: baseBytes, startxref: startxref, firstNew: firstNew)
                    var undo: [() -> Void] = []
                    defer { for step in undo.reversed() { step() } }
                    try graft(drawn, blockPage: blockPage, noting: &update, undo: &undo, options: options)
                    result = .success(try update.written())
                }
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    private func graft(_ overlay: QPDF, blockPage: Int, noting update: inout IncrementalUpdate, undo: inout [() -> Void],
                       options: FinishOptions) throws(DiagnosticError) {
        let overlayPages = try overlay.readPages()
        guard overlayPages.count == min(2, pages.count), pages.indices.contains(blockPage), let overlayTree = ParentTree(overlay),
              let overlayDocument = ReadingOrder.documentElement(overlay) else {
            throw Self.bug("the national pages and the edition's own do not match")
        }
        // The overlay's elements lose their parent before anything is copied (a copy is made once:
        // what is changed after copying would not be copied again), and so does not bring the
        // overlay's whole tree along.
        let kids = overlayDocument["K"]?.items.filter(\.isDictionary) ?? []
        for kid in kids { kid["P"] = nil }
        // Marked-content ids on the block's page continue from the national page's.
        let blockIDs = pages[blockPage]["StructParents"]?.integer.flatMap { tree.values[$0] }
        guard let blockIDs, let drawnOn = kids.lazy.compactMap(Self.page(of:)).first, overlayPages[0].isSame(as: drawnOn) else {
            throw Self.bug("the edition's block is on no page that takes it")
        }
        let offset = blockIDs.count
        /// Sets `key` of `object`, and how to set it back.
        func set(_ object: PDFObject, _ key: String, _ value: PDFObject?) {
            let old = object[key]
            object[key] = value
            undo.append { object[key] = old }
        }
        var nextKey = tree.nextKey
        let save = pdf.stream(Array("q\n".utf8)), restore = pdf.stream(Array("\nQ\n".utf8))
        var smallPrint: PDFObject?  // the small print's content, one stream for every page but the block's
        for (index, page) in pages.enumerated() {
            let drawn = index == blockPage ? overlayPages[0] : overlayPages[overlayPages.count - 1]
            let names = try carryResources(of: drawn, to: page, noting: &update, set: set)
            let content: PDFObject
            if index == blockPage {
                content = pdf.stream(try OverlayContent.rewrite(try drawn.pageContent(), names: names, mcidOffset: offset))
            } else if let made = smallPrint {
                content = made
            } else {
                content = pdf.stream(try OverlayContent.rewrite(try drawn.pageContent(), names: names, mcidOffset: 0))
                smallPrint = content
            }
            let contents = pdf.newArray()
            for part in [save] + (page["Contents"]?.items ?? []) + [restore, content] { contents.append(part) }
            set(page, "Contents", contents)
            update.changed(page)
            guard index == blockPage else { continue }
            for annotation in drawn["Annots"]?.items ?? [] {
                let copied = pdf.copy(annotation)
                copied["P"] = page
                if let key = annotation["StructParent"]?.integer, let element = overlayTree.values[key] {
                    copied["StructParent"] = pdf.integer(nextKey)
                    undo.append(tree.add(key: nextKey, value: pdf.copy(element)))
                    update.changed(tree.nums, tree.holder)
                    nextKey += 1
                }
                if page["Annots"] == nil { set(page, "Annots", pdf.newArray()) }
                guard let annotations = page["Annots"] else { continue }
                annotations.append(copied)
                undo.append { annotations.eraseItem(annotations.count - 1) }
                update.changed(annotations)
                set(page, "Tabs", pdf.name("/S"))
            }
        }
        // The block's elements, on their page, with their ids renumbered, in the marker's place.
        let page = pages[blockPage]
        let elements = kids.map(pdf.copy)
        for element in elements {
            // Copied from the overlay, its page references are null: every element and reference gets the page.
            let target = StructurePlacement.Target(page: page, mcidOffset: offset)
            StructurePlacement.place(element, inherited: target, everyElement: true, in: pdf) { _ in target }
            element["P"] = document
        }
        if let key = overlayPages[0]["StructParents"]?.integer, let ids = overlayTree.values[key] {
            for id in ids.items { blockIDs.append(pdf.copy(id)) }
            undo.append { while blockIDs.count > offset { blockIDs.eraseItem(blockIDs.count - 1) } }
            // The page's list, or what holds it when it is written in place.
            if blockIDs.objectID != 0 { update.changed(blockIDs) } else { update.changed(tree.nums, tree.holder) }
        }
        if let kidsOfDocument = document["K"] {
            let placeholder = kidsOfDocument.item(marker), at = marker
            kidsOfDocument.eraseItem(at)
            for (position, element) in elements.enumerated() { kidsOfDocument.insert(element, at: at + position) }
            undo.append {
                for _ in elements { kidsOfDocument.eraseItem(at) }
                kidsOfDocument.insert(placeholder, at: at)
            }
            update.changed(kidsOfDocument, document)
        }
        if let root = pdf.root["StructTreeRoot"], root["ParentTreeNextKey"] != nil {
            set(root, "ParentTreeNextKey", pdf.integer(nextKey))
            update.changed(root)
        }
        try pdf.check("lay a local edition over its national pages in")
        if let info = pdf.trailer["Info"] {
            set(info, "Subject", pdf.string(options.subject))
            set(info, "Keywords", pdf.string(options.keywords.joined(separator: ", ")))
            update.changed(info)
        }
        set(pdf.root, "Metadata", pdf.stream(Array(XMPMetadata.packet(options).utf8), dictionary: "<< /Type /Metadata /Subtype /XML >>"))
        update.changed(pdf.root)
    }

    /// Copies the overlay page's resources into the page's, each name prefixed; returns the
    /// overlay's names, for its content to be renamed.
    private func carryResources(of drawn: PDFObject, to page: PDFObject, noting update: inout IncrementalUpdate,
                                set: (PDFObject, String, PDFObject?) -> Void) throws(DiagnosticError) -> Set<String> {
        guard let resources = drawn["Resources"] else { return [] }
        guard let target = page["Resources"] else {
            // Cairo gives every page its own; one from the page tree would be shared with other pages.
            throw Self.bug("a national page has no resources of its own")
        }
        var names: Set<String> = []
        for category in resources.keys {
            guard let entries = resources[category], entries.isDictionary else { continue }  // /ProcSet is a list
            if target[category] == nil { set(target, category, pdf.newDictionary()) }
            guard let into = target[category] else { continue }
            for name in entries.keys {
                guard let value = entries[name] else { continue }
                names.insert(name)
                set(into, OverlayContent.prefix + name, pdf.copy(value))
            }
            update.changed(into)
        }
        update.changed(target)
        return names
    }

    /// The page an element's content is on: its own `/Pg`, or its first kid's that has one.
    private static func page(of element: PDFObject) -> PDFObject? {
        if let page = element["Pg"] { return page }
        return element["K"]?.items.lazy.filter(\.isDictionary).compactMap(page(of:)).first
    }

    private static func bug(_ what: String) -> DiagnosticError {
        DiagnosticError(.error("a local edition could not be made: \(what)", hint: "this is a bug in Handbill; please report it"))
    }
}

