import Foundation
import HandbillLayout
import HandbillModel
import HandbillStyle
import HandbillWeb

/// What every build shares: the layouts and the fonts, loaded and checked once.
public final class Workspace: Sendable {
    public static let version = "0.1.0"

    public let layouts: LayoutLibrary
    public let fonts: FontLibrary
    /// Layouts/formats/braille.yaml and web.yaml, read once; what is wrong with one is reported by
    /// the braille or web jobs (a PDF build does not need them).
    public let braille: Result<BrailleFormat, DiagnosticError>
    public let web: Result<WebFormat, DiagnosticError>

    /// `root` is the folder holding `Layouts/` and `Fonts/` (the project folder).
    public convenience init(layouts: URL, fonts: URL) throws(DiagnosticError) {
        self.init(layouts: try LayoutLibrary(folder: layouts), fonts: try FontLibrary(folder: fonts))
    }

    init(layouts: LayoutLibrary, fonts: FontLibrary) {
        self.layouts = layouts
        self.fonts = fonts
        braille = Result { () throws(DiagnosticError) in try BrailleFormat.load(layouts: layouts.folder) }
        web = Result { () throws(DiagnosticError) in try WebFormat.load(layouts: layouts.folder) }
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
