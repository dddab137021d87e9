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
        if let key { text += "'\(key)': " }
        text += message
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        if !allowed.isEmpty {
            let shown = allowed.count > 25 ? Array(allowed.prefix(25)) + ["..."] : allowed
            text += "\n    allowed: " + shown.joined(separator: ", ")
        }
        return text
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
    var best: (String, Int)?
    let limit = max(2, word.count / 3)
    for candidate in candidates {
        let d = editDistance(word.lowercased(), candidate.lowercased())
        if d <= limit, best == nil || d < best?.1 ?? Int.max { best = (candidate, d) }
    }
    return best?.0
}

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
