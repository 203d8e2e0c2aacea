import Foundation
import Handbill
import HandbillSyntax
import Testing

/// `handbill build --all`: the whole matrix in parallel, incremental, fault-tolerant, the same bytes
/// whatever the number of workers, and safe to kill.
@Suite struct BatchTests {
    func handbill(_ arguments: [String]) throws -> CommandResult {
        try CommandResult.run(Project.executable.path, arguments, in: Project.root)
    }

    /// A guidance folder of our own to change: the source and the Polish and Arabic translations.
    static func copyOfGuidance() throws -> URL {
        let folder = Project.temporaryFolder().appendingPathComponent("sextortion")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("translations"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Project.sextortion.appendingPathComponent("guidance.md"), to: folder.appendingPathComponent("guidance.md"))
        for language in ["pl", "ar"] {
            try FileManager.default.copyItem(at: Project.sextortion.appendingPathComponent("translations/\(language).md"),
                                             to: folder.appendingPathComponent("translations/\(language).md"))
        }
        return folder
    }

    /// Variants set from the guidance itself (not from an edition of their own, like easy read).
    static let variants = Project.workspace.layouts.variants.values.filter { $0.source == nil }.map(\.name).sorted()
    /// Every product in Layouts/products/ (leaflet, booklet, …).
    static let products = Project.workspace.layouts.products.keys.sorted()
    /// Braille outputs per language of the copy (standard: .brf and .pef; it has no easy-read edition).
    static let braille = ["brf", "pef"].map { "sextortion-braille-standard-{lang}.\($0)" }
    /// The PDFs of one language: every product in every variant it is made in.
    static var pdfs: [String] {
        products.flatMap { product in
            variants.filter { Project.workspace.layouts.products[product]!.isMade(in: $0) }.map { "sextortion-\(product)-\($0)-{lang}.pdf" }
        }
    }
    /// Outputs per language of the copy: its PDFs and its braille.
    static var perLanguage: Int { pdfs.count + braille.count }

    static func report(_ result: CommandResult) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    @Test func theMatrixBuildsThenOnlyWhatChangedIsRebuilt() throws {
        let guidance = try Self.copyOfGuidance(), output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: guidance.deletingLastPathComponent()); try? FileManager.default.removeItem(at: output) }
        let first = try handbill(["build", guidance.path, "--all", "--format", "pdf,brf,pef", "--json", "--proof", "--output", output.path])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try Self.report(first)
        #expect(report["built"] as? Int == 3 * Self.perLanguage && report["failed"] as? Int == 0, "\(report)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("sextortion/proof.png").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("sextortion/manifest.json").path))

        let again = try Self.report(try handbill(["build", guidance.path, "--all", "--format", "pdf,brf,pef", "--json", "--output", output.path]))
        #expect(again["built"] as? Int == 0 && again["upToDate"] as? Int == 3 * Self.perLanguage, "\(again)")

        // Change the Polish translation: only the Polish outputs are built again.
        let polish = guidance.appendingPathComponent("translations/pl.md")
        try (try String(contentsOf: polish, encoding: .utf8)).replacingOccurrences(of: "Nie płać.", with: "Nie płać!")
            .write(to: polish, atomically: true, encoding: .utf8)
        let third = try Self.report(try handbill(["build", guidance.path, "--all", "--format", "pdf,brf,pef", "--json", "--output", output.path]))
        let built = (third["results"] as! [[String: Any]]).filter { $0["status"] as? String == "built" }.map { $0["output"] as! String }
        #expect(Set(built) == Set((Self.pdfs + Self.braille).map { $0.replacingOccurrences(of: "{lang}", with: "pl") }), "\(built)")
    }

    /// The pictures and their credit are inputs: changing the credit builds easy read again.
    @Test func aChangedPictureCreditRebuildsEasyRead() throws {
        let folder = Project.temporaryFolder(), layouts = folder.appendingPathComponent("Layouts")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Project.root.appendingPathComponent("Layouts"), to: layouts)
        let arguments = ["build", "Guidance/sextortion", "--layouts", layouts.path, "--variant", "easy-read", "--json",
                         "--output", folder.appendingPathComponent("out").path]
        #expect(try Self.report(try handbill(arguments))["built"] as? Int == 1)
        let credit = layouts.appendingPathComponent("pictograms/credit.txt")
        try (try String(contentsOf: credit, encoding: .utf8) + " Changed.").write(to: credit, atomically: true, encoding: .utf8)
        #expect(try Self.report(try handbill(arguments))["built"] as? Int == 1)
    }

    @Test func oneFailureDoesNotStopTheOthers() throws {
        let guidance = try Self.copyOfGuidance(), output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: guidance.deletingLastPathComponent()); try? FileManager.default.removeItem(at: output) }
        let arabic = guidance.appendingPathComponent("translations/ar.md")
        try (try String(contentsOf: arabic, encoding: .utf8)).replacingOccurrences(of: "\n## ", with: "\n#### ", options: [], range: nil)
            .write(to: arabic, atomically: true, encoding: .utf8)
        let result = try handbill(["build", guidance.path, "--all", "--format", "pdf,brf,pef", "--json", "--output", output.path])
        #expect(result.status == 1)
        let report = try Self.report(result)
        #expect(report["built"] as? Int == 2 * Self.perLanguage && report["failed"] as? Int == Self.perLanguage, "\(report)")
        let failure = (report["results"] as! [[String: Any]]).first { $0["status"] as? String == "failed" }
        #expect((failure?["error"] as? String)?.contains("translations/ar.md:") == true)
        #expect(!Project.files(in: output).contains { $0.contains("-ar.pdf") || $0.hasSuffix(".tmp") })
    }

    @Test func oneWorkerOrTwoGiveTheSameBytes() throws {
        let one = Project.temporaryFolder(), two = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: one); try? FileManager.default.removeItem(at: two) }
        for (folder, jobs) in [(one, "1"), (two, "2")] {
            let result = try handbill(["build", "Guidance/sextortion", "--all", "--lang", "en,ar,zh-Hans", "--jobs", jobs,
                                       "--output", folder.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let pdfs = Project.files(in: one).filter { file in [".pdf", ".brf", ".pef", ".html"].contains { file.hasSuffix($0) } }
        #expect(pdfs.count >= 3 * Self.perLanguage)  // and easy read in the languages its edition has
        for pdf in pdfs {
            let a = try Data(contentsOf: one.appendingPathComponent(pdf)), b = try Data(contentsOf: two.appendingPathComponent(pdf))
            #expect(a == b, "\(pdf) differs between one worker and two")
        }
    }

    @Test func aKilledBatchLeavesNoHalfWrittenPDFAndTheNextRunCompletes() throws {
        let output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        for delay in [0.15, 0.4, 0.7] {
            let process = Process()
            process.executableURL = Project.executable
            process.arguments = ["build", "Guidance/sextortion", "--all", "--force", "--output", output.path]
            process.currentDirectoryURL = Project.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for pdf in Project.files(in: output) where pdf.hasSuffix(".pdf") {
                let check = try CommandResult.run("qpdf", ["--check", output.appendingPathComponent(pdf).path])
                #expect(check.status == 0, "\(pdf) is damaged after a kill at \(delay) s")
            }
        }
        let finish = try handbill(["build", "Guidance/sextortion", "--all", "--output", output.path])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(!Project.files(in: output).contains { $0.hasSuffix(".tmp") }, "\(Project.files(in: output))")
        #expect(Project.files(in: output).filter { $0.hasSuffix(".pdf") }.count >= Self.variants.count * LanguageTests.guidance.languages.count)
    }
}
