import CQPDFTokens
import Foundation
@testable import HandbillFinish
import Testing

/// Marking decoration as artifacts, on content streams written out by hand: what Cairo writes,
/// and the awkward cases it does not (comments, strings that spell operators, inline images).
@Suite struct FinishArtifactMarkerTests {
    /// Everything the rewrite must see past: a comment and a string naming operators, and an
    /// inline image whose binary data holds spaces, a NUL and the letters of `EMC`.
    static let awkward: [UInt8] = Array("""
        q
        % a comment: /Private <</MCID 9>> BDC
        /Private <</MCID 0>> BDC
        0 0 10 10 re f
        EMC
        /P <</MCID 1>> BDC
        BT /F1 12 Tf (EMC \\) BDC) Tj ET
        EMC
        0 0 m 5 5 l S
        BI /W 4 /H 1 /BPC 8 /CS /G ID 
        """.utf8) + [0x00, 0x45, 0x4D, 0x43] + Array("""

        EI
        /Im1 Do
        Q

        """.utf8)

    @Test func decorationAndUnmarkedPaintingBecomeArtifacts() throws {
        let expected = Array("""
            q
            % a comment: /Private <</MCID 9>> BDC
            /Artifact BMC
            0 0 10 10 re f
            EMC
            /P <</MCID 1>> BDC
            BT /F1 12 Tf (EMC \\) BDC) Tj ET
            EMC/Artifact BMC

            0 0 m 5 5 l S
            EMC/Artifact BMC

            BI /W 4 /H 1 /BPC 8 /CS /G ID 
            """.utf8) + [0x00, 0x45, 0x4D, 0x43] + Array("""

            EI
            EMC/Artifact BMC

            /Im1 Do
            EMC
            Q

            """.utf8)
        let rewritten = try ArtifactMarker.rewrite(Self.awkward)
        #expect(rewritten == expected, "\(String(decoding: rewritten, as: UTF8.self))")
        // The inline image reads back whole, its EI inside the artifact.
        let image = { (bytes: [UInt8]) in try ContentToken.tokenize(bytes).filter { $0.type == hb_tt_inline_image }.map(\.raw) }
        #expect(try image(rewritten) == image(Self.awkward))
        #expect(try image(rewritten).count == 1)
    }

    /// The spans leave out spaces and comments, and are exactly the other tokens qpdf reads, in place.
    @Test func spansAreTheTokensOtherThanSpacesAndComments() throws {
        let spans = try ContentTokenSpans(Self.awkward)
        let tokens = try ContentToken.tokenize(Self.awkward)
        var offset = 0
        var expected: [(type: UInt32, range: Range<Int>)] = []
        for token in tokens {
            if !token.isIgnorable { expected.append((token.type.rawValue, offset..<(offset + token.raw.count))) }
            offset += token.raw.count
        }
        #expect(offset == Self.awkward.count)
        #expect(spans.spans.map(\.type.rawValue) == expected.map(\.type))
        #expect(spans.spans.map(\.range) == expected.map(\.range))
    }
}
