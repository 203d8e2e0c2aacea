#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file: its kind, size and modification time. Foundation's
/// `attributesOfItem` also looks up the owner's and group's names, reading /etc/passwd and
/// /etc/group for every file (70 reads in a cold build); this asks the kernel only.
public struct FileStatus: Sendable {
    public enum Kind: Sendable { case regular, directory, other }

    public var kind: Kind
    public var size: Int
    /// Seconds since 1970.
    public var modified: Double

    /// The status of what `path` leads to (links followed); nil when there is nothing there.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
        size = Int(status.st_size)
        modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1_000_000_000
    }
}
