import CQPDF
import HandbillModel

/// Puts a finished booklet's pages onto sheets, two to each side, without drawing them again:
/// each sheet side shows its left page's content and its right page's, each moved into place
/// (`q 1 0 0 1 x y cm … Q`).
///
/// What the pages' structure needs follows them: the right page's marked-content ids continue
/// after the left page's and its resource names get a prefix (`OverlayContent`); every structure
/// element, link annotation and bookmark that pointed at a booklet page points at its sheet, moved
/// by as much; each sheet's entry in the parent tree is its two pages' entries one after the
/// other. The structure tree itself is not touched, so a screen reader reads the sheets in the
/// booklet's order, as it reads the pages.
public enum SheetImposition {
    /// One side of a sheet: the booklet pages (1-based; beyond the last, a blank half) at its left
    /// and right (`BookletImposition.sides`).
    public struct Side: Sendable {
        public var left: Int, right: Int

        public init(left: Int, right: Int) {
            self.left = left
            self.right = right
        }
    }

    /// Where a booklet page went: its sheet side, how far it moved, and how far its ids moved on.
    private struct Placement {
        var sheet: PDFObject
        var dx: Double, dy: Double
        var mcidOffset: Int
    }

    /// The sheets' file, made from `pdf`, a booklet's pages as finished (`Finisher`).
    static func impose(_ pdf: QPDF, sides: [Side], sheetWidth: Double, sheetHeight: Double) throws(DiagnosticError) -> [UInt8] {
        let pages = try pdf.readPages()
        guard let tree = ParentTree(pdf) else { throw bug("the booklet has no parent tree") }
        var placements: [Int: Placement] = [:]   // by booklet page object id
        // Every left half moves alike: one stream begins them, one ends a half-sheet with no right page.
        let first = pages.first?["MediaBox"]?.numbers ?? [0, 0, 0, 0]
        let leftMove = first.count == 4 ? Self.move(Self.offset(of: first, right: false, width: sheetWidth, height: sheetHeight)) : ""
        let shared = (move: leftMove, left: pdf.stream(Array(leftMove.utf8)), end: pdf.stream(Array("\nQ\n".utf8)))
        let sheets = try sides.map { side throws(DiagnosticError) in
            try sheet(side, of: pages, width: sheetWidth, height: sheetHeight, tree: tree, shared: shared, in: pdf, placing: &placements)
        }
        // The right pages' keys are in their sheets' lists now.
        let kept = Set(sheets.compactMap { $0["StructParents"]?.integer })
        tree.remove(keys: Set(pages.compactMap { $0["StructParents"]?.integer }).subtracting(kept))
        if let root = pdf.root["StructTreeRoot"], let kids = root["K"] {
            for kid in kids.isArray ? kids.items : [kids] where kid.isDictionary {
                StructurePlacement.place(kid, inherited: nil, in: pdf) { page in
                    placements[page.objectID].map { StructurePlacement.Target(page: $0.sheet, mcidOffset: $0.mcidOffset) }
                }
            }
        }
        if let outlines = pdf.root["Outlines"] { moveBookmarks(under: outlines, placements, in: pdf) }
        for page in pages { qpdf_remove_page(pdf.data, page.handle) }
        for sheet in sheets { _ = qpdf_add_page(pdf.data, pdf.data, sheet.handle, QPDF_FALSE) }
        try pdf.check("put the booklet's pages on sheets in")
        return try pdf.written()
    }

    /// One side of a sheet, its two pages' content, resources, annotations and parent-tree entry
    /// on it; where each page went is added to `placements`. Its content: the left page's streams
    /// as they are, between `q … cm` and `Q`, then one new stream with the right page's content
    /// renamed and renumbered, moved the same way.
    private static func sheet(_ side: Side, of pages: [PDFObject], width: Double, height: Double, tree: ParentTree,
                              shared: (move: String, left: PDFObject, end: PDFObject), in pdf: QPDF,
                              placing placements: inout [Int: Placement]) throws(DiagnosticError) -> PDFObject {
        let sheet = PDFObject(pdf: pdf, handle: qpdf_make_indirect_object(pdf.data, pdf.object("<< /Type /Page >>").handle))
        for key in ["MediaBox", "TrimBox", "BleedBox"] { sheet[key] = pdf.array(of: [0, 0, width, height]) }
        let resources = pdf.newDictionary(), contents = pdf.newArray(), annotations = pdf.newArray(), ids = pdf.newArray()
        var structParents: Int?, leftOpen = false
        for (number, isRight) in [(side.left, false), (side.right, true)] where pages.indices.contains(number - 1) {
            let page = pages[number - 1]
            guard let pageBox = page["MediaBox"]?.numbers, pageBox.count == 4 else { throw bug("a booklet page has no MediaBox") }
            let (dx, dy) = offset(of: pageBox, right: isRight, width: width, height: height)
            placements[page.objectID] = Placement(sheet: sheet, dx: dx, dy: dy, mcidOffset: ids.count)
            guard let ownResources = page["Resources"] else { throw bug("a booklet page has no resources of its own") }
            let names = carry(ownResources, into: resources, prefixed: isRight)
            if isRight {
                let content = try OverlayContent.rewrite(try page.pageContent(), names: names, mcidOffset: ids.count)
                contents.append(pdf.stream(Array(((leftOpen ? "\nQ\n" : "") + move((dx, dy))).utf8) + content + Array("\nQ\n".utf8)))
                leftOpen = false
            } else {
                let moving = move((dx, dy))
                contents.append(moving == shared.move ? shared.left : pdf.stream(Array(moving.utf8)))
                for part in page["Contents"]?.items ?? [] { contents.append(part) }
                leftOpen = true
            }
            let key = page["StructParents"]?.integer
            for id in key.flatMap({ tree.values[$0] })?.items ?? [] { ids.append(id) }
            structParents = structParents ?? key
            for annotation in page["Annots"]?.items ?? [] {
                moveRectangles(of: annotation, dx: dx, dy: dy, in: pdf)
                annotation["P"] = sheet
                annotations.append(annotation)
            }
            if sheet["Group"] == nil, let group = page["Group"] { sheet["Group"] = group }
        }
        if leftOpen { contents.append(shared.end) }
        sheet["Resources"] = resources
        sheet["Contents"] = contents
        if annotations.count > 0 {
            sheet["Annots"] = annotations
            sheet["Tabs"] = pdf.name("/S")
        }
        if let key = structParents {
            sheet["StructParents"] = pdf.integer(key)
            guard tree.set(key: key, value: ids) else { throw bug("a page's key is not in the parent tree") }
        }
        return sheet
    }

    /// How far a page's box moves to its half of the sheet: the pages meet at the fold in the
    /// middle of the sheet, and any spare room is outside them.
    private static func offset(of box: [Double], right: Bool, width: Double, height: Double) -> (dx: Double, dy: Double) {
        ((right ? width / 2 : width / 2 - (box[2] - box[0])) - box[0], (height - (box[3] - box[1])) / 2 - box[1])
    }

    /// `q` and a move by `offset` points.
    private static func move(_ offset: (dx: Double, dy: Double)) -> String {
        "q 1 0 0 1 \(PDFNumber.format(offset.dx)) \(PDFNumber.format(offset.dy)) cm\n"
    }

    /// Copies `resources`' entries into `into`, category by category; prefixed, for the right
    /// page (whose content is renamed to match). Returns the names copied.
    private static func carry(_ resources: PDFObject, into: PDFObject, prefixed: Bool) -> Set<String> {
        var names: Set<String> = []
        for category in resources.keys {
            guard let entries = resources[category] else { continue }
            guard entries.isDictionary else {
                if into[category] == nil { into[category] = entries }  // /ProcSet, a list
                continue
            }
            if into[category] == nil { into[category] = into.pdf.newDictionary() }
            guard let target = into[category] else { continue }
            for name in entries.keys {
                guard let value = entries[name] else { continue }
                names.insert(name)
                target[prefixed ? OverlayContent.prefix + name : name] = value
            }
        }
        return names
    }

    /// A link's rectangle (and the quadrilaterals its words take, when given) moved with its page.
    private static func moveRectangles(of annotation: PDFObject, dx: Double, dy: Double, in pdf: QPDF) {
        for key in ["Rect", "QuadPoints"] {
            guard let numbers = annotation[key]?.numbers, numbers.count % 2 == 0 else { continue }
            annotation[key] = pdf.array(of: numbers.enumerated().map { $0.offset % 2 == 0 ? $0.element + dx : $0.element + dy })
        }
    }

    /// Every bookmark under `item` pointed at the sheet its page went to, at the same place on it.
    private static func moveBookmarks(under item: PDFObject, _ placements: [Int: Placement], in pdf: QPDF) {
        var next = item["First"]
        while let bookmark = next {
            if let destination = bookmark["Dest"], destination.isArray, destination.count >= 1,
               let placement = placements[destination.item(0).objectID] {
                destination.setItem(0, placement.sheet)
                // /XYZ left top zoom: the point moves with the page (null stays null).
                if destination.count >= 4, destination.item(1).name == "XYZ" {
                    if let left = destination.item(2).number { destination.setItem(2, pdf.object(PDFNumber.format(left + placement.dx))) }
                    if let top = destination.item(3).number { destination.setItem(3, pdf.object(PDFNumber.format(top + placement.dy))) }
                }
            }
            moveBookmarks(under: bookmark, placements, in: pdf)
            next = bookmark["Next"]
        }
    }

    private static func bug(_ what: String) -> DiagnosticError {
        DiagnosticError(.error("the booklet could not be put on sheets: \(what)", hint: "this is a bug in Handbill; please report it"))
    }
}
