import Foundation

/// Writes files atomically and never replaces an existing file unless told to.
public enum SafeFileWriter {
    /// Why a write did not happen.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The path.
        public var path: String
        /// What went wrong.
        public var message: String
        /// One line.
        public var description: String { "\(path): error: \(message)" }
    }

    /// Writes `text` to `path` through a temporary file in the same folder and a rename, so a reader
    /// never sees half a file and an interrupted run leaves nothing behind (see `OutputTransaction`:
    /// non-regular targets are refused, a replaced file keeps its mode, a created folder is removed
    /// again when the write fails).
    public static func write(_ text: String, to path: String, overwrite: Bool = false) throws(Failure) {
        let transaction = OutputTransaction()
        do {
            try transaction.stage(text, to: path, overwrite: overwrite)
            try transaction.commit()
        } catch {
            transaction.rollback()
            throw error
        }
    }
}
