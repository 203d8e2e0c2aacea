import Foundation
import Handbill
import HandbillFinish
import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillSyntax
import Testing

/// The A5 booklet: pages imposed two-up on A4 in saddle-stitch order, read back from the PDF —
/// each half of each sheet holds the page it should, and a screen reader still reads the booklet
/// from its first page to its last. Beside it, an A5 file in page order for screens.
@Suite struct BookletTests {
    static let guidance = try! GuidanceFolder(Project.sextortion)

    static func build(_ variant: String, _ language: String = "en") throws -> (imposed: URL, screen: URL) {
        let output = Project.temporaryFolder()
        let job = Job(guidance: "sextortion", product: "booklet-a5", variant: variant, language: language)
        let source = Project.workspace.layouts.variants[variant]?.source
        let document = try guidance.edition(source).document(language: language)
        let files = try Builder(workspace: Project.workspace).build(document, job: job, output: output)
        return (files[0], try #require(files.first { $0.lastPathComponent.hasSuffix("-screen.pdf") }))
    }

    @Test func sheetOrderFollowsSaddleStitching() {
        // The issue's rule, 1-based: sheet k front = [N-2k, 2k+1], back = [2k+2, N-2k-1].
        let sides = BookletImposition.sides(pageCount: 7)
        #expect(sides.map { [$0.left, $0.right] } == [[8, 1], [2, 7], [6, 3], [4, 5]])
        #expect(BookletImposition.paddedCount(9) == 12)
        // Right to left: stapled on the right, the cover on the left of the first front, page 2
        // inside it on the right of the first back.
        let rightToLeft = BookletImposition.sides(pageCount: 7, rightToLeft: true)
        #expect(rightToLeft.map { [$0.left, $0.right] } == [[1, 8], [7, 2], [3, 6], [5, 4]])
    }

    @Test(arguments: ["standard", "large-print", "easy-read", "dyslexia"])
    func eachHalfSheetHoldsItsPage(variant: String) throws {
        try Self.expectEachHalfSheetHoldsItsPage(variant, "en")
    }

    /// An Arabic or Urdu booklet opens from the right, as its readers hold a book: stapled on the
    /// right edge, its cover on the left half of the first sheet's front, and viewers told to show
    /// two-page spreads from the right (`/ViewerPreferences /Direction /R2L`, not in English).
    @Test(arguments: ["ar", "ur"])
    func aRightToLeftBookletOpensFromTheRight(language: String) throws {
        let (imposed, screen) = try Self.expectEachHalfSheetHoldsItsPage("standard", language)
        let pages = try Self.pageCount(screen)
        let cover = try Self.text(of: imposed, page: 1, x: 0, width: 421)
        #expect(Words.of(cover) == Words.of(try Self.text(of: screen, page: 1, x: 0, width: 420)), "\(language): the cover is not on the left of the first front")
        #expect(!Words.of(cover).isEmpty)
        #expect(pages >= 4)
        for (file, expected) in [(screen, "/R2L"), (try Self.build("standard", "en").screen, nil)] {
            let objects = try PDFReader(url: file).objects()
            let root = try #require((objects["trailer"] as? [String: Any])?["/Root"] as? String)
            let preferences = (objects["obj:" + root] as? [String: Any])?["/ViewerPreferences"] as? [String: Any]
            #expect(preferences?["/Direction"] as? String == expected, "\(file.lastPathComponent): /Direction \(String(describing: preferences?["/Direction"]))")
        }
    }

    /// Whether `language`'s file in Layouts/languages says it reads right to left.
    static func readsRightToLeft(_ language: String) throws -> Bool {
        try Project.workspace.layouts.language(language).direction == .rtl
    }

    /// Reads each half of each printed side back and compares it with the page the imposition put there.
    @discardableResult
    static func expectEachHalfSheetHoldsItsPage(_ variant: String, _ language: String) throws -> (imposed: URL, screen: URL) {
        let (imposed, screen) = try Self.build(variant, language)
        let pages = try Self.pageCount(screen), sheets = try Self.pageCount(imposed)
        let padded = BookletImposition.paddedCount(pages)
        #expect(sheets == padded / 2, "\(pages) pages should print on \(padded / 2) sides")
        // Page sizes read back: A5 portrait for screens, A4 landscape sheets.
        #expect(try Self.pageSize(screen).map { Int($0.rounded()) } == [420, 595])
        #expect(try Self.pageSize(imposed).map { Int($0.rounded()) } == [842, 595])
        for (index, side) in BookletImposition.sides(pageCount: pages, rightToLeft: try Self.readsRightToLeft(language)).enumerated() {
            for (page, half) in [(side.left, 0), (side.right, 1)] {
                let printed = try Self.text(of: imposed, page: index + 1, x: half * 421, width: 421)
                let expected = page <= pages ? try Self.text(of: screen, page: page, x: 0, width: 420) : ""
                #expect(Words.of(printed) == Words.of(expected), "\(variant) \(language): sheet side \(index + 1), \(half == 0 ? "left" : "right") half should be page \(page)")
            }
        }
        return (imposed, screen)
    }

    @Test(arguments: ["standard", "easy-read"])
    func aScreenReaderReadsTheBookletInPageOrder(variant: String) throws {
        let (imposed, screen) = try Self.build(variant)
        let printed = try PDFInspector.text(path: imposed.path).text, onScreen = try PDFInspector.text(path: screen.path).text
        let source = try Self.guidance.edition(Project.workspace.layouts.variants[variant]?.source).document(language: "en").words
        let fraction = Words.inOrderFraction(source, in: Words.of(printed))
        print("booklet \(variant): \(String(format: "%.1f", fraction * 100))% of the source's words in order through the imposed file's structure tree")
        #expect(fraction >= 0.99)
        #expect(Words.of(printed) == Words.of(onScreen), "the imposed file's structure tree reads differently from the screen file's")
        // Read by pdfminer too, and checked for PDF/UA.
        let reading = try StructureReading(imposed)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(Words.inOrderFraction(source, in: Words.of(reading.reading)) >= 0.99)
        for file in [imposed, screen] {
            #expect(try PDFUAChecker.passes(file.path), "\(file.lastPathComponent) fails PDF/UA")
        }
    }

    @Test(arguments: ["ar", "pl"])
    func everyLanguageMakesABooklet(language: String) throws {
        let (imposed, screen) = try Self.build("large-print", language)
        #expect(try Self.pageCount(imposed) * 2 == BookletImposition.paddedCount(try Self.pageCount(screen)))
        let reading = try PDFInspector.text(path: imposed.path).text
        let words = try Self.guidance.document(language: language).words
        #expect(Words.inOrderFraction(words, in: Words.of(reading)) >= 0.99)
    }

    /// The sheets are made from the finished pages (`SheetImposition`): every link and bookmark
    /// follows its page onto its half of its sheet, moved by as much as the page.
    @Test(arguments: ["en", "ar"])
    func linksAndBookmarksFollowTheirPages(language: String) throws {
        let (imposed, screen) = try Self.build("standard", language)
        let pages = try QPDFJSON(screen), sheets = try QPDFJSON(imposed)
        let sides = BookletImposition.sides(pageCount: pages.pageCount, rightToLeft: try Self.readsRightToLeft(language))
        let sheetWidth = 841.889764, sheetHeight = 595.275591, pageWidth = 419.527559, pageHeight = 595.275591
        func whereIs(page: Int) -> (side: Int, dx: Double, dy: Double) {
            let side = sides.firstIndex { $0.left == page || $0.right == page }!
            return (side + 1, sides[side].right == page ? sheetWidth / 2 : sheetWidth / 2 - pageWidth, (sheetHeight - pageHeight) / 2)
        }
        var links = 0
        for page in 1...pages.pageCount {
            let placed = whereIs(page: page)
            for link in pages.links(onPage: page) {
                let moved = link.rect.enumerated().map { $0.offset % 2 == 0 ? $0.element + placed.dx : $0.element + placed.dy }
                #expect(sheets.links(onPage: placed.side).contains { $0.uri == link.uri && zip($0.rect, moved).allSatisfy { abs($0 - $1) < 0.01 } },
                        "\(language): the link to \(link.uri) on page \(page) is not where its page went")
                links += 1
            }
        }
        #expect(links > 5 && links == (1...sides.count).reduce(0) { $0 + sheets.links(onPage: $1).count })
        let marks = pages.bookmarks, onSheets = sheets.bookmarks
        #expect(marks.map(\.title) == onSheets.map(\.title) && marks.count > 3)
        for (mark, onSheet) in zip(marks, onSheets) {
            let placed = whereIs(page: mark.page)
            #expect(onSheet.page == placed.side && abs(onSheet.top - (mark.top + placed.dy)) < 0.01 && abs(onSheet.left - (mark.left + placed.dx)) < 0.01,
                    "\(language): the bookmark “\(mark.title)” on page \(mark.page) is not where its page went")
        }
    }

    /// Each sheet's entry in the parent tree names, for each of its marked-content ids, the
    /// element that claims it (its `/Pg` that sheet, the id among its kids), and no other.
    @Test(arguments: ["easy-read", "large-print"])
    func theParentTreeMatchesTheElementsOnEachSheet(variant: String) throws {
        let (imposed, _) = try Self.build(variant)
        let sheets = try QPDFJSON(imposed)
        var claimed: [String: [Int: String]] = [:]   // sheet → marked-content id → element
        for (reference, element) in sheets.objects(ofType: "/StructElem") {
            guard let page = element["/Pg"] as? String else { continue }
            let kids = element["/K"].map { $0 as? [Any] ?? [$0] } ?? []
            for case let id as Int in kids {
                #expect(claimed[page, default: [:]][id] == nil, "two elements claim id \(id) on \(page)")
                claimed[page, default: [:]][id] = reference
            }
        }
        #expect(!claimed.isEmpty)
        for number in 1...sheets.pageCount {
            let page = try #require(sheets.page(number)), entry = sheets.parentTreeEntry(of: page)
            // (Decoration's ids, now artifacts, are null in the list: `StructureTreePruner`.)
            let named = Dictionary(uniqueKeysWithValues: entry.enumerated().filter { $0.element != "null" }.map { ($0.offset, $0.element) })
            #expect(named == claimed[page.reference] ?? [:], "sheet side \(number): the parent tree and the elements disagree")
        }
    }

    /// What `qpdf --json` says of a file's pages, links and bookmarks.
    struct QPDFJSON {
        let json: [String: Any]

        init(_ pdf: URL) throws {
            let result = try CommandResult.run("qpdf", ["--json", "--json-key=pages", "--json-key=outlines", "--json-key=qpdf", pdf.path])
            json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }

        var pageCount: Int { (json["pages"] as? [Any])?.count ?? 0 }

        private var all: [String: Any] { ((json["qpdf"] as? [Any])?.last as? [String: Any]) ?? [:] }

        private func object(_ reference: String) -> [String: Any]? {
            (all["obj:" + reference] as? [String: Any])?["value"] as? [String: Any]
        }

        /// Every dictionary whose `/Type` is `type`, by its reference ("12 0 R").
        func objects(ofType type: String) -> [(String, [String: Any])] {
            all.compactMap { key, value in
                guard key.hasPrefix("obj:"), let dictionary = (value as? [String: Any])?["value"] as? [String: Any],
                      dictionary["/Type"] as? String == type else { return nil }
                return (String(key.dropFirst(4)), dictionary)
            }
        }

        /// Page `number` (1-based): its reference and dictionary.
        func page(_ number: Int) -> (reference: String, dictionary: [String: Any])? {
            guard let reference = (json["pages"] as? [[String: Any]])?[number - 1]["object"] as? String,
                  let dictionary = object(reference) else { return nil }
            return (reference, dictionary)
        }

        /// The parent tree's list for a page (its `/StructParents`): element references, "null" for none.
        func parentTreeEntry(of page: (reference: String, dictionary: [String: Any])) -> [String] {
            guard let key = page.dictionary["/StructParents"] as? Int,
                  let root = ((all["trailer"] as? [String: Any])?["value"] as? [String: Any])?["/Root"] as? String,
                  let treeRoot = object(root)?["/StructTreeRoot"] as? String,
                  let parentTree = object(treeRoot)?["/ParentTree"] else { return [] }
            let tree = (parentTree as? String).flatMap(object) ?? parentTree as? [String: Any] ?? [:]
            let nums = (tree["/Nums"] as? [Any]) ?? []
            for index in stride(from: 0, to: nums.count - 1, by: 2) where nums[index] as? Int == key {
                let value = nums[index + 1]
                let list = (value as? String).flatMap { all["obj:" + $0] as? [String: Any] }?["value"] as? [Any] ?? value as? [Any] ?? []
                return list.map { $0 as? String ?? "null" }.reversed().drop { $0 == "null" }.reversed()
            }
            return []
        }

        /// Page `number`'s link annotations (1-based): where each goes and its rectangle.
        func links(onPage number: Int) -> [(uri: String, rect: [Double])] {
            guard let page = (json["pages"] as? [[String: Any]])?[number - 1], let reference = page["object"] as? String,
                  let annotations = object(reference)?["/Annots"] as? [String] else { return [] }
            return annotations.compactMap { annotation in
                guard let link = object(annotation), let rect = link["/Rect"] as? [Double],
                      let uri = (link["/A"] as? [String: Any])?["/URI"] as? String else { return nil }
                return (uri, rect)
            }
        }

        /// Every bookmark, depth first: its title, page (1-based) and the point it shows.
        var bookmarks: [(title: String, page: Int, left: Double, top: Double)] {
            func walk(_ items: [[String: Any]]) -> [(title: String, page: Int, left: Double, top: Double)] {
                items.flatMap { item -> [(title: String, page: Int, left: Double, top: Double)] in
                    let dest = item["dest"] as? [Any] ?? []
                    let here = (item["title"] as? String ?? "", item["destpageposfrom1"] as? Int ?? 0,
                                dest.count > 3 ? (dest[2] as? Double ?? 0) : 0, dest.count > 3 ? (dest[3] as? Double ?? 0) : 0)
                    return [here] + walk(item["kids"] as? [[String: Any]] ?? [])
                }
            }
            return walk(json["outlines"] as? [[String: Any]] ?? [])
        }
    }

    static func pageCount(_ pdf: URL) throws -> Int {
        let info = try CommandResult.run("pdfinfo", [pdf.path]).stdout
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return Int(line.split(separator: " ").last!)!
    }

    static func pageSize(_ pdf: URL) throws -> [Double] {
        let info = try CommandResult.run("pdfinfo", [pdf.path]).stdout
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Page size:") })
        let parts = line.split(separator: " ")
        return [Double(parts[2])!, Double(parts[4])!]
    }

    /// pdftotext of one page, cropped to a band `width` points wide from `x` (at 72 dpi).
    static func text(of pdf: URL, page: Int, x: Int, width: Int) throws -> String {
        try CommandResult.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-r", "72", "-x", "\(x)", "-y", "0",
                                            "-W", "\(width)", "-H", "600", pdf.path, "-"]).stdout
    }
}
