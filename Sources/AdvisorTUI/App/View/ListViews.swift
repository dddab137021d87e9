import AdvisorCore

/// Conflicts and every finding, each with its text, facts and sources, followed by the answers involved;
/// the highlighted answer is a jump target.
enum ProblemsView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, ascii: Bool) {
        let inner = canvas.drawBox(rect, title: "Conflicts and findings (Enter jumps to the answer)", style: Theme.focusedBorder,
                                   titleStyle: Theme.heading, ascii: ascii)
        guard inner.height > 0, inner.width > 4 else { return }
        let rows = ProblemList.rows(state)
        guard !rows.isEmpty else {
            canvas.put("No conflicts and no findings for these answers.", x: inner.x, y: inner.y, style: Theme.success, maxWidth: inner.width)
            return
        }
        let lines = self.lines(rows, state, width: inner.width, ascii: ascii)
        // Scroll so the highlighted row shows, with its problem's heading when there is room.
        let selectedLine = lines.firstIndex { $0.1 == state.listCursor } ?? 0
        var start = QuestionPane.scrollStart(selected: selectedLine, count: lines.count, height: inner.height)
        // Show the selected problem whole (heading, text, answers, facts) when it fits, else from its heading.
        let heading = lines[...selectedLine].lastIndex { $0.0.text.hasPrefix("! ") } ?? 0
        let blockEnd = (lines[(selectedLine + 1)...].firstIndex { $0.0.text.hasPrefix("! ") } ?? lines.count) - 1
        if blockEnd - heading < inner.height {
            start = min(max(start, blockEnd - inner.height + 1), heading)
        } else if selectedLine - heading < inner.height {
            start = heading
        }
        for (offset, entry) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            canvas.put(entry.0.text, x: inner.x, y: y, style: entry.0.style, maxWidth: inner.width)
            if entry.1 == state.listCursor {
                canvas.restyle(Rect(x: inner.x + 4, y: y, width: inner.width - 4, height: 1), style: Theme.selection)
            }
        }
    }

    /// Every line of the list; the second value is the row index of a selectable line.
    static func lines(_ rows: [ProblemList.Row], _ state: AppState, width: Int, ascii: Bool) -> [(StyledLine, Int?)] {
        var lines: [(StyledLine, Int?)] = []
        for (index, row) in rows.enumerated() {
            if row.first {
                if !lines.isEmpty { lines.append((StyledLine(""), nil)) }
                let style = row.kind == "conflict" || row.kind == "error" ? Theme.danger : row.kind == "warning" ? Theme.warning : Theme.heading
                lines.append((StyledLine("! \(row.kind): \(row.title)", style: style), nil))
                for text in TextWrap.wrap(row.text, width: width - 4).prefix(6) {
                    lines.append((StyledLine("    " + text, style: Theme.plain), nil))
                }
            }
            if let question = row.question {
                let value = state.rules.question(question).map { QuestionPane.valueText(state.value(of: $0), question: $0) } ?? ""
                lines.append((StyledLine("    \(Glyph.arrow(ascii)) \(question) = \(value)"), index))
            } else {
                lines.append((StyledLine("    \(Glyph.arrow(ascii)) no answer involved (\(row.rule))", style: Theme.muted), index))
            }
            // After the problem's last answer row: the facts behind it, with their sources.
            if index == rows.count - 1 || rows[index + 1].first {
                var seen: Set<String> = []
                for fact in row.facts where seen.insert(fact.id).inserted {
                    let text = TextWrap.wrap("Fact: " + fact.text, width: width - 6)
                    for (offset, part) in text.prefix(2).enumerated() {
                        let cut = offset == 1 && text.count > 2 ? TextWrap.truncate(part + " ...", width: width - 6, ellipsis: ascii ? "." : "…") : part
                        lines.append((StyledLine((offset == 0 ? "    " : "      ") + cut, style: Theme.muted), nil))
                    }
                    lines.append((StyledLine("      source: \(fact.url) (\(fact.sourceTitle), as of \(fact.asOf))", style: Theme.muted), nil))
                }
            }
        }
        return lines
    }
}

/// The question groups with how many of their asked questions are answered.
enum GroupsView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, ascii: Bool) {
        let inner = canvas.drawBox(rect, title: "Question groups (Enter opens one)", style: Theme.focusedBorder,
                                   titleStyle: Theme.heading, ascii: ascii)
        guard inner.height > 0, inner.width > 10 else { return }
        let start = QuestionPane.scrollStart(selected: state.listCursor, count: state.rules.groups.count, height: inner.height)
        for (offset, index) in (start..<state.rules.groups.count).prefix(inner.height).enumerated() {
            let group = state.rules.groups[index]
            let counts = GroupProgress.of(state, group: index)
            let mark = index == state.groupIndex ? ">" : " "
            let numbers = "\(counts.answered)/\(counts.asked) answered" + (counts.hidden > 0 ? ", \(counts.hidden) not asked" : "")
            let y = inner.y + offset
            canvas.put("\(mark) \(index + 1). \(group.title)", x: inner.x, y: y, style: Style(bold: index == state.groupIndex),
                       maxWidth: inner.width)
            let x = max(inner.x + 2, inner.maxX - DisplayWidth.of(numbers))
            canvas.put(numbers, x: x, y: y, style: counts.answered == counts.asked ? Theme.success : Theme.muted, maxWidth: inner.maxX - x)
            if index == state.listCursor { canvas.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Theme.selection) }
        }
    }
}

/// Answered and asked questions of a group.
public enum GroupProgress {
    /// (answered, asked, hidden) for the group at `index`: asked counts the questions not hidden now.
    public static func of(_ state: AppState, group index: Int) -> (answered: Int, asked: Int, hidden: Int) {
        let questions = state.questions(inGroup: index)
        let hidden = questions.filter { state.status(of: $0.id) == .hidden }.count
        let answered = questions.filter { state.status(of: $0.id) != .hidden && state.answers.values[$0.id] != nil }.count
        return (answered, questions.count - hidden, hidden)
    }
}

/// The search box and the matching questions.
enum SearchView {
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, editor: LineEditor, ascii: Bool) {
        let inner = canvas.drawBox(rect, title: "Search groups, questions, help and findings", style: Theme.focusedBorder,
                                   titleStyle: Theme.heading, ascii: ascii)
        guard inner.height > 2, inner.width > 4 else { return }
        let end = canvas.put("/ ", x: inner.x, y: inner.y, style: Theme.key)
        canvas.put(editor.text, x: end, y: inner.y, maxWidth: inner.maxX - end)
        canvas.cursor = Position(x: min(inner.maxX - 1, end + editor.cursorColumn), y: inner.y)
        let hits = SearchIndex.search(editor.text, rules: state.rules, advice: state.advice)
        let summary = editor.text.isEmpty ? "Type to search the groups, questions, their help and choices, and the findings."
            : hits.isEmpty ? "No match." : "\(hits.count) match(es)."
        canvas.put(summary, x: inner.x, y: inner.y + 1, style: Theme.muted, maxWidth: inner.width)
        let list = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: inner.height - 3)
        let perHit = 2
        let visible = max(1, list.height / perHit)
        let start = QuestionPane.scrollStart(selected: state.listCursor, count: hits.count, height: visible)
        for (offset, index) in (start..<min(hits.count, start + visible)).enumerated() {
            let hit = hits[index]
            let y = list.y + offset * perHit
            switch hit.field {
            case "group":
                canvas.put("Group: \(hit.snippet)", x: list.x, y: y, style: Style(bold: true), maxWidth: list.width)
                canvas.put("  opens the group", x: list.x, y: y + 1, style: Theme.muted, maxWidth: list.width)
            case "finding":
                canvas.put("Finding: \(hit.snippet)", x: list.x, y: y, style: Style(bold: true), maxWidth: list.width)
                canvas.put("  \(hit.question); opens the list of findings", x: list.x, y: y + 1, style: Theme.muted, maxWidth: list.width)
            default:
                let question = state.rules.question(hit.question)
                let group = state.rules.groups.first { $0.id == question?.group }?.title ?? ""
                canvas.put((question?.prompt ?? hit.question) + "  (\(group))", x: list.x, y: y, style: Style(bold: true), maxWidth: list.width)
                canvas.put("  \(hit.field): \(hit.snippet)", x: list.x, y: y + 1, style: Theme.muted, maxWidth: list.width)
            }
            if index == state.listCursor {
                canvas.restyle(Rect(x: list.x, y: y, width: list.width, height: 1), style: Theme.selection)
            }
        }
    }
}
