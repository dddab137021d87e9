import Foundation

/// The answers a team gave: question id -> value, as read from an answers file or the interview.
public struct Answers: Sendable, Equatable {
    /// Explicit answers.
    public var values: [String: AnswerValue]
    /// Where each answer was read (absent for answers made in the interview).
    public var locations: [String: SourceLocation]
    /// Pinned choices: decision id -> option id the team has already made or insists on (the `pins` section).
    /// A pin is a requirement: the decision takes that option, or is a conflict when rules exclude it.
    public var pins: [String: String]

    /// Key of the answers-file section that pins decisions; never a question id.
    public static let pinsKey = "pins"

    /// Creates answers.
    public init(_ values: [String: AnswerValue] = [:], locations: [String: SourceLocation] = [:], pins: [String: String] = [:]) {
        self.values = values
        self.locations = locations
        self.pins = pins
    }

    /// Equal when the values and pins are equal; where they were read does not matter.
    public static func == (lhs: Answers, rhs: Answers) -> Bool { lhs.values == rhs.values && lhs.pins == rhs.pins }

    /// Reads and validates an answers file; every problem is reported with file, line and column.
    public static func load(path: String, rules: RuleSet) throws(InputErrors) -> Answers {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputErrors([InputError(SourceLocation(file: path), "answers file not found")])
        }
        guard !isDirectory.boolValue else {
            throw InputErrors([InputError(SourceLocation(file: path), "is a folder, not an answers file")])
        }
        // lstat(2), as attributesOfItem does, without its dictionary and `as? Int` cast (more than parsing a small file).
        var info = stat()
        if lstat(path, &info) == 0, Int(info.st_size) > DocNode.maxBytes {
            let size = Int(info.st_size)
            throw InputErrors([InputError(SourceLocation(file: path), "the file is \(size) bytes; the limit is \(DocNode.maxBytes) bytes")])
        }
        guard let data = manager.contents(atPath: path) else {
            throw InputErrors([InputError(SourceLocation(file: path), "cannot read the file")])
        }
        let text: String
        do {
            text = try TextLocation.decodeUTF8([UInt8](data), file: path)
        } catch {
            throw InputErrors([error])
        }
        return try parse(text, file: path, rules: rules)
    }

    /// Parses answers from text (YAML or JSON).
    public static func parse(_ text: String, file: String, rules: RuleSet) throws(InputErrors) -> Answers {
        let node: DocNode
        do {
            node = try DocNode.parse(text, file: file)
        } catch {
            throw InputErrors([error])
        }
        return try decode(node, rules: rules)
    }

    /// Decodes an already parsed answers document.
    public static func decode(_ node: DocNode, rules: RuleSet) throws(InputErrors) -> Answers {
        let diagnostics = Diagnostics()
        guard let map = MappingReader(node, context: "the answers file (question id: answer)", diagnostics: diagnostics) else {
            throw InputErrors(diagnostics.errors)
        }
        let ids = rules.questions.map(\.id)
        map.rejectUnknownKeys(allowed: ids + [pinsKey])
        var answers = Answers()
        let decoder = AnswerDecoder(diagnostics: diagnostics, perServiceQuestions: rules.questions.filter(\.perService))
        for entry in map.entries {
            if entry.key == pinsKey && rules.question(pinsKey) == nil {
                answers.pins = decodePins(entry.value, rules: rules, diagnostics: diagnostics)
                continue
            }
            guard let question = rules.question(entry.key) else { continue }
            if entry.value.isNull && question.kind != .text { continue }
            if let value = decoder.value(for: question, node: entry.value) {
                answers.values[entry.key] = value
                answers.locations[entry.key] = entry.keyNode.location
            }
        }
        guard diagnostics.errors.isEmpty else { throw InputErrors(diagnostics.errors) }
        return answers
    }

    /// `pins: {decision: option, ...}`: every key a decision id, every value one of its option ids.
    static func decodePins(_ node: DocNode, rules: RuleSet, diagnostics: Diagnostics) -> [String: String] {
        if node.isNull { return [:] }
        guard let map = MappingReader(node, context: "pins (decision id: option id)", diagnostics: diagnostics) else { return [:] }
        map.rejectUnknownKeys(allowed: rules.decisions.map(\.id))
        var pins: [String: String] = [:]
        for entry in map.entries {
            guard let decision = rules.decision(entry.key) else { continue }
            guard let option = map.string(entry.key, required: true) else { continue }
            if decision.option(option) == nil {
                diagnostics.add(entry.value, key: entry.key,
                                "unknown option '\(option)' for decision \(entry.key); allowed: \(decision.options.map(\.id).joined(separator: ", "))")
                continue
            }
            pins[entry.key] = option
        }
        return pins
    }
}

/// How a question's value was arrived at.
public enum AnswerStatus: String, Sendable, Hashable, Codable {
    /// The team answered it.
    case answered
    /// Not answered; the default applies.
    case defaulted
    /// Not asked because its ask-if does not hold; the default applies.
    case hidden
    /// Not answered and has no default.
    case missing
}

/// Answers completed with defaults and ask-if visibility: what rules read.
public struct AnswerSheet: Sendable {
    /// The value of each question that has one.
    public var values: [String: AnswerValue]
    /// How each question got its value, for every catalog question.
    public var status: [String: AnswerStatus]
    /// Explicit answers to hidden questions, which are ignored.
    public var ignored: [String]
    /// Pinned choices, decision id -> option id.
    public var pins: [String: String]

    /// Completes `answers` with defaults, hiding questions whose ask-if does not hold.
    public init(answers: Answers, rules: RuleSet) {
        var raw: [String: AnswerValue] = [:]
        for question in rules.questions {
            if let value = answers.values[question.id] ?? question.defaultValue { raw[question.id] = value }
        }
        let probe = ConditionEvaluator(rules: rules, values: raw, status: [:], decisions: [:])
        values = [:]
        status = [:]
        ignored = []
        pins = answers.pins
        for question in rules.questions {
            let visible = question.askIf.map { probe.evaluate($0).held } ?? true
            if !visible {
                status[question.id] = .hidden
                if answers.values[question.id] != nil { ignored.append(question.id) }
                if let value = question.defaultValue { values[question.id] = value }
            } else if let value = answers.values[question.id] {
                status[question.id] = .answered
                values[question.id] = value
            } else if let value = question.defaultValue {
                status[question.id] = .defaulted
                values[question.id] = value
            } else {
                status[question.id] = .missing
            }
        }
    }

    /// Questions with neither an answer nor a default, in catalog order.
    public func missing(in rules: RuleSet) -> [String] {
        rules.questions.map(\.id).filter { status[$0] == .missing }
    }

    /// Questions whose default was used although they were asked, in catalog order.
    public func defaulted(in rules: RuleSet) -> [String] {
        rules.questions.map(\.id).filter { status[$0] == .defaulted }
    }
}
