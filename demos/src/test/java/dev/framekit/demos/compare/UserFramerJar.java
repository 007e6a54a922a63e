package dev.framekit.demos.compare;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's framer, compiled in the test (javax.tools) into a jar of its own: a 2-byte big-endian
 * length prefix, made by a public static factory (its constructor is private).
 */
final class UserFramerJar {
    static final String CLASS = "com.example.ShortLengthFramer";

    private static final String SOURCE = """
            package com.example;

            import dev.framekit.framing.FrameDecoder;
            import dev.framekit.framing.FrameEncoder;
            import dev.framekit.framing.Framer;
            import dev.framekit.framing.MessageRefusedException;
            import dev.framekit.framing.TruncatedFrameException;
            import io.netty.buffer.ByteBuf;

            /** A 2-byte big-endian length, then the payload. */
            public final class ShortLengthFramer implements Framer {
                private ShortLengthFramer() {}

                public static Framer create() {
                    return new ShortLengthFramer();
                }

                private final FrameEncoder encoder = new FrameEncoder() {
                    @Override
                    public MessageRefusedException check(ByteBuf message) {
                        return message.readableBytes() <= 0xFFFF ? null
                                : new MessageRefusedException("over 65535 bytes: " + message.readableBytes(), message.readableBytes());
                    }

                    @Override
                    public int overhead(int payloadLength) {
                        return 2;
                    }

                    @Override
                    public void writeHeader(int payloadLength, ByteBuf out) {
                        out.writeShort(payloadLength);
                    }
                };

                @Override
                public FrameEncoder newEncoder() {
                    return encoder;
                }

                @Override
                public FrameDecoder newDecoder() {
                    return (in, endOfStream) -> {
                        if (in.readableBytes() >= 2 && in.readableBytes() >= 2 + in.getUnsignedShort(in.readerIndex())) {
                            int length = in.readUnsignedShort();
                            return in.readRetainedSlice(length);
                        }
                        if (endOfStream && in.isReadable()) {
                            throw new TruncatedFrameException("ShortLengthFramer: stream ended inside a frame",
                                    in.readableBytes(), 2);
                        }
                        return null;
                    };
                }

                @Override
                public int maxFrameLength() {
                    return 0xFFFF;
                }
            }
            """;

    private UserFramerJar() {}

    /** Compiles the framer against this test's class path and jars it into {@code dir}. */
    static Path build(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/com/example"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path source = Files.writeString(sources.resolve("ShortLengthFramer.java"), SOURCE);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), source.toString());
        if (status != 0) {
            throw new IOException("javac failed on the test framer: status " + status);
        }
        Path jar = dir.resolve("my-framer.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                try (var in = Files.newInputStream(file)) {
                    in.transferTo((OutputStream) out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    static List<String> args(Path jar) {
        return List.of("--framer-jar", jar.toString(), "--framer", CLASS);
    }
}
