import Foundation

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
