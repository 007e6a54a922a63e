package dev.framekit.demos.files;

import dev.framekit.demos.chat.client.FileCommands;
import dev.framekit.demos.options.ByteSizes;
import dev.framekit.demos.options.ClientOptions;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** {@code chat-client --downloads} and {@code --max-file}. */
public final class FileClientOptions {
    @Option(names = "--downloads", paramLabel = "DIR",
            description = "Where files you /accept are saved, each under a safe name of its own"
                    + " (default: framekit in your downloads folder, ~/Downloads/framekit).")
    Path downloads;

    @Option(names = "--max-file", defaultValue = "1g", paramLabel = "BYTES", converter = ByteSizes.LongConverter.class,
            description = "The largest file you send or accept (default: ${DEFAULT-VALUE}).")
    long maxFile = 1L << 30;

    /** chat-client's files, reaching the server as {@code client} does; {@code print} shows a line. */
    public FileCommands commands(ClientOptions client, Consumer<String> print) {
        Path folder = downloads != null ? downloads.toAbsolutePath()
                : Downloads.defaultFolder(Path.of(System.getProperty("user.home")));
        return new FileClient(client, folder, maxFile, print);
    }
}
