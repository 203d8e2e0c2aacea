import CPangoCairo
import Foundation
import HandbillModel

/// Where fontconfig keeps its scan of `Fonts/` between runs, so a cold start reads one small file
/// instead of opening every font to list its characters (~7 % of a cold build).
///
/// The folder is named after the font files' names, sizes and modification times, so a changed,
/// added or removed font finds no cache and is scanned afresh (fontconfig itself only checks the
/// folder's time, which replacing a file in place does not change). `HANDBILL_FONT_CACHE=off`
/// turns it off; with no writable cache folder the files are scanned, as before.
enum FontScanCache {
    /// `$HANDBILL_FONT_CACHE`, else `$XDG_CACHE_HOME/handbill/fontconfig`, else
    /// `~/.cache/handbill/fontconfig`; then one folder per set of font files.
    static func directory(folder: URL, files: [String]) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        let base: URL
        if let chosen = environment["HANDBILL_FONT_CACHE"], !chosen.isEmpty {
            guard chosen != "off" else { return nil }
            base = URL(fileURLWithPath: chosen)
        } else if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = URL(fileURLWithPath: cache).appendingPathComponent("handbill/fontconfig")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache/handbill/fontconfig")
        } else {
            return nil
        }
        guard onlyFilesAndFolders(under: folder.path) else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a over "name size mtime" lines
        for file in files {
            guard let status = FileStatus(path: folder.appendingPathComponent(file).path) else { return nil }
            let line = "\(file) \(status.size) \(status.modifiedSeconds).\(status.modifiedNanoseconds)\n"
            for byte in line.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let directory = base.appendingPathComponent(String(hash, radix: 16))
        // fontconfig complains on stderr ("No writable cache directories") rather than quietly
        // scanning: use the cache only where it can be written.
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil,
              access(directory.path, W_OK) == 0 else { return nil }
        return directory
    }

    /// fontconfig opens everything under the folder, whatever its name: a pipe would hang it.
    /// (POSIX calls: Foundation's enumerator cost as much as the cache saves.)
    private static func onlyFilesAndFolders(under path: String, depth: Int = 0) -> Bool {
        guard depth < 8, let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != ".." else { continue }
            let child = path + "/" + name
            switch FileStatus(path: child)?.kind {
            case .regular?: continue
            case .directory?: guard onlyFilesAndFolders(under: child, depth: depth + 1) else { return false }
            default: return false
            }
        }
        return true
    }

    /// A configuration holding exactly `files` of `folder`, read through the cache in `cache`; nil
    /// when fontconfig found anything else there (the caller then adds the files one by one,
    /// which also says which file is not a font).
    static func configuration(folder: URL, files: [String], cache: URL) -> OpaquePointer? {
        guard let config = FcConfigCreate() else { return nil }
        let escaped = cache.path.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let settings = "<fontconfig><cachedir>\(escaped)</cachedir></fontconfig>"
        guard FcConfigParseAndLoadFromMemory(config, settings, 0) != 0,
              FcConfigAppFontAddDir(config, folder.path) != 0,
              fontFiles(in: config) == Set(files.map { folder.appendingPathComponent($0).standardizedFileURL.path }) else {
            FcConfigDestroy(config)
            return nil
        }
        return config
    }

    /// The files of the configuration's application fonts (the only fonts it has).
    private static func fontFiles(in config: OpaquePointer) -> Set<String> {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return [] }
        var files: Set<String> = []
        for index in 0..<Int(set.pointee.nfont) {
            var value: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(set.pointee.fonts[index], FC_FILE, 0, &value) == FcResultMatch, let value {
                files.insert(URL(fileURLWithPath: String(cString: value)).standardizedFileURL.path)
            }
        }
        return files
    }
}
