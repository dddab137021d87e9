import Foundation

/// Collects input problems while decoding, so one pass reports all of them.
final class Diagnostics {
    var errors: [InputError] = []

    func add(_ error: InputError) { errors.append(error) }

    func add(_ node: DocNode, key: String? = nil, _ message: String, allowed: [String] = [], suggestion: String? = nil) {
        errors.append(InputError(node.location, key: key, message, allowed: allowed, suggestion: suggestion))
    }
}

/// Strict access to a mapping node: typed getters that record errors, and a check for unknown keys.
struct MappingReader {
    let node: DocNode
    let context: String
    private(set) var entries: [(key: String, keyNode: DocNode, value: DocNode)] = []
    private let diagnostics: Diagnostics

    /// Nil (with an error recorded) when `node` is not a mapping.
    init?(_ node: DocNode, context: String, diagnostics: Diagnostics) {
        self.node = node
        self.context = context
        self.diagnostics = diagnostics
        guard case .mapping(let pairs) = node.value else {
            diagnostics.add(node, key: context, "expected a mapping, found \(node.kindName)")
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.scalarText else {
                diagnostics.add(pair.key, key: context, "keys must be plain strings")
                continue
            }
            entries.append((key, pair.key, pair.value))
        }
    }

    var keys: [String] { entries.map(\.key) }

    subscript(key: String) -> DocNode? { entries.first { $0.key == key }?.value }

    func keyNode(_ key: String) -> DocNode? { entries.first { $0.key == key }?.keyNode }

    /// Records an error for every key not in `allowed`, suggesting the nearest allowed key.
    func rejectUnknownKeys(allowed: [String]) {
        for entry in entries where !allowed.contains(entry.key) {
            diagnostics.add(entry.keyNode, key: entry.key, "unknown key in \(context)",
                            allowed: allowed, suggestion: nearest(entry.key, in: allowed))
        }
    }

    func requireKey(_ key: String) -> DocNode? {
        if let value = self[key] { return value }
        diagnostics.add(node, key: key, "missing required key in \(context)")
        return nil
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = required ? requireKey(key) : self[key] else { return nil }
        guard let text = value.scalarText else {
            diagnostics.add(value, key: key, "expected a string, found \(value.kindName)")
            return nil
        }
        return text
    }

    func stringList(_ key: String, required: Bool = false) -> [String]? {
        guard let value = required ? requireKey(key) : self[key] else { return nil }
        return Self.strings(value, key: key, diagnostics: diagnostics)
    }

    /// A list of strings; a single string is accepted as a one-element list.
    static func strings(_ value: DocNode, key: String, diagnostics: Diagnostics) -> [String]? {
        switch value.value {
        case .scalar(let text, let type):
            if type == .null { return [] }
            return [text]
        case .sequence(let items):
            var out: [String] = []
            for item in items {
                guard let text = item.scalarText else {
                    diagnostics.add(item, key: key, "expected a string in the list, found \(item.kindName)")
                    continue
                }
                out.append(text)
            }
            return out
        case .mapping:
            diagnostics.add(value, key: key, "expected a list of strings, found a mapping")
            return nil
        }
    }

    func number(_ key: String) -> Double? {
        guard let value = self[key] else { return nil }
        guard case .scalar(let text, let type) = value.value, type == .int || type == .float,
              let number = Double(text.replacingOccurrences(of: "_", with: "")) else {
            diagnostics.add(value, key: key, "expected a number, found \(value.kindName)")
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let value = self[key] else { return nil }
        guard case .scalar(let text, .bool) = value.value else {
            diagnostics.add(value, key: key, "expected true or false, found \(value.kindName)")
            return nil
        }
        return Self.boolValue(text)
    }

    static func boolValue(_ text: String) -> Bool {
        ["true", "yes", "on"].contains(text.lowercased())
    }
}
