import Foundation

/// Temporary files a killed build left behind (`.<name>.<pid>.tmp`): removed when their process
/// is gone, so an interrupted batch leaves nothing half-written for long.
enum StaleFiles {
    static func remove(in folder: URL) {
        for sub in [folder, folder.appendingPathComponent(".thumbnails")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: sub.path)) ?? []
            for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                let parts = name.split(separator: ".")
                guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), !isRunning(pid) else { continue }
                try? FileManager.default.removeItem(at: sub.appendingPathComponent(name))
            }
        }
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
