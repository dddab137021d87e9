/// Number formatting for estimates without Foundation's locale machinery: `12,345.67`, fixed decimals.
enum EstimateFormat {
    /// `value` with thousands separators and `decimals` places (trailing zeros kept so columns align).
    static func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "n/a" }
        let scale = (0..<decimals).reduce(1.0) { acc, _ in acc * 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e17 else { return value < 0 ? "-" + String(abs(value)) : String(value) }
        let whole = Int64(scaled) / Int64(scale)
        let fraction = Int64(scaled) % Int64(scale)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if decimals > 0 {
            let text = String(fraction)
            grouped += "." + String(repeating: "0", count: decimals - text.count) + text
        }
        return (value < 0 && scaled > 0 ? "-" : "") + grouped
    }

    /// A quantity: whole numbers without decimals, small ones with up to three significant places.
    static func quantity(_ value: Double) -> String {
        if value.rounded() == value || abs(value) >= 100 { return number(value) }
        if abs(value) >= 1 { return trim(number(value, decimals: 2)) }
        return trim(number(value, decimals: 3))
    }

    /// Dollars: `$1,234.56`.
    static func usd(_ value: Double) -> String { "$" + number(value, decimals: 2) }

    /// A unit price as the rules state it (`$0.0000166667`), without rounding it away.
    static func price(_ value: Double) -> String {
        var text = trim(number(value, decimals: 10))
        if !text.contains(".") { text += ".00" } else if text.split(separator: ".").last?.count == 1 { text += "0" }
        return "$" + text
    }

    /// A fact's value as written in the rules, in plain decimals (no exponent).
    static func plain(_ value: Double) -> String { trim(number(value, decimals: 10)) }

    private static func trim(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var out = text
        while out.hasSuffix("0") { out.removeLast() }
        if out.hasSuffix(".") { out.removeLast() }
        return out
    }
}
