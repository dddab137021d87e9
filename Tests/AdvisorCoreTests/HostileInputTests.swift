import Foundation
import Testing
@testable import AdvisorCore
import BundledRules

/// Hostile and broken input (issue 10): bounded work, located errors, inert messages.
@Suite struct HostileInputTests {
    let rules: RuleSet

    init() throws { rules = try EngineFixture.ruleSet("rules: []\n") }

    func problems(_ text: String) -> [InputError] { EngineFixture.problems(text, rules: rules) }

    /// Nine levels of nine aliases: 9^9 (387 million) strings from a few hundred bytes.
    static let aliasBomb: String = {
        var lines = [#"a: &a ["x","x","x","x","x","x","x","x","x"]"#]
        let names = (0..<10).map { String(UnicodeScalar(UInt8(97 + $0))) }
        for level in 1..<10 {
            lines.append("\(names[level]): &\(names[level]) [" + Array(repeating: "*" + names[level - 1], count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\nowner: *j\n"
    }()

    @Test func aliasBombIsRefusedWithALocationBeforeExpansion() {
        let clock = ContinuousClock()
        var errors: [InputError] = []
        let elapsed = clock.measure { errors = problems(Self.aliasBomb) }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("aliases are expanded") == true, "\(errors)")
        #expect((errors.first?.location.line ?? 0) > 0 && (errors.first?.location.column ?? 0) > 0)
        #expect(elapsed < .seconds(10), "bounded (41 s and a crash before the budget; generous so a loaded machine cannot fail it): \(elapsed)")
    }

    @Test func aliasBombInARulesFileIsRefusedToo() {
        do {
            _ = try RuleSetLoader.load(files: [RuleFile(name: "r/questions.yaml", text: Self.aliasBomb)])
            Issue.record("loaded an alias bomb")
        } catch {
            #expect(error.errors.first?.location.file == "r/questions.yaml")
            #expect(error.errors.first?.message.contains("aliases are expanded") == true, "\(error)")
        }
    }

    @Test func tooManyAliasesAndTooDeepAreRefused() {
        let many = "x: &x 1\nlist: [" + Array(repeating: "*x", count: 10_001).joined(separator: ",") + "]\n"
        #expect(problems(many).first?.message.contains("aliases") == true)
        let deepFlow = "owner: " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150) + "\n"
        #expect(problems(deepFlow).first?.message.contains("levels deep") == true)
        let deepBlock = "owner:\n" + String(repeating: "- ", count: 150) + "x\n"
        let error = problems(deepBlock).first
        #expect(error?.message.contains("levels deep") == true)
        #expect(error?.location.line == 2)
        // Depth through an alias: 60 levels named and used 60 levels down is 120 when expanded.
        let nested = String(repeating: "[", count: 60) + "1" + String(repeating: "]", count: 60)
        let viaAlias = "a: &a \(nested)\nowner: \(String(repeating: "[", count: 60))*a\(String(repeating: "]", count: 60))\n"
        #expect(problems(viaAlias).first?.message.contains("levels deep") == true)
    }

    @Test func ordinaryAliasesStillWork() throws {
        let answers = try Answers.parse("tags: &t [a, b]\nowner: me\n", file: "a.yaml", rules: rules)
        #expect(answers.values["owner"] != nil)
    }

    @Test func controlCharactersAreLocatedAndShownByCodePoint() {
        let error = problems("owner: \"a\u{1}b\"\n").first
        #expect(error?.location.line == 1 && error?.location.column == 10, "\(String(describing: error))")
        #expect(error?.message.contains("U+0001") == true)
        let c1 = problems("color: blue\nowner: a\u{9B}b\n").first
        #expect(c1?.location.line == 2 && c1?.location.column == 9, "\(String(describing: c1))")
        #expect(c1?.description.unicodeScalars.contains { $0.value == 0x9B } == false, "the C1 control itself is not printed")
    }

    @Test func invalidUTF8IsLocated() {
        #expect(throws: InputError.self) { try TextLocation.decodeUTF8(Array("ok: 1\nowner: a".utf8) + [0xFF], file: "a.yaml") }
        do {
            _ = try TextLocation.decodeUTF8(Array("ok: 1\nowner: é".utf8) + [0xC3, 0x28], file: "a.yaml")
        } catch {
            #expect(error.location.line == 2)
            #expect(error.location.column == 9)
            #expect(error.message.contains("0xC3"))
        }
        #expect(TextLocation.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0, "surrogates are not UTF-8")
        #expect(TextLocation.firstInvalidUTF8([0xF0, 0x9F, 0x98, 0x80]) == 4)
    }

    @Test func errorsAtTheEndOfAFileWithoutAFinalBreakStayOnItsLastLine() {
        let error = problems("color: [blue").first
        #expect(error?.location.line == 1, "\(String(describing: error))")
        #expect(error?.location.column == 13)
        let three = problems("color: blue\nowner: me\ntags: [a").first
        #expect(three?.location.line == 3, "\(String(describing: three))")
        #expect(three?.location.column == 9)
    }

    @Test func didYouMeanIsBoundedOnHugeKeys() {
        let key = String(repeating: "colour", count: 600_000)
        let clock = ContinuousClock()
        var errors: [InputError] = []
        let elapsed = clock.measure { errors = problems("\(key): blue\n") }
        #expect(errors.first?.suggestion == nil)
        #expect(elapsed < .seconds(10), "bounded (generous so a loaded machine cannot fail it): \(elapsed)")
        #expect((errors.first?.description.count ?? 0) < 2_000, "the key is cut short in the message")
        #expect(nearest("colr", in: ["color", "flag"]) == "color")
    }

    @Test func errorMessagesAreInert() {
        let error = InputError(SourceLocation(file: "a\u{1B}]52;c;aGk=\u{7}.yaml", line: 1, column: 1), key: "k\u{9B}2J",
                               "value '\u{1B}[2J' is not allowed", allowed: ["a\u{85}b"])
        let text = error.description
        #expect(!text.unicodeScalars.contains { Inert.isUnsafe($0) }, "\(text)")
        #expect(text.contains("\\u{1B}[2J"))
        #expect(text.contains("\\u{9B}2J"))
    }
}

/// Values that passed validation but broke later (items 7 and 8), with the bundled rules.
@Suite struct InvalidOutputTests {
    let rules: RuleSet

    init() throws { rules = try BundledRules.load(includingCases: false) }

    func problems(_ text: String) -> [InputError] { EngineFixture.problems(text, rules: rules) }

    func service(_ name: String, path: String = "/orders", team: String? = nil) -> String {
        "services:\n  - name: \(name)\n" + (team.map { "    team: \($0)\n" } ?? "") + "    resources:\n      - {path: \(path), methods: [GET]}\n"
    }

    @Test func repeatedPathParametersAreRefused() {
        let error = problems(service("orders", path: "\"/items/{id}/{id}\"")).first
        #expect(error?.message.contains("appears twice") == true, "\(String(describing: error))")
        #expect(error?.location.line == 4)
        #expect(LayoutCheck.pathProblem("/items/{id}/{id+}")?.contains("twice") == true)
        #expect(problems(service("orders", path: "\"/items/{id}/sub/{subId}\"")).isEmpty)
    }

    @Test func trailingLineBreaksAreRefusedInNamesPathsAndPatterns() {
        for ending in ["\\n", "\\r", "\\x85", "\\u2028", "\\u2029"] {
            #expect(!problems(service("\"orders\(ending)\"")).isEmpty, "service name ending in \(ending)")
            #expect(!problems(service("orders", path: "\"/orders\(ending)\"")).isEmpty, "path ending in \(ending)")
            #expect(!problems("api-name: \"shop\(ending)\"\n").isEmpty, "api-name ending in \(ending)")
            #expect(!problems(service("orders", team: "\"checkout\(ending)\"")).isEmpty, "team ending in \(ending)")
        }
        #expect(problems(service("orders", team: "Checkout & Payments")).isEmpty, "ordinary team names stay valid")
    }

    @Test func hugeNumbersAreRefusedWhereTheyEnter() throws {
        let message = problems("max-duration: 1e300\n").first?.message ?? ""
        #expect(message.contains("too large") || message.contains("out of range"), "\(message)")
        let extra = """

              - {id: huge, group: g, kind: number, prompt: P, help: H, max: 1e300}
              - {id: lower, group: g, kind: number, prompt: P, help: H, min: 5, max: 1}
            """
        let files = EngineFixture.files(rules: "rules: []\n").map { file in
            file.name == "questions.yaml" ? RuleFile(name: file.name, text: file.text + extra) : file
        }
        let errors = EngineFixture.loadErrors(files)
        #expect(errors.contains { $0.location.file == "questions.yaml" && $0.location.line > 0 && $0.message.contains("beyond what the engine handles") },
                "\(errors)")
        #expect(errors.contains { $0.message.contains("below min") }, "\(errors)")
        let unlimited = EngineFixture.files(rules: "rules: []\n").map { file in
            file.name == "questions.yaml" ? RuleFile(name: file.name, text: file.text + "\n  - {id: free, group: g, kind: number, prompt: P, help: H}") : file
        }
        let rules = try RuleSetLoader.load(files: unlimited)
        do {
            _ = try Answers.parse("free: 1e300\n", file: "a.yaml", rules: rules)
            Issue.record("accepted 1e300")
        } catch {
            #expect(error.errors.first?.message.contains("too large") == true)
        }
    }

    @Test func functionTimeoutIsClampedBeforeConversion() throws {
        let answers = try Answers.parse(service("orders") + "max-duration: 86400\n", file: "a.yaml", rules: rules)
        var advice = Engine(rules: rules).advise(answers)
        let context = ReportContext(answersFile: "a.yaml", date: "2026-01-01", rules: rules)
        #expect(try GenerationPlan(advice: advice, context: context, recordName: "r").functionTimeout == 900)
        // A value no Int holds (what a rules folder allowing 1e300 let through) trapped in Int(_:).
        for huge in [1e300, -1e300, Double.infinity, Double.nan] {
            guard let index = advice.context.firstIndex(where: { $0.question == "max-duration" }) else { return }
            advice.context[index].value = .number(huge)
            let timeout = try GenerationPlan(advice: advice, context: context, recordName: "r").functionTimeout
            #expect((3...900).contains(timeout), "\(huge) -> \(timeout)")
        }
    }

    @Test func duplicateRoutesAcrossServicesOnASharedAPIAreReportedByAdvise() throws {
        let text = "api-name: shop\nservices:\n" + ["a", "b"].map {
            "  - name: \($0)\n    team: t\n    deploys-independently: false\n    resources:\n      - {path: /x, methods: [GET]}\n"
        }.joined()
        let advice = Engine(rules: rules).advise(try Answers.parse(text, file: "a.yaml", rules: rules))
        #expect(advice.decisions.first { $0.decision == "api-count" }?.chosen == "shared")
        #expect(advice.findings.contains { $0.rule == "layout.duplicate-route" && $0.severity == .error })
    }

    @Test func aTemplateOverFiveHundredResourcesIsAFinding() throws {
        let text = "services:\n" + (0..<300).map { "  - name: s\($0)\n    resources:\n      - {path: /s\($0), methods: [GET]}\n" }.joined()
        let advice = Engine(rules: rules).advise(try Answers.parse(text, file: "a.yaml", rules: rules))
        let finding = advice.findings.first { $0.rule == "layout.cloudformation-template-resources" }
        #expect(finding != nil, "\(advice.findings.map(\.rule))")
        #expect(finding?.facts.contains { $0.id == "cfn-500-resources" } == true)
        let small = Engine(rules: rules).advise(try Answers.parse(service("orders"), file: "a.yaml", rules: rules))
        #expect(!small.findings.contains { $0.rule.hasPrefix("layout.cloudformation") })
    }
}
