/// Input sequences of the cursor and paging keys that a terminfo entry may leave out.
///
/// terminfo lists one form per key (xterm's arrows are SS3, `ESC O B`, because keypad mode asks the
/// terminal for them), but terminals and multiplexers that ignore keypad mode, or a terminfo entry that
/// does not match the emulator, send the CSI form (`ESC [ B`) instead. Without a definition ncurses
/// hands over a bare Esc, which backs out of the view (at the top it quits), then `[` and `B` as typing.
/// `NcursesTerminal` defines the ones its terminfo entry lacks.
enum KeySequences {
    static let alternatives: [(sequence: String, key: Key)] = [
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),
        ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete), ("\u{1B}[Z", .backTab),
    ]
}
