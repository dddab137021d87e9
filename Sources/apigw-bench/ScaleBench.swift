import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-process figures at scale (issue 12): `advise` and `generate` on answers files of many services, each
/// with ten resources and 17 routes, answered otherwise as examples/three-services-spa.yaml (one shared HTTP API,
/// Cognito). Wall and user CPU per size, and the growth from the smallest to the largest size.
struct ScaleBench {
    let options: BenchOptions
    /// Scratch folder for the answers files and the outputs.
    let folder: String

    static let section = "Scale (whole process, N services x 10 resources, 17 routes each)"

    /// One timed command: its figure name and its arguments after the binary, for an answers file.
    struct Command: Sendable {
        var figure: String
        var arguments: @Sendable (_ answers: String, _ folder: String) -> [String]
        /// Whether the issue's budget (<= 1 s at the largest size, <= 10.5x growth for 10x services) applies.
        var budgeted: Bool
    }

    static let commands: [Command] = [
        Command(figure: "`advise FILE` (summary to /dev/null)", arguments: { answers, _ in
            ["advise", answers, "--date", "2026-01-01"]
        }, budgeted: true),
        Command(figure: "`generate FILE --out DIR --force`", arguments: { answers, folder in
            ["generate", answers, "--date", "2026-01-01", "--out", folder + "/generated", "--force"]
        }, budgeted: true),
        Command(figure: "`advise FILE --markdown F --force` (full report)", arguments: { answers, folder in
            ["advise", answers, "--date", "2026-01-01", "--markdown", folder + "/scale-advice.md", "--force"]
        }, budgeted: false),
    ]

    func run(into report: inout Report) {
        let sizes = options.scaleSizes.sorted()
        var files: [Int: String] = [:]
        for size in sizes {
            let path = folder + "/scale-\(size).yaml"
            do {
                try Self.answers(services: size).write(toFile: path, atomically: true, encoding: .utf8)
                files[size] = path
            } catch {
                report.add(Self.section, "answers file of \(size.grouped) services", nil, note: "could not write \(path): \(error)")
            }
        }
        for binary in options.binaries {
            guard access(binary.path, X_OK) == 0 else {
                report.add(Self.section, binary.path, nil, note: "not measured: no such executable")
                continue
            }
            for command in Self.commands {
                rows(command, binary: binary, sizes: sizes, files: files, into: &report)
            }
        }
        report.notes.append("Scale: \(options.scaleRuns) runs per figure after one warm-up; a figure whose single run exceeds "
                            + "\(options.scaleTimeout) s is stopped and the larger sizes are not tried.")
    }

    /// Wall and user CPU rows of one command at every size, then the growth rows.
    private func rows(_ command: Command, binary: (label: String, path: String), sizes: [Int], files: [Int: String],
                      into report: inout Report) {
        let label = options.binaries.count > 1 ? " (\(binary.label))" : ""
        var medians: [(size: Int, wall: Double, user: Double)] = []
        var timedOut = false
        for size in sizes {
            let figure = "\(command.figure)\(label), \(size.grouped) services"
            guard let file = files[size] else { continue }
            if timedOut {
                report.add(Self.section, figure, nil, note: "not run: a smaller size timed out")
                continue
            }
            let argv = [binary.path] + command.arguments(file, folder)
            switch measure(argv) {
            case .failed(let reason):
                report.add(Self.section, figure, nil, note: reason)
            case .timedOut:
                report.add(Self.section, figure, nil, note: "timed out after \(options.scaleTimeout) s (one run stopped)")
                timedOut = true
            case .measured(let wall, let user):
                var note = ""
                if command.budgeted && size == 5_000 { note = "budget: " + verdict(wall.median, under: 1_000) }
                report.add(Self.section, figure + ", wall", wall, note: note)
                report.add(Self.section, figure + ", user CPU", user)
                medians.append((size, wall.median, user.median))
            }
        }
        guard let first = medians.first, let last = medians.last, last.size > first.size else { return }
        let factor = Double(last.size) / Double(first.size)
        let growth = "growth \(first.size.grouped) -> \(last.size.grouped) services"
        for (name, ratio) in [("wall", last.wall / first.wall), ("user CPU", last.user / first.user)] {
            var note = "\(format(ratio, decimals: 1))x for \(format(factor, decimals: 0))x services"
            if command.budgeted && factor == 10 { note += "; budget <= 10.5x: \(ratio <= 10.5 ? "met" : "MISSED")" }
            report.add(Self.section, "\(command.figure)\(label), \(growth), \(name)", nil, note: note)
        }
    }

    enum Outcome {
        case measured(wall: Sample, user: Sample)
        case timedOut
        case failed(String)
    }

    /// One warm-up (which also checks the exit status), then `scaleRuns` timed runs; stops at the first run over the timeout.
    private func measure(_ argv: [String]) -> Outcome {
        var wall = Sample(millis: [])
        var user = Sample(millis: [])
        for run in 0...options.scaleRuns {
            let output = folder + "/scale-output.txt"
            guard let child = Self.run(argv, output: output, timeout: Double(options.scaleTimeout)) else {
                return .failed("could not start \(argv[0])")
            }
            if child.timedOut { return .timedOut }
            guard child.status == 0 else {
                let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
                return .failed("failed: exit \(child.status): \(text.split(separator: "\n").first.map(String.init) ?? "")")
            }
            // The first run warms the page cache and the binary; it is not counted.
            guard run > 0 else { continue }
            wall.millis.append(child.millis)
            user.millis.append(child.userMillis)
            wall.peakMB.append(child.peakMB)
        }
        return .measured(wall: wall, user: user)
    }

    /// A finished (or stopped) run: wall and user CPU milliseconds, the peak RSS, the exit status.
    struct TimedRun {
        var millis: Double
        var userMillis: Double
        var peakMB: Double
        var status: Int32
        var timedOut: Bool
    }

    /// Runs `argv` with output to `output`, killing it after `timeout` seconds, so the bench never hangs.
    static func run(_ argv: [String], output: String, timeout: Double) -> TimedRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var timedOut = false
        let child = Spawner.spawnAndWait(argv, actions: &actions, extraFlags: 0, environment: [:]) { pid, start in
            // Poll without reaping (WNOWAIT; si_signo stays 0 while the child runs), so spawnAndWait's wait4 still reaps the child and reads its usage.
            var info = siginfo_t()
            while true {
                info = siginfo_t()
                if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_signo == SIGCHLD { break }
                if Double(monotonicNanos() - start) / 1e9 > timeout {
                    timedOut = true
                    kill(pid, SIGKILL)
                    break
                }
                usleep(2_000)
            }
        }
        guard let child else { return nil }
        return TimedRun(millis: child.millis, userMillis: child.userMillis, peakMB: child.peakMB, status: child.status, timedOut: timedOut)
    }

    /// An answers file of `services` services, ten resources and 17 routes each, five services per team.
    static func answers(services: Int) -> String {
        var out = """
        # apigw-bench --only scale: \(services) services x 10 resources (17 routes each), one shared HTTP API, Cognito.
        api-name: shop
        runtime: nodejs22.x
        services:

        """
        // (path suffix, methods): 2+3+2+1+2+2+1+1+2+1 = 17 routes.
        let shape: [(String, String)] = [
            ("items", "GET, POST"), ("items/{id}", "GET, PUT, DELETE"), ("items/{id}/parts", "GET, POST"),
            ("search", "GET"), ("tags", "GET, POST"), ("tags/{tag}", "GET, DELETE"), ("stats", "GET"),
            ("export", "POST"), ("settings", "GET, PUT"), ("health", "GET"),
        ]
        for index in 0..<services {
            let name = "svc-\(index)"
            out += "  - name: \(name)\n    team: team-\(index / 5)\n    resources:\n"
            for (suffix, methods) in shape {
                out += "      - {path: \"/\(name)/\(suffix)\", methods: [\(methods)]}\n"
            }
        }
        out += """
        consumers: [browser]
        user-geography: regional
        browser-origins: ["https://shop.example.com"]
        browser-credentials: false
        auth-mechanisms: [cognito]
        max-duration: 3
        routing-preference: code

        """
        return out
    }
}
