import Foundation
import Handbill
import HandbillLayout
import HandbillModel
import HandbillStyle
import Testing

/// Posters: one page, type fitted to it above the product's floor, QR codes a phone can read,
/// and a clear error, not cut-off text, when the content cannot fit.
@Suite struct PosterTests {
    static let workspace = Project.workspace

    static func job(_ product: String, _ variant: String) -> Job {
        Job(guidance: "sextortion", product: product, variant: variant, language: "en")
    }

    @Test func anA3PosterIsOnePageWithTypeAboveItsFloor() throws {
        let document = try Builder(workspace: Self.workspace).layout(try Project.document(), job: Self.job("poster-a3", "standard"))
        #expect(document.pages.count == 1)
        let body = document.pages[0].lines.filter { $0.text.contains("Don’t talk any further") }
        let size = try #require(body.first?.sizes.max())
        #expect(size >= 19.6, "the advice is set at \(size)pt, below the A3 floor")
        #expect(document.pages[0].lines.contains { $0.text.contains("101") && ($0.sizes.max() ?? 0) > 40 }, "the help line is not large")
    }

    @Test func everyQRCodeDecodesToItsAddressWithAltText() throws {
        let folder = Project.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Builder(workspace: Self.workspace).build(try Project.document(), job: Self.job("poster-a3", "standard"),
                                                                 output: folder, png: true)
        let png = try #require(files.first { $0.pathExtension == "png" })
        let decoded = try CommandResult.run("zbarimg", ["--quiet", "--raw", png.path]).stdout
        let urls = Set(decoded.split(separator: "\n").map(String.init))
        // The guidance names the services whose codes go on posters (`poster: links:`).
        let document = try Project.document(), linked = try #require(document.poster?.links)
        let expected = document.services.filter { linked.contains($0.name) }.compactMap(\.url)
        #expect(expected.count == 3)
        #expect(urls == Set(expected), "decoded \(urls)")
        let figures = try PDFReader(url: files[0]).objects().values.compactMap { $0 as? [String: Any] }.filter { $0["/S"] as? String == "/Figure" }
        #expect(figures.count == expected.count)
        #expect(figures.allSatisfy { (($0["/Alt"] as? String) ?? "").contains("QR code for") })
        #expect(try CommandResult.run(PDFUAChecker.command, ["check", files[0].path]).status == 0)
    }

    @Test func contentThatCannotFitIsAnErrorSayingByHowMuch() throws {
        // An over-long poster text: thirty more points of advice in the section the poster shows.
        var document = try Project.document()
        let section = try #require(document.blocks.firstIndex { $0.plainText == "What to do if it happens" })
        let point: [Block] = [.paragraph([.strong([.text("Keep every message, as the police may need it as evidence.")])])]
        document.blocks.insert(.list(ordered: false, start: 1, items: Array(repeating: point, count: 30)), at: section + 1)
        document.blockLocations.insert(document.blockLocations[section], at: section + 1)
        #expect {
            try Builder(workspace: Self.workspace).layout(document, job: Self.job("poster-a4", "standard"))
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.contains("does not fit") && text.contains(" mm past the page") && text.contains("poster-a3")
        }
    }

    @Test func aPosterNotMadeInAVariantSaysWhichItIsMadeIn() throws {
        #expect {
            try Builder(workspace: Self.workspace).layout(try Project.document(), job: Self.job("poster-a4", "large-print"))
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.contains("not made in the large-print variant") && text.contains("products/poster-a4.yaml")
        }
    }

    @Test func qrModulesAreAtLeastFourTenthsOfAMillimetre() throws {
        let code = try QRCode(encoding: "https://revengepornhelpline.org.uk")
        #expect(throws: DiagnosticError.self) { try code.items(width: points(mm: 10), alt: "x", dark: .init(red: 0, green: 0, blue: 0), light: .init(red: 1, green: 1, blue: 1)) }
        #expect(try code.items(width: points(mm: 30), alt: "x", dark: .init(red: 0, green: 0, blue: 0), light: .init(red: 1, green: 1, blue: 1)).count > 20)
    }
}
