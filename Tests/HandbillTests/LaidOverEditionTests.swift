import Foundation
import Testing

/// A leaflet's local edition is its national pages, finished once, with the edition's own block
/// and small print laid over them (Handbill/Editions/LaidOverEditions.swift). Read back, it must be
/// the edition laid out in full (`HANDBILL_EDITIONS_IN_FULL=1`): the same words for copy and
/// search, the same structure read in the same order, the same pixels, and PDF/UA's checks met.
@Suite struct LaidOverEditionTests {
    static let goodRows = ["hillhead", "gaelic", "arabic", "polish"]

    @Test(arguments: [("en", "standard"), ("ar", "standard"), ("pl", "large-print"), ("en", "dyslexia")])
    func aLaidOverEditionReadsAndPrintsAsTheOneLaidOutInFull(language: String, variant: String) throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = try EditionTests.sheet(in: folder)  // a logo, Gaelic, Arabic and Polish names, and bad rows
        func build(_ name: String, environment: [String: String]) throws -> URL {
            let output = folder.appendingPathComponent(name)
            let result = try CommandResult.run(Project.executable.path,
                                               ["build", "Guidance/sextortion", "--editions", sheet.path, "--product", "leaflet-a4",
                                                "--variant", variant, "--lang", language, "--output", output.path],
                                               in: Project.root, environment: environment)
            #expect(result.status == 1, "the sheet's bad rows make the status 1; the good rows build: \(result.stderr)")
            return output.appendingPathComponent("sextortion/editions")
        }
        let laidOver = try build("laid-over", environment: [:])
        let inFull = try build("in-full", environment: ["HANDBILL_EDITIONS_IN_FULL": "1"])
        let name = "sextortion-leaflet-a4-\(variant)-\(language).pdf"
        for id in Self.goodRows {
            let fast = laidOver.appendingPathComponent("\(id)/\(name)"), full = inFull.appendingPathComponent("\(id)/\(name)")
            let bytes = try Data(contentsOf: fast)
            // Laid over: the national pages' bytes, then an update with the edition's own objects.
            #expect(bytes.count(of: Data("startxref".utf8)) == 2, "\(id): one update after the national pages")
            #expect(try CommandResult.run("qpdf", ["--check", fast.path]).status == 0, "\(id): qpdf --check")
            #expect(try PDFReader(url: fast).text() == PDFReader(url: full).text(), "\(id): the text as pdftotext gives it")
            let read = try StructureReading(fast), readInFull = try StructureReading(full)
            #expect(read.roles == readInFull.roles, "\(id): the structure tree's elements")
            #expect(read.reading == readInFull.reading, "\(id): the structure tree's text in reading order")
            #expect(read.problems.isEmpty, "\(id): \(read.problems)")
            #expect(try PDFUAChecker.passes(fast.path), "\(id): pdfua check")
            let pages = Int(try PDFReader(url: fast).info()["Pages"] ?? "0") ?? 0
            let pagesInFull = Int(try PDFReader(url: full).info()["Pages"] ?? "0") ?? 0
            #expect(pages > 0 && pages == pagesInFull, "\(id): pages")
            let described = try PDFReader(url: fast).info().filter { $0.key != "File size" }
            #expect(try described == PDFReader(url: full).info().filter { $0.key != "File size" }, "\(id): pdfinfo (title, subject, keywords…)")
            for page in 1...max(1, pages) {
                #expect(try RenderedPage(pdf: fast, page: page, dpi: 40, grey: false).bytes
                        == RenderedPage(pdf: full, page: page, dpi: 40, grey: false).bytes, "\(id): page \(page)'s pixels")
            }
        }
    }
}

extension LaidOverEditionTests {
    /// A worker keeps the national pages read and undoes each edition's changes, reading them
    /// again every 32 editions: an edition built after 40 others is the same bytes as built first.
    @Test func anEditionIsTheSameBytesWhateverWasBuiltBeforeIt() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = "id,organisation,contact,role,phone,email,website,address,hours"
        let target = "target,Hillhead High School,Mrs Campbell,Guidance Teacher,01415550199,guidance@hillhead.example.sch.uk,www.hillhead.example.sch.uk,Oakfield Avenue,Mon–Fri"
        let others = (0..<40).map { "school-\($0),School \($0),Mr Teacher \($0),,0141555\(String(format: "%04d", $0)),office\($0)@school.example.sch.uk,,," }
        func build(_ rows: [String], into name: String) throws -> Data {
            let sheet = folder.appendingPathComponent("\(name).csv"), output = folder.appendingPathComponent(name)
            try Data(([header] + rows).joined(separator: "\n").utf8).write(to: sheet)
            let result = try CommandResult.run(Project.executable.path,
                                               ["build", "Guidance/sextortion", "--editions", sheet.path, "--product", "leaflet-a4",
                                                "--variant", "standard", "--lang", "en", "--jobs", "1", "--output", output.path],
                                               in: Project.root)
            #expect(result.status == 0, "\(result.stderr)")
            return try Data(contentsOf: output.appendingPathComponent("sextortion/editions/target/sextortion-leaflet-a4-standard-en.pdf"))
        }
        let first = try build([target] + others, into: "first"), last = try build(others + [target], into: "last")
        #expect(first.count(of: Data("startxref".utf8)) == 2, "laid over the national pages")
        #expect(first == last, "the same edition built first and after 40 others")
    }
}

private extension Data {
    func count(of part: Data) -> Int {
        var count = 0, start = startIndex
        while let found = range(of: part, in: start..<endIndex) {
            count += 1
            start = found.upperBound
        }
        return count
    }
}
