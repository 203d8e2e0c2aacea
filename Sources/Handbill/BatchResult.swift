import HandbillModel

/// What happened to one output of a batch.
public struct BatchResult: Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        case built
        /// Inputs unchanged since the last build: not built again.
        case upToDate = "up-to-date"
        case failed
    }

    public var output: String
    public var status: Status
    /// Files written or kept, relative to the output folder.
    public var files: [String]
    public var milliseconds: Int
    /// What went wrong, as the diagnostics print.
    public var error: String?
    /// What its layout left out of the full text to fit (a note, not a failure), also for an up-to-date output.
    public var shortened: Shortening? = nil
}

/// Reported while a batch runs, for a progress display.
public struct BatchProgress: Sendable {
    public var done: Int
    public var total: Int
    public var result: BatchResult
}
