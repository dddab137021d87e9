/// Makes untrusted text safe to draw: nothing in it can reach the terminal as a control sequence.
public enum Sanitize {
    /// What a control character or a whole escape sequence is shown as.
    public static let replacement: Character = "\u{FFFD}"

    /// Returns `text` with every control character and escape sequence replaced by `replacement`.
    ///
    /// Covers C0 controls (newlines included, since a canvas row is one
    /// line), DEL, C1 controls, ESC/CSI/OSC/DCS sequences (consumed whole, so
    /// `ESC[31m` becomes one replacement rather than a stray `[31m`) and the
    /// bidirectional overrides that can make text display in a misleading
    /// order. A tab becomes one space.
    public static func text(_ text: String, replacement: Character = Sanitize.replacement) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        let replacementScalars = String(replacement).unicodeScalars
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\t" {
                result.append(" ")
                index += 1
            } else if scalar.value == 0x1B {
                index = endOfEscape(scalars, after: index)
                result.append(contentsOf: replacementScalars)
            } else if (0x80...0x9F).contains(scalar.value) {
                index = endOfC1(scalars, at: index)
                result.append(contentsOf: replacementScalars)
            } else if needsWork(scalar) {
                result.append(contentsOf: replacementScalars)
                index += 1
            } else {
                result.append(scalar)
                index += 1
            }
        }
        return String(result)
    }

    /// True for scalars that must not be passed to the terminal as they are.
    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F:
            return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
            return true
        default:
            return false
        }
    }

    /// Index just past the escape sequence that starts with ESC at `start`.
    private static func endOfEscape(_ scalars: [Unicode.Scalar], after start: Int) -> Int {
        let next = start + 1
        guard next < scalars.count else { return next }
        let value = scalars[next].value
        switch value {
        case 0x5B: // '[' CSI
            return endOfControlSequence(scalars, from: next + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // ']' OSC, 'P' DCS, 'X' SOS, '^' PM, '_' APC
            return endOfControlString(scalars, from: next + 1)
        case 0x20...0x2F: // intermediates, then one final byte (e.g. ESC ( B)
            var index = next
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) {
                index += 1
            }
            if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) {
                index += 1
            }
            return index
        case 0x30...0x7E: // two-character escape such as ESC 7 or ESC c
            return next + 1
        default:
            return next
        }
    }

    /// Index just past the C1 control at `start` and the string or parameters it introduces.
    private static func endOfC1(_ scalars: [Unicode.Scalar], at start: Int) -> Int {
        switch scalars[start].value {
        case 0x9B: // CSI
            return endOfControlSequence(scalars, from: start + 1)
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F: // OSC, DCS, SOS, PM, APC
            return endOfControlString(scalars, from: start + 1)
        default:
            return start + 1
        }
    }

    /// Consumes CSI parameters, intermediates and the final byte.
    private static func endOfControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) {
            index += 1
        }
        if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) {
            index += 1
        }
        return index
    }

    /// Consumes a control string up to and including BEL, ST (ESC \) or C1 ST.
    private static func endOfControlString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0x07 || value == 0x9C { return index + 1 }
            if value == 0x1B {
                let next = index + 1
                // ESC that is not ST ends the string and starts a new sequence.
                return next < scalars.count && scalars[next] == "\\" ? next + 1 : index
            }
            index += 1
        }
        return index
    }
}
