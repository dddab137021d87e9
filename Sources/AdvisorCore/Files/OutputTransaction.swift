import Foundation

/// Writes a set of files all or nothing: every file is first written to a temporary file next to
/// its target, then all are moved into place; when anything fails, every temporary file, every
/// file this run created and every folder it created is removed again, and replaced files are put
/// back. Targets that are not regular files (devices, folders, pipes, symbolic links) are refused,
/// and a replaced file keeps its permissions.
public final class OutputTransaction {
    private struct Staged {
        var path: String
        var temporary: String
        var overwrite: Bool
        var existed: Bool
        var backup: String?
        var committed = false
    }

    private var staged: [Staged] = []
    private var createdFolders: [String] = []

    /// Creates an empty transaction.
    public init() {}

    /// Writes `text` to a temporary file beside `path`; nothing is visible at `path` until `commit`.
    public func stage(_ text: String, to path: String, overwrite: Bool) throws(SafeFileWriter.Failure) {
        var info = stat()
        let existed = lstat(path, &info) == 0
        if existed {
            guard overwrite else {
                throw SafeFileWriter.Failure(path: path, message: "already exists; not overwritten (choose another path, or pass --force)")
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw SafeFileWriter.Failure(path: path, message: "is not a regular file (\(Self.kind(info.st_mode))); refusing to replace it")
            }
        }
        if staged.contains(where: { $0.path == path }) {
            throw SafeFileWriter.Failure(path: path, message: "is named twice among the outputs")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try makeFolder(folder, for: path)
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        TemporaryFiles.register(temporary)
        // A replaced file keeps its permission bits; a new one gets 0666 less the umask.
        let mode = existed ? mode_t(info.st_mode & 0o7777) : 0o666
        if let reason = Self.writeNew(text, to: temporary, mode: mode, keepMode: existed) {
            TemporaryFiles.unregister(temporary)
            throw SafeFileWriter.Failure(path: path, message: "cannot write in \(folder): \(reason)")
        }
        if existed {
            // Owner and group too, where allowed (as root); a failure leaves the writer's.
            _ = chown(temporary, info.st_uid, info.st_gid)
        }
        staged.append(Staged(path: path, temporary: temporary, overwrite: overwrite, existed: existed))
    }

    /// Moves every staged file into place, or undoes everything and throws the first failure.
    public func commit() throws(SafeFileWriter.Failure) {
        for index in staged.indices {
            let item = staged[index]
            if item.existed {
                // Keep the old file under a second name until every file is in place, to restore it on failure.
                let backup = item.temporary + ".old"
                TemporaryFiles.register(backup)
                guard link(item.path, backup) == 0 else {
                    let failure = SafeFileWriter.Failure(path: item.path, message: "cannot replace the file: \(Self.reason())")
                    TemporaryFiles.unregister(backup)
                    rollback()
                    throw failure
                }
                staged[index].backup = backup
                guard rename(item.temporary, item.path) == 0 else {
                    let failure = SafeFileWriter.Failure(path: item.path, message: "cannot replace the file: \(Self.reason())")
                    rollback()
                    throw failure
                }
            } else {
                // link() fails if the target appeared meanwhile, so a file created by someone else is never replaced.
                guard link(item.temporary, item.path) == 0 else {
                    let failure = SafeFileWriter.Failure(path: item.path, message: errno == EEXIST ? "already exists; not overwritten" : Self.reason())
                    rollback()
                    throw failure
                }
                unlink(item.temporary)
            }
            TemporaryFiles.unregister(item.temporary)
            staged[index].committed = true
        }
        for item in staged {
            if let backup = item.backup {
                unlink(backup)
                TemporaryFiles.unregister(backup)
            }
        }
        staged = []
        createdFolders = []
    }

    /// Removes every temporary file, file and folder this transaction made and restores replaced files.
    public func rollback() {
        for item in staged.reversed() {
            if item.committed {
                if let backup = item.backup { rename(backup, item.path) } else { unlink(item.path) }
            }
            unlink(item.temporary)
            TemporaryFiles.unregister(item.temporary)
            if let backup = item.backup {
                unlink(backup)
                TemporaryFiles.unregister(backup)
            }
        }
        for folder in createdFolders.reversed() { rmdir(folder) }
        staged = []
        createdFolders = []
    }

    /// The paths of staged files that did not exist before: what a rollback removes.
    public var newPaths: [String] { staged.filter { !$0.existed }.map(\.path) }

    private func makeFolder(_ folder: String, for path: String) throws(SafeFileWriter.Failure) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw SafeFileWriter.Failure(path: path, message: "\(folder) is not a folder")
            }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != folder { try makeFolder(parent, for: path) }
        guard mkdir(folder, 0o777) == 0 || errno == EEXIST else {
            throw SafeFileWriter.Failure(path: path, message: "cannot create the folder \(folder): \(Self.reason())")
        }
        createdFolders.append(folder)
    }

    private static func reason() -> String { String(cString: strerror(errno)) }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a named pipe"
        case S_IFLNK: return "a symbolic link"
        case S_IFSOCK: return "a socket"
        default: return "not a plain file"
        }
    }

    /// Writes a new file with plain system calls; nil on success, else why not. FileManager.createFile
    /// wrote through a second temporary file and an fsync, which cost 0.5 to 2 ms per report; the
    /// rename already keeps readers from seeing half a file.
    private static func writeNew(_ text: String, to path: String, mode: mode_t, keepMode: Bool) -> String? {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return reason() }
        // open() applies the umask; a replaced file's bits are set exactly.
        if keepMode { fchmod(descriptor, mode) }
        var bytes = Array(text.utf8)
        var written = 0
        let failure: String? = bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            while written < buffer.count {
                let count = systemWrite(descriptor, base + written, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return count == 0 ? "nothing written" : reason() }
                written += count
            }
            return nil
        }
        if let failure {
            close(descriptor)
            unlink(path)
            return failure
        }
        guard close(descriptor) == 0 else {
            let failure = reason()
            unlink(path)
            return failure
        }
        return nil
    }
}

/// write(2), outside the class so the name does not resolve to a method.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
