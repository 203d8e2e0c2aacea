import Foundation
import Handbill
import HandbillStyle
import Testing

/// `handbill build --editions sheet.csv`: one local edition per spreadsheet row, read back with
/// poppler (pdftotext, pdfinfo) and qpdf.
@Suite struct EditionTests {
    static let nationalNumbers = ["101", "0800 1111", "0345 6000 459"]

    func handbill(_ arguments: [String]) throws -> CommandResult {
        try CommandResult.run(Project.executable.path, arguments, in: Project.root)
    }

    /// A sheet with a byte-order mark, CRLF line ends, a quoted address over two lines, Gaelic,
    /// Polish and Arabic names, and one bad row of every kind; with a good logo, a broken one and
    /// one outside the sheet's folder.
    static func sheet(in folder: URL) throws -> URL {
        let sheets = folder.appendingPathComponent("sheets")
        try FileManager.default.createDirectory(at: sheets.appendingPathComponent("logos"), withIntermediateDirectories: true)
        let pictogram = try FileManager.default.contentsOfDirectory(atPath: Project.root.appendingPathComponent("Layouts/pictograms").path)
            .first { $0.hasSuffix(".svg") }!
        try FileManager.default.copyItem(at: Project.root.appendingPathComponent("Layouts/pictograms/\(pictogram)"),
                                         to: sheets.appendingPathComponent("logos/crest.svg"))
        try Data("not a picture".utf8).write(to: sheets.appendingPathComponent("logos/broken.png"))
        try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("outside.svg"))
        let rows = [
            "id,organisation,contact,role,phone,email,website,address,hours,logo",                    // 1
            "hillhead,Hillhead High School,Mrs Campbell,Guidance Teacher,01415550199,guidance@hillhead.example.sch.uk,www.hillhead.example.sch.uk,\"Room 12\r\nOakfield Avenue, Glasgow\",Mon–Fri 8.30–4,logos/crest.svg", // 2–3
            "gaelic,Sgoil Ghàidhlig Ghlaschu,Catrìona NicIllEathain,Tidsear-taice,+44 (0)141 555 0123,,,,,",  // 4
            "arabic,مدرسة النور,السيدة فاطمة,مرشدة,0141-555-0145,,,,,",                                    // 5
            "polish,Szkoła Podstawowa nr 3,Pani Łucja Żółkiewska,,07700 900123,,,,,",                      // 6
            "nophone,No Phone School,,,,,,,,",                                                              // 7
            "../x,Escaping Folder,,,01415550100,,,,,",                                                      // 8
            "a/b,Slash Folder,,,01415550100,,,,,",                                                          // 9
            ",No Id School,,,01415550100,,,,,",                                                             // 10
            "polish,Second Polish,,,01415550102,,,,,",                                                      // 11
            "badphone,Bad Phone School,,,12345,,,,,",                                                       // 12
            "bademail,Bad Email School,,,01415550103,not-an-email,,,,",                                     // 13
            "badweb,Bad Web School,,,01415550104,,not a web address,,,",                                   // 14
            "nologo,No Logo School,,,01415550105,,,,,logos/missing.png",                                    // 15
            "outside,Outside Logo School,,,01415550106,,,,,../outside.svg",                                 // 16
            "broken,Broken Logo School,,,01415550107,,,,,logos/broken.png",                                 // 17
            "trojan,Evil\u{202E}School,,,01415550108,,,,,",                                                 // 18
            "control,Bell\u{07}School,,,01415550109,,,,,",                                                  // 19
        ]
        let file = sheets.appendingPathComponent("schools.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array((rows.joined(separator: "\r\n") + "\r\n").utf8)).write(to: file)
        return file
    }

    @Test func goodRowsBuildAndEachBadRowSaysWhatToFixAtItsLine() throws {
        let folder = Project.temporaryFolder(), output = folder.appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = try Self.sheet(in: folder)
        let result = try handbill(["build", "Guidance/sextortion", "--editions", sheet.path, "--variant", "standard", "--output", output.path])
        #expect(result.status == 1, "bad rows make the exit status non-zero")
        let name = sheet.path
        for (line, column, words) in [(7, 5, "`phone` (column E): required, but empty"), (8, 1, "`../x` cannot name a folder"),
                                      (9, 1, "`a/b` cannot name a folder"), (10, 1, "the id is empty"),
                                      (11, 1, "`polish` is used again; line 6 has it first"),
                                      (12, 5, "`12345` is not a valid UK phone number"), (13, 6, "`not-an-email` is not an email address"),
                                      (14, 7, "is not a web address"), (15, 10, "there is no file `logos/missing.png`"),
                                      (16, 10, "outside the spreadsheet's folder"), (17, 10, "not a readable PNG"),
                                      (18, 2, "bidi override or embedding U+202E"), (19, 2, "control character U+0007")] {
            #expect(result.stderr.contains("\(name):\(line):\(column): error: ") && result.stderr.contains(words),
                    "line \(line): \(words)\n\(result.stderr)")
        }
        #expect(result.stderr.components(separatedBy: ": error: ").count - 1 == 13, "\(result.stderr)")
        let editions = output.appendingPathComponent("sextortion/editions")
        let built = try FileManager.default.contentsOfDirectory(atPath: editions.path).sorted()
        #expect(built == ["arabic", "gaelic", "hillhead", "polish"])
        for (id, organisation, contact, phone) in [("hillhead", "Hillhead High School", "Mrs Campbell", "0141 555 0199"),
                                                   ("gaelic", "Sgoil Ghàidhlig Ghlaschu", "Catrìona NicIllEathain", "0141 555 0123"),
                                                   ("polish", "Szkoła Podstawowa nr 3", "Pani Łucja Żółkiewska", "07700 900123")] {
            let pdf = PDFReader(url: editions.appendingPathComponent("\(id)/sextortion-leaflet-a4-standard-en.pdf"))
            let text = try pdf.text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for words in [organisation, contact, phone, "Local edition for \(organisation)"] + Self.nationalNumbers {
                #expect(text.contains(words), "\(id): “\(words)” missing")
            }
            let info = try pdf.info()
            #expect(info["Subject"]?.contains("Local edition for \(organisation)") == true && info["Keywords"]?.contains(organisation) == true,
                    "\(info)")
        }
        let hillhead = try PDFReader(url: editions.appendingPathComponent("hillhead/sextortion-leaflet-a4-standard-en.pdf")).text()
        #expect(hillhead.contains("Room 12, Oakfield Avenue, Glasgow") && hillhead.contains("guidance@hillhead.example.sch.uk"))
    }

    @Test func aMisspeltColumnIsNamedNotDropped() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = folder.appendingPathComponent("typo.csv")
        try "id,organisation,phnoe\nschool,A School,01415550199\n".write(to: sheet, atomically: true, encoding: .utf8)
        let result = try handbill(["build", "Guidance/sextortion", "--editions", sheet.path, "--variant", "standard",
                                   "--output", folder.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(sheet.path):1:3: error: unknown column `phnoe`") && result.stderr.contains("did you mean `phone`?"),
                "\(result.stderr)")
        #expect(result.stderr.contains("the header has no `phone` column"), "\(result.stderr)")
    }

    /// A poster's, tri-fold's, booklet's or card's local edition would be a leaflet on the wrong
    /// page: refused with what to use instead, and nothing written.
    @Test(arguments: ["poster-a3", "trifold-a4", "booklet-a5", "card-wallet"])
    func productsWithoutALocalBlockAreRefused(product: String) throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = folder.appendingPathComponent("schools.csv")
        try "id,organisation,phone\nschool,A School,01415550199\n".write(to: sheet, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let result = try handbill(["build", "Guidance/sextortion", "--editions", sheet.path, "--product", product, "--variant", "standard",
                                   "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("local editions are made for the A4 leaflet") && result.stderr.contains("--product leaflet-a4"),
                "\(result.stderr)")
        #expect(!Project.files(in: output).contains { $0.hasSuffix(".pdf") })
    }

    @Test func arabicAndGaelicNamesPrintInArabicAndEnglishEditions() throws {
        let folder = Project.temporaryFolder(), output = folder.appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = folder.appendingPathComponent("names.csv")
        try "id,organisation,contact,phone\narabic,مدرسة النور,السيدة فاطمة,01415550145\ngaelic,Sgoil Ghàidhlig Ghlaschu,Catrìona NicIllEathain,01415550123\n"
            .write(to: sheet, atomically: true, encoding: .utf8)
        // Text the fonts cannot show is a build error, so a clean build means no tofu.
        let result = try handbill(["build", "Guidance/sextortion", "--editions", sheet.path, "--variant", "standard", "--lang", "en,ar",
                                   "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        for language in ["en", "ar"] {
            for (id, words) in [("arabic", ["مدرسة", "النور", "فاطمة"]), ("gaelic", ["Ghàidhlig", "Ghlaschu", "Catrìona", "NicIllEathain"])] {
                let text = try PDFReader(url: output.appendingPathComponent("sextortion/editions/\(id)/sextortion-leaflet-a4-standard-\(language).pdf")).text()
                for word in words { #expect(text.contains(word), "\(id) in the \(language) edition: “\(word)” missing") }
                #expect(text.contains("0141 555 01"), "the phone number reads left to right in \(language)")
            }
        }
    }

    @Test func shardsTogetherMakeTheSameBytesAsOneRunAndCombineMatchesTheirPages() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = folder.appendingPathComponent("many.csv")
        var rows = ["id,organisation,contact,phone"]
        for index in 1...9 { rows.append("school-\(index),School \(index),Teacher \(index),0141555\(String(format: "%04d", index))") }
        try (rows.joined(separator: "\n") + "\n").write(to: sheet, atomically: true, encoding: .utf8)
        let whole = folder.appendingPathComponent("whole"), sharded = folder.appendingPathComponent("sharded")
        let base = ["build", "Guidance/sextortion", "--editions", sheet.path, "--variant", "standard"]
        // The whole run on two worker processes (EditionProcesses), each shard in one process: the same bytes.
        #expect(try handbill(base + ["--output", whole.path, "--combine", "--jobs", "2"]).status == 0)
        for shard in 0..<3 { #expect(try handbill(base + ["--output", sharded.path, "--shard", "\(shard)/3", "--jobs", "1"]).status == 0) }
        let pdfs = Project.files(in: whole.appendingPathComponent("sextortion/editions")).filter { $0.hasSuffix(".pdf") && !$0.contains("combined") }
        #expect(pdfs.count == 9)
        #expect(Project.files(in: sharded.appendingPathComponent("sextortion/editions")).filter { $0.hasSuffix(".pdf") } == pdfs)
        for pdf in pdfs {
            let a = try Data(contentsOf: whole.appendingPathComponent("sextortion/editions/\(pdf)"))
            let b = try Data(contentsOf: sharded.appendingPathComponent("sextortion/editions/\(pdf)"))
            #expect(a == b, "\(pdf) differs between the sharded and the unsharded run")
        }
        // --combine: every edition in sheet order, its pages where the manifest says.
        let editions = whole.appendingPathComponent("sextortion/editions")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: editions.appendingPathComponent("sextortion-leaflet-a4-standard-en-combined.json"))) as! [String: Any]
        let entries = manifest["editions"] as! [[String: Any]]
        #expect(entries.map { $0["id"] as! String } == (1...9).map { "school-\($0)" })
        let combined = editions.appendingPathComponent("sextortion-leaflet-a4-standard-en-combined.pdf")
        var next = 1
        for entry in entries {
            let first = entry["firstPage"] as! Int, last = entry["lastPage"] as! Int, id = entry["id"] as! String
            let pages = Int(try PDFReader(url: editions.appendingPathComponent("\(id)/sextortion-leaflet-a4-standard-en.pdf")).info()["Pages"]!)!
            #expect(first == next && last - first + 1 == pages, "\(entry)")
            next = last + 1
            let text = try CommandResult.run("pdftotext", ["-f", "\(first)", "-l", "\(last)", combined.path, "-"]).stdout
            #expect(text.contains("School \(id.dropFirst(7)) ") || text.contains("School \(id.dropFirst(7))\n"), "\(id)'s pages hold its name")
        }
        #expect(Int(try PDFReader(url: combined).info()["Pages"]!) == next - 1)
        #expect(try PDFReader(url: combined).outline().count == 9)

        // Change one row: only that edition is built again.
        rows[4] = "school-4,School Four Renamed,Teacher 4,01415550004"
        try (rows.joined(separator: "\n") + "\n").write(to: sheet, atomically: true, encoding: .utf8)
        let again = try handbill(base + ["--output", whole.path, "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [String: Any]
        #expect(report["built"] as? Int == 1 && report["upToDate"] as? Int == 8, "\(report)")
    }

    @Test func ukPhoneNumbersAreCheckedAndGroupedForDisplay() {
        let cases: [(String, String?)] = [
            ("01415550199", "0141 555 0199"), ("+44 141 555 0199", "0141 555 0199"), ("+44 (0)141 555 0199", "0141 555 0199"),
            ("0141-555-0199", "0141 555 0199"), ("02079460018", "020 7946 0018"), ("07700900123", "07700 900123"),
            ("03456000459", "0345 600 0459"), ("0800 1111", "0800 1111"), ("101", "101"), ("01632960123", "01632 960123"),
            ("12345", nil), ("0141 555", nil), ("+33 1 23 45 67 89", nil), ("0141 555 0199 ext 2", nil), ("04123456789", nil),
        ]
        for (typed, expected) in cases { #expect(UKPhoneNumber.normalised(typed) == expected, "\(typed)") }
    }
}
