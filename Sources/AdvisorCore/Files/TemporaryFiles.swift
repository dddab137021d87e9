import Foundation

/// The temporary files a run has not yet moved into place, kept where a signal handler can reach
/// them: on SIGINT, SIGTERM, SIGHUP or SIGQUIT they are unlinked before the process dies, so an
/// interrupted run leaves no `.NAME.tmp-PID` behind. SIGXFSZ (the file size limit) is ignored, so an
/// oversized write fails with EFBIG and the ordinary error path removes everything.
public enum TemporaryFiles {
    private static let capacity = 1_024
    /// C strings, so the handler only reads memory and calls unlink(2), which is async-signal-safe.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    private static let lock = NSLock()

    /// Remembers `path` until `unregister`; beyond the capacity a path is simply not cleaned up on a signal.
    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return
        }
    }

    /// Forgets `path`.
    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for index in 0..<capacity {
            guard let slot = slots[index], strcmp(slot, path) == 0 else { continue }
            // Cleared before it is freed, so a handler running now reads either the string or nil.
            slots[index] = nil
            free(slot)
            return
        }
    }

    /// Unlinks every registered file; safe to call from a signal handler.
    public static func removeAll() {
        for index in 0..<capacity {
            if let slot = slots[index] { unlink(slot) }
        }
    }

    /// Installs the handlers described above; for the commands that write files (not the interview,
    /// whose terminal layer owns its signals).
    public static func installSignalCleanup() {
        _ = slots
        signal(SIGXFSZ, SIG_IGN)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(number) { received in
                TemporaryFiles.removeAll()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
