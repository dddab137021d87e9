import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One finished child process.
struct ChildRun {
    /// Wall time from just before `posix_spawn` to the child being reaped, in milliseconds.
    var millis: Double
    /// `ru_maxrss` from `wait4`, in MB. Not the child's own peak: posix_spawn starts the child on this
    /// process's memory (vfork), and exec records that memory's peak as the child's; see `peakMB(of:)`.
    var peakMB: Double
    /// User CPU time of the child (`ru_utime`), in milliseconds: on a shared machine the figure that load inflates least.
    var userMillis: Double = 0
    /// Exit status, or 128 + the signal that ended it.
    var status: Int32
}

/// Starts programs with `posix_spawn` and reaps them with `wait4`, which gives the child's own peak RSS.
///
/// Foundation's `Process` adds a thread hop and a run-loop source per child, about a millisecond
/// of noise on a figure that is a few milliseconds in all.
enum Spawner {
    /// Runs `argv` (argv[0] a path) with stdin from /dev/null and stdout and stderr to `output`.
    static func run(_ argv: [String], output: String = "/dev/null", environment: [String: String] = [:]) -> ChildRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        return spawnAndWait(argv, actions: &actions, extraFlags: 0, environment: environment) { _, _ in }
    }

    /// Spawns with the given file actions, calls `whileRunning` with the pid and the start time, then reaps the child.
    static func spawnAndWait(_ argv: [String], actions: inout posix_spawn_file_actions_t, extraFlags: Int32,
                             environment: [String: String], whileRunning: (pid_t, UInt64) -> Void) -> ChildRun? {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // An empty mask and default dispositions: a child otherwise inherits whatever this process blocks or ignores.
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGWINCH, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF) | extraFlags))

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let environmentStrings = merged.map { "\($0.key)=\($0.value)" }
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = environmentStrings.map { strdup($0) } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        var pid: pid_t = 0
        let start = monotonicNanos()
        guard posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, &cEnvironment) == 0 else { return nil }
        whileRunning(pid, start)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return nil }
        }
        let millis = Double(monotonicNanos() - start) / 1e6
        // WIFEXITED / WEXITSTATUS are C macros Swift does not import.
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        let user = Double(usage.ru_utime.tv_sec) * 1e3 + Double(usage.ru_utime.tv_usec) / 1e3
        return ChildRun(millis: millis, peakMB: Double(usage.ru_maxrss) / 1024, userMillis: user, status: code)
    }

    /// The full path of `name` on PATH, or nil when it is not installed.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs once, capturing output: for checks (does a subcommand exist?) and for the reason a figure failed.
    static func capture(_ argv: [String], in folder: String, environment: [String: String] = [:]) -> (status: Int32, output: String)? {
        let file = folder + "/capture-\(UInt64(monotonicNanos())).txt"
        defer { unlink(file) }
        guard let run = run(argv, output: file, environment: environment) else { return nil }
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return (run.status, text)
    }

    /// The child's own peak resident set in MB, from GNU time (a small process that forks and execs,
    /// so the child's accounting starts from time's memory, not the benchmark's); nil without /usr/bin/time.
    static func peakMB(of argv: [String], folder: String, environment: [String: String] = [:],
                       viaPty keys: [UInt8]? = nil) -> Double? {
        guard let time = which("/usr/bin/time") else { return nil }
        let report = folder + "/peak-\(UInt64(monotonicNanos())).txt"
        defer { unlink(report) }
        let wrapped = [time, "-f", "%M", "-o", report] + argv
        if let keys {
            guard PtyRunner.run(wrapped, keys: keys, environment: environment)?.exited == true else { return nil }
        } else {
            guard run(wrapped, environment: environment) != nil else { return nil }
        }
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { $0 / 1024 }
    }

    /// Times `runs` runs after `warmups`, plus one run under GNU time for the peak RSS; nil (with the reason) when the program fails.
    static func sample(_ argv: [String], warmups: Int, runs: Int, folder: String,
                       environment: [String: String] = [:]) -> (sample: Sample?, failure: String?) {
        // The first warm-up captures the output, so a failure can say why.
        guard let first = capture(argv, in: folder, environment: environment) else { return (nil, "could not start \(argv[0])") }
        guard first.status == 0 else {
            let reason = first.output.split(separator: "\n").first.map(String.init) ?? ""
            return (nil, "failed: exit \(first.status): \(reason)")
        }
        for _ in 1..<max(warmups, 1) { _ = run(argv, environment: environment) }
        var sample = Sample(millis: [])
        for _ in 0..<runs {
            guard let child = run(argv, environment: environment), child.status == 0 else { return (nil, "failed on a repeated run") }
            sample.millis.append(child.millis)
        }
        if let peak = peakMB(of: argv, folder: folder, environment: environment) { sample.peakMB = [peak] }
        return (sample, nil)
    }
}
