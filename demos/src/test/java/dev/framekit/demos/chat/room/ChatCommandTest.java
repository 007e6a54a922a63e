package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChatCommandTest {
    @Test
    void plainTextIsSaid() {
        assertEquals(new ChatCommand.Say("hello there"), ChatCommand.parse("hello there"));
    }

    @Test
    void trailingCarriageReturnFromTelnetIsStripped() {
        assertEquals(new ChatCommand.Say("hello"), ChatCommand.parse("hello\r"));
        assertEquals(new ChatCommand.Nick("bob"), ChatCommand.parse("/nick bob\r"));
    }

    @Test
    void doubleSlashSaysALineStartingWithSlash() {
        assertEquals(new ChatCommand.Say("/nick is a command"), ChatCommand.parse("//nick is a command"));
    }

    @Test
    void parsesEveryCommand() {
        assertEquals(new ChatCommand.Nick("alice_2"), ChatCommand.parse("/nick alice_2"));
        assertEquals(new ChatCommand.Who(), ChatCommand.parse("/who"));
        assertEquals(new ChatCommand.Me("waves hello"), ChatCommand.parse("/me waves hello"));
        assertEquals(new ChatCommand.Msg("bob", "psst, over here"), ChatCommand.parse("/msg bob psst, over here"));
        assertEquals(new ChatCommand.Quit(), ChatCommand.parse("/quit"));
        assertEquals(new ChatCommand.Help(), ChatCommand.parse("/HELP"));
    }

    @Test
    void refusesNamesOutsideAsciiSoThatNoneCanLookLikeAnother() {
        assertInstanceOf(ChatCommand.Invalid.class, ChatCommand.parse("/nick José"));
        assertEquals(new ChatCommand.Nick("Jose"), ChatCommand.parse("/nick Jose"));
    }

    @Test
    void refusesBadNamesWithUsage() {
        for (String line : new String[] {"/nick", "/nick two words", "/nick " + "x".repeat(21), "/nick <evil>"}) {
            ChatCommand command = ChatCommand.parse(line);
            ChatCommand.Invalid invalid = assertInstanceOf(ChatCommand.Invalid.class, command, line);
            assertTrue(invalid.problem().startsWith("usage: /nick"), invalid.problem());
        }
    }

    @Test
    void explainsMisusedCommands() {
        assertEquals(new ChatCommand.Invalid("usage: /msg NAME TEXT"), ChatCommand.parse("/msg bob"));
        assertEquals(new ChatCommand.Invalid("usage: /msg NAME TEXT"), ChatCommand.parse("/msg bob   "));
        assertEquals(new ChatCommand.Invalid("usage: /me ACTION"), ChatCommand.parse("/me"));
    }

    @Test
    void namesUnknownCommandsAndPointsToHelp() {
        ChatCommand.Invalid invalid = assertInstanceOf(ChatCommand.Invalid.class, ChatCommand.parse("/dance now"));
        assertEquals("unknown command /dance; /help lists the commands", invalid.problem());
    }
}
