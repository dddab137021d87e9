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
        let copier: (sample: Sample?, note: String) = peers ? copierSample() : (nil, "not run (--only)")
        if options.sections.contains("process") {
            for binary in options.binaries {
                binaryRows(binary, examples: examples, cookiecutter: cookiecutter.sample, copier: copier.sample, into: &report)
            }
        }
        guard peers else { return }
        let peerSection = "Peers (whole process)"
        report.add(peerSection, "cookiecutter --no-input, one-file template", cookiecutter.sample, note: cookiecutter.note)
        report.add(peerSection, "copier copy --defaults, one-file template", copier.sample, note: copier.note)
        ptyRows(into: &report)
    }

    /// Rows of one apigw-advisor binary.
    private func binaryRows(_ binary: (label: String, path: String), examples: [String], cookiecutter: Sample?,
                            copier: Sample?, into report: inout Report) {
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
                note = "budget: " + verdict(sample.median, under: 5)
                if let cookiecutter {
                    let ratio = cookiecutter.median / sample.median
                    note += "; \(format(ratio, decimals: 0))x faster than cookiecutter (budget >= 50x: \(ratio >= 50 ? "met" : "MISSED"))"
                }
                if let copier {
                    let ratio = copier.median / sample.median
                    note += "; \(format(ratio, decimals: 0))x faster than copier (budget >= 90x: \(ratio >= 90 ? "met" : "MISSED"))"
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

    private func copierSample() -> (sample: Sample?, note: String) {
        guard let path = Spawner.which("copier") else { return (nil, "not installed (pip install copier)") }
        guard let template = try? Peers.copierTemplate(in: folder) else { return (nil, "could not write the template") }
        let argv = [path, "copy", "--defaults", "--overwrite", "--quiet", template, folder + "/copier-out"]
        let result = Spawner.sample(argv, warmups: 2, runs: options.peerRuns, folder: folder)
        return (result.sample, result.failure ?? "")
    }

    private func cookiecutterSample() -> (sample: Sample?, note: String) {
        guard let path = Spawner.which("cookiecutter") else { return (nil, "not installed (pip install cookiecutter)") }
        guard let template = try? Peers.cookiecutterTemplate(in: folder) else { return (nil, "could not write the template") }
        let argv = [path, "--no-input", "-f", "-o", folder + "/cookiecutter-out", template]
        let result = Spawner.sample(argv, warmups: 2, runs: options.peerRuns, folder: folder)
        return (result.sample, result.failure ?? "")
    }

    /// The interview's first frame against kconfig-mconf (the budget), dialog and whiptail, all in one
    /// interleaved run: each round runs every program once, and ratios are taken round by round.
    private func ptyRows(into report: inout Report) {
        let section = Self.interviewSection
        let warmups = 2, runs = options.peerRuns
        var contestants: [PtyRunner.Contestant] = []
        var notes: [(figure: String, note: String)] = []
        var hasMconf = false
        if let path = Spawner.which("kconfig-mconf"), let conf = Spawner.which("kconfig-conf"),
           let kconfig = try? Peers.kconfig(symbols: 200, in: folder) {
            // A saved configuration, so Esc Esc quits without asking whether to save.
            let environment = ["KCONFIG_CONFIG": folder + "/config-200"]
            _ = Spawner.run([conf, "--olddefconfig", kconfig], environment: environment)
            contestants.append(.init(figure: "kconfig-mconf, 200 symbols", argv: [path, kconfig], keys: [27, 27], environment: environment))
            hasMconf = true
        } else {
            notes.append(("kconfig-mconf, 200 symbols", "not installed (apt-get install kconfig-frontends)"))
        }
        var traced: (label: String, argv: [String], environment: [String: String])?
        for binary in options.binaries where access(binary.path, X_OK) == 0 {
            guard Spawner.capture([binary.path, "interview", "--help"], in: folder)?.status == 0 else {
                notes.append(("`apigw-advisor` (\(binary.label)), bundled rules", Self.notBuilt))
                continue
            }
            // What a user types (the bare command, the budget's figure), the same with an answers file,
            // and the explicit subcommand with an option, which also pays for ArgumentParser. A recovery
            // file of their own, so no earlier run's answers are offered; `q` quits when nothing changed.
            let recovery = folder + "/recovery.yaml"
            let environment = ["LANG": "C.UTF-8", "APIGW_ADVISOR_RECOVERY": recovery]
            contestants.append(.init(figure: "`apigw-advisor` (\(binary.label)), bundled rules", argv: [binary.path],
                                     keys: [UInt8(ascii: "q")], environment: environment))
            if traced == nil { traced = (binary.label, [binary.path], environment) }
            let example = options.examples + "/three-services-spa.yaml"
            if access(example, R_OK) == 0 {
                contestants.append(.init(figure: "`apigw-advisor interview three-services-spa.yaml` (\(binary.label))",
                                         argv: [binary.path, "interview", example], keys: [UInt8(ascii: "q")], environment: environment))
            }
            contestants.append(.init(figure: "`apigw-advisor interview --recovery-file F` (\(binary.label)), through ArgumentParser",
                                     argv: [binary.path, "interview", "--recovery-file", recovery], keys: [UInt8(ascii: "q")],
                                     environment: ["LANG": "C.UTF-8"]))
        }
        for program in ["dialog", "whiptail"] {
            if let path = Spawner.which(program) {
                contestants.append(.init(figure: "\(program) --menu, 8 items", argv: [path] + Peers.menuArguments, keys: [13]))
            } else {
                notes.append(("\(program) --menu, 8 items", "not installed (apt-get install \(program))"))
            }
        }
        let results = PtyRunner.interleaved(contestants, warmups: warmups, runs: runs, folder: folder)
        for (contestant, result) in zip(contestants, results) {
            var note = result.failure ?? ""
            if let sample = result.sample {
                if contestant.figure.hasPrefix("kconfig-mconf") {
                    note = "the interview's budget"
                } else if hasMconf, !result.ratios.isEmpty {
                    let ratio = Sample.median(result.ratios)
                    let range = "\(format(result.ratios.min() ?? 0, decimals: 2))-\(format(result.ratios.max() ?? 0, decimals: 2))"
                    note = "\(format(ratio, decimals: 2))x kconfig-mconf (per round \(range))"
                    if contestant.figure.hasPrefix("`apigw-advisor") && !contestant.figure.contains("ArgumentParser") {
                        note += "; budget <= 1.0x: \(ratio <= 1 ? "met" : "MISSED")"
                        note += sample.medianPeakMB.map { "; peak RSS <= 12 MB: \($0 <= 12 ? "met" : "MISSED")" } ?? ""
                    }
                } else if contestant.figure.hasPrefix("`apigw-advisor") {
                    note = "budget <= kconfig-mconf: not judged, mconf not measured"
                }
            }
            report.add(section, contestant.figure, result.sample, note: note)
        }
        for (figure, note) in notes { report.add(section, figure, nil, note: note) }
        keyRows(contestants.filter { !$0.figure.contains("ArgumentParser") }, hasMconf: hasMconf, into: &report)
        if let traced, let phases = PtyRunner.phases(traced.argv, keys: [UInt8(ascii: "q")], environment: traced.environment,
                                                      runs: max(5, runs / 2), folder: folder) {
            let phaseSection = "First frame by phase (`apigw-advisor`, \(traced.label), marks inside the process)"
            let meaning = ["main": "spawn, exec, loader, relocations, runtime start-up, until main",
                           "rules": "decoding the bundled rules (without cases)",
                           "advice": "answers, recovery file, AppState with the first advice",
                           "ncurses": "ncurses start (terminfo, tty modes)",
                           "view": "Screen.render: the first canvas",
                           "present": "present: cells to ncurses, doupdate",
                           "frame on the pty (total)": "as the interleaved figure measures it"]
            for (phase, sample) in phases { report.add(phaseSection, phase, sample, note: meaning[phase] ?? "") }
        }
    }

    /// Key to end of redraw on the pty: Down and Up in turn, 10 presses per run, each run's median,
    /// interleaved like the first frame (mconf first, so the ratios are to it).
    private func keyRows(_ contestants: [PtyRunner.Contestant], hasMconf: Bool, into report: inout Report) {
        let section = "Interview (pty, 80x24, arrow key to end of redraw)"
        let results = PtyRunner.interleaved(contestants, warmups: 1, runs: max(3, options.peerRuns / 2), folder: folder, presses: 10)
        for (contestant, result) in zip(contestants, results) {
            var note = result.failure ?? ""
            if result.sample != nil {
                if contestant.figure.hasPrefix("kconfig-mconf") {
                    note = "the budget (Down/Up in the main menu)"
                } else if hasMconf, !result.ratios.isEmpty {
                    let ratio = Sample.median(result.ratios)
                    note = "\(format(ratio, decimals: 2))x kconfig-mconf (per round \(format(result.ratios.min() ?? 0, decimals: 2))-\(format(result.ratios.max() ?? 0, decimals: 2)))"
                    if contestant.figure.hasPrefix("`apigw-advisor") { note += "; budget <= 1.0x: \(ratio <= 1 ? "met" : "MISSED")" }
                }
            }
            report.add(section, contestant.figure, result.sample, note: note)
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
