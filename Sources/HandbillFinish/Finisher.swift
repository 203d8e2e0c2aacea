import HandbillModel

/// The last stage: edits the PDF Cairo wrote, through qpdf, into a PDF/UA-1 file with print boxes.
///
/// Cairo 1.16 writes the structure tree, but not the catalog's /Lang, /MarkInfo and
/// /ViewerPreferences, the XMP metadata, artifacts, link descriptions, /Tabs, the fonts'
/// /CIDToGIDMap, or trim and bleed boxes. This adds them and writes the file with a deterministic ID.
public enum Finisher {
    /// Finishes a PDF as Cairo rendered it; returns the finished file's bytes.
    public static func finish(pdf bytes: [UInt8], options: FinishOptions) throws(DiagnosticError) -> [UInt8] {
        var result: Result<[UInt8], DiagnosticError> = .success([])
        bytes.withUnsafeBufferPointer { buffer in
            do throws(DiagnosticError) {
                result = .success(try finish(try QPDF(bytes: buffer, name: "the PDF Cairo drew"), options: options))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    /// Finishes a booklet's pages as Cairo rendered them, then puts the same pages on sheets
    /// (`SheetImposition`) in the same qpdf document: the pages' file and the sheets' file.
    public static func finish(pdf bytes: [UInt8], options: FinishOptions, imposing sides: [SheetImposition.Side],
                              sheetWidth: Double, sheetHeight: Double) throws(DiagnosticError) -> (pages: [UInt8], sheets: [UInt8]) {
        var result: Result<([UInt8], [UInt8]), DiagnosticError> = .success(([], []))
        bytes.withUnsafeBufferPointer { buffer in
            do throws(DiagnosticError) {
                let pdf = try QPDF(bytes: buffer, name: "the PDF Cairo drew")
                let pages = try finish(pdf, options: options)
                result = .success((pages, try SheetImposition.impose(pdf, sides: sides, sheetWidth: sheetWidth, sheetHeight: sheetHeight)))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    private static func finish(_ pdf: QPDF, options: FinishOptions) throws(DiagnosticError) -> [UInt8] {
        try finishContent(pdf, options: options)
        describeDocument(pdf, options)
        setPageBoxes(pdf, options.pageBoxes)
        if options.marks.contains(where: { !$0.isEmpty }) { try PrintMarkStamp.stamp(options.marks, on: pdf) }
        return try pdf.written()
    }

    /// What the pages' content, structure, links and fonts need; the rest describes the document
    /// (a local edition's own content takes only this: `EditionGraft`).
    static func finishContent(_ pdf: QPDF, options: FinishOptions) throws(DiagnosticError) {
        try markDecorationAsArtifacts(pdf)
        StructureTreePruner.describeAndRemoveDecoration(in: pdf, attributes: options.elementAttributes)
        if let order = options.readingOrder { try ReadingOrder.restore(order, in: pdf) }
        describeLinks(pdf, options.linkDescriptions)
        let fonts = pageFonts(pdf)
        mapFontGlyphs(fonts, in: pdf)
        try requireDrawnGlyphs(fonts)
    }

    /// Every font dictionary the pages use, once each, with those of the forms they draw
    /// (pictures are forms: `PictureDrawings`; librsvg draws their text as outlines today).
    private static func pageFonts(_ pdf: QPDF) -> [PDFObject] {
        var seen: Set<Int> = [], seenResources: Set<Int> = [], fonts: [PDFObject] = []
        func collect(from resources: PDFObject?) {
            guard let resources, resources.objectID == 0 || seenResources.insert(resources.objectID).inserted else { return }
            if let dictionary = resources["Font"] {
                for key in dictionary.keys {
                    guard let font = dictionary[key], font.objectID == 0 || seen.insert(font.objectID).inserted else { continue }
                    fonts.append(font)
                }
            }
            if let forms = resources["XObject"] {
                for key in forms.keys where forms[key]?["Subtype"]?.name == "Form" { collect(from: forms[key]?["Resources"]) }
            }
        }
        for page in pdf.pages { collect(from: page["Resources"]) }
        return fonts
    }

    /// No silent tofu in the fonts Cairo embedded: a CFF program whose glyph for some character
    /// draws nothing fails the build (Cairo 1.16's CFF subsetter broke 如 in Noto Sans CJK; the
    /// TrueType programs it embeds are the fonts' own glyphs, and are not read again here).
    private static func requireDrawnGlyphs(_ pageFonts: [PDFObject]) throws(DiagnosticError) {
        let blanks = pageFonts.flatMap { EmbeddedGlyphs.blanks(in: $0, programs: .cffOnly) }
        guard !blanks.isEmpty else { return }
        // Grouped by font, in the order met; a program FreeType cannot read at all is broken too.
        var fonts: [String] = [], shown: [String: [String]] = [:]
        for blank in blanks {
            let font = blank.font.split(separator: "+").last.map(String.init) ?? blank.font
            if shown[font] == nil { fonts.append(font) }
            shown[font, default: []].append(blank.isUnreadableProgram ? "every character (its program cannot be read)" : blank.character)
        }
        let what = fonts.map { "\(shown[$0]!.joined(separator: ", ")) in \($0)" }.joined(separator: "; ")
        throw DiagnosticError(.error(
            "the PDF would show \(what) as a gap or a box: Cairo embedded \(fonts.count == 1 ? "that font" : "those fonts") (CFF outlines) broken",
            hint: "give Fonts/ a version of the font with TrueType outlines (Fonts/tools/subset-cjk.py converts CFF outlines with fontTools)"))
    }

    private static func markDecorationAsArtifacts(_ pdf: QPDF) throws(DiagnosticError) {
        for page in pdf.pages {
            let content = try ArtifactMarker.rewrite(try page.pageContent())
            // Cairo writes one stream per page: give it the new content in place. A new stream
            // costs more than the rewrite (qpdf counts every object to number it).
            if let contents = page["Contents"], contents.isStream {
                contents.replaceData(content)
            } else {
                page["Contents"] = pdf.stream(content)
            }
        }
    }

    /// Catalog and document information: language, title shown, tagged, XMP.
    private static func describeDocument(_ pdf: QPDF, _ options: FinishOptions) {
        let catalog = pdf.root
        catalog["Lang"] = pdf.string(options.language)
        catalog["MarkInfo"] = pdf.object("<< /Marked true >>")
        catalog["ViewerPreferences"] = pdf.object(options.rightToLeft ? "<< /DisplayDocTitle true /Direction /R2L >>" : "<< /DisplayDocTitle true >>")
        catalog["Metadata"] = pdf.stream(Array(XMPMetadata.packet(options).utf8), dictionary: "<< /Type /Metadata /Subtype /XML >>")
        if let info = pdf.trailer["Info"] {
            info["Producer"] = pdf.string(options.producer)
            info["Creator"] = pdf.string(options.creator)
            let date = pdfDate(options.date)
            info["CreationDate"] = pdf.string(date)
            info["ModDate"] = pdf.string(date)
        }
    }

    /// Each link annotation says what it is; pages with annotations are tabbed in structure order.
    private static func describeLinks(_ pdf: QPDF, _ descriptions: [String: String]) {
        for page in pdf.pages {
            let annotations = page["Annots"]?.items ?? []
            guard !annotations.isEmpty else { continue }
            page["Tabs"] = pdf.name("/S")
            for annotation in annotations where annotation["Subtype"]?.name == "Link" {
                let uri = annotation["A"]?["URI"]?.text ?? ""
                let words = descriptions[uri] ?? "Link to \(uri)"
                annotation["Contents"] = pdf.string(words)
            }
        }
    }

    /// Cairo's CID fonts leave out /CIDToGIDMap; its subsets use glyph ids as CIDs.
    private static func mapFontGlyphs(_ pageFonts: [PDFObject], in pdf: QPDF) {
        for font in pageFonts where font["Subtype"]?.name == "Type0" {
            for descendant in font["DescendantFonts"]?.items ?? []
                where descendant["Subtype"]?.name == "CIDFontType2" && descendant["CIDToGIDMap"] == nil {
                descendant["CIDToGIDMap"] = pdf.name("/Identity")
            }
        }
    }

    private static func setPageBoxes(_ pdf: QPDF, _ boxes: [PageBoxes]) {
        for (page, box) in zip(pdf.pages, boxes) {
            page["TrimBox"] = pdf.array(of: box.trim)
            page["BleedBox"] = pdf.array(of: box.bleed)
        }
    }

    /// `2026-11-25T00:00:00Z` → `D:20261125000000Z`.
    static func pdfDate(_ iso: String) -> String {
        let digits = iso.prefix(19).filter(\.isNumber)
        return "D:" + digits + (iso.hasSuffix("Z") ? "Z" : "")
    }
}
