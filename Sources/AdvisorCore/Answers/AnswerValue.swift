/// An answer to one question.
public enum AnswerValue: Sendable, Hashable, Codable {
    /// A single choice id.
    case choice(String)
    /// Several choice ids, in catalog order.
    case choices([String])
    /// Yes or no.
    case bool(Bool)
    /// A number (in the question's unit).
    case number(Double)
    /// Free text.
    case text(String)
    /// A list of text values.
    case list([String])
    /// The services inventory.
    case inventory(Inventory)

    /// The values a membership or count test sees.
    public var members: [String]? {
        switch self {
        case .choices(let values), .list(let values): return values
        case .inventory(let inventory): return inventory.services.map(\.name)
        default: return nil
        }
    }

    /// The number, if this is one.
    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// A scalar as text for equality tests (choice, text, yes/no, number).
    public var scalarText: String? {
        switch self {
        case .choice(let value), .text(let value): return value
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return formatNumber(value)
        default: return nil
        }
    }

    /// A short human-readable rendering, for explanations.
    public var display: String {
        switch self {
        case .choice(let value), .text(let value): return value.isEmpty ? "\"\"" : value
        case .bool(let value): return value ? "yes" : "no"
        case .number(let value): return formatNumber(value)
        case .choices(let values), .list(let values): return values.isEmpty ? "[]" : "[" + values.joined(separator: ", ") + "]"
        case .inventory(let inventory):
            return "\(inventory.services.count) service(s), \(inventory.resourceCount) resource(s), \(inventory.routeCount) route(s)"
        }
    }
}

/// The largest magnitude a number answer or a question's min/max may have: beyond 1e15 a Double no
/// longer holds every whole number, and the engine converts numbers to integers (timeouts, counts).
public let maxNumberMagnitude = 1e15

/// Formats a number without a trailing `.0` for whole values.
public func formatNumber(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}

extension AnswerValue: ArchiveExactCodable {
    // The public Codable form (JSONExporter.swift) is the plain JSON value and reads a choice back as
    // text; the bundled rules' defaults must come back exactly, so the archive also records the kind.
    func encodeForArchive(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(questionKind)
        switch self {
        case .choice(let value), .text(let value): try container.encode(value)
        case .choices(let values), .list(let values): try container.encode(values)
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .inventory(let inventory): try container.encode(inventory)
        }
    }

    init(fromArchive decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(QuestionKind.self) {
        case .single: self = .choice(try container.decode(String.self))
        case .multi: self = .choices(try container.decode([String].self))
        case .yesno: self = .bool(try container.decode(Bool.self))
        case .number: self = .number(try container.decode(Double.self))
        case .text: self = .text(try container.decode(String.self))
        case .list: self = .list(try container.decode([String].self))
        case .inventory: self = .inventory(try container.decode(Inventory.self))
        }
    }
}
