/// Fitting text into a number of terminal columns, measured by display width.
public enum TextWrap {
    /// Word-wraps `text` to lines of at most `width` columns.
    ///
    /// Newlines start new lines and blank lines are kept. Within a paragraph
    /// words are separated by single spaces (runs of spaces collapse) and the
    /// paragraph's leading indentation is kept on its first line. A word
    /// longer than the width, or a run of CJK text without spaces, is broken
    /// between grapheme clusters. Every line is sanitized. Returns no lines
    /// when `width` is below 1.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        let paragraphs = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for paragraph in paragraphs {
            lines.append(contentsOf: wrapParagraph(Sanitize.text(String(paragraph)), width: width))
        }
        return lines
    }

    /// Shortens `text` to at most `width` columns, ending with `ellipsis` when something was cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > room { break }
            result.append(character)
            used += characterWidth
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// Pads `text` with spaces (after truncating it if needed) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, width: width, ellipsis: "")
        let missing = max(0, width - DisplayWidth.of(fitted))
        return fitted + String(repeating: " ", count: missing)
    }

    /// Greedy wrapping of one line without newlines.
    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        let indentation = String(paragraph.prefix { $0 == " " })
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var line = DisplayWidth.of(indentation) < width ? indentation : ""
        var lineWidth = DisplayWidth.of(line)
        var lineHasWord = false
        for word in words {
            let wordWidth = DisplayWidth.of(word)
            let separator = lineHasWord ? 1 : 0
            if lineWidth + separator + wordWidth <= width {
                if lineHasWord { line += " " }
                line += word
                lineWidth += separator + wordWidth
                lineHasWord = true
                continue
            }
            if lineHasWord {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // The word does not fit on the (now empty) line: break it up and keep the tail open.
            for character in word {
                let characterWidth = DisplayWidth.of(character)
                if lineWidth + characterWidth > width, lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
