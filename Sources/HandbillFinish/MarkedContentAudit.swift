import HandbillModel

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
