import HandbillModel
import HandbillSyntax

/// Every help service — its phone number and its address — must be in every translation and every
/// edition of a guidance: no family loses the help line because of the language they read.
public enum ContentLint {
    /// `languages`: only these (a build checks what it builds); nil for every language.
    static func check(_ guidance: GuidanceFolder, editions: [String], languages: Set<String>? = nil) -> [Diagnostic] {
        let source = guidance.source
        var found: [Diagnostic] = []
        var folders: [GuidanceFolder] = [guidance]
        for name in editions { if let edition = try? guidance.edition(name) { folders.append(edition) } }
        for folder in folders {
            for language in folder.languages where languages?.contains(language) ?? true {
                guard let document = try? folder.document(language: language) else { continue }
                let file = language == folder.source.metadata.language
                    ? folder.folder.appendingPathComponent(GuidanceLoader.sourceFileName).relativePath
                    : folder.translationFile(language).relativePath
                found += missing(from: document, comparedWith: source, file: file)
            }
        }
        return found
    }

    public static func missing(from document: Document, comparedWith source: Document, file: String) -> [Diagnostic] {
        let phones = Set(document.services.compactMap(\.phone)), urls = Set(document.services.compactMap(\.url))
        var found: [Diagnostic] = []
        for service in source.services {
            if let phone = service.phone, !phones.contains(phone) {
                found.append(.error("\(service.name)'s phone number \(phone) is missing", at: SourceLocation(file: file, line: 1),
                                    hint: "every translation and edition lists every help service with its number, unchanged"))
            }
            if let url = service.url, !urls.contains(url) {
                found.append(.error("\(service.name)'s address \(url) is missing", at: SourceLocation(file: file, line: 1),
                                    hint: "every translation and edition lists every help service with its address, unchanged"))
            }
        }
        return found
    }
}
