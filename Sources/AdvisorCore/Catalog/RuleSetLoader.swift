import Foundation

/// One file of a rules folder: its name (relative to the folder) and text.
public struct RuleFile: Sendable {
    /// File name such as `cors.rules.yaml`.
    public var name: String
    /// Contents.
    public var text: String

    /// Creates a file.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// Loads and checks a rules folder: structure, references, dependency order.
public enum RuleSetLoader {
    /// Reads every YAML file of `directory`.
    public static func files(inDirectory directory: String) throws(InputError) -> [RuleFile] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(SourceLocation(file: directory), "rules folder not found")
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw InputError(SourceLocation(file: directory), "cannot list the rules folder: \(error.localizedDescription)")
        }
        var files: [RuleFile] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = manager.contents(atPath: path) else {
                throw InputError(SourceLocation(file: path), "cannot read the file")
            }
            if data.count > DocNode.maxBytes {
                throw InputError(SourceLocation(file: path), "the file is \(data.count) bytes; the limit is \(DocNode.maxBytes) bytes")
            }
            files.append(RuleFile(name: path, text: try TextLocation.decodeUTF8([UInt8](data), file: path)))
        }
        return files
    }

    /// Loads a rules folder from disk.
    public static func load(directory: String) throws(InputErrors) -> RuleSet {
        do {
            return try load(files: files(inDirectory: directory))
        } catch let error as InputError {
            throw InputErrors([error])
        } catch let errors as InputErrors {
            throw errors
        } catch {
            throw InputErrors([InputError(SourceLocation(file: directory), "\(error)")])
        }
    }

    /// Loads a rule set from files; throws every problem found.
    public static func load(files: [RuleFile]) throws(InputErrors) -> RuleSet {
        try assemble(files.map { file in (file.name, { () throws(InputError) -> DocNode in try DocNode.parse(file.text, file: file.name) }) })
    }

    /// Loads a rule set from files already parsed into documents.
    public static func load(documents: [RuleDocument]) throws(InputErrors) -> RuleSet {
        try assemble(documents.map { document in (document.name, { () throws(InputError) -> DocNode in document.node }) })
    }

    /// Checks and decodes the files; each is parsed in turn so diagnostics keep file order whichever way they arrive.
    private static func assemble(_ files: [(name: String, parse: () throws(InputError) -> DocNode)],
                                 checkPatterns: Bool = true) throws(InputErrors) -> RuleSet {
        let diagnostics = Diagnostics()
        var documents: [String: (name: String, node: DocNode)] = [:]
        var ruleDocs: [(area: String, node: DocNode)] = []
        var caseDocs: [(area: String, node: DocNode)] = []
        let fixed = ["manifest", "questions", "decisions", "facts", "conditions"]
        for file in files {
            let base = lastPathComponent(file.name)
            let node: DocNode
            do {
                node = try file.parse()
            } catch {
                diagnostics.add(error)
                continue
            }
            let stem = stem(base)
            if stem.hasSuffix(".rules") {
                ruleDocs.append((String(stem.dropLast(".rules".count)), node))
            } else if stem.hasSuffix(".cases") {
                caseDocs.append((String(stem.dropLast(".cases".count)), node))
            } else if fixed.contains(stem) {
                documents[stem] = (file.name, node)
            } else {
                diagnostics.add(node, "unexpected file in the rules folder",
                                allowed: fixed.map { $0 + ".yaml" } + ["AREA.rules.yaml", "AREA.cases.yaml"])
            }
        }
        for name in fixed where documents[name] == nil && name != "conditions" {
            diagnostics.add(InputError(SourceLocation(file: "\(name).yaml"), "missing file in the rules folder"))
        }
        guard diagnostics.errors.isEmpty,
              let manifest = documents["manifest"], let questionsDoc = documents["questions"],
              let decisionsDoc = documents["decisions"], let factsDoc = documents["facts"] else {
            throw InputErrors(diagnostics.errors)
        }
        var catalog = CatalogDecoder(diagnostics: diagnostics)
        catalog.checkPatterns = checkPatterns
        let (name, version) = catalog.manifest(manifest.node)
        let (groups, rawQuestions) = catalog.questions(questionsDoc.node)
        let decisions = catalog.decisions(decisionsDoc.node)
        let (sources, facts) = catalog.facts(factsDoc.node)

        var references = ConditionReferences(
            questions: Dictionary(rawQuestions.map { ($0.question.id, $0.question) }, uniquingKeysWith: { a, _ in a }),
            questionOrder: rawQuestions.map(\.question.id),
            decisions: Dictionary(decisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            decisionOrder: decisions.map(\.id),
            conditionNames: [])
        let conditionNodes = documents["conditions"].map { catalog.conditionNodes($0.node) } ?? []
        references.conditionNames = Set(conditionNodes.map(\.name))

        var conditions: [String: Condition] = [:]
        let decoder = ConditionDecoder(diagnostics: diagnostics, references: references)
        for entry in conditionNodes {
            if let condition = decoder.decode(entry.node, key: entry.name) { conditions[entry.name] = condition }
        }
        var askDecoder = decoder
        askDecoder.references?.allowDecisions = false
        var questions: [Question] = []
        for raw in rawQuestions {
            var question = raw.question
            if let node = raw.askIf { question.askIf = askDecoder.decode(node, key: "ask-if") }
            question.defaultValue = catalog.defaultValue(question, node: raw.defaultNode)
            questions.append(question)
        }
        for (nameOfCondition, condition) in conditions {
            if expandedDecisions(condition, conditions: conditions, visiting: [nameOfCondition]) == nil {
                diagnostics.add(InputError(SourceLocation(file: documents["conditions"]?.name ?? "conditions.yaml"),
                                           key: nameOfCondition, "named conditions refer to each other in a cycle"))
            }
        }
        for question in questions {
            if let askIf = question.askIf, !expandedLayout(askIf, conditions: conditions, visiting: []).isEmpty {
                diagnostics.add(InputError(question.location, key: question.id, "ask-if cannot read the layout, even through a named condition"))
            }
            if let askIf = question.askIf, !(expandedDecisions(askIf, conditions: conditions, visiting: [])?.isEmpty ?? true) {
                diagnostics.add(InputError(question.location, key: question.id, "ask-if cannot read decisions, even through a named condition"))
            }
        }

        let ruleDecoder = RuleDecoder(diagnostics: diagnostics, conditions: decoder, references: references,
                                      factIDs: Set(facts.keys))
        var rules: [Rule] = []
        for doc in ruleDocs.sorted(by: { $0.area < $1.area }) { rules += ruleDecoder.rules(doc.node, area: doc.area) }
        // The layout is built from the decisions, so only findings (evaluated after it) may read it.
        for rule in rules where !(Self.expandedLayout(rule.when, conditions: conditions, visiting: []).isEmpty) {
            if case .finding = rule.effect { continue }
            diagnostics.add(InputError(rule.location, key: rule.id, "only findings can read the layout (a \(rule.effect.kind) rule decides before the layout exists), even through a named condition"))
        }
        var seen: [String: SourceLocation] = [:]
        for rule in rules {
            if let first = seen[rule.id] {
                diagnostics.add(InputError(rule.location, key: rule.id, "duplicate rule id (first defined at \(first))"))
            } else {
                seen[rule.id] = rule.location
            }
        }
        var cases: [RuleCase] = []
        for doc in caseDocs.sorted(by: { $0.area < $1.area }) {
            cases += ruleDecoder.cases(doc.node, area: doc.area, ruleIDs: Set(seen.keys), decisions: references.decisions)
        }
        let order = decisionOrder(decisions: decisions, rules: rules, conditions: conditions, diagnostics: diagnostics)
        guard diagnostics.errors.isEmpty else { throw InputErrors(diagnostics.errors) }
        return RuleSet(name: name, version: version, groups: groups, questions: questions, decisions: decisions,
                       decisionOrder: order, sources: sources, facts: facts, conditions: conditions, rules: rules,
                       cases: cases, areas: ruleDocs.map(\.area).sorted())
    }

    /// NSString's lastPathComponent; for a name without a trailing slash that is the text after the last slash,
    /// found without bridging to NSString (a few percent of a start with the bundled rules).
    static func lastPathComponent(_ name: String) -> String {
        guard !name.isEmpty, !name.hasSuffix("/") else { return (name as NSString).lastPathComponent }
        return name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
    }

    /// The name with every `.yaml` and then every `.yml` removed, as Foundation's replacingOccurrences did;
    /// in ASCII (each byte a character) the usual `.yaml` suffix is cut directly.
    static func stem(_ base: String) -> String {
        if base.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }), base.hasSuffix(".yaml"), !base.dropLast(5).contains(".y") {
            return String(base.dropLast(5))
        }
        return base.replacingOccurrences(of: ".yaml", with: "").replacingOccurrences(of: ".yml", with: "")
    }

    /// Decisions a condition reads, following named conditions; nil when refs form a cycle.
    static func expandedDecisions(_ condition: Condition, conditions: [String: Condition], visiting: Set<String>) -> Set<String>? {
        var out = Set(condition.decisionsRead)
        for name in condition.refsRead {
            if visiting.contains(name) { return nil }
            guard let inner = conditions[name] else { continue }
            guard let more = expandedDecisions(inner, conditions: conditions, visiting: visiting.union([name])) else { return nil }
            out.formUnion(more)
        }
        return out
    }

    /// Layout properties a condition reads, following named conditions (a cycle is reported elsewhere).
    static func expandedLayout(_ condition: Condition, conditions: [String: Condition], visiting: Set<String>) -> Set<String> {
        var out = Set(condition.layoutRead)
        for name in condition.refsRead where !visiting.contains(name) {
            guard let inner = conditions[name] else { continue }
            out.formUnion(expandedLayout(inner, conditions: conditions, visiting: visiting.union([name])))
        }
        return out
    }

    /// Orders decisions so each comes after those its rules read; records an error naming any cycle.
    static func decisionOrder(decisions: [DecisionPoint], rules: [Rule], conditions: [String: Condition],
                              diagnostics: Diagnostics) -> [String] {
        var dependsOn: [String: Set<String>] = [:]
        var because: [String: SourceLocation] = [:]
        for decision in decisions {
            dependsOn[decision.id, default: []].formUnion(decision.after)
            for dep in decision.after where !decisions.contains(where: { $0.id == dep }) {
                diagnostics.add(InputError(decision.location, key: "after", "unknown decision '\(dep)'",
                                           allowed: decisions.map(\.id), suggestion: nearest(dep, in: decisions.map(\.id))))
            }
        }
        for rule in rules {
            guard let decision = rule.decision else { continue }
            if case .finding = rule.effect { continue }
            let read = expandedDecisions(rule.when, conditions: conditions, visiting: []) ?? []
            for dep in read where dep != decision || true {
                if dep == decision {
                    diagnostics.add(InputError(rule.location, key: rule.id, "a rule cannot read the decision it acts on ('\(decision)')"))
                    continue
                }
                if !(dependsOn[decision]?.contains(dep) ?? false) { because["\(decision)>\(dep)"] = rule.location }
                dependsOn[decision, default: []].insert(dep)
            }
        }
        // System-wide decisions are resolved before the APIs exist, so they cannot read per-API ones.
        let scopes = Dictionary(decisions.map { ($0.id, $0.scope) }, uniquingKeysWith: { first, _ in first })
        for decision in decisions where decision.scope == .system {
            for dep in (dependsOn[decision.id] ?? []).sorted() where scopes[dep] == .api {
                diagnostics.add(InputError(because["\(decision.id)>\(dep)"] ?? decision.location, key: decision.id,
                                           "the system-wide decision '\(decision.id)' cannot come after the per-API decision '\(dep)'"))
            }
        }
        // Kahn's algorithm, taking ready decisions in file order so the result is stable.
        var order: [String] = []
        var done = Set<String>()
        let ids = decisions.map(\.id)
        while order.count < ids.count {
            guard let next = ids.first(where: { !done.contains($0) && (dependsOn[$0] ?? []).subtracting(done).allSatisfy { !ids.contains($0) } }) else {
                let stuck = ids.filter { !done.contains($0) }
                let cycle = findCycle(in: stuck, dependsOn: dependsOn)
                let location = cycle.count > 1 ? because["\(cycle[0])>\(cycle[1])"] : nil
                diagnostics.add(InputError(location ?? decisions.first?.location ?? SourceLocation(file: "decisions.yaml"),
                                           "decisions depend on each other in a cycle: \(cycle.joined(separator: " -> "))"))
                return order + stuck
            }
            order.append(next)
            done.insert(next)
        }
        return order
    }

    private static func findCycle(in nodes: [String], dependsOn: [String: Set<String>]) -> [String] {
        guard let start = nodes.first else { return [] }
        var path = [start]
        var current = start
        while true {
            guard let next = (dependsOn[current] ?? []).sorted().first(where: { nodes.contains($0) }) else { return path }
            if let index = path.firstIndex(of: next) { return Array(path[index...]) + [next] }
            path.append(next)
            current = next
        }
    }
}
