import HandbillModel
import HandbillSyntax

/// libFuzzer's entry point: the bytes are parsed as a guidance file.
///
/// A thrown `DiagnosticError` is the right answer to bad input, so it is checked, not reported:
/// a crash, a hang (libFuzzer's `-timeout`), too much memory (`-rss_limit_mb`) or a diagnostic
/// that does not say where in the file is a bug. Build and run it with Tests/Tools/fuzz.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        _ = try GuidanceLoader.parse(bytes: bytes, file: FuzzTarget.file)
    } catch {
        FuzzTarget.checkPlaces(of: error, in: bytes)
    }
    return 0
}

enum FuzzTarget {
    /// The name diagnostics give the input.
    static let file = "fuzz.md"

    /// Every diagnostic must name the file and a line in it (or the line after its end, where
    /// something is missing), and a column from 1: the user must be able to find the problem.
    static func checkPlaces(of error: DiagnosticError, in bytes: [UInt8]) {
        let lines = bytes.count(where: { $0 == 0x0A }) + 1
        for diagnostic in error.diagnostics {
            guard let place = diagnostic.location, place.file == file, (1...lines + 1).contains(place.line), place.column >= 1 else {
                fatalError("a diagnostic without a place in the file (\(lines) lines): \(diagnostic)")
            }
        }
    }
}
