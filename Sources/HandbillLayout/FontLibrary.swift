import CPangoCairo
import Foundation
import HandbillModel
import HandbillStyle

/// The fonts Handbill may use — only the files in `Fonts/` — and the Pango context that measures
/// text with them.
///
/// A private fontconfig configuration holds just those files, so output never depends on the fonts
/// a machine has. Build one library and reuse it: loading fonts is the slow part of a cold start.
public final class FontLibrary: @unchecked Sendable {
    public let folder: URL
    let config: OpaquePointer
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    /// Pango contexts for left-to-right and right-to-left text (the base direction is per context).
    let context: OpaquePointer
    let rightToLeftContext: OpaquePointer
    /// Family names the configuration holds.
    public let families: Set<String>
    /// Pango's font maps are not thread-safe, and Cairo shares each font file's FreeType face
    /// between every font map in the process (a poster's many trial sizes crashed two workers
    /// that each had their own library): everything that shapes or draws runs under one
    /// process-wide lock. Parallel builds still overlap parsing, finishing and writing.
    private static let lock = NSLock()
    private var lock: NSLock { Self.lock }

    /// Runs `body` with the fonts to itself.
    public func exclusively<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    public init(folder: URL) throws(DiagnosticError) {
        self.folder = folder
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { [".ttf", ".otf", ".ttc"].contains(where: $0.lowercased().hasSuffix) }.sorted()
        guard !files.isEmpty else {
            throw DiagnosticError(.error("no fonts in \(folder.relativePath)",
                                         hint: "run handbill from the project folder, or pass --fonts DIR"))
        }
        var problems: [Diagnostic] = []
        // FreeType would wait for ever on a pipe named x.ttf, and fontconfig would scan a folder.
        for file in files where !Self.isRegularFile(folder.appendingPathComponent(file)) {
            problems.append(.error("\(folder.appendingPathComponent(file).relativePath) is not a font file (a folder, pipe or device)",
                                   hint: "replace it with a TrueType or OpenType file, or remove it"))
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        let cached = FontScanCache.directory(folder: folder, files: files).flatMap {
            FontScanCache.configuration(folder: folder, files: files, cache: $0)
        }
        guard let config = cached ?? FcConfigCreate() else {
            throw DiagnosticError(.error("fontconfig could not start (out of memory?)"))
        }
        for file in files where cached == nil && problems.isEmpty && FcConfigAppFontAddFile(config, folder.appendingPathComponent(file).path) == 0 {
            problems.append(.error("\(folder.appendingPathComponent(file).relativePath) is not a font fontconfig can read",
                                   hint: "replace it with a TrueType or OpenType file, or remove it"))
        }
        guard problems.isEmpty else {
            FcConfigDestroy(config)
            throw DiagnosticError(problems)
        }
        self.config = config
        families = Self.familyNames(in: config)

        // Pango starts fontconfig's default configuration (the machine's fonts.conf and system
        // fonts: ~7 % of a cold build) on a thread and waits for it before listing fonts, unless
        // a configuration is current already: make it this one. Only Fonts/ is ever used anyway.
        FcConfigSetCurrent(config)
        fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
        pango_fc_font_map_set_config(OpaquePointer(fontMap), config)
        context = Self.makeContext(fontMap, direction: PANGO_DIRECTION_LTR)
        rightToLeftContext = Self.makeContext(fontMap, direction: PANGO_DIRECTION_RTL)
    }

    private static func makeContext(_ fontMap: UnsafeMutablePointer<PangoFontMap>, direction: PangoDirection) -> OpaquePointer {
        let context = pango_font_map_create_context(fontMap)!
        // Measure exactly as the PDF will draw: no hinting, no rounding, 1 unit = 1 point.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_base_dir(context, direction)
        return context
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(rightToLeftContext))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
        FcConfigDestroy(config)
    }

    /// Refuses a family the library does not hold, rather than let fontconfig substitute another.
    public func require(family list: String, for user: String) throws(DiagnosticError) {
        for family in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !families.contains(family) {
            throw DiagnosticError(.error(
                "\(user) asks for the font `\(family)`, which is not in \(folder.relativePath)",
                hint: "the fonts there are: \(families.sorted().joined(separator: ", ")); add the font's files and licence to \(folder.relativePath)"))
        }
    }

    /// Refuses a document whose variant or language names a family the library does not hold, at
    /// the line of the layout file that names it. The language's font comes first in the family
    /// list; every other family is the variant's.
    public func requireFonts(of document: StyledDocument) throws(DiagnosticError) {
        var problems: [Diagnostic] = []
        for family in document.fontFamily.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where !families.contains(family) {
            let isLanguages = family == document.strings.font
            problems.append(.error(
                "the \(isLanguages ? "language `\(document.metadata.language)`" : "variant `\(document.variantName)`") asks for the font `\(family)`, which is not in \(folder.relativePath)",
                at: isLanguages ? document.strings.fontLocation : document.variantFontLocation,
                hint: "the fonts there are: \(families.sorted().joined(separator: ", ")); name one of them, or add the font's files and licence to \(folder.relativePath)"))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    private static func isRegularFile(_ file: URL) -> Bool {
        FileStatus(path: file.path)?.kind == .regular
    }

    private static func familyNames(in config: OpaquePointer) -> Set<String> {
        let pattern = FcPatternCreate()
        let objects = FcObjectSetCreate()
        FcObjectSetAdd(objects, FC_FAMILY)
        defer { FcPatternDestroy(pattern); FcObjectSetDestroy(objects) }
        guard let list = FcFontList(config, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(list) }
        var names: Set<String> = []
        for index in 0..<Int(list.pointee.nfont) {
            var value: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(list.pointee.fonts[index], FC_FAMILY, 0, &value) == FcResultMatch, let value {
                names.insert(String(cString: value))
            }
        }
        return names
    }
}
