import Foundation
import Testing

/// The `handbill` command as a user runs it: help, exit codes, messages, files written or not.
@Suite struct CommandLineTests {
    func handbill(_ arguments: String...) throws -> CommandResult {
        try CommandResult.run(Project.executable.path, arguments, in: Project.root)
    }

    @Test func helpListsTheCommands() throws {
        let help = try handbill("--help")
        #expect(help.status == 0)
        for command in ["build", "check", "list", "bench"] { #expect(help.stdout.contains(command)) }
        let build = try handbill("build", "--help")
        for option in ["--product", "--variant", "--lang", "--output", "--png"] { #expect(build.stdout.contains(option)) }
    }

    @Test func buildWritesTheNamedPDFAndPreviews() throws {
        let output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try handbill("build", "Guidance/sextortion", "--variant", "large-print", "--png", "--output", output.path)
        #expect(result.status == 0, "\(result.stderr)")
        let files = Project.files(in: output)
        #expect(files.contains("sextortion/sextortion-leaflet-a4-large-print-en.pdf"))
        #expect(files.contains("sextortion/sextortion-leaflet-a4-large-print-en-p1.png"))
        #expect(!files.contains { $0.hasSuffix(".tmp") })
    }

    @Test func aBadSourceGivesItsLineAndWritesNothing() throws {
        let folder = Project.temporaryFolder(), output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: output) }
        let source = SourceErrorTests.good.replacingOccurrences(of: "- Another item", with: "-\n- Another item")
        try source.write(to: folder.appendingPathComponent("guidance.md"), atomically: true, encoding: .utf8)
        let result = try handbill("build", folder.path, "--output", output.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("guidance.md:14:1: error: an empty list item"), "\(result.stderr)")
        #expect(Project.files(in: output).isEmpty)
        let check = try handbill("check", folder.path)
        #expect(check.status == 1 && check.stderr.contains(":14:1"))
    }

    @Test func aLayoutFailureLeavesNoPartialPDF() throws {
        let folder = Project.temporaryFolder(), output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: output) }
        // Too long for the line, with no slash or dot to break at.
        let long = "https://example.org/" + String(repeating: "a-very-long-path-segment-", count: 6)
        let source = SourceErrorTests.good.replacingOccurrences(of: "Some text.", with: "See [this](\(long)).")
        try source.write(to: folder.appendingPathComponent("guidance.md"), atomically: true, encoding: .utf8)
        let result = try handbill("build", folder.path, "--output", output.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot be broken"), "\(result.stderr)")
        #expect(Project.files(in: output).filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func unknownVariantSaysWhichExist() throws {
        let result = try handbill("build", "Guidance/sextortion", "--variant", "huge")
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown variant `huge`") && result.stderr.contains("large-print"))
    }

    @Test func checkAndListReport() throws {
        let check = try handbill("check", "Guidance/sextortion")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("ok  sextortion-leaflet-a4-large-print-en"))
        // Braille and web pages are checked by making them in memory, not laid out as PDFs.
        let formats = try handbill("check", "Guidance/sextortion", "--format", "pdf,brf,pef,html", "--variant", "standard")
        #expect(formats.status == 0, "\(formats.stderr)")
        for output in ["sextortion-braille-standard-en.brf (", "sextortion-braille-standard-en.pef (", "sextortion-web-standard-en.html (1 page)"] {
            #expect(formats.stdout.contains("ok  " + output), "\(formats.stdout)")
        }
        let list = try handbill("list")
        #expect(list.status == 0)
        for word in ["leaflet-a4", "standard", "large-print", "Noto Sans", "sextortion"] { #expect(list.stdout.contains(word)) }
    }
}
