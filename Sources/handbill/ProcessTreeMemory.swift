import Foundation

/// The peak memory of a process and its children (worker processes), sampled from
/// `/proc/PID/smaps_rollup` every 20 ms while it runs: RSS counts shared libraries and fonts once
/// per process, PSS shares them out, so summed PSS is what the tree really takes.
/// (`wait4`'s `ru_maxrss` is only the largest single process.)
final class ProcessTreeMemory: @unchecked Sendable {  // the peaks are written by the sampler and read after `stop`
    private let pid: Int32
    private let lock = NSLock()
    private var running = true
    private(set) var peakPSS = 0.0, peakRSS = 0.0  // MB
    private let done = DispatchSemaphore(value: 0)

    init(pid: Int32) {
        self.pid = pid
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                let (pss, rss) = sample()
                lock.withLock { peakPSS = max(peakPSS, pss); peakRSS = max(peakRSS, rss) }
                usleep(20_000)
            }
            done.signal()
        }
    }

    /// Stops sampling; the peaks are final after this.
    func stop() {
        lock.withLock { running = false }
        done.wait()
    }

    /// Summed PSS and RSS, in MB, of the process and its descendants now.
    private func sample() -> (Double, Double) {
        var pss = 0, rss = 0
        for process in tree(pid) {
            guard let text = try? String(contentsOfFile: "/proc/\(process)/smaps_rollup", encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 2, let kilobytes = Int(fields[1]) else { continue }
                if fields[0] == "Pss:" { pss += kilobytes } else if fields[0] == "Rss:" { rss += kilobytes }
            }
        }
        return (Double(pss) / 1024, Double(rss) / 1024)
    }

    private func tree(_ pid: Int32) -> [Int32] {
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return [pid] + children.split(separator: " ").compactMap { Int32($0) }.flatMap(tree)
    }
}
