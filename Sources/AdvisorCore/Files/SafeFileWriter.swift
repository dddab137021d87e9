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
        guard writeNew(text, to: temporary.path) else {
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

    /// Writes a new file (mode 0666 less the umask, as FileManager did) with plain system calls.
    /// FileManager.createFile wrote through a second temporary file and an fsync, which cost 0.5 to
    /// 2 ms per report (more while the disk is busy); the rename above already keeps readers from
    /// seeing half a file, and a report can be written again.
    private static func writeNew(_ text: String, to path: String) -> Bool {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { systemWrite(descriptor, $0 + written, buffer.count - written) } ?? -1
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                close(descriptor)
                unlink(path)
                return false
            }
            written += count
        }
        return close(descriptor) == 0
    }
}

/// write(2), outside SafeFileWriter so the name does not resolve to its own `write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
