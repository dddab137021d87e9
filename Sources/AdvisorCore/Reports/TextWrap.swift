/// Word wrapping for plain-text reports.
public enum TextWrap {
    /// Wraps `text` to `width` columns; continuation lines start with `indent`, the first with `firstIndent`.
    public static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> [String] {
        // ASCII without CR (the usual report text): bytes are characters, so the same wrapping can
        // count bytes instead of re-counting each candidate line, which was most of the summary's cost.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) && firstIndent.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D })
            && indent.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return wrapASCII(text, width: width, firstIndent: firstIndent, indent: indent)
        }
        var lines: [String] = []
        var current = firstIndent
        var currentHasWord = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let candidate = currentHasWord ? current + " " + word : current + word
            if candidate.count > width && currentHasWord {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
            currentHasWord = true
        }
        if currentHasWord || lines.isEmpty { lines.append(current) }
        return lines
    }

    private static func wrapASCII(_ text: String, width: Int, firstIndent: String, indent: String) -> [String] {
        var lines: [String] = []
        var current = firstIndent
        var currentCount = firstIndent.utf8.count
        var currentHasWord = false
        for word in text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }) {
            let wordText = String(decoding: word, as: UTF8.self)
            let candidateCount = currentCount + (currentHasWord ? 1 : 0) + word.count
            if candidateCount > width && currentHasWord {
                lines.append(current)
                current = indent + wordText
                currentCount = indent.utf8.count + word.count
            } else {
                current += currentHasWord ? " " + wordText : wordText
                currentCount = candidateCount
            }
            currentHasWord = true
        }
        if currentHasWord || lines.isEmpty { lines.append(current) }
        return lines
    }
}
