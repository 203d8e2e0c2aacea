import Foundation
import HandbillModel
import HandbillWeb

/// A picture of a web page as a browser shows it, for the proof sheet: headless Chromium's
/// `--screenshot`. Chromium is not needed to build pages, so without it the picture is skipped
/// with a warning rather than failing the build.
enum WebScreenshot {
    /// `$HANDBILL_CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on the PATH.
    static var browser: String? {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["HANDBILL_CHROMIUM"], !chosen.isEmpty { return chosen }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) { return folder + "/" + name }
        }
        return nil
    }

    /// The PNG of `page`'s first screenful at `size`, or nil (with a warning on stderr) when no
    /// browser is installed or it fails.
    static func take(of page: URL, size: WebFormat.Screenshot) throws(DiagnosticError) -> [UInt8]? {
        guard let browser else {
            warn("no screenshot of \(page.lastPathComponent) for the proof sheet: Chromium is not installed (apt-get install chromium)")
            return nil
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handbill-screenshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let png = folder.appendingPathComponent("page.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        // A container has no sandbox, GPU or large /dev/shm; a profile of its own keeps runs apart.
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                             "--no-first-run", "--user-data-dir=" + folder.appendingPathComponent("profile").path,
                             "--window-size=\(size.widthPx),\(size.heightPx)",
                             "--force-device-scale-factor=\(size.scale)", "--screenshot=" + png.path,
                             page.standardizedFileURL.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            warn("no screenshot of \(page.lastPathComponent): \(browser) would not start (\(error))")
            return nil
        }
        if finished.wait(timeout: .now() + size.timeoutSeconds) == .timedOut {
            process.terminate()
            finished.wait()
            warn("no screenshot of \(page.lastPathComponent): \(browser) took more than \(Int(size.timeoutSeconds)) s")
            return nil
        }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: png.path), !data.isEmpty else {
            warn("no screenshot of \(page.lastPathComponent): \(browser) exited with status \(process.terminationStatus)")
            return nil
        }
        return Array(data)
    }

    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
    }
}
