/// A problem with something the user gave us (answers, rules, flags), with where it is and what was allowed.
public struct InputError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// The key (question id, rule field, ...) the problem concerns, if any.
    public var key: String?
    /// What is wrong, in one sentence.
    public var message: String
    /// The values that would have been accepted, if the set is small enough to list.
    public var allowed: [String]
    /// A nearest-match suggestion ("did you mean ...").
    public var suggestion: String?

    /// Creates an error.
    public init(_ location: SourceLocation, key: String? = nil, _ message: String,
                allowed: [String] = [], suggestion: String? = nil) {
        self.location = location
        self.key = key
        self.message = message
        self.allowed = allowed
        self.suggestion = suggestion
    }

    /// One line (plus an optional second for the allowed values), compiler style.
    public var description: String {
        var text = "\(location): error: "
        if let key { text += "'\(Inert.quoted(key))': " }
        text += message
        if let suggestion { text += " (did you mean '\(Inert.quoted(suggestion))'?)" }
        if !allowed.isEmpty {
            let shown = allowed.count > 25 ? Array(allowed.prefix(25)) + ["..."] : allowed
            text += "\n    allowed: " + shown.map { Inert.quoted($0) }.joined(separator: ", ")
        }
        // The message may quote input (a value, a file name); nothing in it may act on the terminal.
        return Inert.terminal(text)
    }
}

/// Several input problems found in one pass, so the user can fix them all at once.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var errors: [InputError]

    /// Creates the list.
    public init(_ errors: [InputError]) { self.errors = errors }

    /// One problem per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// The closest candidate to `word` by edit distance, if it is close enough to be a plausible typo.
public func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
    // A typo of an identifier is short; a long word is no typo, and the distance is quadratic.
    guard word.utf8.count <= maxSuggestionLength else { return nil }
    var best: (String, Int)?
    let length = word.unicodeScalars.count
    let limit = max(2, length / 3)
    let lowered = word.lowercased()
    for candidate in candidates {
        // The difference in length is a lower bound of the distance.
        guard abs(candidate.unicodeScalars.count - length) <= limit, candidate.utf8.count <= maxSuggestionLength * 4 else { continue }
        let d = editDistance(lowered, candidate.lowercased())
        if d <= limit, best == nil || d < best?.1 ?? Int.max { best = (candidate, d) }
    }
    return best?.0
}

/// Words longer than this get no "did you mean" suggestion.
let maxSuggestionLength = 64

/// Levenshtein distance between two strings, by Unicode scalars.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}
