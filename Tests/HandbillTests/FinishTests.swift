import Foundation
import Handbill
import HandbillFinish
import HandbillLayout
import HandbillStyle
import HandbillModel
import Testing

/// The finished file: the same bytes for the same input, and no partial file on any failure.
@Suite struct FinishTests {
    func handbill(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try CommandResult.run(Project.executable.path, arguments, in: Project.root, environment: environment)
    }

    @Test func theSameSourceGivesTheSameBytes() throws {
        let first = Project.temporaryFolder(), second = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        for folder in [first, second] {
            #expect(try handbill(["build", "Guidance/sextortion", "--output", folder.path]).status == 0)
        }
        for variant in Leaflets.variants {
            let name = "sextortion/sextortion-leaflet-a4-\(variant)-en.pdf"
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(variant) differs between two builds")
            #expect(a == (try Data(contentsOf: Leaflets.pdf(variant))), "\(variant): the library and the command line disagree")
        }
    }

    @Test func sourceDateEpochSetsTheDates() throws {
        let first = Project.temporaryFolder(), second = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        let epoch = ["SOURCE_DATE_EPOCH": "1700000000"]  // 2023-11-14T22:13:20Z
        for folder in [first, second] {
            #expect(try handbill(["build", "Guidance/sextortion", "--variant", "standard", "--output", folder.path], environment: epoch).status == 0)
        }
        let name = "sextortion/sextortion-leaflet-a4-standard-en.pdf"
        let pdf = first.appendingPathComponent(name)
        #expect(try Data(contentsOf: pdf) == Data(contentsOf: second.appendingPathComponent(name)))
        let info = try PDFReader(url: pdf).info()
        #expect(info["CreationDate"]?.contains("Nov 14 22:13:20 2023") == true, "\(info["CreationDate"] ?? "none")")
    }

    @Test func anOutputFolderThatCannotBeMadeIsAClearError() throws {
        let blocker = Project.temporaryFolder().appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker.deletingLastPathComponent()) }
        let result = try handbill(["build", "Guidance/sextortion", "--variant", "standard", "--output", blocker.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot create the folder") && result.stderr.contains("hint:"), "\(result.stderr)")
    }

    @Test func aDamagedFileIsAQPDFErrorNotACrash() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = FinishOptions(language: "en", title: "t", author: "a", subject: "s", keywords: [], creator: "c",
                                    producer: "p", date: "2026-11-25T00:00:00Z", pageBoxes: [], linkDescriptions: [:])
        #expect {
            try Finisher.finish(pdf: Array("%PDF-1.5\nthis is not a PDF\n".utf8), options: options)
        } throws: { error in
            (error as? DiagnosticError)?.description.contains("qpdf could not read") == true
        }
    }

    /// A PDF with a CFF font whose glyph for 如 Cairo embedded broken (the first page of a leaflet
    /// built with Noto Sans CJK's CFF outlines, finished before the check existed): finishing it
    /// refuses it, so no PDF with a silent gap is written.
    @Test func aBrokenEmbeddedGlyphFailsTheFinish() throws {
        let pdf = try [UInt8](Data(contentsOf: Project.fixture("cff-glyph-broken-by-cairo.pdf")))
        let options = FinishOptions(language: "zh-Hans", title: "t", author: "a", subject: "s", keywords: [], creator: "c",
                                    producer: "p", date: "2026-11-25T00:00:00Z", pageBoxes: [], linkDescriptions: [:])
        #expect {
            try Finisher.finish(pdf: pdf, options: options)
        } throws: { error in
            let message = (error as? DiagnosticError)?.description ?? ""
            return message.contains("would show 如 (U+5982) in NotoSansCJKsc-Regular as a gap or a box")
                && message.contains("TrueType outlines")
        }
    }

    @Test func noScratchFilesAreLeftBehind() throws {
        let folder = Leaflets.pdf("standard").deletingLastPathComponent()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

/// Alt text and passage languages, which Cairo cannot write, added by the finishing stage.
@Suite struct StructureAttributeTests {
    @Test func figuresGetTheirAltAndPassagesTheirLanguage() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let black = Colour(hex: "#000000")!
        let items: [PositionedItem] = [
            .open(.document),
            .open(.figure), .describe(StructureAttributes(alt: "QR code for takeitdown.ncmec.org")),
            .rect(Rect(x: 50, y: 50, width: 40, height: 40), black), .close(.figure),
            .open(.figure), .describe(StructureAttributes(alt: "Kod QR", language: "pl")),
            .rect(Rect(x: 100, y: 50, width: 40, height: 40), black), .close(.figure),
            .close(.document),
        ]
        let metadata = try Project.document().metadata
        let document = PositionedDocument(metadata: metadata, pages: [PositionedPage(width: 300, height: 200, items: items)],
                                          outline: [], background: Colour(hex: "#FFFFFF")!)
        let pdf = folder.appendingPathComponent("figures.pdf")
        try Builder(workspace: Project.workspace).write(document, to: pdf)
        let figures = try PDFReader(url: pdf).objects().values.compactMap { $0 as? [String: Any] }
            .filter { $0["/S"] as? String == "/Figure" }
        #expect(figures.count == 2)
        let alts = Set(figures.compactMap { ($0["/Alt"] as? String).map(PDFReader.decodeString) })
        #expect(alts == ["QR code for takeitdown.ncmec.org", "Kod QR"])
        #expect(figures.contains { ($0["/Lang"] as? String).map(PDFReader.decodeString) == "pl" })
        let check = try CommandResult.run(PDFUAChecker.command, ["check", pdf.path])
        #expect(check.status == 0, "\(check.stdout)")
    }
}

/// A full disk, made with a 16 KiB tmpfs (needs root, as on CI; skipped where mounting is refused).
@Suite struct FullDiskTests {
    static let tinyDisk: URL? = {
        let folder = Project.temporaryFolder()
        let mounted = try? CommandResult.run("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", folder.path])
        return mounted?.status == 0 ? folder : nil
    }()

    @Test(.enabled(if: tinyDisk != nil, "needs permission to mount a tmpfs"))
    func aFullDiskIsAnErrorAndLeavesNothing() throws {
        let disk = try #require(Self.tinyDisk)
        defer { _ = try? CommandResult.run("umount", [disk.path]) }
        let result = try CommandResult.run(Project.executable.path, ["build", "Guidance/sextortion", "--variant", "standard",
                                                                     "--output", disk.path], in: Project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        #expect(Project.files(in: disk).isEmpty, "left behind: \(Project.files(in: disk))")
    }
}
