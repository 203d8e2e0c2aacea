import HandbillModel
import Testing

/// The one escaper behind XMP metadata, PEF braille and web pages.
@Suite struct XMLTextTests {
    @Test func markupBecomesEntitiesAndPlainTextIsUntouched() {
        #expect(XMLText.escaped("Tom & Jerry <b>\"hi\"</b> it's") == "Tom &amp; Jerry &lt;b&gt;&quot;hi&quot;&lt;/b&gt; it's")
        #expect(XMLText.escaped("it's", apostrophes: true) == "it&#39;s")
        #expect(XMLText.escaped("a\u{7}b\tc\nd", droppingControls: true) == "ab\tc\nd")
        #expect(XMLText.escaped("مدرسة النور \u{2068}x\u{2069}") == "مدرسة النور \u{2068}x\u{2069}")
    }
}
