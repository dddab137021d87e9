import Testing
@testable import AdvisorTUI

@Suite struct TextAttributesTests {
    @Test func explicitFlagsAlwaysApply() {
        let style = Style(bold: true, reverse: true, underline: true, dim: true)
        #expect(TextAttributes(style: style, colors: true, colorCount: 256) == [.bold, .reverse, .underline, .dim])
    }

    @Test func colorRolesAddNothingWhenColorsWork() {
        #expect(TextAttributes(style: Style(foreground: .danger, background: .selection), colors: true, colorCount: 256) == [])
    }

    @Test func mutedIsDimmedWithoutGrey() {
        #expect(TextAttributes(style: Style(foreground: .muted), colors: true, colorCount: 8) == [.dim])
        #expect(TextAttributes(style: Style(foreground: .muted), colors: true, colorCount: 256) == [])
    }

    @Test(arguments: [
        (ColorRole.accent, TextAttributes.bold),
        (.success, .bold),
        (.warning, .bold),
        (.danger, [.bold, .underline]),
        (.muted, .dim),
        (.selection, .reverse),
        (.default, []),
    ] as [(ColorRole, TextAttributes)])
    func rolesDegradeWithoutColors(role: ColorRole, expected: TextAttributes) {
        #expect(TextAttributes(style: Style(foreground: role), colors: false, colorCount: 0) == expected)
    }

    @Test func backgroundDegradesToReverse() {
        #expect(TextAttributes(style: Style(background: .selection), colors: false, colorCount: 0) == [.reverse])
    }
}
