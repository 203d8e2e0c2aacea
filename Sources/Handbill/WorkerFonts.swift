import HandbillModel

/// A worker's fonts, renewed when it moves on to another product or variant. Pango and Cairo keep
/// every font at every size a font map has used, and posters are fitted at many sizes: a worker
/// that built every product held ~175 MB, against ~100 MB for one product's documents. Jobs come
/// product by product and variant by variant, so a worker renews its fonts a few dozen times in a
/// whole matrix (loading them costs ~10 ms; the matrix is no slower, its caches being smaller).
struct WorkerFonts {
    private var current: Workspace?
    /// The product and variant `current` last built.
    private var kind = ""

    /// The workspace to build `job` with: `base` itself for the first kind when `shared` (the
    /// process's own fonts), else one with fonts of its own.
    mutating func workspace(for job: Job, base: Workspace, shared: Bool) throws(DiagnosticError) -> Workspace {
        let kind = job.product + "/" + job.variant
        if let current, kind == self.kind { return current }
        let fresh = shared && current == nil ? base : try base.withOwnFonts()
        current = fresh
        self.kind = kind
        return fresh
    }
}
