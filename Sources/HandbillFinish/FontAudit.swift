/// Every font the pages (and the forms they draw) use: embedded, mapped to Unicode, every mapped
/// character drawn (`EmbeddedGlyphs`), and a TrueType CID font with its CID-to-glyph map.
struct FontAudit {
    private(set) var fonts: [InspectionReport.Font] = []
    private(set) var problems: [String] = []
    private var seen: Set<Int> = []
    private var seenDirect: Set<String> = []
    private var seenResources: Set<Int> = []

    init(_ pages: [PDFObject]) {
        for page in pages { collect(from: page.inherited("Resources")) }
    }

    private mutating func collect(from resources: PDFObject?) {
        guard let resources else { return }
        if resources.objectID != 0, !seenResources.insert(resources.objectID).inserted { return }
        if let dictionary = resources["Font"] {
            for key in dictionary.keys { if let font = dictionary[key] { add(font) } }
        }
        // Forms drawn with Do have fonts of their own.
        if let xobjects = resources["XObject"] {
            for key in xobjects.keys {
                guard let form = xobjects[key], form["Subtype"]?.name == "Form" else { continue }
                collect(from: form["Resources"])
            }
        }
    }

    private mutating func add(_ font: PDFObject) {
        let subtype = font["Subtype"]?.name ?? "unknown"
        let name = font["BaseFont"]?.name ?? (subtype == "Type3" ? "(Type 3 font)" : "(unnamed)")
        if font.objectID != 0 {
            guard seen.insert(font.objectID).inserted else { return }
        } else {
            guard seenDirect.insert(name + "/" + subtype).inserted else { return }
        }
        let descendant = subtype == "Type0" ? font["DescendantFonts"]?.items.first : nil
        let descriptor = (descendant ?? font)["FontDescriptor"]
        // A Type 3 font's glyphs are content streams in the file: always embedded.
        let embedded = subtype == "Type3" || ["FontFile", "FontFile2", "FontFile3"].contains { descriptor?[$0]?.isStream == true }
        let entry = InspectionReport.Font(name: name, subtype: subtype, descendantSubtype: descendant?["Subtype"]?.name,
                                          embedded: embedded, hasToUnicode: font["ToUnicode"]?.isStream == true)
        fonts.append(entry)
        if !entry.embedded {
            problems.append("The font \(name) is not embedded: a printer or reader without it substitutes another; embed it (a subset will do).")
        }
        if !entry.hasToUnicode {
            problems.append("The font \(name) has no /ToUnicode map: screen readers, search and copy-and-paste may get the wrong characters; export with Unicode mapping.")
        }
        var blanks = EmbeddedGlyphs.blanks(in: font, programs: .all)
        if blanks.contains(where: \.isUnreadableProgram) {
            blanks.removeAll(where: \.isUnreadableProgram)
            problems.append("The font \(name) embeds a font program that cannot be read: a reader substitutes another font or shows nothing; embed the font again.")
        }
        if !blanks.isEmpty {
            problems.append("The font \(name) shows " + blanks.map { "\($0.character): \($0.reason)" }.joined(separator: "; ")
                            + ". Copy-and-paste and screen readers get these characters; the page shows a gap or a box. Embed another version of the font (TrueType outlines).")
        }
        if let descendant, entry.descendantSubtype == "CIDFontType2", descendant["CIDToGIDMap"] == nil {
            problems.append("The font \(name) (CIDFontType2) has no /CIDToGIDMap, which PDF/UA checkers require: set it (/Identity when its CIDs are glyph ids).")
        }
    }
}
