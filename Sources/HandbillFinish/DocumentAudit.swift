/// The catalog's accessibility entries and the XMP metadata.
struct DocumentAudit {
    var title: String?
    var displayDocTitle: Bool
    var language: String?
    var tagged: Bool
    var pdfuaPart: Int?
    var problems: [String] = []

    init(_ pdf: QPDF) {
        let catalog = pdf.root
        language = catalog["Lang"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        tagged = catalog["MarkInfo"]?["Marked"]?.boolean == true
        displayDocTitle = catalog["ViewerPreferences"]?["DisplayDocTitle"]?.boolean == true
        let infoTitle = pdf.trailer["Info"]?["Title"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        let xmp = catalog["Metadata"].map(XMPFacts.init(stream:))
        title = xmp?.title ?? infoTitle
        pdfuaPart = xmp?.pdfuaPart

        if language == nil {
            problems.append("The document has no language (/Lang in the catalog): screen readers cannot choose the right voice; set it, e.g. to en.")
        }
        if !tagged {
            problems.append("The document is not marked as tagged (/MarkInfo /Marked true is missing): readers may ignore its tags; set it once the content is tagged.")
        }
        if catalog["StructTreeRoot"] == nil {
            problems.append("The document has no structure tree (/StructTreeRoot): screen readers get no headings, lists or reading order; export it as a tagged PDF.")
        }
        if title == nil {
            problems.append("The document has no title (Info /Title or XMP dc:title): give it one, so readers announce it.")
        }
        if !displayDocTitle {
            problems.append("The title bar shows the file name, not the title: set /ViewerPreferences /DisplayDocTitle true.")
        }
        guard let xmp else {
            problems.append("The document has no XMP metadata, so it cannot claim PDF/UA: add a metadata stream with dc:title and pdfuaid:part 1.")
            return
        }
        if let error = xmp.error {
            problems.append("The XMP metadata cannot be read (\(error)): replace it with a well-formed XMP packet holding dc:title and pdfuaid:part.")
            return
        }
        if xmp.title == nil {
            problems.append("The XMP metadata has no dc:title, which PDF/UA requires: add the document's title to it.")
        }
        if xmp.pdfuaPart == nil {
            problems.append("The XMP metadata has no pdfuaid:part, so the file does not claim PDF/UA: add pdfuaid:part 1 once it meets PDF/UA-1.")
        }
    }
}
