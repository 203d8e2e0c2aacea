import Foundation

/// Runs a command with a time limit and an address-space limit, for inputs that might make it
/// hang or grow without bound: past the time limit it is killed and the result says so; past the
/// memory limit its allocations fail, which shows as a crash.
struct BoundedCommand {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
    var seconds: Double

    static func run(_ executable: String, _ arguments: [String], in directory: URL,
                    seconds limit: Double, memoryKB: Int) throws -> BoundedCommand {
        let process = Process()
        // `ulimit -v` in a shell that then becomes the command: Process cannot set limits itself.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryKB) && exec \"$0\" \"$@\"", executable] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let start = Date()
        try process.run()
        // Drain both pipes while waiting, so a flood of messages cannot stall the process.
        let reading = DispatchGroup()
        let collected = Collected()
        for (pipe, isError) in [(out, false), (err, true)] {
            DispatchQueue.global().async(group: reading) {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
            }
        }
        let timedOut = finished.wait(timeout: .now() + limit) == .timedOut
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        reading.wait()
        return BoundedCommand(status: process.terminationStatus, stdout: String(decoding: collected.stdout, as: UTF8.self),
                              stderr: String(decoding: collected.stderr, as: UTF8.self), timedOut: timedOut,
                              seconds: Date().timeIntervalSince(start))
    }

    /// What the two reader threads collect.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var stdout = Data(), stderr = Data()

        func set(_ data: Data, isError: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isError { stderr = data } else { stdout = data }
        }
    }
}
