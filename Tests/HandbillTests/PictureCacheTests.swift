import Foundation
import Handbill
import HandbillLayout
import HandbillSyntax
import Testing

/// Render keeps each SVG picture parsed for the life of the process (a worker builds many
/// documents): a picture edited while the process lives must still be drawn as it now is. Each
/// picture is stored in a PDF once, however often its pages show it.
@Suite struct PictureCacheTests {
    /// The easy-read A4 leaflet, English, built in this process with `layouts`.
    static func easyRead(layouts: URL) throws -> URL {
        let workspace = try Workspace(layouts: layouts, fonts: Project.root.appendingPathComponent("Fonts"))
        let job = Job(guidance: "sextortion", product: "leaflet-a4", variant: "easy-read", language: "en")
        let edition = try GuidanceFolder(Project.sextortion).edition(workspace.layouts.variants["easy-read"]?.source)
        let document = try edition.document(language: "en")
        return try Builder(workspace: workspace).build(document, job: job, output: Project.temporaryFolder())[0]
    }

    /// Pixels of page 1 that are pure blue, as poppler draws the page.
    static func bluePixels(_ pdf: URL) throws -> Int {
        let page = try RenderedPage(pdf: pdf, dpi: 36, grey: false)
        var count = 0
        for y in 0..<page.height {
            for x in 0..<page.width where page.pixel(x: x, y: y) == (0, 0, 255) { count += 1 }
        }
        return count
    }

    @Test func aPictogramEditedBetweenTwoBuildsIsDrawnAsEdited() throws {
        let layouts = Project.temporaryFolder().appendingPathComponent("Layouts")
        try FileManager.default.copyItem(at: Project.root.appendingPathComponent("Layouts"), to: layouts)
        let before = try Self.easyRead(layouts: layouts)
        #expect(try Self.bluePixels(before) == 0, "the pictograms as shipped have no pure blue")
        // Every pictogram becomes a blue square, in place, while this process has them parsed.
        let pictograms = layouts.appendingPathComponent("pictograms")
        for file in try FileManager.default.contentsOfDirectory(atPath: pictograms.path) where file.hasSuffix(".svg") {
            try Data(##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#0000ff"/></svg>"##.utf8)
                .write(to: pictograms.appendingPathComponent(file))
        }
        let after = try Self.easyRead(layouts: layouts)
        #expect(try Self.bluePixels(after) > 100, "page 1's pictograms are drawn as the files now are")
    }

    /// A school emails the easy-read leaflet: a pictogram shown on several pages (the phone, the
    /// helpline) is one object in the file, not its paths again at every use.
    @Test func aPictogramShownManyTimesIsStoredOnce() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let job = Project.job("easy-read", product: "leaflet-a4")
        let document = try EasyReadTests.easyRead.document(language: "en")
        let laidOut = try Builder(workspace: Project.workspace).layout(document, job: job)
        var shown: [String] = []
        for page in laidOut.pages {
            for case .image(let path, let box) in page.items where path.hasSuffix(".svg") { shown.append("\(path) \(box.width)×\(box.height)") }
        }
        let pictures = Set(shown)
        #expect(shown.count > pictures.count + 10, "the leaflet shows its pictograms more than once each")

        let pdf = try Builder(workspace: Project.workspace).build(document, job: job, output: folder)[0]
        let forms = try PDFReader(url: pdf).objects().values.compactMap { (($0 as? [String: Any])?["stream"] as? [String: Any])?["dict"] as? [String: Any] }
            .filter { $0["/Subtype"] as? String == "/Form" }
        #expect(forms.count == pictures.count, "\(forms.count) pictures stored for \(pictures.count) pictograms at their sizes, shown \(shown.count) times")
        #expect(try PDFUAChecker.passes(pdf.path))
    }
}
