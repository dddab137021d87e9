/// Word wrapping for plain-text reports.
public enum TextWrap {
    /// Wraps `text` to `width` columns; continuation lines start with `indent`, the first with `firstIndent`.
    public static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> [String] {
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
}
