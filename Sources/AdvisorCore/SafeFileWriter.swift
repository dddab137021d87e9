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
    /// never sees half a file and an interrupted run leaves nothing behind.
    public static func write(_ text: String, to path: String, overwrite: Bool = false) throws(Failure) {
        let manager = FileManager.default
        if !overwrite && manager.fileExists(atPath: path) {
            throw Failure(path: path, message: "already exists; not overwritten (choose another path, or pass --force)")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if !manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure(path: path, message: "cannot create the folder \(folder.path): \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw Failure(path: path, message: "\(folder.path) is not a folder")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard manager.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw Failure(path: path, message: "cannot write in \(folder.path)")
        }
        if overwrite {
            if rename(temporary.path, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: temporary)
                throw Failure(path: path, message: "cannot replace the file: \(reason)")
            }
        } else {
            // link() fails if the target appeared meanwhile, so a file created by someone else is never replaced.
            if link(temporary.path, path) != 0 {
                let reason = errno == EEXIST ? "already exists; not overwritten" : String(cString: strerror(errno))
                try? manager.removeItem(at: temporary)
                throw Failure(path: path, message: reason)
            }
            try? manager.removeItem(at: temporary)
        }
    }
}
