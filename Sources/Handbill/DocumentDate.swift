import Foundation

/// The date written into a PDF: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the
/// guidance's own date, never the clock, so the same source gives the same bytes.
enum DocumentDate {
    static func iso(source: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: Date(timeIntervalSince1970: epoch))
        }
        return source + "T00:00:00Z"
    }
}
