import Foundation
import Testing
@testable import AdvisorCore

/// The pre-parsed bundled rules (scripts/embed-rules.py) are exactly what Yams makes of the same YAML.
@Suite struct PreparsedRulesTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func preparsedFormIsPresent() {
        // Without it every command parses the bundled YAML at start-up, about 15 times slower.
        #expect(BundledRules.hasPreparsedForm,
                "BundledRules.preparsed is missing or does not decode: run scripts/embed-rules.py and read its note")
    }

    @Test func everyNodeMatchesYams() throws {
        let documents = try #require(BundledRules.preparsedDocuments())
        #expect(documents.map(\.name) == BundledRules.files.map(\.name))
        for (document, file) in zip(documents, BundledRules.files) {
            let parsed = try DocNode.parse(file.text, file: file.name)
            if let difference = Self.difference(document.node, parsed, path: file.name) {
                Issue.record("pre-parsed form differs from Yams: \(difference)")
            }
        }
    }

    @Test func ruleSetMatchesTheYAMLPath() throws {
        let fast = try BundledRules.load()
        let yaml = try RuleSetLoader.load(files: BundledRules.files)
        Self.expectSame(fast, yaml, sameFileNames: true)
    }

    @Test func ruleSetMatchesTheRulesFolder() throws {
        let fast = try BundledRules.load()
        let folder = try RuleSetLoader.load(directory: Self.repoRoot.appendingPathComponent("rules").path)
        Self.expectSame(fast, folder, sameFileNames: false)
    }

    @Test func encodeDecodeRoundTrip() throws {
        let text = "a: 1\nb: [x, 'y', ~, true, 2.5]\nc: |\n  two\n  lines\nd: {\"é\": ok}\n"
        let node = try DocNode.parse(text, file: "t.yaml")
        let form = PreparsedDocuments.encode([RuleDocument(name: "t.yaml", node: node)])
        let decoded = try #require(PreparsedDocuments.decode(form))
        #expect(decoded.count == 1)
        #expect(Self.difference(decoded[0].node, node, path: "t.yaml") == nil)
    }

    @Test func skippedFilesAreLeftOut() throws {
        let all = try #require(BundledRules.preparsedDocuments())
        let text = try #require(BundledRules.preparsed)
        let some = try #require(PreparsedDocuments.decode(text, skip: { $0.hasSuffix(".cases.yaml") }))
        #expect(some.map(\.name) == all.map(\.name).filter { !$0.hasSuffix(".cases.yaml") })
        #expect(try BundledRules.load(includingCases: false).cases.isEmpty)
        #expect(try BundledRules.load(includingCases: false).rules.count == BundledRules.load().rules.count)
    }

    @Test(arguments: ["", "apigw-doc 2\nend\n", "apigw-doc 1\n@3:a.y,15\nS1,1,9:short\nend\n",
                      "apigw-doc 1\n@3:a.y,18\nm1,1,1:\nS1,1,1:k\n", "apigw-doc 1\n@3:a.y,10\nX1,1,1:k\nend\n",
                      "apigw-doc 1\n@3:a.y,10\nS1,1,1:k\nend\nmore", "apigw-doc 1\n@3:a.y,11\nS1,1,1:k\nend\n",
                      "apigw-doc 1\n@3:a.y\nS1,1,1:k\nend\n"])
    func malformedFormIsRejected(_ text: String) {
        #expect(PreparsedDocuments.decode(text) == nil)
    }

    /// The first difference between two trees (kind, text, scalar type, line, column), or nil.
    static func difference(_ a: DocNode, _ b: DocNode, path: String) -> String? {
        if a.location != b.location { return "\(path): location \(a.location) vs \(b.location)" }
        switch (a.value, b.value) {
        case let (.scalar(x, xt), .scalar(y, yt)):
            return x == y && xt == yt ? nil : "\(path): scalar \(x.debugDescription) \(xt) vs \(y.debugDescription) \(yt)"
        case let (.sequence(xs), .sequence(ys)):
            guard xs.count == ys.count else { return "\(path): \(xs.count) vs \(ys.count) items" }
            for (index, (x, y)) in zip(xs, ys).enumerated() {
                if let found = difference(x, y, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case let (.mapping(xs), .mapping(ys)):
            guard xs.count == ys.count else { return "\(path): \(xs.count) vs \(ys.count) keys" }
            for (x, y) in zip(xs, ys) {
                let key = x.key.scalarText ?? "?"
                if let found = difference(x.key, y.key, path: "\(path).\(key)") ?? difference(x.value, y.value, path: "\(path).\(key)") {
                    return found
                }
            }
            return nil
        default:
            return "\(path): \(a.kindName) vs \(b.kindName)"
        }
    }

    /// Compares what the engine and the linter read; with different file names, locations compare by line and column.
    static func expectSame(_ a: RuleSet, _ b: RuleSet, sameFileNames: Bool) {
        func place(_ location: AdvisorCore.SourceLocation) -> String {
            sameFileNames ? location.description : "\((location.file as NSString).lastPathComponent):\(location.line):\(location.column)"
        }
        #expect(a.name == b.name && a.version == b.version)
        #expect(a.groups == b.groups)
        #expect(a.decisionOrder == b.decisionOrder)
        #expect(a.areas == b.areas)
        #expect(a.sources == b.sources && a.facts == b.facts)
        #expect(a.conditions == b.conditions)
        func summary(_ decision: DecisionPoint) -> [String] {
            [decision.id, decision.title, decision.question, decision.defaultOption, place(decision.location)] + decision.after
        }
        #expect(a.decisions.map(summary) == b.decisions.map(summary))
        #expect(a.decisions.map(\.options) == b.decisions.map(\.options))
        #expect(a.questions.map(\.id) == b.questions.map(\.id))
        for (x, y) in zip(a.questions, b.questions) {
            #expect(x.kind == y.kind && x.group == y.group && x.prompt == y.prompt && x.help == y.help, "question \(x.id)")
            #expect(x.choices == y.choices && x.defaultValue == y.defaultValue && x.askIf == y.askIf, "question \(x.id)")
            #expect(x.unit == y.unit && x.min == y.min && x.max == y.max && x.pattern == y.pattern, "question \(x.id)")
            #expect(place(x.location) == place(y.location), "question \(x.id)")
        }
        #expect(a.rules.map(\.id) == b.rules.map(\.id))
        for (x, y) in zip(a.rules, b.rules) {
            #expect(x.decision == y.decision && x.when == y.when && x.effect == y.effect, "rule \(x.id)")
            #expect(x.reason == y.reason && x.tradeoff == y.tradeoff && x.facts == y.facts && x.area == y.area, "rule \(x.id)")
            #expect(place(x.location) == place(y.location), "rule \(x.id)")
        }
        #expect(a.cases.map(\.name) == b.cases.map(\.name))
        for (x, y) in zip(a.cases, b.cases) {
            #expect(x.fires == y.fires && x.notFires == y.notFires && x.area == y.area, "case \(x.name)")
            #expect(x.expect.map { "\($0.decision)=\($0.option)" } == y.expect.map { "\($0.decision)=\($0.option)" }, "case \(x.name)")
            #expect(place(x.location) == place(y.location), "case \(x.name)")
        }
    }
}
