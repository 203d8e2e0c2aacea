import HandbillModel
import HandbillStyle
import HandbillSyntax

/// `handbill check`'s accessibility lint: easy-read writing rules, design rules for every variant,
/// and every help service present in every translation and edition. Warnings never stop a build;
/// errors do.
public enum AccessibilityLint {
    /// `languages` and `variants`: lint only the documents in these languages and the editions these
    /// variants are made from (what a build is about to make: a standard leaflet need not wait for
    /// the easy-read text's lint); nil, as `handbill check` does, for every translation and edition.
    public static func check(_ guidance: GuidanceFolder, layouts: LayoutLibrary, languages: Set<String>? = nil,
                             variants: Set<String>? = nil) -> [Diagnostic] {
        // Only the variants asked for are read (a broken one is the build's error, not the lint's).
        let checked = variants.map { $0.sorted().compactMap { try? layouts.variant($0) } }
            ?? layouts.variants.values.sorted { $0.name < $1.name }
        let editions = Set(checked.compactMap(\.source)).sorted()
        var found = ContentLint.check(guidance, editions: editions, languages: languages)
        found += DesignLint.check(checked, layoutsFolder: layouts.folder.relativePath)
        found += DesignLint.capitals(in: guidance.source)
        for name in editions where name == "easy-read" {
            guard let edition = try? guidance.edition(name) else { continue }
            for language in edition.languages where languages?.contains(language) ?? true {
                if let document = try? edition.document(language: language) { found += EasyReadLint.check(document) }
            }
        }
        return found
    }
}
