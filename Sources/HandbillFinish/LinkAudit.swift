import Foundation

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
