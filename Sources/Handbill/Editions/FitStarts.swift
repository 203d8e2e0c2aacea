import Foundation
import HandbillLayout
import HandbillModel
import HandbillStyle

/// Where each national poster, tri-fold and wallet card fit ended, for fitting its local editions
/// from there (`ProductEdition`): an edition only adds its contact, so it fits at most where the
/// national product does, and most often exactly there — one layout instead of a search.
///
/// Keyed on the product, variant and language and the fonts; an entry is used only when the
/// national document, product, variant and language strings are the ones it was made from
/// (compared whole), since the fit depends on nothing else. Each entry is a few numbers (the
/// document is shared, not copied). The blocks composed at those sizes are kept for the job built
/// last only (`reuse`), so the next row of the same job does not shape the national text again,
/// and memory does not grow with the number of jobs.
public final class FitStarts: @unchecked Sendable {
    public static let shared = FitStarts()

    private struct Entry {
        var document: Document, product: Product, variant: Variant, strings: LanguageStrings
        var national: FitStart
        /// The last edition's.
        var edition: FitStart?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// The national documents whose fit has been asked for (fitted or not), by key.
    private var asked: [String: Document] = [:]
    private var composed: (key: String, slices: ComposedSlices)?

    static func key(product: String, variant: String, language: String, fonts: FontLibrary) -> String {
        "\(product)|\(variant)|\(language)|\(ObjectIdentifier(fonts).hashValue)"
    }

    /// Whether the national fit of `document` as `job` is still to be found: true once (a national
    /// product that does not fit is not tried again for every row).
    func needsNational(_ job: Job, document: Document, fonts: FontLibrary) -> Bool {
        let key = Self.key(product: job.product, variant: job.variant, language: job.language, fonts: fonts)
        return lock.withLock {
            guard asked[key] != document else { return false }
            asked[key] = document
            return true
        }
    }

    /// Where the national fit and the last edition's ended (nil when unknown) and the blocks composed for this job.
    func start(_ product: Product, _ variant: Variant, _ language: String, _ styler: Styler, _ document: Document,
               fonts: FontLibrary) -> NationalFit {
        let key = Self.key(product: product.name, variant: variant.name, language: language, fonts: fonts)
        return lock.withLock {
            let reuse = composed?.key == key ? composed!.slices : ComposedSlices(limit: 600)
            composed = (key, reuse)
            guard let entry = entries[key], entry.document == document, entry.product == product,
                  entry.variant == variant, entry.strings == styler.strings else { return NationalFit(reuse: reuse) }
            return NationalFit(national: entry.national, start: entry.edition ?? entry.national, reuse: reuse)
        }
    }

    /// Records where a national fit ended, or (`edition`) a local edition's.
    func record(_ start: FitStart, edition: Bool, _ product: Product, _ variant: Variant, _ language: String, _ styler: Styler,
                _ document: Document, fonts: FontLibrary) {
        let key = Self.key(product: product.name, variant: variant.name, language: language, fonts: fonts)
        lock.withLock {
            if edition {
                entries[key]?.edition = start
            } else {
                entries[key] = Entry(document: document, product: product, variant: variant, strings: styler.strings, national: start)
            }
        }
    }
}

/// What a local edition's fit starts from: its national product's fit (the edition holds more, so
/// it fits no larger than where that text did not), the size to try first (the last edition's, or
/// the national one's), and the blocks composed for the job.
struct NationalFit {
    var national: FitStart? = nil
    var start: FitStart? = nil
    var reuse: ComposedSlices

    /// For a text or choice: the size its national fit did not fit at, when it is the one the national product holds.
    func bound(_ text: Int) -> Double? { national.flatMap { $0.text == text ? $0.failsAt : nil } }
    /// For a text or choice: where to start, when the last fit held it.
    func start(_ text: Int) -> FitStart? { start.flatMap { $0.text == text ? $0 : nil } }
}

extension Builder {
    /// For a local edition (`fitStarts` set by `ProductEdition`), where its national product's fit
    /// ended and the blocks composed; otherwise nothing, and blocks composed for this build only.
    func nationalFit(_ product: Product, _ variant: Variant, _ language: String, _ styler: Styler,
                     _ document: Document) -> NationalFit {
        guard let fitStarts, localEdition != nil else { return NationalFit(reuse: ComposedSlices()) }
        return fitStarts.start(product, variant, language, styler, document, fonts: workspace.fonts)
    }

    /// For a national product built for its editions, or an edition, remembers where its fit ended.
    func rememberFit(_ start: FitStart, _ product: Product, _ variant: Variant, _ language: String, _ styler: Styler,
                     _ document: Document) {
        guard let fitStarts else { return }
        fitStarts.record(start, edition: localEdition != nil, product, variant, language, styler, document, fonts: workspace.fonts)
    }
}
