import AdvisorCore
import Foundation

/// Performs the interview's side effects (file writes) and reports each result as an action.
public protocol EffectPerformer: AnyObject {
    /// Performs `effect`; returns the action that reports its result, if any.
    func perform(_ effect: AppEffect) -> Action?
}

/// Writes files with `SafeFileWriter`: atomic, never replacing a file unless the user confirmed.
public final class FileEffectPerformer: EffectPerformer {
    /// The rules, for rendering MADR records.
    private let rules: RuleSet
    /// Where autosaves go; nil disables recovery.
    public let recoveryPath: String?
    /// The last autosaved text, written again by `flushRecovery()` when a signal ends the session.
    public private(set) var lastAutosave: String?

    /// Creates a performer for a rule set and recovery file.
    public init(rules: RuleSet, recoveryPath: String?) {
        self.rules = rules
        self.recoveryPath = recoveryPath
    }

    /// Writes the last autosaved answers to the recovery file again (from a signal handler hook).
    public func flushRecovery() {
        guard let recoveryPath, let lastAutosave else { return }
        try? SafeFileWriter.write(lastAutosave, to: recoveryPath, overwrite: true)
    }

    public func perform(_ effect: AppEffect) -> Action? {
        switch effect {
        case .writeFile(let path, let text, let overwrite, let purpose):
            if !overwrite && FileManager.default.fileExists(atPath: path) { return .alreadyExists(purpose, path) }
            do {
                try SafeFileWriter.write(text, to: path, overwrite: overwrite)
                return .written(purpose, path)
            } catch {
                return .writeFailed(purpose, error.description)
            }
        case .writeMADR(let folder, let advice, let answersFile, let date):
            return writeMADR(folder: folder, advice: advice, context: ReportContext(answersFile: answersFile, date: date, rules: rules))
        case .autosave(let text):
            lastAutosave = text
            guard let recoveryPath else { return nil }
            // A failed autosave must not interrupt the interview; the next change tries again.
            try? SafeFileWriter.write(text, to: recoveryPath, overwrite: true)
            return nil
        case .removeRecovery:
            lastAutosave = nil
            if let recoveryPath { try? FileManager.default.removeItem(atPath: recoveryPath) }
            return nil
        }
    }

    /// Writes a record for each decision that is new or whose outcome changed, numbered after the records
    /// already in `folder`, and marks each replaced record superseded; all or nothing.
    private func writeMADR(folder: String, advice: Advice, context: ReportContext) -> Action {
        let existing: [(fileName: String, text: String)]
        do {
            existing = try MADRFolder.read(folder)
        } catch {
            return .writeFailed(.exportMADR, error.description)
        }
        let plan = MADRExporter.plan(advice, context: context, existing: existing)
        let transaction = OutputTransaction()
        do {
            for record in plan.newRecords {
                try transaction.stage(record.text, to: (folder as NSString).appendingPathComponent(record.fileName), overwrite: false)
            }
            for record in plan.superseded {
                try transaction.stage(record.text, to: (folder as NSString).appendingPathComponent(record.fileName), overwrite: true)
            }
            try transaction.commit()
        } catch {
            transaction.rollback()
            return .writeFailed(.exportMADR, error.description)
        }
        return .written(.exportMADR, MADRExporter.summary(plan, folder: folder))
    }
}

/// Records effects and answers them from an in-memory file system, for tests.
public final class RecordingEffectPerformer: EffectPerformer {
    /// Every effect performed, in order.
    public private(set) var effects: [AppEffect] = []
    /// Files "written": path to text.
    public private(set) var files: [String: String] = [:]
    /// The recovery text, nil once removed.
    public private(set) var recovery: String?

    /// Creates a performer; `files` are treated as already existing.
    public init(files: [String: String] = [:]) {
        self.files = files
    }

    public func perform(_ effect: AppEffect) -> Action? {
        effects.append(effect)
        switch effect {
        case .writeFile(let path, let text, let overwrite, let purpose):
            if !overwrite && files[path] != nil { return .alreadyExists(purpose, path) }
            files[path] = text
            return .written(purpose, path)
        case .writeMADR(let folder, _, _, _):
            files[folder + "/"] = "MADR"
            return .written(.exportMADR, folder)
        case .autosave(let text):
            recovery = text
            return nil
        case .removeRecovery:
            recovery = nil
            return nil
        }
    }
}
