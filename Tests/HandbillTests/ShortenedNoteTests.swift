import Foundation
import Testing

/// Issues #5/#7, “no text silently cut off”: a build says when a poster prints the author's shorter
/// text or a tri-fold leaves sections out — per output, in `--json`, up to date or not, with worker
/// processes or without — as a note that fails nothing. Each note is held to the PDF itself.
@Suite struct ShortenedNoteTests {
    static let arguments = ["build", "Guidance/sextortion", "--product", "poster-a4", "--product", "trifold-a4",
                            "--variant", "large-print", "--variant", "standard", "--lang", "en,pl"]

    func handbill(_ arguments: [String]) throws -> CommandResult {
        try CommandResult.run(Project.executable.path, arguments, in: Project.root)
    }

    /// Each output's `shortened` field, by output name (absent: nothing left out).
    static func notes(_ result: CommandResult) throws -> (report: [String: Any], notes: [String: [String: Any]]) {
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        var notes: [String: [String: Any]] = [:]
        for entry in report["results"] as! [[String: Any]] {
            if let shortened = entry["shortened"] as? [String: Any] { notes[entry["output"] as! String] = shortened }
        }
        return (report, notes)
    }

    /// The PDF's text as pdftotext gives it, its lines joined with single spaces (headings wrap).
    static func words(_ pdf: URL) throws -> String {
        try PDFReader(url: pdf).text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func buildsSayWhatTheyLeftOutAndStillReportItWhenUpToDate() throws {
        let output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let first = try handbill(Self.arguments + ["--json", "--jobs", "2", "--output", output.path])
        #expect(first.status == 0, "a note fails nothing: \(first.stderr)")
        let (report, notes) = try Self.notes(first)
        #expect(report["built"] as? Int == 8 && report["failed"] as? Int == 0)
        let folder = output.appendingPathComponent("sextortion")

        // The A4 large-print poster in English: the first shorter text (2 of the 5 points), the full
        // one over at 18pt. The PDF holds as many list points as the note says, and the standard
        // poster, which holds all five, has no note.
        let poster = try #require(notes["sextortion-poster-a4-large-print-en.pdf"]?["poster"] as? [String: Any])
        #expect(poster["text"] as? Int == 1 && poster["of"] as? Int == 2)
        #expect(poster["points"] as? Int == 2 && poster["fullPoints"] as? Int == 5)
        #expect(poster["floorPt"] as? Double == 18)
        #expect((poster["fullOverMM"] as? Double ?? 0) > 5, "the full text is over by about 10 mm")
        let bullets = { (file: String) throws -> Int in try Self.words(folder.appendingPathComponent(file)).filter { $0 == "•" }.count }
        #expect(try bullets("sextortion-poster-a4-large-print-en.pdf") == 2)
        #expect(notes["sextortion-poster-a4-standard-en.pdf"] == nil)
        #expect(try bullets("sextortion-poster-a4-standard-en.pdf") == 5)

        // The large-print tri-fold in Polish: both `if-room:` sections left out (not a word of their
        // headings in the PDF, though the always-printed section's heading is), lists brief, the
        // section's last blocks as advice only.
        let trifold = try #require(notes["sextortion-trifold-a4-large-print-pl.pdf"]?["trifold"] as? [String: Any])
        let leftOut = trifold["leftOut"] as? [String] ?? []
        #expect(leftOut.count == 2)
        #expect(trifold["briefLists"] as? Bool == true)
        #expect((trifold["adviceOnlyBlocks"] as? Int ?? 0) > 0)
        let trifoldText = try Self.words(folder.appendingPathComponent("sextortion-trifold-a4-large-print-pl.pdf"))
        for heading in leftOut { #expect(!trifoldText.contains(heading), "“\(heading)” is said to be left out") }
        for heading in trifold["sections"] as? [String] ?? [] { #expect(trifoldText.contains(heading)) }
        #expect(report["shortened"] as? Int == notes.count)

        // Up to date, on one worker: nothing built, the same notes (kept in the manifest).
        let again = try handbill(Self.arguments + ["--json", "--jobs", "1", "--output", output.path])
        let (againReport, againNotes) = try Self.notes(again)
        #expect(againReport["upToDate"] as? Int == 8)
        #expect(NSDictionary(dictionary: againNotes) == NSDictionary(dictionary: notes))

        // Forced, on one worker (in this process, no worker processes): the same notes again.
        let forced = try handbill(Self.arguments + ["--json", "--jobs", "1", "--force", "--output", output.path])
        #expect(NSDictionary(dictionary: try Self.notes(forced).notes) == NSDictionary(dictionary: notes))

        // Without --json: a note line under each shortened output, and the summary counts them.
        let plain = try handbill(Self.arguments + ["--output", output.path])
        #expect(plain.status == 0)
        let lines = plain.stdout.split(separator: "\n").map(String.init)
        let posterLine = try #require(lines.firstIndex { $0.contains("sextortion-poster-a4-large-print-en.pdf: up-to-date") })
        #expect(lines[posterLine + 1].contains("note: shorter poster text 1 of 2"), "\(plain.stdout)")
        #expect(lines[posterLine + 1].contains("2 of 5 points"))
        #expect(lines.last?.contains("(\(notes.count) shortened to fit") == true, "\(plain.stdout)")
    }

    @Test func checkListsTheNotes() throws {
        let check = try handbill(["check", "Guidance/sextortion", "--product", "poster-a4", "--variant", "large-print", "--lang", "en", "--json"])
        #expect(check.status == 0, "\(check.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as! [String: Any]
        let layout = try #require((report["layouts"] as? [[String: Any]])?.first)
        let poster = (layout["shortened"] as? [String: Any])?["poster"] as? [String: Any]
        #expect(poster?["points"] as? Int == 2)
        let plain = try handbill(["check", "Guidance/sextortion", "--product", "poster-a4", "--variant", "large-print", "--lang", "en"])
        #expect(plain.stdout.contains("note: shorter poster text 1 of 2"), "\(plain.stdout)")
    }
}
