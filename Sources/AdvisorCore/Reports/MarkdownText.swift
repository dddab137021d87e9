import Foundation

/// Markdown building blocks shared by the exporters.
enum MarkdownText {
    /// The boundary of every markdown output: the lines joined, and any control character that got
    /// this far (from a rules folder, a file name) shown escaped, so the file is inert on a terminal too.
    static func document(_ lines: [String]) -> String {
        Inert.terminal(lines.joined(separator: "\n") + "\n")
    }

    /// Text on one line: line breaks inside rule texts would otherwise end a list item or a table row.
    /// A `<` becomes `&lt;`, so no text can open raw HTML (`</details><script>`); rule texts may keep
    /// their markdown emphasis and code.
    static func inline(_ text: String) -> String {
        // Most texts have no line break or `<`; testing bytes first skips a split by Character, which was a
        // tenth of an `advise --markdown` run. Character.isNewline covers U+000A-000D, U+0085, U+2028
        // and U+2029, whose UTF-8 forms all contain a byte 0x0A-0x0D, 0x85, 0xA8 or 0xA9.
        guard text.utf8.contains(where: { (0x0A...0x0D).contains($0) || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 || $0 == 0x3C }) else {
            return text
        }
        var flat = ""
        var pendingSpace = false
        for character in text {
            if character.isNewline {
                pendingSpace = !flat.isEmpty
                continue
            }
            if pendingSpace { flat += " " }
            pendingSpace = false
            flat += character == "<" ? "&lt;" : String(character)
        }
        return flat
    }

    /// Text the user typed (a team name): on one line, with every markdown and HTML metacharacter
    /// escaped, so it shows as typed and never becomes a link, emphasis, a heading or markup.
    static func plain(_ text: String) -> String {
        var out = ""
        for character in inlineCodeText(text) {
            switch character {
            // The characters that are live inside a line; `#`, `-`, `+`, `>` and `1.` only act at a
            // line's start, and `|` is escaped by `cell` where it matters.
            case "\\", "`", "*", "_", "[", "]", "~":
                out += "\\" + String(character)
            case "&":
                out += "&amp;"
            case "<":
                out += "&lt;"
            default:
                out.append(character)
            }
        }
        return out
    }

    /// Inline code with a fence longer than any run of backticks in the text, so it cannot close early.
    static func code(_ text: String) -> String {
        let flat = inlineCodeText(text)
        guard flat.contains("`") else { return "`\(flat)`" }
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        return "\(fence) \(flat) \(fence)"
    }

    /// The text of a code span: on one line; `<` stays as typed, since code spans show it literally.
    private static func inlineCodeText(_ text: String) -> String {
        guard text.utf8.contains(where: { (0x0A...0x0D).contains($0) || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }) else {
            return text
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// A table cell: pipes escaped (also inside code, as GitHub tables require) and never empty.
    static func cell(_ text: String) -> String {
        let inlined = inline(text)
        // Foundation's replacingOccurrences bridges to NSString; most cells hold no pipe.
        let flat = inlined.utf8.contains(UInt8(ascii: "|")) ? inlined.replacingOccurrences(of: "|", with: "\\|") : inlined
        return flat.isEmpty ? "-" : flat
    }

    /// A table with a header row; every cell goes through `cell`.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let line = { (cells: [String]) in "| " + cells.map(cell).joined(separator: " | ") + " |" }
        return [line(header), "|" + header.map { _ in " --- |" }.joined()] + rows.map(line)
    }

    /// ` <url>` as an autolink (readable as plain text too), or nothing when the address is unknown.
    static func link(_ url: String, separator: String = "") -> String {
        url.isEmpty ? "" : "\(separator) <\(inline(url))>"
    }

    /// `recommend `http` (strong)`, `exclude `rest``, `require `rest``.
    static func effect(_ firing: RuleFiring) -> String {
        let options = firing.options.map(code).joined(separator: ", ")
        let strength = firing.strength.map { " (\($0.rawValue))" } ?? ""
        let text = "\(firing.effect) \(options)\(strength)"
        // Trimming bridges to NSString; it is needed only when an end is whitespace (e.g. no options).
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A fact with its source key, title, address and as-of date.
    static func fact(_ fact: FactCitation) -> String {
        "Fact \(code(fact.id)): \(inline(fact.text)) (source \(fact.source): \(inline(fact.sourceTitle))\(link(fact.url, separator: ",")); as of \(fact.asOf))"
    }

    /// A sentence turned into a clause to follow "because": no final period, and a lower-case first
    /// letter unless the first word is an acronym or a name with capitals inside (REST, X-Ray).
    static func clause(_ sentence: String) -> String {
        var text = inline(sentence).trimmingCharacters(in: .whitespaces)
        while text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first, first.isUppercase else { return text }
        let firstWord = text.prefix { $0 != " " }
        if firstWord.dropFirst().contains(where: { $0.isUppercase || $0.isNumber }) { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// Every source cited anywhere in the advice, once, sorted by key, with the facts cited from it.
    static func citedSources(_ advice: Advice) -> [(key: String, title: String, url: String, facts: [FactCitation])] {
        let all = advice.decisions.flatMap { $0.fired.flatMap(\.facts) } + advice.conflicts.flatMap { $0.rules.flatMap(\.facts) }
            + advice.findings.flatMap(\.facts)
        var bySource: [String: [FactCitation]] = [:]
        for fact in all where !(bySource[fact.source]?.contains { $0.id == fact.id } ?? false) {
            bySource[fact.source, default: []].append(fact)
        }
        return bySource.keys.sorted().compactMap { key in
            guard let facts = bySource[key], let first = facts.first else { return nil }
            return (key, first.sourceTitle, first.url, facts.sorted { $0.id < $1.id })
        }
    }
}
