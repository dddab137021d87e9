import Foundation

/// Checks single answers the way an answers file is checked, for editors that build answers piece by piece.
public enum AnswerValidation {
    /// Why `value` is not a valid answer to `question`, or nil when an answers file holding it would load.
    ///
    /// The value is written as an answers file and read back, so the interview
    /// accepts exactly what the answers-file mode accepts.
    public static func problem(_ value: AnswerValue, for question: Question, rules: RuleSet) -> String? {
        let text = AnswersWriter.yaml(Answers([question.id: value]), rules: rules)
        do {
            let parsed = try Answers.parse(text, file: "answer", rules: rules)
            return parsed.values[question.id] == nil ? "the value cannot be stored" : nil
        } catch {
            return error.errors.first?.message ?? "invalid value"
        }
    }

    /// Why `name` cannot name a service (pattern, or already used in `existing`), or nil.
    public static func serviceNameProblem(_ name: String, existing: [String]) -> String? {
        if name.range(of: AnswerDecoder.namePattern, options: .regularExpression) == nil {
            return "service name '\(name)' must be lower-case letters, digits and dashes, starting with a letter"
        }
        if existing.contains(name) { return "service '\(name)' already exists" }
        return nil
    }

    /// Why `path` is not a valid resource path (API Gateway rules, or already used in `existing`), or nil.
    public static func resourcePathProblem(_ path: String, existing: [String]) -> String? {
        if let problem = AnswerDecoder.pathProblem(path) { return problem }
        if existing.contains(path) { return "resource '\(path)' already exists in this service" }
        return nil
    }
}
