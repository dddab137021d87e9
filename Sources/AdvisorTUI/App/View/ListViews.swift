import AdvisorCore

/// Conflicts and error findings, each followed by the answers involved; the highlighted answer is a jump target.
enum ProblemsView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, ascii: Bool) {
        let inner = canvas.drawBox(rect, title: "Conflicts and errors (Enter jumps to the answer)", style: Theme.focusedBorder,
                                   titleStyle: Theme.heading, ascii: ascii)
        guard inner.height > 0, inner.width > 4 else { return }
        let rows = ProblemList.rows(state)
        guard !rows.isEmpty else {
            canvas.put("No conflicts and no error findings for these answers.", x: inner.x, y: inner.y, style: Theme.success, maxWidth: inner.width)
            return
        }
        // Lay out every row with its heading first, then scroll so the highlighted one shows.
        var lines: [(StyledLine, Int?)] = []
        for (index, row) in rows.enumerated() {
            if row.first {
                if !lines.isEmpty { lines.append((StyledLine(""), nil)) }
                lines.append((StyledLine("! \(row.kind): \(row.title)", style: Theme.danger), nil))
                for text in TextWrap.wrap(row.text, width: inner.width - 4).prefix(8) {
                    lines.append((StyledLine("    " + text, style: Theme.muted), nil))
                }
            }
            let value = state.rules.question(row.question).map { QuestionPane.valueText(state.value(of: $0), question: $0) } ?? ""
            lines.append((StyledLine("    \(Glyph.arrow(ascii)) \(row.question) = \(value)"), index))
        }
        let selectedLine = lines.firstIndex { $0.1 == state.listCursor } ?? 0
        let start = QuestionPane.scrollStart(selected: selectedLine, count: lines.count, height: inner.height)
        for (offset, entry) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            canvas.put(entry.0.text, x: inner.x, y: y, style: entry.0.style, maxWidth: inner.width)
            if entry.1 == state.listCursor {
                canvas.restyle(Rect(x: inner.x + 4, y: y, width: inner.width - 4, height: 1), style: Theme.selection)
            }
        }
    }
}

/// The search box and the matching questions.
enum SearchView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, editor: LineEditor, ascii: Bool) {
        let inner = canvas.drawBox(rect, title: "Search questions and help", style: Theme.focusedBorder,
                                   titleStyle: Theme.heading, ascii: ascii)
        guard inner.height > 2, inner.width > 4 else { return }
        let end = canvas.put("/ ", x: inner.x, y: inner.y, style: Theme.key)
        canvas.put(editor.text, x: end, y: inner.y, maxWidth: inner.maxX - end)
        canvas.cursor = Position(x: min(inner.maxX - 1, end + editor.cursorColumn), y: inner.y)
        let hits = SearchIndex.search(editor.text, rules: state.rules)
        let summary = editor.text.isEmpty ? "Type to search the questions, their help and their choices."
            : hits.isEmpty ? "No match." : "\(hits.count) question(s) match."
        canvas.put(summary, x: inner.x, y: inner.y + 1, style: Theme.muted, maxWidth: inner.width)
        let list = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: inner.height - 3)
        let perHit = 2
        let visible = max(1, list.height / perHit)
        let start = QuestionPane.scrollStart(selected: state.listCursor, count: hits.count, height: visible)
        for (offset, index) in (start..<min(hits.count, start + visible)).enumerated() {
            let hit = hits[index]
            let y = list.y + offset * perHit
            let question = state.rules.question(hit.question)
            let group = state.rules.groups.first { $0.id == question?.group }?.title ?? ""
            canvas.put((question?.prompt ?? hit.question) + "  (\(group))", x: list.x, y: y, style: Style(bold: true), maxWidth: list.width)
            canvas.put("  \(hit.field): \(hit.snippet)", x: list.x, y: y + 1, style: Theme.muted, maxWidth: list.width)
            if index == state.listCursor {
                canvas.restyle(Rect(x: list.x, y: y, width: list.width, height: 1), style: Theme.selection)
            }
        }
    }
}
