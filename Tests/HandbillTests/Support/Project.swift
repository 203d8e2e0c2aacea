import Foundation
import Handbill
import HandbillModel
import HandbillSyntax

/// Paths and shared state for tests: the project's own Layouts/, Fonts/ and Guidance/.
enum Project {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let sextortion = root.appendingPathComponent("Guidance/sextortion")

    /// One workspace for the whole test run: fonts load once.
    static let workspace: Workspace = {
        do {
            return try Workspace(layouts: root.appendingPathComponent("Layouts"), fonts: root.appendingPathComponent("Fonts"))
        } catch {
            fatalError("the project's Layouts/ or Fonts/ are broken: \(error)")
        }
    }()

    static func document() throws -> Document { try GuidanceLoader.load(folder: sextortion) }

    /// A file of `Tests/HandbillTests/Fixtures/`: PDFs no build of today's fonts writes.
    static func fixture(_ name: String) -> URL { root.appendingPathComponent("Tests/HandbillTests/Fixtures/" + name) }

    static func job(_ variant: String, product: String = "leaflet-a4") -> Job {
        Job(guidance: "sextortion", product: product, variant: variant, language: "en")
    }

    /// The `handbill` executable `swift test` built beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("handbill")
    }

    /// A Python test tool: from `$variable`, else `.build/test-venv/bin/<venv>` (made by .ci/run or
    /// `python3 -m venv .build/test-venv && .build/test-venv/bin/pip install -r Tests/Tools/requirements.txt`),
    /// else `fallback` on the PATH.
    static func testTool(_ variable: String, venv: String, fallback: String) -> String {
        if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty { return value }
        let local = root.appendingPathComponent(".build/test-venv/bin/\(venv)").path
        return FileManager.default.isExecutableFile(atPath: local) ? local : fallback
    }

    /// A fresh empty folder, removed by the caller's `defer`.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handbill-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `folder`, hidden ones included, as paths relative to it.
    static func files(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }.sorted()
    }
}

/// Runs a command and returns what it printed.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a large output cannot fill the pipe and stall the process.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                             stderr: String(decoding: stderr, as: UTF8.self))
    }
}
