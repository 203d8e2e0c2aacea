import Foundation

#if !FUZZING
/// Without libFuzzer (a plain `swift build`), the target replays inputs: `HandbillFuzz FILE…`
/// runs each file through the fuzz entry point, to reproduce a crash the fuzzer saved. A fuzzing
/// build (`-DFUZZING -sanitize=fuzzer`, see Tests/Tools/fuzz.sh) takes libFuzzer's `main` instead.
@main
struct Replay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("usage: HandbillFuzz FILE… (replays inputs; Tests/Tools/fuzz.sh fuzzes)\n".utf8))
            exit(2)
        }
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot be read\n".utf8))
                exit(2)
            }
            let bytes = [UInt8](data)
            _ = bytes.withUnsafeBufferPointer { fuzzOneInput($0.baseAddress, $0.count) }
            print("\(path): no crash")
        }
    }
}
#endif
