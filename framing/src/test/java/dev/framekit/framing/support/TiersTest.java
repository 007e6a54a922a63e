package dev.framekit.framing.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TiersTest {
    @Test
    void thePomLeavesOutOfTestExactlyTheTiersNamedHere() throws IOException, IllegalAccessException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher excluded = Pattern.compile("<tiers\\.excluded>([^<]*)</tiers\\.excluded>").matcher(pom);
        assertTrue(excluded.find(), "the parent POM defines tiers.excluded");

        assertEquals(constants(), List.of(excluded.group(1).split(",")));
    }

    @Test
    void eachTierHasAnAnnotationThatTagsIt() throws IllegalAccessException {
        List<String> tagged = new ArrayList<>();
        for (Class<?> annotation : List.of(Slow.class, Peer.class, Root.class, Browser.class, NestedMavenBuild.class)) {
            tagged.add(annotation.getAnnotation(Tag.class).value());
        }

        assertEquals(constants(), tagged);
    }

    private static List<String> constants() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : Tiers.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }
}
