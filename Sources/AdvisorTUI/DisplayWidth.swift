/// Terminal column widths of characters and strings (a Unicode-based `wcwidth`).
public enum DisplayWidth {
    /// Scalar ranges whose East Asian Width is Wide or Fullwidth, excluding
    /// emoji, which `isEmojiPresentation` covers. Sorted, inclusive.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility, enclosed CJK
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth ASCII
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut, Khitan
        0x1B000...0x1B2FF, // Kana supplement and extensions, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x2FFFD, // CJK extensions B-F
        0x30000...0x3FFFD, // CJK extensions G-H
    ]

    /// Columns a grapheme cluster occupies: 0 (combining or format only), 1 or 2.
    ///
    /// Control characters count as 1 because the canvas shows them as a
    /// replacement character.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        if iterator.next() == nil {
            // One scalar cannot carry VS16, so the emoji-variation look-up (a Unicode property) is skipped.
            if first.value < 0x300 { return 1 }
            if isZeroWidth(first) { return 0 }
            return first.value >= 0x1100 && isWide(first) ? 2 : 1
        }
        if first.value < 0x1100 {
            if first.value >= 0x300, isZeroWidth(first) { return 0 }
            // Emoji such as "❤️" become wide through VS16; ASCII never does.
            return first.value >= 0xA9 && hasEmojiVariation(scalars) ? 2 : 1
        }
        if isZeroWidth(first) { return 0 }
        if isWide(first) { return 2 }
        if hasEmojiVariation(scalars) { return 2 }
        return 1
    }

    /// Whether every byte is printable ASCII (space to tilde): each is then one grapheme of one column.
    @inline(__always)
    static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Columns a string occupies, the sum over its grapheme clusters.
    public static func of(_ text: some StringProtocol) -> Int {
        // Most text on screen is printable ASCII: its width is its length, without grapheme breaking or
        // Unicode property look-ups (which were a tenth of the interview's time per key).
        if isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    /// True for combining marks, format characters and Hangul medial/final jamo.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0xAD { return false } // soft hyphen is drawn by terminals
        if (0x1160...0x11FF).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return false
        }
    }

    /// True when a scalar on its own takes two columns.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        let value = scalar.value
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// True for an emoji base followed by VARIATION SELECTOR-16 (emoji presentation).
    private static func hasEmojiVariation(_ scalars: Character.UnicodeScalarView) -> Bool {
        guard let first = scalars.first, first.properties.isEmoji else { return false }
        return scalars.contains { $0.value == 0xFE0F }
    }
}
