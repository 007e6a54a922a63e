package dev.framekit.demos.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where files are saved unless {@code chat-client --downloads DIR} says: a {@code framekit} folder
 * in the user's downloads folder, the one {@code XDG_DOWNLOAD_DIR} names (in
 * {@code ~/.config/user-dirs.dirs} on Linux desktops, in the user's language), else
 * {@code ~/Downloads}.
 */
final class Downloads {
    private Downloads() {}

    /** The default downloads folder of {@code home}. */
    public static Path defaultFolder(Path home) {
        return downloadsOf(home).resolve("framekit");
    }

    private static Path downloadsOf(Path home) {
        Path dirs = home.resolve(".config/user-dirs.dirs");
        try {
            List<String> lines = Files.isReadable(dirs) ? Files.readAllLines(dirs) : List.of();
            for (String line : lines) {
                String setting = line.strip();
                if (setting.startsWith("XDG_DOWNLOAD_DIR=\"") && setting.endsWith("\"")) {
                    String value = setting.substring("XDG_DOWNLOAD_DIR=\"".length(), setting.length() - 1);
                    if (value.startsWith("$HOME/")) {
                        return home.resolve(value.substring("$HOME/".length()));
                    } else if (value.startsWith("/")) {
                        return Path.of(value);
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // The usual folder, then.
        }
        return home.resolve("Downloads");
    }
}
