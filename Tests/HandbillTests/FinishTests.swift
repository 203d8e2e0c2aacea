import Foundation
import Handbill
import HandbillFinish
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
        let damaged = folder.appendingPathComponent("damaged.pdf"), output = folder.appendingPathComponent("out.pdf")
        try Data("%PDF-1.5\nthis is not a PDF\n".utf8).write(to: damaged)
        let options = FinishOptions(language: "en", title: "t", author: "a", subject: "s", keywords: [], creator: "c",
                                    producer: "p", date: "2026-11-25T00:00:00Z", pageBoxes: [], linkDescriptions: [:])
        #expect {
            try Finisher.finish(input: damaged.path, output: output.path, options: options)
        } throws: { error in
            (error as? DiagnosticError)?.description.contains("qpdf could not read") == true
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func noScratchFilesAreLeftBehind() throws {
        let folder = Leaflets.pdf("standard").deletingLastPathComponent()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
