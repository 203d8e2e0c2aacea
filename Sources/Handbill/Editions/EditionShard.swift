import HandbillModel

/// `--shard K/N`: the rows whose `id` hashes to K (0 ≤ K < N). The partition depends only on the
/// id (FNV-1a, as every fingerprint in Handbill), never on the row's position or the machine, so
/// N jobs each building one shard into the same folder make exactly what one run makes.
public struct EditionShard: Equatable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `K/N`; K counts from 0, as a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX` does.
    public init(parsing text: String) throws(DiagnosticError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (0..<n).contains(k) else {
            throw DiagnosticError(.error("`--shard \(text)` is not K/N with 0 ≤ K < N",
                                         hint: "for example --shard 0/4 … --shard 3/4 (K counts from 0, like JOB_COMPLETION_INDEX)"))
        }
        self.init(index: k, count: n)
    }

    /// Whether the row with `id` (as written, trimmed) is this shard's.
    public func contains(id: String) -> Bool {
        Self.hash(id) % UInt64(count) == UInt64(index)
    }

    static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    public var description: String { "\(index)/\(count)" }
}
