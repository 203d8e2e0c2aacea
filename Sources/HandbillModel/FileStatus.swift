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
    /// When it was last written: seconds since 1970, and the nanoseconds after them.
    public var modifiedSeconds: Int, modifiedNanoseconds: Int
    public var modified: Double { Double(modifiedSeconds) + Double(modifiedNanoseconds) / 1_000_000_000 }

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
        modifiedSeconds = Int(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
    }
}
