import CLouis
import Foundation

/// The one door to liblouis. Its table cache and log are process-wide and not thread-safe, so every
/// call goes through `exclusively`; its log messages are collected for our errors, not printed.
enum Louis {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var messages: [String] = []
    nonisolated(unsafe) private static var configured = false

    /// Runs `body` alone with liblouis; returns what it did and what liblouis logged meanwhile.
    static func exclusively<T>(_ body: () throws -> T) rethrows -> (T, log: [String]) {
        lock.lock()
        defer { lock.unlock() }
        if !configured {
            lou_registerLogCallback { _, message in
                if let message { Louis.messages.append(String(cString: message)) }
            }
            lou_setLogLevel(LOU_LOG_WARN)
            configured = true
        }
        messages = []
        let result = try body()
        return (result, messages)
    }

    /// The size of liblouis's `widechar`: 4 (UTF-32) in Debian's build, 2 (UTF-16) in others.
    static var characterSize: Int { Int(lou_charSize()) }

    /// liblouis's version, for messages.
    static var version: String { String(cString: lou_version()) }

    /// Table files liblouis finds for a language: by the tables' own `language` metadata.
    static func tables(forLanguage tag: String) -> [String] {
        guard tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return [] }
        return exclusively { () -> [String] in
            guard let found = lou_findTables("language:\(tag)") else { return [] }
            defer { free(found) }
            var names: [String] = []
            var index = 0
            while let name = found[index] {
                names.append(URL(fileURLWithPath: String(cString: name)).lastPathComponent)
                free(name)
                index += 1
            }
            return names
        }.0
    }

    /// Whether liblouis can compile the table list.
    static func compiles(_ tableList: String) -> (Bool, log: [String]) {
        exclusively { lou_getTable(tableList) != nil }
    }
}
