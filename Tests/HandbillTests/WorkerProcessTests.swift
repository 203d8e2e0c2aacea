import Foundation
import Testing

/// `build --jobs 2` runs its workers as `handbill build-worker` child processes: a worker that
/// dies costs only the job it had, and the rest are still built.
@Suite struct WorkerProcessTests {
    /// The pids of `parent`'s children, from /proc.
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            // After "pid (name) state": the parent's pid is the second field.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }

    /// Everything a job is (here: tiled, and for a print shop) reaches the worker that builds it.
    @Test func workersBuildWhatWasAskedForNotAPlainerJob() throws {
        let output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        for extra in [["--tile", "a4"], ["--print-shop", "--product", "poster-a3", "--product", "card-wallet"]] {
            let result = try CommandResult.run(Project.executable.path, ["build", "Guidance/sextortion", "--variant", "standard",
                                                                         "--jobs", "2", "--output", output.path] + extra, in: Project.root)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let pdfs = Set(Project.files(in: output).filter { $0.hasSuffix(".pdf") })
        #expect(pdfs == ["sextortion/sextortion-poster-a2-standard-en-tiled-a4.pdf", "sextortion/sextortion-poster-a3-standard-en-tiled-a4.pdf",
                         "sextortion/sextortion-poster-a3-standard-en-print-shop.pdf", "sextortion/sextortion-card-wallet-standard-en-print-shop.pdf"],
                "\(pdfs.sorted())")
    }

    /// A broken layout file no job uses stops neither the parent nor its worker processes (they read
    /// only the files their jobs use, as the parent does), for builds and for local editions.
    @Test func aBrokenLayoutFileNoJobUsesStopsNoWorker() throws {
        let folder = Project.temporaryFolder(), layouts = folder.appendingPathComponent("Layouts")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Project.root.appendingPathComponent("Layouts"), to: layouts)
        let poster = layouts.appendingPathComponent("products/poster-a2.yaml")
        try (try String(contentsOf: poster, encoding: .utf8) + "  broken: [unclosed\n").write(to: poster, atomically: true, encoding: .utf8)
        let sheet = folder.appendingPathComponent("schools.csv")
        try "id,organisation,phone\na,A School,01415550199\nb,B School,01415550198\n".write(to: sheet, atomically: true, encoding: .utf8)
        let common = ["build", "Guidance/sextortion", "--layouts", layouts.path, "--product", "leaflet-a4", "--variant", "standard",
                      "--lang", "en,ar", "--jobs", "2", "--output", folder.appendingPathComponent("out").path]
        for extra in [[], ["--editions", sheet.path]] {
            let result = try CommandResult.run(Project.executable.path, common + extra, in: Project.root)
            #expect(result.status == 0 && !result.stderr.contains("poster-a2"), "\(extra): \(result.stderr)")
        }
    }

    @Test func aWorkerKilledMidBatchCostsOnlyItsJob() throws {
        let output = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = Project.executable
        process.arguments = ["build", "Guidance/sextortion", "--all", "--format", "pdf", "--force", "--jobs", "2", "--json",
                             "--output", output.path]
        process.currentDirectoryURL = Project.root
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        var workers: [pid_t] = []
        for _ in 0..<500 where workers.count < 2 {  // up to 10 s for both workers to start
            Thread.sleep(forTimeInterval: 0.02)
            workers = Self.children(of: process.processIdentifier)
        }
        #expect(workers.count == 2, "build --jobs 2 started \(workers.count) worker processes")
        if let first = workers.first {
            Thread.sleep(forTimeInterval: 0.3)
            kill(first, SIGKILL)
        }
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try #require(report["results"] as? [[String: Any]])
        let failed = results.filter { $0["status"] as? String == "failed" }
        #expect(process.terminationStatus == 1)
        #expect(failed.count == 1, "\(failed)")
        #expect((failed.first?["error"] as? String)?.contains("worker process") == true)
        #expect(results.count - failed.count == results.filter { $0["status"] as? String == "built" }.count)
        for result in results where result["status"] as? String == "built" {
            let file = output.appendingPathComponent("sextortion").appendingPathComponent(result["output"] as! String)
            let check = try CommandResult.run("qpdf", ["--check", file.path])
            #expect(check.status == 0, "\(file.lastPathComponent) is damaged")
        }
    }
}
