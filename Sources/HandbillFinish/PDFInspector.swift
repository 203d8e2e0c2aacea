import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import CQPDFTokens
import HandbillModel

/// Reads any PDF with qpdf and reports what a reviewer of accessibility (PDF/UA-1) and
/// print-readiness checks: metadata, structure, marked content, links, fonts and page boxes.
///
/// Each check below is its own small type; every one reads, none writes.
public enum PDFInspector {
    public static func inspect(path: String) throws(DiagnosticError) -> InspectionReport {
        let pdf = try open(path)
        let pages: [PDFObject]
        do throws(DiagnosticError) {
            pages = try pdf.readPages()
        } catch {
            throw unreadable(path, error)
        }
        var report = InspectionReport(file: path)
        var problems: [String] = []

        let document = DocumentAudit(pdf)
        report.title = document.title
        report.displayDocTitle = document.displayDocTitle
        report.language = document.language
        report.tagged = document.tagged
        report.pdfuaPart = document.pdfuaPart
        problems += document.problems

        let structure = StructureAudit(pdf)
        report.roles = structure.roles
        problems += structure.problems

        problems += MarkedContentAudit(pages).problems

        let links = LinkAudit(pages)
        report.linkCount = links.count
        report.linksWithoutContents = links.withoutContents
        problems += links.problems

        let fonts = FontAudit(pages)
        report.fonts = fonts.fonts
        problems += fonts.problems

        let boxes = PageBoxAudit(pages)
        report.pages = boxes.pages
        problems += boxes.problems

        report.problems = problems
        return report
    }

    /// qpdf's own reading, with errors about the file rather than about Handbill.
    private static func open(_ path: String) throws(DiagnosticError) -> QPDF {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DiagnosticError(.error("\(path): no such file", hint: "check the path; inspect takes PDF files"))
        }
        do throws(DiagnosticError) {
            return try QPDF(reading: path)
        } catch {
            throw unreadable(path, error)
        }
    }

    /// qpdf's complaint, with a hint for a file from anywhere (QPDF's own hint assumes Handbill wrote it).
    private static func unreadable(_ path: String, _ error: DiagnosticError) -> DiagnosticError {
        let reason = error.diagnostics.first?.message ?? "qpdf could not read it"
        return DiagnosticError(.error("\(path) cannot be read as a PDF (\(reason))",
                                      hint: "check that it is a whole PDF file; `qpdf --check \(path)` says more"))
    }
}

// MARK: - Catalog and metadata

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

/// The facts read from an XMP packet: dc:title and pdfuaid:part, whether written as elements or
/// as attributes of rdf:Description (both are valid RDF, and tools differ).
struct XMPFacts {
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let pdfuaID = "http://www.aiim.org/pdfua/ns/id/"

    var title: String?
    var pdfuaPart: Int?
    /// Why the packet could not be read: a stream qpdf cannot decode, or XML that is not well formed.
    var error: String?

    init(stream: PDFObject) {
        do throws(DiagnosticError) {
            self.init(try stream.streamData())
        } catch {
            self.init(title: nil, pdfuaPart: nil, error: error.diagnostics.first?.message ?? "its stream cannot be decoded")
        }
    }

    init(title: String?, pdfuaPart: Int?, error: String?) {
        self.title = title
        self.pdfuaPart = pdfuaPart
        self.error = error
    }

    init(_ bytes: [UInt8]) {
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.delegate = reader
        // swift-corelibs' parse() can return true after an error, so the delegate's first error decides.
        if !parser.parse() || reader.firstError != nil {
            error = "it is not well-formed XML: " + (reader.firstError ?? "libxml2 could not parse it")
        }
        let titles = reader.titles
        title = (titles.first { $0.language == "x-default" } ?? titles.first).map(\.text)
        pdfuaPart = reader.part.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var titles: [(language: String?, text: String)] = []
        var part: String?
        /// libxml2's error code and the line, e.g. `error 76 at line 3`.
        var firstError: String?
        private var prefixes: [String: String] = [:]
        private var path: [(namespace: String, name: String)] = []
        private var text = ""
        private var language: String?

        func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
            prefixes[prefix] = namespaceURI
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            path.append((namespaceURI ?? "", elementName))
            text = ""
            language = attributes["xml:lang"]
            // pdfuaid:part="1" written as an attribute of rdf:Description.
            for (key, value) in attributes {
                let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[1] == "part", prefixes[parts[0]] == XMPFacts.pdfuaID { part = value }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if firstError == nil { firstError = "error \((parseError as NSError).code) at line \(parser.lineNumber)" }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            let element = path.removeLast()
            if element.namespace == XMPFacts.pdfuaID, element.name == "part" {
                part = text
            } else if element.namespace == XMPFacts.rdf, element.name == "li",
                      path.contains(where: { $0.namespace == XMPFacts.dublinCore && $0.name == "title" }) {
                let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !words.isEmpty { titles.append((language, words)) }
            }
            text = ""
        }
    }
}

// MARK: - Structure tree

/// Walks the structure tree in reading order: counts roles and checks figures, headings and lists.
struct StructureAudit {
    /// PDF 1.7's standard structure types and PDF 2.0's additions.
    static let standardRoles: Set<String> = [
        "Document", "DocumentFragment", "Part", "Art", "Sect", "Div", "Aside", "BlockQuote", "Caption", "TOC", "TOCI",
        "Index", "NonStruct", "Private", "Title", "FENote", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI",
        "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
        "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula",
        "Form", "Sub", "Em", "Strong", "Artifact",
    ]

    private(set) var roles: [InspectionReport.RoleCount] = []
    private(set) var problems: [String] = []

    private var roleMap: PDFObject?
    private var visited: Set<Int> = []
    private var headings: [Int] = []
    private var figuresWithoutAlt = 0
    private var unmappedRoles: [String] = []
    private var listsWithStrayKids = 0
    private var strayListKids: [String] = []
    private var itemsWithoutBody = 0

    init(_ pdf: QPDF) {
        guard let root = pdf.root["StructTreeRoot"] else { return }
        roleMap = root["RoleMap"]
        for kid in root["K"]?.items ?? [] { walk(kid) }
        problems = findings()
    }

    /// The standard role `role` stands for: itself, or where /RoleMap leads (nil if nowhere standard).
    private func standardRole(_ role: String) -> String? {
        var current = role
        for _ in 0..<16 {  // a role map may loop
            if Self.standardRoles.contains(current) { return current }
            guard let next = roleMap?[current]?.name else { return nil }
            current = next
        }
        return nil
    }

    private static func isElement(_ object: PDFObject) -> Bool {
        object.isDictionary && object["S"]?.name != nil && !["MCR", "OBJR"].contains(object["Type"]?.name ?? "")
    }

    private mutating func walk(_ element: PDFObject) {
        guard Self.isElement(element), let written = element["S"]?.name else { return }
        // Indirect elements are visited once, so a tree that loops back on itself still ends.
        if element.objectID != 0, !visited.insert(element.objectID).inserted { return }
        let standard = standardRole(written)
        if standard == nil, !unmappedRoles.contains(written) { unmappedRoles.append(written) }
        let role = standard ?? written
        count(role)
        let kids = element["K"]?.items ?? []
        check(role, element, kids: kids)
        for kid in kids { walk(kid) }
    }

    private mutating func count(_ role: String) {
        if let index = roles.firstIndex(where: { $0.role == role }) {
            roles[index].count += 1
        } else {
            roles.append(.init(role: role, count: 1))
        }
    }

    private mutating func check(_ role: String, _ element: PDFObject, kids: [PDFObject]) {
        let kidRoles = kids.map { kid in
            guard Self.isElement(kid), let written = kid["S"]?.name else { return "content" }
            return standardRole(written) ?? written
        }
        switch role {
        case "H1", "H2", "H3", "H4", "H5", "H6":
            headings.append(Int(role.dropFirst())!)
        case "Figure":
            let alt = element["Alt"]?.text ?? element["ActualText"]?.text ?? ""
            if alt.trimmingCharacters(in: .whitespaces).isEmpty { figuresWithoutAlt += 1 }
        case "L":
            let stray = kidRoles.filter { $0 != "LI" && $0 != "Caption" }
            if !stray.isEmpty { listsWithStrayKids += 1 }
            for kid in stray where !strayListKids.contains(kid) { strayListKids.append(kid) }
        case "LI":
            if !kidRoles.contains("LBody") { itemsWithoutBody += 1 }
        default:
            break
        }
    }

    private func findings() -> [String] {
        var result: [String] = []
        if !unmappedRoles.isEmpty {
            let one = unmappedRoles.count == 1
            result.append("The role\(one ? "" : "s") \(unmappedRoles.joined(separator: ", ")) \(one ? "is" : "are") not standard and /RoleMap maps \(one ? "it" : "them") to no standard role: map \(one ? "it" : "each") to the standard role it means.")
        }
        if let first = headings.first, first != 1 {
            result.append("The first heading is H\(first), not H1: make the document's title H1.")
        }
        var skips: [String] = []
        for (previous, next) in zip(headings, headings.dropFirst()) where next > previous + 1 {
            let skip = "H\(previous) to H\(next)"
            if !skips.contains(skip) { skips.append(skip) }
        }
        if !skips.isEmpty {
            result.append("Heading levels are skipped (\(skips.joined(separator: ", "))): use each level in turn, so the outline a screen reader gives makes sense.")
        }
        if figuresWithoutAlt > 0 {
            result.append("\(Plural.count(figuresWithoutAlt, "Figure element")) \(figuresWithoutAlt == 1 ? "has" : "have") no /Alt text: describe each picture, or mark a decorative one as an artifact.")
        }
        if listsWithStrayKids > 0 {
            result.append("\(Plural.count(listsWithStrayKids, "list (L)", "lists (L)")) \(listsWithStrayKids == 1 ? "holds" : "hold") \(strayListKids.joined(separator: ", ")) where only LI items belong: put each item in an LI.")
        }
        if itemsWithoutBody > 0 {
            result.append("\(Plural.count(itemsWithoutBody, "list item (LI)", "list items (LI)")) \(itemsWithoutBody == 1 ? "has" : "have") no LBody: put the item's content in an LBody, its bullet or number in an Lbl.")
        }
        return result
    }
}

// MARK: - Marked content

/// Every piece of painting must be tagged (inside marked content with an MCID) or an artifact,
/// and never both; a page with tagged content names its parent-tree entry.
struct MarkedContentAudit {
    private(set) var problems: [String] = []

    init(_ pages: [PDFObject]) {
        var untagged: [(page: Int, count: Int)] = [], both: [(page: Int, count: Int)] = []
        var unbalanced: [Int] = [], withoutParents: [Int] = [], unreadable: [(page: Int, reason: String)] = []
        for (index, page) in pages.enumerated() {
            let number = index + 1
            let scan: PageMarkingScan
            do throws(DiagnosticError) {
                scan = try PageMarkingScan(page)
            } catch {
                unreadable.append((number, error.diagnostics.first?.message ?? "unknown error"))
                continue
            }
            if scan.untagged > 0 { untagged.append((number, scan.untagged)) }
            if scan.both > 0 { both.append((number, scan.both)) }
            if scan.unbalanced { unbalanced.append(number) }
            if scan.tagged, page["StructParents"]?.integer == nil { withoutParents.append(number) }
        }
        for (page, reason) in unreadable {
            problems.append("The content of page \(page) cannot be read (\(reason)), so its tagging cannot be checked: repair or re-export the file.")
        }
        // One sentence per kind of problem, naming the pages, however many pages have it.
        if !untagged.isEmpty {
            let total = untagged.map(\.count).reduce(0, +)
            problems.append("\(Plural.count(total, "piece")) of content on \(Plural.pages(untagged.map(\.page))) \(total == 1 ? "is" : "are") neither tagged nor marked as artifacts: tag what a reader needs and mark decoration as /Artifact.")
        }
        if !both.isEmpty {
            let total = both.map(\.count).reduce(0, +)
            problems.append("\(Plural.count(total, "marked-content sequence")) on \(Plural.pages(both.map(\.page))) \(total == 1 ? "is" : "are") both tagged (MCID) and an artifact: each piece of content must be one or the other.")
        }
        if !unbalanced.isEmpty {
            problems.append("The marked content on \(Plural.pages(unbalanced)) is unbalanced (BMC/BDC without EMC, or the reverse): its tags cannot be trusted; re-export the file.")
        }
        if !withoutParents.isEmpty {
            problems.append("\(Plural.pages(withoutParents).capitalisedFirst) \(withoutParents.count == 1 ? "has" : "have") tagged content but no /StructParents: readers cannot find the structure elements the content belongs to.")
        }
    }
}

/// One page's content stream, token by token: what lies outside tagged and artifact content, and
/// what is both.
struct PageMarkingScan {
    static let textShowing: Set<String> = ["Tj", "TJ", "'", "\""]
    static let pathPainting: Set<String> = ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*"]
    static let objectPainting: Set<String> = ["Do", "sh", "BI"]

    /// Pieces of painting neither tagged nor artifact: a text object counts once, a path, an image or a shading each once.
    private(set) var untagged = 0
    /// Sequences with an MCID inside an artifact, or artifacts inside tagged content.
    private(set) var both = 0
    private(set) var unbalanced = false
    /// Whether any marked content has an MCID.
    private(set) var tagged = false

    /// One open marked-content sequence.
    private struct Sequence { var tagged: Bool; var artifact: Bool }
    private var open: [Sequence] = []
    /// Inside BT…ET, whether this text object's unmarked text was counted already.
    private var textCounted = false

    init(_ page: PDFObject) throws(DiagnosticError) {
        let properties = page.inherited("Resources")?["Properties"]
        var operands: [ContentToken] = []
        for token in try ContentToken.tokenize(try page.pageContent()) where !token.isIgnorable {
            guard token.isOperator else { operands.append(token); continue }
            take(token.text, operands: operands, properties: properties)
            operands = []
        }
        if !open.isEmpty { unbalanced = true }
    }

    private var isTagged: Bool { open.contains { $0.tagged } }
    private var isArtifact: Bool { open.contains { $0.artifact } }

    private mutating func take(_ op: String, operands: [ContentToken], properties: PDFObject?) {
        switch op {
        case "BMC", "BDC":
            let artifact = operands.first?.text == "/Artifact"
            let hasMCID = op == "BDC" && Self.mcid(in: operands, properties: properties) != nil
            if (hasMCID && isArtifact) || (artifact && isTagged) { both += 1 }
            tagged = tagged || hasMCID
            open.append(Sequence(tagged: hasMCID, artifact: artifact))
        case "EMC":
            if open.popLast() == nil { unbalanced = true }
        case "BT":
            textCounted = false
        case _ where Self.textShowing.contains(op):
            if !isTagged, !isArtifact, !textCounted { untagged += 1; textCounted = true }
        case _ where Self.pathPainting.contains(op) || Self.objectPainting.contains(op):
            if !isTagged, !isArtifact { untagged += 1 }
        default:
            break
        }
    }

    /// The MCID of `/Tag << /MCID 3 >> BDC` or of `/Tag /Name BDC` (a property list in the resources).
    private static func mcid(in operands: [ContentToken], properties: PDFObject?) -> Int? {
        if operands.count == 2, operands[1].type == hb_tt_name {
            return properties?[String(operands[1].text.dropFirst())]?["MCID"]?.integer
        }
        for (key, value) in zip(operands, operands.dropFirst())
        where key.type == hb_tt_name && key.text == "/MCID" && value.type == hb_tt_integer {
            return Int(value.text)
        }
        return nil
    }
}

// MARK: - Links

/// Link annotations: each needs words for a screen reader (/Contents) and a place in the
/// structure tree (/StructParent); a page with annotations tabs through them in structure order.
struct LinkAudit {
    private(set) var count = 0
    private(set) var withoutContents = 0
    private(set) var problems: [String] = []

    init(_ pages: [PDFObject]) {
        var silentPages: [Int] = [], untaggedPages: [Int] = [], pagesWithoutTabs: [Int] = []
        var untagged = 0
        for (index, page) in pages.enumerated() {
            let annotations = page["Annots"]?.items ?? []
            if !annotations.isEmpty, page["Tabs"]?.name != "S" { pagesWithoutTabs.append(index + 1) }
            let links = annotations.filter { $0["Subtype"]?.name == "Link" }
            let silent = links.filter { ($0["Contents"]?.text ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.count
            let outside = links.filter { $0["StructParent"]?.integer == nil }.count
            count += links.count
            withoutContents += silent
            untagged += outside
            if silent > 0 { silentPages.append(index + 1) }
            if outside > 0 { untaggedPages.append(index + 1) }
        }
        if withoutContents > 0 {
            problems.append("\(Plural.count(withoutContents, "link")) on \(Plural.pages(silentPages)) \(withoutContents == 1 ? "has" : "have") no /Contents: give each a description of where it goes, for screen readers.")
        }
        if untagged > 0 {
            problems.append("\(Plural.count(untagged, "link")) on \(Plural.pages(untaggedPages)) \(untagged == 1 ? "is" : "are") not in the structure tree (no /StructParent): put each in a Link element.")
        }
        if !pagesWithoutTabs.isEmpty {
            problems.append("\(Plural.pages(pagesWithoutTabs).capitalisedFirst) \(pagesWithoutTabs.count == 1 ? "has" : "have") annotations but no /Tabs /S: set it, so Tab moves through links in reading order.")
        }
    }
}

// MARK: - Fonts

/// Every font the pages (and the forms they draw) use: embedded, mapped to Unicode, and a
/// TrueType CID font with its CID-to-glyph map.
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
        if let descendant, entry.descendantSubtype == "CIDFontType2", descendant["CIDToGIDMap"] == nil {
            problems.append("The font \(name) (CIDFontType2) has no /CIDToGIDMap, which PDF/UA checkers require: set it (/Identity when its CIDs are glyph ids).")
        }
    }
}

// MARK: - Page boxes

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

// MARK: - Helpers

fileprivate extension PDFObject {
    /// A page attribute that may be set on the page or any /Pages node above it (MediaBox, Resources, …).
    func inherited(_ key: String) -> PDFObject? {
        var node: PDFObject? = self
        var visited: Set<Int> = []
        while let current = node {
            if let value = current[key] { return value }
            if current.objectID != 0, !visited.insert(current.objectID).inserted { return nil }
            node = current["Parent"]
        }
        return nil
    }
}

/// Counted nouns and page lists for problem sentences.
fileprivate enum Plural {
    /// `1 link`, `3 links`.
    static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// `page 2`, `pages 1–3 and 5`.
    static func pages(_ numbers: [Int]) -> String {
        var ranges: [String] = []
        var start = 0
        while start < numbers.count {
            var end = start
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            ranges.append(end == start ? "\(numbers[start])" : "\(numbers[start])–\(numbers[end])")
            start = end + 1
        }
        let list = ranges.count == 1 ? ranges[0] : ranges.dropLast().joined(separator: ", ") + " and " + ranges.last!
        return (numbers.count == 1 ? "page " : "pages ") + list
    }
}

fileprivate extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
