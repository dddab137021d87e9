import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times full-screen programs from start to their first complete frame on a new 80x24 pseudo-terminal.
///
/// The frame is complete when the program stops writing and waits for a key: the figure is the
/// time of the last byte written before a quiet spell (the spell itself is not counted). Keys
/// written before that are lost, because dialog, whiptail and mconf flush pending input as they
/// start, so the keys that end the program are sent after the frame.
enum PtyRunner {
    /// glibc's POSIX_SPAWN_SETSID, which Swift's Glibc module does not export: the child leads a new
    /// session, so opening the pty slave makes it the controlling terminal.
    static let spawnSetSID: Int32 = 0x80
    /// Silence that marks the frame as complete; dialog and mconf draw a frame in one burst.
    static let quietMillis: Int32 = 40
    /// TIOCSPTLCK = _IOW('T', 0x31, int) and TIOCGPTN = _IOR('T', 0x30, unsigned int): macros Swift does not import.
    static let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430

    /// Start-to-frame milliseconds and peak RSS of one run; nil when the program could not be started
    /// or drew nothing; `exited` is false when the keys did not end it (it was killed).
    static func run(_ argv: [String], keys: [UInt8], rows: UInt16 = 24, columns: UInt16 = 80,
                    environment: [String: String] = [:]) -> (frame: ChildRun, exited: Bool)? {
        runTimed(argv, keys: keys, rows: rows, columns: columns, environment: environment).map { ($0.frame, $0.exited) }
    }

    /// `run`, plus the monotonic time just before the spawn (for the program's own phase marks).
    static func runTimed(_ argv: [String], keys: [UInt8], rows: UInt16 = 24, columns: UInt16 = 80,
                         environment: [String: String] = [:]) -> (frame: ChildRun, exited: Bool, spawnNanos: UInt64)? {
        runTimed(argv, keys: keys, presses: [], rows: rows, columns: columns, environment: environment)
            .map { ($0.frame, $0.exited, $0.spawnNanos) }
    }

    /// Down and Up arrows (xterm, normal cursor mode): moving to the next item and back.
    static let down: [UInt8] = [27, 91, 66], up: [UInt8] = [27, 91, 65]

    /// `runTimed`, and after the first frame each of `presses` in turn: the milliseconds from writing
    /// the key to the last byte of the redraw it caused (the redraw ends when output pauses).
    static func runTimed(_ argv: [String], keys: [UInt8], presses: [[UInt8]], rows: UInt16 = 24, columns: UInt16 = 80,
                         environment: [String: String] = [:])
        -> (frame: ChildRun, exited: Bool, spawnNanos: UInt64, pressMillis: [Double])? {
        // What posix_openpt, unlockpt and ptsname do on Linux; Swift's Glibc module leaves those
        // out (they need _XOPEN_SOURCE), and grantpt has nothing to do on devpts.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { return nil }
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else { return nil }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = "/dev/pts/\(number)"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var env = ["TERM": "xterm-256color", "LINES": "\(rows)", "COLUMNS": "\(columns)"]
        for (key, value) in environment { env[key] = value }

        var frameNanos: UInt64?
        var spawnNanos: UInt64 = 0
        var pressMillis: [Double] = []
        var exited = true
        guard var child = Spawner.spawnAndWait(argv, actions: &actions, extraFlags: spawnSetSID, environment: env, whileRunning: { pid, start in
            spawnNanos = start
            var lastByte: UInt64 = 0
            var received = 0
            var keysSent = false
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                // Up to 5 s for the first bytes, then a quiet spell ends the frame, then 3 s to exit.
                let timeout: Int32 = received == 0 ? 5_000 : keysSent ? 3_000 : quietMillis
                let ready = poll(&poller, 1, timeout)
                if ready < 0 && errno == EINTR { continue }
                if ready == 0 {
                    if received > 0 && !keysSent {
                        frameNanos = lastByte - start
                        for press in presses {
                            let sent = monotonicNanos()
                            press.withUnsafeBytes { _ = write(master, $0.baseAddress, $0.count) }
                            var last: UInt64 = 0
                            while true {
                                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                                let ready = poll(&poller, 1, last == 0 ? 1_000 : quietMillis)
                                if ready < 0 && errno == EINTR { continue }
                                if ready <= 0 { break }
                                if read(master, &buffer, buffer.count) <= 0 { break }
                                last = monotonicNanos()
                            }
                            if last > 0 { pressMillis.append(Double(last - sent) / 1e6) }
                        }
                        keys.withUnsafeBytes { _ = write(master, $0.baseAddress, $0.count) }
                        keysSent = true
                        continue
                    }
                    kill(pid, SIGKILL)
                    exited = false
                    return
                }
                let count = read(master, &buffer, buffer.count)
                // EIO once the child has closed its last descriptor on the slave: it has exited.
                if count <= 0 { return }
                received += count
                if !keysSent { lastByte = monotonicNanos() }
            }
        }) else { return nil }
        guard let frameNanos else { return nil }
        child.millis = Double(frameNanos) / 1e6
        return (child, exited, spawnNanos, pressMillis)
    }

    /// One program of an interleaved comparison.
    struct Contestant {
        var figure: String
        var argv: [String]
        var keys: [UInt8]
        var environment: [String: String] = [:]
    }

    /// Runs every contestant once per round, round after round, so a change in the machine's load hits
    /// them all alike; returns each one's sample (with one peak-RSS run) or why it failed, and for each
    /// the ratio to the first contestant taken round by round.
    static func interleaved(_ contestants: [Contestant], warmups: Int, runs: Int, folder: String, presses: Int = 0)
        -> [(sample: Sample?, failure: String?, ratios: [Double])] {
        // With presses, the figure of a run is its median key-to-redraw time (Down, Up, Down, ...).
        let keys = (0..<presses).map { $0 % 2 == 0 ? down : up }
        var millis = Array(repeating: [Double](), count: contestants.count)
        var failures = [String?](repeating: nil, count: contestants.count)
        var ratios = Array(repeating: [Double](), count: contestants.count)
        for round in 0..<(warmups + runs) {
            var thisRound = [Double?](repeating: nil, count: contestants.count)
            for (index, contestant) in contestants.enumerated() where failures[index] == nil {
                guard let result = runTimed(contestant.argv, keys: contestant.keys, presses: keys, environment: contestant.environment) else {
                    failures[index] = "failed: \(contestant.argv[0]) drew nothing on the pty"
                    continue
                }
                guard result.exited else {
                    failures[index] = "failed: \(contestant.argv[0]) did not exit on its keys"
                    continue
                }
                if presses > 0 {
                    guard result.pressMillis.count == presses else {
                        failures[index] = "failed: \(contestant.argv[0]) did not redraw after every arrow key"
                        continue
                    }
                    thisRound[index] = Sample.median(result.pressMillis)
                } else {
                    thisRound[index] = result.frame.millis
                }
            }
            guard round >= warmups else { continue }
            for index in contestants.indices {
                guard let value = thisRound[index] else { continue }
                millis[index].append(value)
                if let first = thisRound[0], first > 0 { ratios[index].append(value / first) }
            }
        }
        return contestants.indices.map { index in
            if let failure = failures[index] { return (nil, failure, []) }
            var sample = Sample(millis: millis[index])
            let contestant = contestants[index]
            if presses == 0, let peak = Spawner.peakMB(of: contestant.argv, folder: folder, environment: contestant.environment,
                                         viaPty: contestant.keys) {
                sample.peakMB = [peak]
            }
            return (sample, nil, ratios[index])
        }
    }

    /// The program's own start-up marks (see StartupTrace in AdvisorTUI): for each phase, the
    /// milliseconds it took, measured from the spawn; nil when the program wrote no marks.
    static func phases(_ argv: [String], keys: [UInt8], environment: [String: String], runs: Int, folder: String)
        -> [(phase: String, sample: Sample)]? {
        let file = folder + "/trace-start.txt"
        var environment = environment
        environment["APIGW_ADVISOR_TRACE_START"] = file
        var order: [String] = []
        var values: [String: [Double]] = [:]
        for _ in 0..<runs {
            unlink(file)
            guard let result = runTimed(argv, keys: keys, environment: environment), result.exited,
                  let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
            var previous = result.spawnNanos
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                guard parts.count == 2, let nanos = UInt64(parts[1]), nanos >= previous else { continue }
                let phase = String(parts[0])
                if values[phase] == nil { order.append(phase) }
                values[phase, default: []].append(Double(nanos - previous) / 1e6)
                previous = nanos
            }
            values["frame on the pty (total)", default: []].append(result.frame.millis)
        }
        guard !order.isEmpty else { return nil }
        order.append("frame on the pty (total)")
        return order.map { ($0, Sample(millis: values[$0] ?? [])) }
    }

    /// Times `runs` runs after `warmups`, plus one run under GNU time for the peak RSS; a failure says why.
    static func sample(_ argv: [String], keys: [UInt8], warmups: Int, runs: Int, folder: String,
                       environment: [String: String] = [:]) -> (sample: Sample?, failure: String?) {
        var sample = Sample(millis: [])
        for index in 0..<(warmups + runs) {
            guard let result = run(argv, keys: keys, environment: environment) else {
                return (nil, "failed: \(argv[0]) drew nothing on the pty")
            }
            guard result.exited else { return (nil, "failed: \(argv[0]) did not exit on its keys") }
            if index >= warmups { sample.millis.append(result.frame.millis) }
        }
        if let peak = Spawner.peakMB(of: argv, folder: folder, environment: environment, viaPty: keys) { sample.peakMB = [peak] }
        return (sample, nil)
    }
}
