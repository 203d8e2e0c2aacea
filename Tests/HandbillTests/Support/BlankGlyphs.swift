import Foundation

/// Characters a PDF shows with a glyph that draws nothing, read by `Tests/Tools/pdf_blank_glyphs.py`
/// from the embedded font programs with fontTools: tofu that text extraction cannot see, since
/// it reads the character's code, not its outline.
struct BlankGlyph: Decodable, CustomStringConvertible {
    var font: String
    var code: Int
    var text: String
    var problem: String

    var description: String { "\(text) (code \(code) in \(font)): \(problem)" }

    static func find(in pdf: URL) throws -> [BlankGlyph] {
        let script = Project.root.appendingPathComponent("Tests/Tools/pdf_blank_glyphs.py").path
        let result = try CommandResult.run(StructureReading.python, [script, pdf.path])
        guard result.status == 0 else {
            throw StructureReading.ReaderError(message: "pdf_blank_glyphs.py failed (\(result.status)): \(result.stderr)"
                                               + " — install its dependencies: pip install -r Tests/Tools/requirements.txt")
        }
        return try JSONDecoder().decode([BlankGlyph].self, from: Data(result.stdout.utf8))
    }
}
