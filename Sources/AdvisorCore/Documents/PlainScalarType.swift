/// The type Yams' `Resolver.default` gives a plain (unquoted, untagged) scalar, without its regular expressions.
///
/// Yams matches each plain scalar against seven NSRegularExpressions (bool, int, float, merge, null,
/// timestamp, value; the first match wins). That was the largest cost of parsing YAML, and compiling
/// them started ICU's regex engine on every run. This is the same grammar written out by hand; merge,
/// timestamp and value all read as strings in a DocNode, so only bool, int, float and null matter.
/// A test compares it with Yams on generated scalars.
enum PlainScalarType {
    /// The scalar type of plain text `text` under Yams' default resolver.
    static func of(_ text: String) -> DocNode.ScalarType {
        var bytes = Array(text.utf8)
        // The patterns end in `$`, which ICU also lets match before one line terminator ending the
        // text; no pattern matches a terminator itself, so a text ending in one reads as without it.
        if let body = droppingFinalLineTerminator(bytes) { bytes = body }
        if isBool(bytes) { return .bool }
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        if isNull(bytes) { return .null }
        return .string
    }

    private static func droppingFinalLineTerminator(_ b: [UInt8]) -> [UInt8]? {
        if b.last == 0x0A { return Array(b.dropLast(b.count >= 2 && b[b.count - 2] == 0x0D ? 2 : 1)) }
        if b.last == 0x0D || b.last == 0x0B || b.last == 0x0C { return Array(b.dropLast()) }
        if b.count >= 2 && b[b.count - 2] == 0xC2 && b.last == 0x85 { return Array(b.dropLast(2)) }
        if b.count >= 3 && b[b.count - 3] == 0xE2 && b[b.count - 2] == 0x80 && (b.last == 0xA8 || b.last == 0xA9) {
            return Array(b.dropLast(3))
        }
        return nil
    }

    private static let boolWords: Set<[UInt8]> = Set(["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
                                                       "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"].map { Array($0.utf8) })
    private static let nullWords: Set<[UInt8]> = Set(["~", "null", "Null", "NULL", ""].map { Array($0.utf8) })

    static func isBool(_ b: [UInt8]) -> Bool { boolWords.contains(b) }
    static func isNull(_ b: [UInt8]) -> Bool { nullWords.contains(b) }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// A cursor for the hand-written patterns; each helper consumes what it matches.
    private struct Scan {
        let b: [UInt8]
        var i = 0
        var atEnd: Bool { i == b.count }
        mutating func take(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        mutating func takeSign() { if i < b.count && (b[i] == 0x2B || b[i] == 0x2D) { i += 1 } }
        /// Consumes a run of bytes in the class; returns its length.
        @discardableResult mutating func run(_ member: (UInt8) -> Bool) -> Int {
            let start = i
            while i < b.count && member(b[i]) { i += 1 }
            return i - start
        }
        /// `(?::[0-5]?[0-9])+`: at least one group.
        mutating func sexagesimalGroups() -> Bool {
            var groups = 0
            while i < b.count && b[i] == 0x3A {
                let save = i
                i += 1
                let digits = run(isDigit)
                // One digit, or two whose first is 0-5; anything longer cannot match the group.
                guard digits == 1 || (digits == 2 && b[i - 2] <= 0x35) else { i = save; break }
                groups += 1
            }
            return groups > 0
        }
    }

    static func isInt(_ b: [UInt8]) -> Bool {
        var s = Scan(b: b)
        s.takeSign()
        let body = Array(b[s.i...])
        let digitOrUnderscore = { (c: UInt8) in isDigit(c) || c == 0x5F }
        // 0b[0-1_]+
        if body.count > 2 && body[0] == 0x30 && body[1] == 0x62 && body.dropFirst(2).allSatisfy({ $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }) {
            return true
        }
        // 0o?[0-7_]+
        if body.first == 0x30 {
            let rest = body.dropFirst().first == 0x6F ? body.dropFirst(2) : body.dropFirst()
            if !rest.isEmpty && rest.allSatisfy({ ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }) { return true }
        }
        // 0 | [1-9][0-9_]*
        if body == [0x30] { return true }
        if let first = body.first, first >= 0x31 && first <= 0x39 && body.dropFirst().allSatisfy(digitOrUnderscore) { return true }
        // 0x[0-9a-fA-F_]+
        if body.count > 2 && body[0] == 0x30 && body[1] == 0x78
            && body.dropFirst(2).allSatisfy({ isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) || $0 == 0x5F }) {
            return true
        }
        // [1-9][0-9_]*(?::[0-5]?[0-9])+
        var t = Scan(b: body)
        guard let first = body.first, first >= 0x31 && first <= 0x39 else { return false }
        t.i = 1
        t.run(digitOrUnderscore)
        return t.sexagesimalGroups() && t.atEnd
    }

    static func isFloat(_ b: [UInt8]) -> Bool {
        let digitOrUnderscore = { (c: UInt8) in isDigit(c) || c == 0x5F }
        // [-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
        var s = Scan(b: b)
        s.takeSign()
        if s.i < b.count && isDigit(b[s.i]) {
            var t = s
            t.run(digitOrUnderscore)
            if t.take(0x2E) { t.run(digitOrUnderscore) }
            if t.i < b.count && (b[t.i] == 0x65 || b[t.i] == 0x45) {
                t.i += 1
                t.takeSign()
                if t.run(isDigit) == 0 { t.i = b.count + 1 }
            }
            if t.atEnd { return true }
            // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
            var u = s
            u.run(digitOrUnderscore)
            if u.sexagesimalGroups() && u.take(0x2E) {
                u.run(digitOrUnderscore)
                if u.atEnd { return true }
            }
        }
        // \.[0-9_]+(?:[eE][-+][0-9]+)?
        var d = Scan(b: b)
        if d.take(0x2E) && d.run(digitOrUnderscore) > 0 {
            if d.atEnd { return true }
            if d.take(0x65) || d.take(0x45), d.i < b.count, b[d.i] == 0x2B || b[d.i] == 0x2D {
                d.i += 1
                if d.run(isDigit) > 0 && d.atEnd { return true }
            }
        }
        // [-+]?\.(?:inf|Inf|INF) and \.(?:nan|NaN|NAN)
        let text = String(decoding: b, as: UTF8.self)
        return [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"].contains(text)
    }
}
