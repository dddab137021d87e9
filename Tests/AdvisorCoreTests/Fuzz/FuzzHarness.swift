import Foundation
import Yams
@testable import AdvisorCore

/// A seeded, bounded mutation fuzzer over the answers parser, the rules loader and the generators.
///
/// Each input is a seed file (the examples, the bundled rule files, a few hostile snippets) changed
/// by one to four mutations: byte changes, YAML and Unicode tokens that broke the tool before
/// (aliases, line separators, C1 controls, huge numbers, repeated path parameters), deletions,
/// repeated chunks and lines spliced from another seed. Every input must end in either a located
/// error or advice whose reports are inert and whose generated files read back as YAML with the
/// same top-level sections. Crashes end the process: with `FUZZ_CURRENT` set, each input is written
/// there first, so the crashing one is left behind (scripts/fuzz.sh keeps it).
struct FuzzHarness {
    /// What a run found.
    struct Figures: Codable, CustomStringConvertible {
        var seed: UInt64 = 0
        var answersInputs = 0
        var rulesInputs = 0
        var accepted = 0
        var locatedErrors = 0
        var unlocatedErrors = 0
        var hangs = 0
        var failures: [String] = []
        var slowestMilliseconds = 0.0

        var description: String {
            "seed \(seed): \(answersInputs) answers files and \(rulesInputs) rules folders tried, \(accepted) accepted, "
                + "\(locatedErrors) located errors, \(unlocatedErrors) unlocated, \(hangs) hangs (over \(Int(FuzzHarness.hangSeconds * 1000)) ms), "
                + "\(failures.count) failures, slowest \(Int(slowestMilliseconds)) ms"
        }
    }

    /// An input that takes longer than this counts as a hang (FUZZ_HANG_MS; 20 s by default, since the
    /// suite runs a debug build on shared cores, where loading, linting and generating from a mutated
    /// rules folder takes about a second on a quiet machine and was seen at 11 s beside four other builds;
    /// the alias bombs this guards against took 41 s).
    static let hangSeconds = Double(ProcessInfo.processInfo.environment["FUZZ_HANG_MS"].flatMap(Int.init) ?? 20_000) / 1000
    /// Mutated inputs are cut to this size; the parser's own 4 MB limit is tested elsewhere.
    static let maxInputBytes = 64 * 1024

    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Tokens that once broke the tool, or that YAML gives a meaning.
    static let tokens: [String] = [
        "&a ", "*a", "<<: *a\n", "[", "]", "{", "}", ": ", "- ", "\n", "\t", "\"", "'", "#", "!!str ", "!!binary ", "!custom ",
        "\u{2028}", "\u{2029}", "\u{85}", "\u{1B}[2J", "\u{1B}]52;c;aGk=\u{7}", "\u{9B}", "\u{0}", "\u{FEFF}", "\r", "\r\n",
        "%YAML 1.1\n", "---\n", "...\n", "1e300", "-1", "99999999999999999999", "0x1F", "0o17", ".inf", ".nan", "~", "null", "yes",
        "{id}", "{proxy+}", "/{id}/{id}", "\\x85", "\\u2028", "</details><script>", "|\n", ">-\n", "? ", "*", "&", "@", "`",
        "services:\n  - name: x\n    resources:\n      - {path: /x, methods: [GET]}\n", "a: &b [x, x, x, x]\nc: [*b, *b, *b, *b]\n",
        String(repeating: "[", count: 120), String(repeating: "- ", count: 120), "é", "😀", "\u{202E}",
    ]

    var random: SplitMix
    var figures = Figures()
    let rules: RuleSet
    let answerSeeds: [String]
    let ruleFiles: [RuleFile]
    let ruleDocuments: [RuleDocument]
    let currentPath: String?
    /// The top-level sections a SAM template or an OpenAPI document may have (plus `x-amazon-apigateway-*`):
    /// anything else was injected.
    static let knownTopLevelKeys: Set<String> = [
        "AWSTemplateFormatVersion", "Transform", "Description", "Metadata", "Parameters", "Mappings", "Conditions", "Globals",
        "Resources", "Outputs", "openapi", "info", "servers", "paths", "components", "security", "tags",
    ]

    init(seed: UInt64, rules: RuleSet) throws {
        random = SplitMix(state: seed)
        figures.seed = seed
        self.rules = rules
        currentPath = ProcessInfo.processInfo.environment["FUZZ_CURRENT"].flatMap { $0.isEmpty ? nil : $0 }
        let examples = Self.repoRoot.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".yaml") }.sorted()
        answerSeeds = try names.map { try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8) } + [
            "api-name: shop\nservices:\n  - name: orders\n    team: checkout\n    resources:\n      - {path: \"/items/{id}\", methods: [GET]}\n",
            "{\"services\": [{\"name\": \"a\", \"resources\": [{\"path\": \"/a\", \"methods\": [\"GET\"]}]}], \"consumers\": [\"browser\"]}\n",
        ]
        ruleFiles = try RuleSetLoader.files(inDirectory: Self.repoRoot.appendingPathComponent("rules").path)
        ruleDocuments = try ruleFiles.map { RuleDocument(name: $0.name, node: try DocNode.parse($0.text, file: $0.name)) }
    }

    // MARK: mutation

    mutating func mutate(_ text: String, other: String) -> String {
        var bytes = Array(text.utf8)
        for _ in 0...random.below(4) {
            let position = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
            switch random.below(7) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
            case 1, 2:
                bytes.insert(contentsOf: Array(Self.tokens[random.below(Self.tokens.count)].utf8), at: position)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + random.below(32))
                bytes.removeSubrange(min(position, end)..<end)
            case 4 where !bytes.isEmpty:
                let start = min(position, bytes.count - 1), end = min(bytes.count, start + 1 + random.below(64))
                let chunk = Array(bytes[start..<end])
                for _ in 0..<(1 + random.below(8)) { bytes.insert(contentsOf: chunk, at: start) }
            case 5:
                let lines = other.split(separator: "\n", omittingEmptySubsequences: false)
                if let line = lines.isEmpty ? nil : lines[random.below(lines.count)] {
                    bytes.insert(contentsOf: Array((line + "\n").utf8), at: position)
                }
            default:
                // A line-start position, so block structure changes too.
                let newline = bytes[..<min(position, bytes.count)].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                bytes.insert(contentsOf: Array(Self.tokens[random.below(Self.tokens.count)].utf8), at: newline)
            }
        }
        if bytes.count > Self.maxInputBytes { bytes.removeLast(bytes.count - Self.maxInputBytes) }
        // Invalid UTF-8 is checked on the way in from disk (TextLocation.decodeUTF8); keep the bytes' location check.
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        do {
            _ = try TextLocation.decodeUTF8(bytes, file: "fuzz.yaml")
            figures.failures.append("invalid UTF-8 was accepted")
        } catch {
            record(InputErrors([error]), input: "<bytes>")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: checks

    /// Errors that concern the whole file (or folder) and rightly have no line.
    static func isFileLevel(_ error: InputError) -> Bool {
        ["the file is empty", "the file is ", "missing file", "rules folder"].contains { error.message.hasPrefix($0) }
    }

    mutating func record(_ errors: InputErrors, input: String) {
        for error in errors.errors {
            if error.location.line > 0 || Self.isFileLevel(error) {
                figures.locatedErrors += 1
            } else {
                figures.unlocatedErrors += 1
                if figures.unlocatedErrors <= 5 { figures.failures.append("unlocated: \(error.description.prefix(200))") }
            }
        }
        let text = errors.description
        if text.unicodeScalars.contains(where: Inert.isUnsafe) {
            figures.failures.append("error message not inert: \(Inert.quoted(text, limit: 200))")
        }
    }

    mutating func timed(_ input: String, _ body: (inout FuzzHarness) -> Void) {
        if let currentPath { try? Data(input.utf8).write(to: URL(fileURLWithPath: currentPath)) }
        let start = DispatchTime.now().uptimeNanoseconds
        body(&self)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        figures.slowestMilliseconds = max(figures.slowestMilliseconds, seconds * 1000)
        if seconds > Self.hangSeconds {
            figures.hangs += 1
            figures.failures.append("took \(Int(seconds * 1000)) ms: \(Inert.quoted(input, limit: 120))")
        }
    }

    /// Advice and every output from `answers`, checked.
    mutating func checkOutputs(_ answers: Answers, rules: RuleSet, input: String) {
        let advice = Engine(rules: rules).advise(answers)
        let context = ReportContext(answersFile: "fuzz\u{2028}name.yaml", date: "2026-01-01", rules: rules)
        let markdown = MarkdownExporter.render(advice, context: context)
        let json = JSONExporter.render(advice, context: context)
        for (name, text) in [("markdown", markdown), ("JSON", json)] where text.unicodeScalars.contains(where: Inert.isUnsafe) {
            figures.failures.append("\(name) not inert for \(Inert.quoted(input, limit: 120))")
        }
        if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
            figures.failures.append("JSON does not parse for \(Inert.quoted(input, limit: 120))")
        }
        _ = SummaryRenderer.render(advice, context: context, why: true)
        guard let files = try? SkeletonGenerator.files(advice, context: context, recordName: "rec\u{85}.md") else { return }
        for file in files {
            guard let loaded = (try? Yams.load(yaml: file.text)) as? [String: Any] else {
                figures.failures.append("\(file.path) does not read back as a YAML mapping for \(Inert.quoted(input, limit: 120))")
                continue
            }
            let extra = Set(loaded.keys).subtracting(Self.knownTopLevelKeys).filter { !$0.hasPrefix("x-amazon-apigateway-") }
            if !extra.isEmpty { figures.failures.append("\(file.path) gained sections \(extra.sorted()) for \(Inert.quoted(input, limit: 120))") }
        }
    }

    // MARK: runs

    mutating func fuzzAnswers(count: Int) {
        for _ in 0..<count {
            let seed = answerSeeds[random.below(answerSeeds.count)]
            let input = mutate(seed, other: answerSeeds[random.below(answerSeeds.count)])
            figures.answersInputs += 1
            timed(input) { harness in
                do throws(InputErrors) {
                    let answers = try Answers.parse(input, file: "fuzz.yaml", rules: harness.rules)
                    harness.figures.accepted += 1
                    harness.checkOutputs(answers, rules: harness.rules, input: input)
                } catch {
                    harness.record(error, input: input)
                }
            }
        }
    }

    mutating func fuzzRules(count: Int) {
        let example = answerSeeds.first ?? ""
        for _ in 0..<count {
            let index = random.below(ruleFiles.count)
            let file = ruleFiles[index]
            let input = mutate(file.text, other: ruleFiles[random.below(ruleFiles.count)].text)
            figures.rulesInputs += 1
            timed(input) { harness in
                let node: DocNode
                do throws(InputError) {
                    node = try DocNode.parse(input, file: file.name)
                } catch {
                    harness.record(InputErrors([error]), input: input)
                    return
                }
                var documents = harness.ruleDocuments
                documents[index] = RuleDocument(name: file.name, node: node)
                do throws(InputErrors) {
                    let rules = try RuleSetLoader.load(documents: documents)
                    harness.figures.accepted += 1
                    _ = RuleLinter.lint(rules)
                    if let answers = try? Answers.parse(example, file: "example.yaml", rules: rules) {
                        harness.checkOutputs(answers, rules: rules, input: input)
                    }
                } catch {
                    harness.record(error, input: input)
                }
            }
        }
    }
}

/// SplitMix64: small, fast and the same on every machine, so a seed names a run.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
