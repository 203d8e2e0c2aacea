import Foundation
import Handbill
import HandbillModel

/// `handbill bench GUIDANCE --editions N`: N generated rows of local editions (the selection given,
/// by default the A4 leaflet, standard, in the guidance's language), each run a fresh process:
/// editions per second with 1 and 2 workers, peak memory, and the time to rebuild after one row changes.
extension BenchCommand {
    func benchEditions(_ count: Int) throws(DiagnosticError) -> Bool {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handbill-edition-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sheet = folder.appendingPathComponent("schools.csv"), output = folder.appendingPathComponent("out")
        var rows = Self.generatedRows(count)
        try write(rows, to: sheet)
        var selectionArguments: [String] = []
        for product in selection.product { selectionArguments += ["--product", product] }
        for variant in (selection.variant.isEmpty ? ["standard"] : selection.variant) { selectionArguments += ["--variant", variant] }
        if let lang = selection.lang { selectionArguments += ["--lang", lang] }
        let build = ["build", selection.guidance, "--editions", sheet.path, "--output", output.path] + selectionArguments
        print("Handbill \(Workspace.version) bench: \(count) local editions of \(selection.guidance) (\(selectionArguments.joined(separator: " "))), a fresh process each run")
        let runs = max(1, min(self.runs, 3))
        for workers in [1, 2] {
            var times: [Double] = [], cpu: [Double] = [], peaks: [Double] = [], pss = 0.0, rss = 0.0
            for _ in 0..<runs {
                let run = try spawn(build + ["--force", "--jobs", String(workers)])
                times.append(run.ms)
                cpu.append(run.cpuMS)
                peaks.append(run.peakMB)
            }
            // Memory in a run of its own: reading every process's smaps_rollup every 20 ms walks
            // their page tables, on the cores the timed build needs.
            _ = try spawn(build + ["--force", "--jobs", String(workers)],
                          tree: { pss = max(pss, $0.pss); rss = max(rss, $0.rss) }, sampling: true)
            let best = times.min()!, leastCPU = cpu.min()!
            print("  \(workers) worker\(workers == 1 ? " " : "s"): \(Int(best)) ms wall (best of \(runs)), "
                  + "\(String(format: "%.0f", Double(count) / best * 1000)) editions/s, "
                  + "CPU \(Int(leastCPU)) ms (\(String(format: "%.2f", leastCPU / Double(count))) ms an edition), peak \(Int(peaks.max()!)) MB "
                  + "(all processes: PSS \(Int(pss)) MB, RSS \(Int(rss)) MB)")
        }
        // One row changed: only its edition is built again.
        rows[count / 2] = rows[count / 2].replacingOccurrences(of: "Guidance Teacher", with: "Depute Head")
        try write(rows, to: sheet)
        let changed = try spawn(build), upToDate = try spawn(build)
        print("  one row changed: \(Int(changed.ms)) ms to rebuild (peak \(Int(changed.peakMB)) MB); nothing changed: \(Int(upToDate.ms)) ms")
        return true
    }

    /// Rows like a council's: a school, a named contact and role, a Glasgow number, email, web, hours.
    static func generatedRows(_ count: Int) -> [String] {
        let names = ["Hillhead", "Sgoil Ghàidhlig", "Cleveden", "Notre Dame", "Hyndland", "St Thomas Aquinas", "Knightswood", "Drumchapel"]
        var rows = ["id,organisation,contact,role,phone,email,website,address,hours,logo"]
        for index in 0..<count {
            let name = names[index % names.count] + " " + (index % 2 == 0 ? "High School" : "Primary School") + " \(index)"
            rows.append("school-\(index),\(name),Ms Teacher \(index),Guidance Teacher,0141555\(String(format: "%04d", index % 10_000)),"
                        + "office\(index)@school.example.sch.uk,www.school\(index).example.sch.uk,\"\(index) School Road, Glasgow\",Mon–Fri 8.30–4,")
        }
        return rows
    }

    private func write(_ rows: [String], to file: URL) throws(DiagnosticError) {
        do { try (rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8) } catch {
            throw DiagnosticError(.error("cannot write the generated sheet \(file.path): \(error)"))
        }
    }
}
