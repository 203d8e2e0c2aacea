import HandbillModel

/// A worker's fonts, renewed when it moves on to another product. Pango and Cairo keep every font
/// at every size a font map has used, and posters are fitted at many sizes: a worker that built
/// every product held ~175 MB, against ~100 MB for one product's documents. Jobs come product by
/// product, so a worker renews its fonts a few times a run (loading them costs ~10 ms).
struct WorkerFonts {
    private var current: Workspace?
    private var product = ""

    /// The workspace to build `job` with: `base` itself for the first product when `shared` (the
    /// process's own fonts), else one with fonts of its own.
    mutating func workspace(for job: Job, base: Workspace, shared: Bool) throws(DiagnosticError) -> Workspace {
        if let current, job.product == product { return current }
        let fresh = shared && current == nil ? base : try base.withOwnFonts()
        current = fresh
        product = job.product
        return fresh
    }
}
