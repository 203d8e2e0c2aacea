import HandbillModel

/// What a screen reader reads from a tagged PDF: the structure tree (/StructTreeRoot /K) walked
/// depth first in order, roles mapped through /RoleMap, each element's marked content (MCIDs on its
/// /Pg or the nearest ancestor's, and MCR references) read as text; an element's /ActualText
/// replaces its whole text, and Artifact and Private elements are left out (PDF 32000-1, 14.7–14.8).
///
/// One line per block read on its own: a heading, paragraph, list item, table row, …; the
/// elements that only group others (Document, Sect, L, Table, …) end lines, never make one.
public struct StructureText: Equatable, Sendable {
    /// Elements a screen reader does not read: decoration, and content a writer keeps to itself.
    static let skippedRoles: Set<String> = ["Artifact", "Private"]
    /// Inline elements (14.8.4.4 and PDF 2.0's Em, Strong, Sub): more of the text around them.
    static let inlineRoles: Set<String> = [
        "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP",
        "Warichu", "WT", "WP", "Em", "Strong", "Sub", "NonStruct",
    ]
    /// Elements that group blocks: each block inside one is read as a line of its own.
    static let groupingRoles: Set<String> = [
        "Document", "DocumentFragment", "Part", "Art", "Sect", "Div", "Aside", "BlockQuote", "TOC", "Index",
        "L", "Table", "THead", "TBody", "TFoot",
    ]

    /// The text, a line per block, whitespace collapsed, no empty lines.
    public var lines: [String]

    /// The lines, joined by newlines: what `handbill inspect --text` prints.
    public var text: String { lines.joined(separator: "\n") }

    /// Reads the structure tree of `pdf`; an error when it has none.
    init(_ pdf: QPDF) throws(DiagnosticError) {
        guard let root = pdf.root["StructTreeRoot"] else {
            throw DiagnosticError(.error("\(pdf.path) has no structure tree (/StructTreeRoot), so a screen reader has no text in reading order to read",
                                         hint: "export it as a tagged PDF; `handbill inspect \(pdf.path)` lists what else it lacks"))
        }
        var reader = Reader(pdf: pdf, roleMap: root["RoleMap"])
        for kid in root["K"]?.items ?? [] { try reader.walk(kid, page: nil) }
        reader.endLine()
        lines = reader.lines
    }

    /// The walk: element by element, building lines.
    private struct Reader {
        let pdf: QPDF
        let roleMap: PDFObject?
        var lines: [String] = []
        private var line = ""
        /// How many blocks the walk is inside since the last grouping element: 0 means a block starts a line.
        private var blockDepth = 0
        private var visited: Set<Int> = []
        /// Each page's marked-content text, by the page's object number, read when first needed.
        private var pages: [Int: MarkedContentText] = [:]

        init(pdf: QPDF, roleMap: PDFObject?) {
            self.pdf = pdf
            self.roleMap = roleMap
        }

        mutating func walk(_ element: PDFObject, page: PDFObject?) throws(DiagnosticError) {
            guard element.isDictionary, let written = element["S"]?.name else { return }
            // Indirect elements are read once, so a tree that loops back on itself still ends.
            if element.objectID != 0, !visited.insert(element.objectID).inserted { return }
            let role = standardRole(written)
            guard !StructureText.skippedRoles.contains(role) else { return }
            let page = element["Pg"] ?? page

            if StructureText.groupingRoles.contains(role) {
                endLine()
                let outer = blockDepth
                blockDepth = 0
                try content(of: element, page: page)
                blockDepth = outer
                endLine()
            } else if StructureText.inlineRoles.contains(role) {
                try content(of: element, page: page)
            } else {
                setOffBlock()
                blockDepth += 1
                try content(of: element, page: page)
                blockDepth -= 1
                setOffBlock()
            }
        }

        /// The element's /ActualText, else its kids in order.
        private mutating func content(of element: PDFObject, page: PDFObject?) throws(DiagnosticError) {
            if let actualText = element["ActualText"]?.text {
                line += actualText
                return
            }
            for kid in element["K"]?.items ?? [] {
                if let mcid = kid.integer {
                    line += try text(mcid, on: page)
                } else if kid["Type"]?.name == "MCR" {
                    // Content in a form's own stream (/Stm) has MCIDs of its own, which no page lists.
                    guard kid["Stm"] == nil, let mcid = kid["MCID"]?.integer else { continue }
                    line += try text(mcid, on: kid["Pg"] ?? page)
                } else if kid["Type"]?.name == "OBJR" {
                    continue  // an annotation (a link's): its words are in the content around it
                } else {
                    try walk(kid, page: page)
                }
            }
        }

        private mutating func text(_ mcid: Int, on page: PDFObject?) throws(DiagnosticError) -> String {
            guard let page else { return "" }
            if page.objectID != 0, let known = pages[page.objectID] { return known[mcid] ?? "" }
            let content: MarkedContentText
            do throws(DiagnosticError) {
                content = try MarkedContentText(page: page)
            } catch {
                let number = pdf.pages.firstIndex { $0.isSame(as: page) }.map { "page \($0 + 1)" } ?? "a page"
                throw DiagnosticError(.error("the content of \(number) of \(pdf.path) cannot be read: \(error.diagnostics.first?.message ?? "unknown error")",
                                             hint: "repair or re-export the file; `qpdf --check \(pdf.path)` says more"))
            }
            if page.objectID != 0 { pages[page.objectID] = content }
            return content[mcid] ?? ""
        }

        /// The standard role `role` stands for, following /RoleMap (which may chain, or loop).
        private func standardRole(_ role: String) -> String {
            var current = role
            for _ in 0..<16 {
                if StructureAudit.standardRoles.contains(current) { return current }
                guard let next = roleMap?[current]?.name else { return current }
                current = next
            }
            return current
        }

        /// A block starts and ends a line; a block inside a block (LBody in LI, P in LBody) is set
        /// off by spaces instead.
        private mutating func setOffBlock() {
            if blockDepth == 0 { endLine() } else { line.append(" ") }
        }

        /// Ends the line being built, if it has any words: whitespace collapsed to single spaces.
        mutating func endLine() {
            let words = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !words.isEmpty { lines.append(words) }
            line = ""
        }
    }
}
