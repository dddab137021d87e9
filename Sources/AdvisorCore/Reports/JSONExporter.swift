import Foundation

/// The rule set named in an exported document.
public struct RulesIdentity: Sendable, Hashable, Codable {
    /// Rule set name from the manifest.
    public var name: String
    /// Rule set version from the manifest.
    public var version: String

    /// Creates an identity.
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// The top-level object of the JSON output: the advice plus what produced it (docs/json-output.md).
public struct AdviceDocument: Sendable, Hashable, Codable {
    /// The version of this document format; raised on any incompatible change.
    public static let currentSchemaVersion = 2

    /// Format version, `2`.
    public var schemaVersion: Int
    /// Always `apigw-advisor`.
    public var generator: String
    /// Report date, YYYY-MM-DD.
    public var date: String
    /// The answers file as the user named it, or `interview`.
    public var answersFile: String
    /// The rule set that produced the advice.
    public var rules: RulesIdentity
    /// The advice.
    public var advice: Advice

    /// Wraps advice in the envelope described by `context`.
    public init(_ advice: Advice, context: ReportContext) {
        schemaVersion = Self.currentSchemaVersion
        generator = "apigw-advisor"
        date = context.date
        answersFile = context.answersFile
        rules = RulesIdentity(name: advice.rulesName, version: advice.rulesVersion)
        self.advice = advice
    }
}

/// Renders advice as one JSON document for other tools.
public enum JSONExporter {
    /// The pretty-printed JSON document, keys sorted so equal advice gives identical bytes.
    public static func render(_ advice: Advice, context: ReportContext) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Numbers come from validated answers and are finite; the strategy only keeps encoding total.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            let data = try encoder.encode(AdviceDocument(advice, context: context))
            return Inert.json(String(decoding: data, as: UTF8.self)) + "\n"
        } catch {
            // Unreachable with the strategy above; still emit valid JSON that says what happened.
            let message = "\(error)".replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "{\"error\": \"cannot encode the advice: \(message)\"}\n"
        }
    }

    /// Reads a document produced by `render` back.
    public static func decode(_ text: String) throws -> AdviceDocument {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(AdviceDocument.self, from: Data(text.utf8))
    }
}

// Swift's synthesized coding of enums with payloads writes `{"choice":{"_0":"x"}}`; answers are
// written as the plain JSON value instead, as in an answers file.
extension AnswerValue {
    /// Encodes the value as a plain JSON string, array of strings, boolean, number or inventory object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .choice(let value), .text(let value): try container.encode(value)
        case .choices(let values), .list(let values): try container.encode(values)
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .inventory(let inventory): try container.encode(inventory)
        }
    }

    /// Decodes a plain JSON value; without the question kind a string reads as text and an array as a list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else if let values = try? container.decode([String].self) {
            self = .list(values)
        } else {
            self = .inventory(try container.decode(Inventory.self))
        }
    }

    /// The question kind whose answers take this form; written next to the value so it reads back exactly.
    var questionKind: QuestionKind {
        switch self {
        case .choice: return .single
        case .choices: return .multi
        case .bool: return .yesno
        case .number: return .number
        case .text: return .text
        case .list: return .list
        case .inventory: return .inventory
        }
    }

    /// Decodes a plain value as the answer to a question of `kind`.
    init(from container: KeyedDecodingContainer<ContextEntry.CodingKeys>, key: ContextEntry.CodingKeys, kind: QuestionKind) throws {
        switch kind {
        case .single: self = .choice(try container.decode(String.self, forKey: key))
        case .multi: self = .choices(try container.decode([String].self, forKey: key))
        case .yesno: self = .bool(try container.decode(Bool.self, forKey: key))
        case .number: self = .number(try container.decode(Double.self, forKey: key))
        case .text: self = .text(try container.decode(String.self, forKey: key))
        case .list: self = .list(try container.decode([String].self, forKey: key))
        case .inventory: self = .inventory(try container.decode(Inventory.self, forKey: key))
        }
    }
}

extension ContextEntry {
    enum CodingKeys: String, CodingKey {
        case question, value, status, kind
    }

    /// Encodes the question, its status, and (when there is one) the plain value with its question kind.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(status, forKey: .status)
        if let value {
            try container.encode(value, forKey: .value)
            try container.encode(value.questionKind, forKey: .kind)
        }
    }

    /// Decodes an entry written by `encode(to:)`, reading the value as its recorded kind.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let question = try container.decode(String.self, forKey: .question)
        let status = try container.decode(AnswerStatus.self, forKey: .status)
        var value: AnswerValue?
        if container.contains(.value) {
            if let kind = try container.decodeIfPresent(QuestionKind.self, forKey: .kind) {
                value = try AnswerValue(from: container, key: .value, kind: kind)
            } else {
                value = try container.decodeIfPresent(AnswerValue.self, forKey: .value)
            }
        }
        self.init(question: question, value: value, status: status)
    }
}
