import AdvisorCore
import AdvisorTUI
#if canImport(Glibc)
import Glibc
import BundledRules
#endif

/// The keystroke figure: CPU per key of the interview's update, view and present, in-process.
struct KeystrokeBench {
    let options: BenchOptions

    static let section = "Interview keystroke (in-process, 200x60, 1,000 scripted keys)"

    func run(into report: inout Report) {
        guard let rules = try? BundledRules.load(includingCases: false) else {
            report.add(Self.section, "update + view + present, CPU per key", nil, note: "not measured: the bundled rules do not load")
            return
        }
        let keys = Self.script(count: 1_000)
        var sample = Sample(millis: [])
        // Each run is a whole session of 1,000 keys, so a few runs give a steady median.
        let runs = max(3, options.engineRuns / 3)
        for index in 0..<(runs + 1) {
            let terminal = DiffingTerminal(width: 200, height: 60, keys: keys)
            let runner = InterviewRunner(terminal: terminal, performer: RecordingEffectPerformer(),
                                         state: AppState(rules: rules, date: "2026-01-01"))
            let start = cpuNanos()
            _ = try? runner.run()
            let perFrame = Double(cpuNanos() - start) / 1e6 / Double(max(terminal.frameCount, 1))
            if index > 0 { sample.millis.append(perFrame) }
            if index == runs {
                report.notes.append("Keystroke session: \(terminal.frameCount) frames for \(keys.count) keys, "
                                    + "\(terminal.changedCells) cells changed in all; present = diff against the previous frame "
                                    + "(what the ncurses terminal computes before writing), without the terminal I/O.")
            }
        }
        report.add(Self.section, "update + view + present, CPU per key", sample,
                   note: "budget: " + verdict(sample.median, under: 1))
    }

    /// Moves, toggles, opens and closes help, why, search, layout and problems, switches panes; never saves or quits.
    static func script(count: Int) -> [Key] {
        let cycle: [Key] = [.down, .down, .char(" "), .up, .char("w"), .pageDown, .escape, .char("?"), .escape,
                            .tab, .down, .down, .tab, .pageDown, .char("t"), .escape, .char("c"), .escape,
                            .char("/"), .char("a"), .char("p"), .char("i"), .escape, .end, .up, .char(" "), .home,
                            .right, .down, .left, .pageUp]
        return (0..<count).map { cycle[$0 % cycle.count] }
    }

    private func cpuNanos() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

/// A terminal that plays scripted keys and, on present, diffs against the previous frame, keeping only that one.
///
/// ScriptedTerminal keeps every frame (about half a gigabyte for 1,000 frames at 200x60), which would
/// measure the allocator rather than the interview.
final class DiffingTerminal: Terminal {
    let size: TerminalSize
    let capabilities = TerminalCapabilities.full
    private let keys: [Key]
    private var next = 0
    private var previous: Canvas?
    private(set) var frameCount = 0
    private(set) var changedCells = 0

    init(width: Int, height: Int, keys: [Key]) {
        size = TerminalSize(width: width, height: height)
        self.keys = keys
    }

    func start() throws {}
    func stop() {}

    func present(_ canvas: Canvas) {
        changedCells += previous.map { canvas.diff(from: $0).count } ?? canvas.width * canvas.height
        previous = canvas
        frameCount += 1
    }

    func readKey() -> Key {
        guard next < keys.count else { return .eof }
        next += 1
        return keys[next - 1]
    }
}
