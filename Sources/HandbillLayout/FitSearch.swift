import HandbillModel

/// Finding the largest type that fits, shared by posters, wallet cards and tri-folds: a binary
/// search between a size known to fit and one known not to.
enum FitSearch {
    /// The largest value in `low…high` at which `attempt` gives a result, to within `tolerance`,
    /// with that result. `low` fits, giving `atLow`; an attempt that throws (a word wider than the
    /// page at that size) does not fit either.
    static func largest<T>(from low: Double, giving atLow: T, below high: Double, tolerance: Double,
                           attempt: (Double) throws(DiagnosticError) -> T?) -> (T, Double) {
        var low = low, high = high, best = atLow
        while high - low > tolerance {
            let middle = (low + high) / 2
            var found: T?
            do throws(DiagnosticError) { found = try attempt(middle) } catch { found = nil }
            if let found { low = middle; best = found } else { high = middle }
        }
        return (best, low)
    }
}
