import Foundation
import Synchronization
import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillWeb

/// What every build shares: the layouts and the fonts, loaded and checked once.
public final class Workspace: Sendable {
    public static let version = "0.1.0"

    public let layouts: LayoutLibrary
    public let fonts: FontLibrary
    /// Layouts/formats/braille.yaml and web.yaml, read on first use (a PDF build does not need
    /// them); what is wrong with one is reported by the braille or web jobs.
    public var braille: Result<BrailleFormat, DiagnosticError> { formats.withLock { $0.braille() } }
    public var web: Result<WebFormat, DiagnosticError> { formats.withLock { $0.web() } }
    private let formats: Mutex<FormatFiles>

    /// `root` is the folder holding `Layouts/` and `Fonts/` (the project folder). `layoutsOnDemand`:
    /// read the layout files as builds ask for them (LayoutLibrary).
    public convenience init(layouts: URL, fonts: URL, layoutsOnDemand: Bool = false) throws(DiagnosticError) {
        self.init(layouts: try LayoutLibrary(folder: layouts, onDemand: layoutsOnDemand), fonts: try FontLibrary(folder: fonts))
    }

    init(layouts: LayoutLibrary, fonts: FontLibrary) {
        self.layouts = layouts
        self.fonts = fonts
        formats = Mutex(FormatFiles(layouts: layouts.folder))
    }

    /// The same layouts with fonts of its own. Shaping and drawing run under one process-wide lock
    /// (FontLibrary.exclusively), but Pango objects are also released when Swift frees them, on
    /// whatever thread and outside the lock: with a library per worker thread, that release only
    /// ever touches the releasing thread's own font caches.
    public func withOwnFonts() throws(DiagnosticError) -> Workspace {
        Workspace(layouts: layouts, fonts: try FontLibrary(folder: fonts.folder))
    }

    /// The Layouts/ and Fonts/ beside the working directory, or under `$HANDBILL_HOME`.
    public static func defaultRoot() -> URL {
        if let home = ProcessInfo.processInfo.environment["HANDBILL_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true)
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }
}

/// Layouts/formats/*.yaml, each read the first time it is asked for.
private struct FormatFiles: Sendable {
    let layouts: URL
    private var brailleRead: Result<BrailleFormat, DiagnosticError>?
    private var webRead: Result<WebFormat, DiagnosticError>?

    init(layouts: URL) { self.layouts = layouts }

    mutating func braille() -> Result<BrailleFormat, DiagnosticError> {
        if let brailleRead { return brailleRead }
        let read = Result { () throws(DiagnosticError) in try BrailleFormat.load(layouts: layouts) }
        brailleRead = read
        return read
    }

    mutating func web() -> Result<WebFormat, DiagnosticError> {
        if let webRead { return webRead }
        let read = Result { () throws(DiagnosticError) in try WebFormat.load(layouts: layouts) }
        webRead = read
        return read
    }
}
