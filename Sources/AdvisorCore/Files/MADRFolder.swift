import Foundation

/// Reads the records already in a MADR folder, so an export can supersede them instead of copying them.
public enum MADRFolder {
    /// Records larger than this are not ours and are left unread (they still count for numbering).
    static let maximumRecordSize = 1 << 20

    /// Why the folder cannot be read.
    public struct Failure: Error, CustomStringConvertible {
        /// The folder.
        public var folder: String
        /// What went wrong.
        public var message: String
        public var description: String { "\(folder): error: \(message)" }
    }

    /// The numbered `.md` records in `folder` (name and text), sorted by name; a missing folder has none.
    /// Other files are listed with an empty text so that numbering still continues after them.
    public static func read(_ folder: String) throws(Failure) -> [(fileName: String, text: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { throw Failure(folder: folder, message: "is not a folder") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw Failure(folder: folder, message: "cannot list the folder: \(error.localizedDescription)")
        }
        return names.compactMap { name -> (fileName: String, text: String)? in
            guard MADRExporter.number(of: name) != nil else { return nil }
            let path = (folder as NSString).appendingPathComponent(name)
            guard name.hasSuffix(".md"),
                  let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = attributes[.size] as? Int, size <= maximumRecordSize,
                  let data = FileManager.default.contents(atPath: path) else { return (name, "") }
            return (name, String(decoding: data, as: UTF8.self))
        }
    }
}
