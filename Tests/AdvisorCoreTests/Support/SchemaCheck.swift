import Foundation

/// Any JSON value, decoded without Foundation's loosely typed `JSONSerialization` (which blurs booleans and numbers).
indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    var object: [String: JSONValue]? { if case .object(let value) = self { return value } else { return nil } }
    var array: [JSONValue]? { if case .array(let value) = self { return value } else { return nil } }
    var string: String? { if case .string(let value) = self { return value } else { return nil } }
}

/// Checks a JSON document against the subset of JSON Schema 2020-12 that docs/advice.schema.json uses:
/// `$ref` into `$defs`, `type`, `required`, `properties`, `additionalProperties: false`, `items`, `enum`,
/// `const`, `anyOf`, `pattern`, `minimum` and `dependentRequired`. Returns one line per violation.
struct SchemaCheck {
    let root: JSONValue

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func loadAdviceSchema() throws -> SchemaCheck {
        let url = repositoryRoot.appendingPathComponent("docs/advice.schema.json")
        return SchemaCheck(root: try JSONValue.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)))
    }

    func violations(_ value: JSONValue) -> [String] { check(value, against: root, at: "$") }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        guard let rules = schema.object else { return [] }
        var out: [String] = []
        if let ref = rules["$ref"]?.string {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = root.object?["$defs"]?.object?[name] else { return ["\(path): unknown $ref \(ref)"] }
            out += check(value, against: target, at: path)
        }
        if let type = rules["type"]?.string, !has(value, type: type) { out.append("\(path): expected \(type)") }
        if let options = rules["enum"]?.array, !options.contains(value) { out.append("\(path): \(value) not in enum") }
        if let constant = rules["const"], constant != value { out.append("\(path): expected const \(constant)") }
        if let branches = rules["anyOf"]?.array, !branches.contains(where: { check(value, against: $0, at: path).isEmpty }) {
            out.append("\(path): matches no anyOf branch")
        }
        if let pattern = rules["pattern"]?.string, case .string(let text) = value,
           text.range(of: pattern, options: .regularExpression) == nil {
            out.append("\(path): '\(text)' does not match \(pattern)")
        }
        if case .number(let minimum)? = rules["minimum"], case .number(let number) = value, number < minimum {
            out.append("\(path): below minimum")
        }
        if case .object(let members) = value {
            for key in rules["required"]?.array?.compactMap(\.string) ?? [] where members[key] == nil {
                out.append("\(path): missing required key \(key)")
            }
            let properties = rules["properties"]?.object ?? [:]
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let sub = properties[key] {
                    out += check(member, against: sub, at: "\(path).\(key)")
                } else if rules["additionalProperties"] == .bool(false) {
                    out.append("\(path): undocumented key \(key)")
                }
            }
            for (key, needed) in rules["dependentRequired"]?.object ?? [:] where members[key] != nil {
                for other in needed.array?.compactMap(\.string) ?? [] where members[other] == nil {
                    out.append("\(path): \(key) needs \(other)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = rules["items"] {
            for (index, item) in items.enumerated() { out += check(item, against: itemSchema, at: "\(path)[\(index)]") }
        }
        return out
    }

    private func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number), ("null", .null):
            return true
        case ("integer", .number(let number)):
            return number.rounded() == number
        default:
            return false
        }
    }
}
