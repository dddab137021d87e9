import Foundation

/// Whole-process figures: apigw-advisor runs, timed from spawn to exit, and the peer programs.
struct ProcessBench {
    let options: BenchOptions
    /// Scratch folder for outputs, templates and captured text.
    let folder: String

    static let interviewSection = "Interview (pty, 80x24, start to first full frame)"
    static let notBuilt = "not measured: this binary has no interview (`apigw-advisor interview --help` fails)"

    func run(into report: inout Report) {
        var examples = ExampleFiles.list(options.examples)
        if examples.isEmpty, let fallback = try? writeFallbackExample() {
            examples = [fallback]
            report.notes.append("No answers files in \(options.examples); a built-in two-service example was used.")
        }
        let peers = options.sections.contains("peers")
        // Peers first, so the rows of apigw-advisor can carry the ratio.
        let cookiecutter: (sample: Sample?, note: String) = peers ? cookiecutterSample() : (nil, "not run (--only)")
        if options.sections.contains("process") {
            for binary in options.binaries {
                binaryRows(binary, examples: examples, cookiecutter: cookiecutter.sample, into: &report)
            }
        }
        guard peers else { return }
        let peerSection = "Peers (whole process)"
        report.add(peerSection, "cookiecutter --no-input, one-file template", cookiecutter.sample, note: cookiecutter.note)
        ptyRows(into: &report)
    }

    /// Rows of one apigw-advisor binary.
    private func binaryRows(_ binary: (label: String, path: String), examples: [String], cookiecutter: Sample?,
                            into report: inout Report) {
        let section = "Whole process: \(binary.label)"
        guard access(binary.path, X_OK) == 0 else {
            report.add(section, binary.path, nil, note: "not measured: no such executable")
            return
        }
        let warmups = 3
        let runs = options.processRuns
        let floor = Spawner.sample([binary.path, "--version"], warmups: warmups, runs: runs, folder: folder)
        report.add(section, "`--version` (start-up floor)", floor.sample, note: floor.failure ?? "")

        let help = Spawner.capture([binary.path, "advise", "--help"], in: folder)?.output ?? ""
        let markdown = help.contains("--markdown")
        let output = folder + "/advice.md"
        for example in examples {
            let name = (example as NSString).lastPathComponent
            var argv = [binary.path, "advise", example, "--date", "2026-01-01"]
            if markdown { argv += ["--markdown", output, "--force"] }
            let result = Spawner.sample(argv, warmups: warmups, runs: runs, folder: folder)
            var note = result.failure ?? ""
            if let sample = result.sample {
                note = "budget: " + verdict(sample.median, under: 10)
                if let cookiecutter {
                    let ratio = cookiecutter.median / sample.median
                    note += "; \(format(ratio, decimals: 0))x faster than cookiecutter (budget >= 20x: \(ratio >= 20 ? "met" : "MISSED"))"
                }
            }
            report.add(section, markdown ? "`advise \(name) --markdown FILE`" : "`advise \(name)` (summary to /dev/null)", result.sample, note: note)
        }
        if !markdown {
            report.notes.append("\(binary.label): `advise` has no --markdown option yet; the answers-file figures print the summary instead.")
        }
        if let first = examples.first {
            let name = (first as NSString).lastPathComponent
            let validate = Spawner.sample([binary.path, "validate", first], warmups: warmups, runs: runs, folder: folder)
            report.add(section, "`validate \(name)`", validate.sample, note: validate.failure ?? "")
            let yaml = Spawner.sample([binary.path, "advise", first, "--date", "2026-01-01", "--rules", options.rules],
                                      warmups: warmups, runs: max(5, runs / 4), folder: folder)
            report.add(section, "`advise \(name) --rules \(options.rules)` (YAML path)", yaml.sample, note: yaml.failure ?? "")
        }
    }

    private func cookiecutterSample() -> (sample: Sample?, note: String) {
        guard let path = Spawner.which("cookiecutter") else { return (nil, "not installed (pip install cookiecutter)") }
        guard let template = try? Peers.cookiecutterTemplate(in: folder) else { return (nil, "could not write the template") }
        let argv = [path, "--no-input", "-f", "-o", folder + "/cookiecutter-out", template]
        let result = Spawner.sample(argv, warmups: 2, runs: options.peerRuns, folder: folder)
        return (result.sample, result.failure ?? "")
    }

    private func ptyRows(into report: inout Report) {
        let section = Self.interviewSection
        var mconf: Sample?
        let warmups = 2, runs = options.peerRuns
        if let path = Spawner.which("kconfig-mconf"), let conf = Spawner.which("kconfig-conf"),
           let kconfig = try? Peers.kconfig(symbols: 200, in: folder) {
            // A saved configuration, so Esc Esc quits without asking whether to save.
            let environment = ["KCONFIG_CONFIG": folder + "/config-200"]
            _ = Spawner.run([conf, "--olddefconfig", kconfig], environment: environment)
            let result = PtyRunner.sample([path, kconfig], keys: [27, 27], warmups: warmups, runs: runs, folder: folder, environment: environment)
            mconf = result.sample
            report.add(section, "kconfig-mconf, 200 symbols", result.sample, note: result.failure ?? "the interview's budget")
        } else {
            report.add(section, "kconfig-mconf, 200 symbols", nil, note: "not installed (apt-get install kconfig-frontends)")
        }
        for binary in options.binaries where access(binary.path, X_OK) == 0 {
            guard Spawner.capture([binary.path, "interview", "--help"], in: folder)?.status == 0 else {
                report.add(section, "`apigw-advisor` (\(binary.label)), bundled rules", nil, note: Self.notBuilt)
                continue
            }
            // What a user types (the bare command, the budget's figure) and the explicit subcommand, which
            // also pays for ArgumentParser. A recovery file of their own, so no earlier run's answers are
            // offered; `q` quits when nothing changed.
            let recovery = folder + "/recovery.yaml"
            let variants: [(String, [String], [String: String])] = [
                ("`apigw-advisor` (\(binary.label)), bundled rules", [binary.path], ["LANG": "C.UTF-8", "APIGW_ADVISOR_RECOVERY": recovery]),
                ("`apigw-advisor interview` (\(binary.label)), bundled rules", [binary.path, "interview", "--recovery-file", recovery], ["LANG": "C.UTF-8"]),
            ]
            for (figure, argv, environment) in variants {
                let result = PtyRunner.sample(argv, keys: [UInt8(ascii: "q")], warmups: warmups, runs: runs, folder: folder,
                                              environment: environment)
                var note = result.failure ?? ""
                if let sample = result.sample {
                    if let mconf {
                        let ratio = sample.median / mconf.median
                        note = "budget <= kconfig-mconf: \(ratio <= 1 ? "met" : "MISSED") (\(format(ratio, decimals: 2))x of it)"
                    } else {
                        note = "budget <= kconfig-mconf: not judged, mconf not measured"
                    }
                    note += sample.medianPeakMB.map { "; peak RSS < 20 MB: \($0 < 20 ? "met" : "MISSED")" } ?? ""
                }
                report.add(section, figure, result.sample, note: note)
            }
        }
        for program in ["dialog", "whiptail"] {
            guard let path = Spawner.which(program) else {
                report.add(section, "\(program) --menu, 8 items", nil, note: "not installed (apt-get install \(program))")
                continue
            }
            let result = PtyRunner.sample([path] + Peers.menuArguments, keys: [13], warmups: warmups, runs: runs, folder: folder)
            report.add(section, "\(program) --menu, 8 items", result.sample, note: result.failure ?? "")
        }
    }

    private func writeFallbackExample() throws -> String {
        let path = folder + "/example.yaml"
        try """
        api-name: shop-api
        services:
          - name: orders
            team: checkout
            resources:
              - {path: /orders, methods: [GET, POST]}
              - {path: "/orders/{id}", methods: [GET, PUT, DELETE]}
          - name: catalog
            team: catalog
            resources:
              - {path: /products, methods: [GET]}
        consumers: [browser, mobile]

        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
