import Foundation
import HandbillLayout
import HandbillModel
import HandbillStyle

/// What every build shares: the layouts and the fonts, loaded and checked once.
public final class Workspace: Sendable {
    public static let version = "0.1.0"

    public let layouts: LayoutLibrary
    public let fonts: FontLibrary

    /// `root` is the folder holding `Layouts/` and `Fonts/` (the project folder).
    public init(layouts: URL, fonts: URL) throws(DiagnosticError) {
        self.layouts = try LayoutLibrary(folder: layouts)
        self.fonts = try FontLibrary(folder: fonts)
    }

    init(layouts: LayoutLibrary, fonts: FontLibrary) {
        self.layouts = layouts
        self.fonts = fonts
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
