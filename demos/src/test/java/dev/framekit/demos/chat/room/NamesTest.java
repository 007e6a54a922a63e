package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"bob", "Alice", "a", "carol_2", "d-e-f", "x1234567890123456789"})
    void acceptsAsciiNamesStartingWithALetter(String name) {
        assertNull(Names.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "b\u043eb", // Cyrillic о
        "bob\u3164", // invisible Hangul filler
        "\uff42\uff4f\uff42", // fullwidth ｂｏｂ
        "bob\u200b", // zero-width space
        "b\u00f6b", // Latin letter outside ASCII
        "--", "-bob", "_bob", "1bob", "", "bo b", "bob!", "<bob>",
        "x12345678901234567890" // 21 characters
    })
    void refusesLookAlikeInvisibleAndMalformedNames(String name) {
        assertEquals("a name is " + Names.RULE, Names.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "Admin", "ROOT", "system", "you", "everyone", "guest"})
    void refusesReservedWordsIgnoringCase(String name) {
        assertEquals("the name " + name + " is reserved", Names.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nick b\u043eb", "/nick bob\u3164", "/nick \uff42\uff4f\uff42", "/nick --", "/nick admin"})
    void nickRefusesThemSayingWhatANameMayContain(String line) {
        ChatCommand command = ChatCommand.parse(line);
        assertTrue(command instanceof ChatCommand.Invalid, command.toString());
        String problem = ((ChatCommand.Invalid) command).problem();
        assertTrue(problem.startsWith("usage: /nick NAME; "), problem);
        assertTrue(problem.contains(Names.RULE) || problem.contains("reserved"), problem);
        assertFalse(problem.chars().anyMatch(c -> c < 0x20), problem);
    }
}
