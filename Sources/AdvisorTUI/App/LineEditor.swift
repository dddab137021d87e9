/// A one-line text editor with a cursor, used for answers, paths and the search query.
public struct LineEditor: Equatable, Sendable {
    /// The text typed so far.
    public private(set) var text: String
    /// Cursor position in characters, 0...text.count.
    public private(set) var cursor: Int

    /// Creates an editor holding `text` with the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Inserts a character at the cursor.
    public mutating func insert(_ character: Character) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(character, at: index)
        cursor += 1
    }

    /// Deletes the character left of the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let index = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: index)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    /// Deletes everything left of the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        text = String(text.dropFirst(cursor))
        cursor = 0
    }

    /// Deletes the word left of the cursor and the spaces after it (Ctrl-W), as shells do.
    public mutating func deleteWord() {
        var characters = Array(text)
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " && characters[start - 1] != "/" { start -= 1 }
        if start == cursor, start > 0 { start -= 1 }
        characters.removeSubrange(start..<cursor)
        text = String(characters)
        cursor = start
    }

    /// Moves the cursor by `offset` characters, staying inside the text.
    public mutating func move(_ offset: Int) {
        cursor = min(max(0, cursor + offset), text.count)
    }

    /// Moves the cursor to the start (`toEnd` false) or the end of the text.
    public mutating func jump(toEnd: Bool) {
        cursor = toEnd ? text.count : 0
    }

    /// Display columns before the cursor, for placing the terminal cursor.
    public var cursorColumn: Int { DisplayWidth.of(String(text.prefix(cursor))) }
}
