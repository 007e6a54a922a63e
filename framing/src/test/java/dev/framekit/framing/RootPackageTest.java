package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The root package stays small: at most 22 public types, none of them extending a package-private
 * one. Read from the compiled classes, so a type made public anywhere in the package counts.
 */
class RootPackageTest {
    private static final int MOST_PUBLIC_TYPES = 22;

    private static List<Class<?>> topLevelTypes() throws Exception {
        Path classes = Path.of(Framer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/framekit/framing");
        try (Stream<Path> files = Files.list(classes)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class"))
                    .sorted()
                    .<Class<?>>map(name -> load("dev.framekit.framing." + name.substring(0, name.length() - ".class".length())))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RootPackageTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void holdsAtMostTwentyTwoPublicTypes() throws Exception {
        List<String> open = topLevelTypes().stream().filter(type -> Modifier.isPublic(type.getModifiers()))
                .map(Class::getSimpleName).toList();
        assertTrue(open.size() <= MOST_PUBLIC_TYPES, open.size() + " public types: " + open);
        assertTrue(open.containsAll(List.of("Framer", "Framers", "FrameReader", "FrameWriter", "FramedConnection")), open.toString());
    }

    @Test
    void noPublicTypeExtendsOrImplementsAPackagePrivateOne() throws Exception {
        for (Class<?> type : topLevelTypes()) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            List<Class<?>> supertypes = Stream.concat(Stream.ofNullable(type.getSuperclass()), Stream.of(type.getInterfaces()))
                    .filter(supertype -> !Modifier.isPublic(supertype.getModifiers())).toList();
            assertEquals(List.of(), supertypes, type.getSimpleName() + " extends a type its users cannot see");
        }
    }
}
