#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic-clock marks of the way to the first frame, for the benchmark's phase breakdown.
///
/// Off unless `APIGW_ADVISOR_TRACE_START` names a file: then the first frame's marks are written
/// there, one `phase nanoseconds` line each (CLOCK_MONOTONIC, so the benchmark can subtract the
/// moment it spawned the process). Costs one `getenv` when off.
public enum StartupTrace {
    nonisolated(unsafe) private static var marks: [(phase: StaticString, nanos: UInt64)] = []
    nonisolated(unsafe) private static var state: Int = 0 // 0 unknown, 1 on, 2 off or finished

    private static var enabled: Bool {
        if state == 0 { state = getenv("APIGW_ADVISOR_TRACE_START") == nil ? 2 : 1 }
        return state == 1
    }

    /// Records that `phase` ended now.
    public static func mark(_ phase: StaticString) {
        guard enabled else { return }
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        marks.append((phase, UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)))
    }

    /// Records the last phase and writes the marks; later marks are ignored.
    public static func finish(_ phase: StaticString) {
        guard enabled else { return }
        mark(phase)
        state = 2
        guard let path = getenv("APIGW_ADVISOR_TRACE_START"), let file = fopen(path, "w") else { return }
        for mark in marks {
            mark.phase.withUTF8Buffer { name in _ = fwrite(name.baseAddress, 1, name.count, file) }
            fputs(" \(mark.nanos)\n", file)
        }
        fclose(file)
    }
}
