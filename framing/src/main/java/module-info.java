/**
 * The framekit library: the {@link dev.framekit.framing.Framer} API, the framers and the
 * blocking stream layer, in the exported package {@code dev.framekit.framing}; WebSocket whole
 * (framer, typed frames, opening handshake, connection) in {@code dev.framekit.framing.websocket}; and {@code dev.framekit.framing.netty}, which runs any
 * framer inside a Netty pipeline (it needs Netty's codec and transport modules, which this module
 * requires only statically).
 *
 * <p>Netty's buffer module is required transitively: {@code ByteBuf} appears in the API, so a
 * module that reads this one reads {@code io.netty.buffer} too. ({@code io.netty.common},
 * which netty-buffer itself requires, is only used inside the framers.)
 */
module dev.framekit.framing {
    // A new API package (say dev.framekit.framing.netty or dev.framekit.framing.testing) must be
    // exported here too, or callers on the module path cannot see it; packages left out stay
    // internal. ArtifactsIT checks the exported set.
    requires transitive io.netty.buffer;
    requires io.netty.common; // ByteProcessor, for scans inside the framers
    // Only dev.framekit.framing.netty needs these; they are optional Maven dependencies, present
    // in any Netty application and absent (and never loaded) elsewhere.
    requires static io.netty.codec;
    requires static io.netty.transport;
    // The delimiter scan's Vector API edition (internal.VectorByteSearch), used only where the JVM
    // was started with --add-modules jdk.incubator.vector; the SWAR scan runs everywhere else.
    requires static jdk.incubator.vector;

    exports dev.framekit.framing;
    exports dev.framekit.framing.websocket; // WebSocket whole: framer, typed frames, handshake, connection
    // dev.framekit.framing.internal (helpers the packages share) is deliberately not exported.
    exports dev.framekit.framing.netty;
}
