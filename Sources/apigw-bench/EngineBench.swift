import AdvisorCore
import Foundation
import BundledRules

/// In-process figures: loading rule sets and running the engine at scale, and the bundled rules.
struct EngineBench {
    let options: BenchOptions

    static let section = "Engine (in-process)"
    static let ruleSizes = [1_000, 10_000]
    static let serviceSizes = [50, 500, 1_000]

    static func adviseFigure(rules: Int, services: Int) -> String {
        "advise: \(rules.grouped) rules x \(services.grouped) services"
    }

    func run(into report: inout Report) {
        bundled(into: &report)
        for ruleCount in Self.ruleSizes {
            let synthetic = SyntheticRules(rules: ruleCount)
            guard let rules = load(synthetic, into: &report) else { continue }
            let engine = Engine(rules: rules)
            for services in Self.serviceSizes {
                let answers = SyntheticAnswers.answers(for: synthetic, services: services)
                // The engine's budget figure: decisions, layout, findings and the estimate, as `generate` and the
                // interview's live pane need them. What-would-change (alternative answers resolved again) is timed on
                // its own below: on these synthetic sets it is most of `advise` and grows with rules x questions.
                let first = engine.advise(answers, whatWouldChange: false)
                let sample = measure(warmups: 2, runs: options.engineRuns) { blackHole(engine.advise(answers, whatWouldChange: false)) }
                let figure = Self.adviseFigure(rules: ruleCount, services: services)
                var note = "without what-would-change"
                if ruleCount == 1_000 && services == 500 { note += "; budget: " + verdict(sample.median, under: 50) }
                if ruleCount == 10_000 && services == 1_000 { note += "; budget: " + verdict(sample.median, under: 500) }
                report.add(Self.section, figure, sample, note: note)
                if ruleCount <= 1_000 {
                    whatWouldChange(engine, answers, figure: figure, into: &report)
                } else {
                    // One run on 10,000 synthetic rules takes minutes (every alternative resolves every decision again).
                    report.add(Self.section, figure + ", with what-would-change", nil,
                               note: "not timed: one run takes minutes on 10,000 rules (docs/benchmarks.md)")
                }
                let fired = first.decisions.reduce(0) { $0 + $1.fired.count } + first.findings.count
                let routes = first.layout.apis.reduce(0) { $0 + $1.routes.count }
                report.notes.append("\(figure): \(fired) rule firings and findings, \(first.layout.apis.count) API(s), "
                                    + "\(routes) routes, \(first.layout.functions.count) functions per advice.")
            }
        }
        growth(into: &report)
    }

    /// `advise` with what-would-change, repeated only while one run stays under two seconds (a longer one is
    /// reported as a single run, so the benchmark never runs for hours).
    private func whatWouldChange(_ engine: Engine, _ answers: Answers, figure: String, into report: inout Report) {
        let start = monotonicNanos()
        blackHole(engine.advise(answers))
        let once = Double(monotonicNanos() - start) / 1e6
        if once > 2_000 {
            report.add(Self.section, figure + ", with what-would-change", Sample(millis: [once]),
                       note: "one run (over 2 s, not repeated): what-would-change resolves the decisions again per alternative answer")
            return
        }
        let sample = measure(warmups: 1, runs: max(1, options.engineRuns / 3)) { blackHole(engine.advise(answers)) }
        report.add(Self.section, figure + ", with what-would-change", sample, note: "what `advise` runs for the record")
    }

    /// Loads the synthetic folder from YAML and from the compiled form; nil (with a row saying why) if it does not load.
    private func load(_ synthetic: SyntheticRules, into report: inout Report) -> RuleSet? {
        let count = synthetic.ruleCount.grouped
        var loaded: RuleSet?
        var failure: InputErrors?
        // YAML parsing costs about 0.1 s per 1,000 rules, so the 10,000-rule load runs fewer times.
        let runs = synthetic.ruleCount >= 10_000 ? max(1, options.engineRuns / 5) : options.engineRuns
        let yaml = measure(warmups: 1, runs: runs) {
            do throws(InputErrors) {
                loaded = try RuleSetLoader.load(files: synthetic.files)
            } catch {
                failure = error
            }
        }
        guard let rules = loaded, rules.rules.count == synthetic.ruleCount else {
            let reason = failure.map { String($0.description.prefix(300)) } ?? "wrong rule count"
            report.add(Self.section, "load \(count) rules", nil, note: "generator error: \(reason)")
            return nil
        }
        report.add(Self.section, "load \(count) rules from YAML (parse + check)", yaml)
        if let archive = try? BundledRuleArchive.archives(for: rules).ruleSet {
            let compiled = measure(warmups: 1, runs: options.engineRuns) {
                blackHole(try? ArchiveDecoder.decode(RuleSet.self, from: archive))
            }
            report.add(Self.section, "load \(count) rules from the compiled form (as bundled)", compiled)
        }
        return rules
    }

    /// The bundled rules: both load paths, and each example file parsed and advised in-process.
    private func bundled(into report: inout Report) {
        let section = Self.section
        let form = "compiled at build time"
        let start = measure(warmups: 2, runs: options.engineRuns) { blackHole(try? BundledRules.load(includingCases: false)) }
        report.add(section, "load bundled rules without cases (\(form))", start, note: "what every command but lint does at start")
        let preparsed = measure(warmups: 2, runs: options.engineRuns) { blackHole(try? BundledRules.load()) }
        report.add(section, "load bundled rules with cases (\(form))", preparsed, note: "what lint does")
        let yaml = measure(warmups: 2, runs: options.engineRuns) { blackHole(try? BundledRuleArchive.ruleSet(fromDirectory: options.rules)) }
        report.add(section, "load bundled rules from YAML (as `--rules DIR` does)", yaml)
        guard let rules = try? BundledRules.load() else { return }
        let examples = ExampleFiles.list(options.examples)
        let texts = examples.compactMap { path in (try? String(contentsOfFile: path, encoding: .utf8)).map { (path, $0) } }
        let engine = Engine(rules: rules)
        let sample = measure(warmups: 2, runs: options.engineRuns) {
            for (path, text) in texts {
                guard let answers = try? Answers.parse(text, file: path, rules: rules) else { continue }
                let advice = engine.advise(answers)
                let context = ReportContext(answersFile: path, date: "2026-01-01", rules: rules)
                blackHole(SummaryRenderer.render(advice, context: context))
            }
        }
        report.add(section, "parse + advise + summary, all \(texts.count) examples", sample)
    }

    private func growth(into report: inout Report) {
        func ratio(_ a: String, _ b: String) -> Double? {
            guard let x = report.sample(a)?.median, let y = report.sample(b)?.median, y > 0 else { return nil }
            return x / y
        }
        let section = "Growth (ratio of medians; budget ~10x for 10x more, no quadratic step)"
        let pairs: [(String, String, String)] = [
            ("10x rules at 50 services", Self.adviseFigure(rules: 10_000, services: 50), Self.adviseFigure(rules: 1_000, services: 50)),
            ("10x rules at 500 services", Self.adviseFigure(rules: 10_000, services: 500), Self.adviseFigure(rules: 1_000, services: 500)),
            ("10x rules at 1,000 services", Self.adviseFigure(rules: 10_000, services: 1_000), Self.adviseFigure(rules: 1_000, services: 1_000)),
            ("10x services at 1,000 rules", Self.adviseFigure(rules: 1_000, services: 500), Self.adviseFigure(rules: 1_000, services: 50)),
            ("10x services at 10,000 rules", Self.adviseFigure(rules: 10_000, services: 500), Self.adviseFigure(rules: 10_000, services: 50)),
            ("10x rules, loading from YAML", "load 10,000 rules from YAML (parse + check)", "load 1,000 rules from YAML (parse + check)"),
            ("10x rules, loading the compiled form", "load 10,000 rules from the compiled form (as bundled)", "load 1,000 rules from the compiled form (as bundled)"),
        ]
        for (name, big, small) in pairs {
            guard let value = ratio(big, small) else { continue }
            // The budget is on the engine; loading is shown for information (YAML parsing dominates it).
            guard !name.contains("loading") else {
                report.add(section, name, nil, note: "\(format(value, decimals: 1))x (information; the budget is on advise)")
                continue
            }
            // 12x allows for noise around the ideal 10x; a quadratic step shows as 20-100x.
            let judged = value <= 12 ? "met" : "MISSED"
            report.add(section, name, nil, note: "\(judged): \(format(value, decimals: 1))x")
        }
    }
}

/// The example answers files the whole-process figures use.
enum ExampleFiles {
    /// `*.yaml` and `*.json` files of `folder`, sorted; absolute paths.
    static func list(_ folder: String) -> [String] {
        let url = URL(fileURLWithPath: folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
            .map { url.appendingPathComponent($0).path }
    }
}
