import HandbillModel

/// Finding the largest type that fits, shared by posters, wallet cards and tri-folds, with as few
/// layouts as it can: each attempt says how full it came out, and the next size is guessed from
/// that (wrapped text takes room about as the square of its size), just under the guess, so that
/// the attempt after it, a tolerance higher, closes the search. A bracket (a size that fits, one
/// that does not) is kept throughout, and halved whenever the guesses stop shrinking it.
enum FitSearch {
    /// What one attempt at a size found: its result when everything fits, and how full it came
    /// out — the room the content takes over the room it has (1: exactly full) — when known.
    struct Attempt<T> {
        var fitted: T?
        var fill: Double?

        init(_ fitted: T?, fill: Double?) {
            self.fitted = fitted
            self.fill = fill
        }
    }

    /// The largest value in `low…high` at which `attempt` gives a result, to within `tolerance`,
    /// with that result and the smallest value tried, or taken, that does not fit (nil: `high`
    /// fits). `low` fits, giving `atLow`, `fill` full. `high` is itself a candidate when
    /// `highMayFit` (a variant's own size), else only a bound (known, or taken, not to fit).
    /// `first`, when given, is tried first (a size likely near the answer: for a local edition,
    /// the one the edition before it did not fit at). `halving`: the fill says only whether to
    /// try `high` first, then the bracket is halved (content that moves in large pieces, whose
    /// fill jumps: guesses there did no better).
    /// An attempt that throws (a word wider than the page at that size) does not fit.
    static func largest<T>(from low: Double, giving atLow: T, fill: Double?, below high: Double,
                           highMayFit: Bool = false, halving: Bool = false, first: Double? = nil, tolerance: Double,
                           attempt: (Double) throws(DiagnosticError) -> Attempt<T>) -> (T, Double, failsAt: Double?) {
        guard low < high else { return (atLow, low, highMayFit ? nil : high) }
        var lo = low, best = atLow, loFill = fill
        var hi = high, hiFill: Double?, hiFails = !highMayFit, hiTried = false
        // An earlier fitting size below `lo`, to extrapolate from while nothing above has been tried.
        var below: (size: Double, fill: Double)?
        var first = first, stalled = 0, missed = false
        while hiFails ? hi - lo > tolerance : true {
            let width = hi - lo
            var guess: Double
            // What the guess expects, when it comes from the estimate: whether it fits.
            var expected: Bool?
            let estimate = Self.estimate(lo: loFill.map { (lo, $0) }, hi: hiFill.map { (hi, $0) }, below: below)
            if let wanted = first {
                first = nil
                guess = min(max(wanted, lo), hi)
                if guess <= lo || (guess >= hi && hiFails) { continue }
            } else if !hiFails, hi - lo <= tolerance || (estimate.map { $0 >= hi } ?? false) {
                guess = hi
            } else if !halving, let estimate, hi - lo > 2 * tolerance, !missed, stalled < 2 {
                // Just under the estimate: it should fit, and the size a tolerance above it not.
                guess = min(max(estimate - tolerance / 2, lo + tolerance), hi - tolerance)
                expected = guess <= estimate
            } else {
                guess = (lo + hi) / 2
                stalled = 0
            }
            var found = Attempt<T>(nil, fill: nil)
            do throws(DiagnosticError) { found = try attempt(guess) } catch {}
            // An estimate that was wrong (the content jumps: a block moved on) is not trusted for the next step.
            missed = expected.map { $0 != (found.fitted != nil) } ?? false
            if let fitted = found.fitted {
                if guess >= hi { return (fitted, hi, nil) }  // a candidate ceiling that fits
                if let loFill { below = (lo, loFill) }
                lo = guess
                loFill = found.fill
                best = fitted
            } else {
                hi = guess
                hiFill = found.fill
                hiFails = true
                hiTried = true
            }
            // Guesses that keep landing on one side shrink the bracket slowly: halve it instead
            // (once a size above has been tried: a bound never tried may be far off).
            stalled = hiTried && hi - lo > width / 2 ? stalled + 1 : 0
        }
        return (best, lo, hiFails ? hi : nil)
    }

    /// Where the content would just fill its room, taking fill as linear in the square of the
    /// size: between a size that fits and one that does not when both are known, else from the
    /// two largest that fit, else from the one (all of its content growing with the square).
    static func estimate(lo: (size: Double, fill: Double)?, hi: (size: Double, fill: Double)?,
                         below: (size: Double, fill: Double)?) -> Double? {
        guard let lo else { return nil }
        if let other = hi ?? below, other.size != lo.size {
            let x0 = lo.size * lo.size, x1 = other.size * other.size
            let slope = (other.fill - lo.fill) / (x1 - x0)
            if slope > 0 { return (x0 + (1 - lo.fill) / slope).squareRoot() }
        }
        guard lo.fill > 0 else { return nil }
        return lo.size * (1 / lo.fill).squareRoot()
    }
}

/// Where a product's fit ended, for fitting a local edition from there: the text or choice held,
/// the size chosen, and the smallest size that did not fit (nil: the largest allowed fitted). An
/// edition tries the size of the edition before it (or the national product's) first, then the
/// size that did not fit there: rows alike fit alike, in two layouts.
public struct FitStart: Sendable, Equatable {
    public var text: Int
    public var scale: Double
    public var failsAt: Double?

    public init(text: Int, scale: Double, failsAt: Double?) {
        self.text = text
        self.scale = scale
        self.failsAt = failsAt
    }
}
