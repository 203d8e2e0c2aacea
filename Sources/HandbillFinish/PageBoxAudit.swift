/// Each page's media, trim and bleed boxes: a printer needs the trim (finished size) and the bleed.
struct PageBoxAudit {
    /// US Letter, PDF's default for a page that names no size.
    static let defaultMediaBox = InspectionReport.Box(x0: 0, y0: 0, x1: 612, y1: 792)

    private(set) var pages: [InspectionReport.Page] = []
    private(set) var problems: [String] = []

    init(_ pdfPages: [PDFObject]) {
        var withoutMedia: [Int] = [], withoutTrim: [Int] = [], withoutBleed: [Int] = [], misnested: [Int] = []
        for (index, page) in pdfPages.enumerated() {
            let number = index + 1
            let media = Self.box(page.inherited("MediaBox"))
            let trim = Self.box(page["TrimBox"]), bleed = Self.box(page["BleedBox"])
            if media == nil { withoutMedia.append(number) }
            if trim == nil { withoutTrim.append(number) }
            if bleed == nil { withoutBleed.append(number) }
            if !Self.nest(trim, in: bleed, in: media) { misnested.append(number) }
            pages.append(.init(number: number, mediaBox: media ?? Self.defaultMediaBox, trimBox: trim, bleedBox: bleed))
        }
        if pdfPages.isEmpty {
            problems.append("The document has no pages: export it again.")
        }
        if !withoutMedia.isEmpty {
            problems.append("\(Plural.pages(withoutMedia).capitalisedFirst) \(withoutMedia.count == 1 ? "has" : "have") no valid /MediaBox: readers guess the page size; set it.")
        }
        if !withoutTrim.isEmpty {
            problems.append("\(Plural.pages(withoutTrim).capitalisedFirst) \(withoutTrim.count == 1 ? "has" : "have") no /TrimBox: a printer cannot tell the finished size; set it to the page after trimming.")
        }
        if !withoutBleed.isEmpty {
            problems.append("\(Plural.pages(withoutBleed).capitalisedFirst) \(withoutBleed.count == 1 ? "has" : "have") no /BleedBox: set it to the area printed beyond the trim (the TrimBox when there is no bleed).")
        }
        if !misnested.isEmpty {
            problems.append("On \(Plural.pages(misnested)) the boxes do not nest (TrimBox inside BleedBox inside MediaBox): a printer may cut or print the wrong area; fix the boxes.")
        }
    }

    /// TrimBox inside BleedBox inside MediaBox, for the boxes the page has.
    private static func nest(_ trim: InspectionReport.Box?, in bleed: InspectionReport.Box?, in media: InspectionReport.Box?) -> Bool {
        let boxes = [trim, bleed, media].compactMap { $0 }
        return zip(boxes, boxes.dropFirst()).allSatisfy { inner, outer in inner.isInside(outer) }
    }

    private static func box(_ object: PDFObject?) -> InspectionReport.Box? {
        guard let values = object?.numbers, values.count == 4 else { return nil }
        return InspectionReport.Box(x0: values[0], y0: values[1], x1: values[2], y1: values[3])
    }
}
