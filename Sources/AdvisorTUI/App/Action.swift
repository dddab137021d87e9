import AdvisorCore

/// What the user (or a finished side effect) asks the interview to do; keys map to these per mode.
public enum Action: Equatable, Sendable {
    /// Move up in the current list.
    case up
    /// Move down in the current list.
    case down
    /// Left: previous group, or the cursor in an editor.
    case left
    /// Right: next group, or the cursor in an editor.
    case right
    /// A page up, or the previous group.
    case pageUp
    /// A page down, or the next group.
    case pageDown
    /// First item.
    case home
    /// Last item.
    case end
    /// Enter: open, choose, confirm.
    case activate
    /// Space: toggle or select.
    case toggle
    /// Esc (q in overlays): close, cancel or go back. Backspace never means back.
    case back
    /// Tab: the other pane.
    case switchPane
    /// A typed character in an editor.
    case character(Character)
    /// Delete left of the cursor in an editor.
    case deleteBackward
    /// Delete under the cursor in an editor.
    case deleteForward
    /// Ctrl-U in an editor: delete everything left of the cursor.
    case deleteToStart
    /// Ctrl-W in an editor: delete the word left of the cursor.
    case deleteWord
    /// A letter typed where no text is taken: reported, never passed on as a command.
    case notAKey(String)
    /// The overview of the question groups with answered/total per group.
    case openGroups
    /// Explain the highlighted decision.
    case openWhy
    /// Help for the current question.
    case openHelp
    /// Search questions and help.
    case openSearch
    /// Show the layout tree.
    case openLayout
    /// Open the scale and cost estimate.
    case openEstimate
    /// List conflicts and every finding (error, warning, info).
    case openProblems
    /// Save the answers.
    case save
    /// Export markdown or MADR.
    case export
    /// Quit.
    case quit
    /// Add (a service, a resource, a list item).
    case add
    /// Rename or edit the highlighted item.
    case rename
    /// Delete the highlighted item.
    case remove
    /// Clear the answer so the default applies.
    case resetAnswer
    /// Pins the decision in the why view to its next option (none, then each option in order, then none again).
    case cyclePin
    /// Step the access of the highlighted service, resource or method to the next level.
    case cycleAccess
    /// Answer yes in a confirmation.
    case yes
    /// Answer no in a confirmation.
    case no
    /// Export the markdown document (from the export menu).
    case exportMarkdown
    /// Export the MADR records (from the export menu).
    case exportMADR
    /// The terminal has a new size.
    case resize(width: Int, height: Int)
    /// A file was written for `purpose` at `path`.
    case written(PathPurpose, String)
    /// Writing failed; the message says why.
    case writeFailed(PathPurpose, String)
    /// The file exists and was not replaced; the user may confirm overwriting it.
    case alreadyExists(PathPurpose, String)
    /// Nothing (keys without meaning in the current mode).
    case none
}

/// A side effect the runner performs after an update; its result comes back as an action.
public enum AppEffect: Equatable, Sendable {
    /// Write a file (answers or markdown); `overwrite` only after the user confirmed.
    case writeFile(path: String, text: String, overwrite: Bool, purpose: PathPurpose)
    /// Write one MADR record per decision into `folder`, numbered after the records already there; never overwrites.
    case writeMADR(folder: String, advice: Advice, answersFile: String, date: String)
    /// Write the answers to the recovery file (atomically, replacing it).
    case autosave(text: String)
    /// Remove the recovery file after a clean quit.
    case removeRecovery
}
