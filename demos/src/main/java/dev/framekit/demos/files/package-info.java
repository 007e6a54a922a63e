/**
 * Files between chat members: {@code /send NAME PATH} in chat-client offers a file to one
 * member, who {@code /accept}s or {@code /decline}s it; the file then travels on connections of
 * its own, relayed by the chat server, never through the room's lines.
 *
 * <p>Where to start: {@link dev.framekit.demos.files.FileDesk} is the server's side (the offers,
 * through the room's {@link dev.framekit.demos.chat.room.FileHook}, and the transfer connections,
 * {@link dev.framekit.demos.files.Relay}); {@link dev.framekit.demos.files.FileClient} is
 * chat-client's (through {@link dev.framekit.demos.chat.client.FileCommands}), with
 * {@link dev.framekit.demos.files.Upload} and {@link dev.framekit.demos.files.Download}.
 * {@link dev.framekit.demos.files.Chunk} is what a transfer connection carries,
 * {@link dev.framekit.demos.files.FileLines} the chat lines that offer, accept and withdraw a file,
 * {@link dev.framekit.demos.files.Offers} the rules offers follow (expiry, how many at once), and
 * {@link dev.framekit.demos.files.SafeNames} how an offered name becomes a file inside the
 * downloads folder.
 *
 * <p>Why connections of their own: a file's bytes cannot travel on a text framing without an
 * encoding (a {@code \n} line cannot hold every byte), a small fixed frame would cut them into
 * thousands of frames, send-and-close would need a connection a chunk, and in the room a member
 * slow to take a file would hold every sender back. On a connection of its own a transfer is paced
 * by TCP alone: the server reads the sender only as fast as the receiver takes, holding one chunk
 * at a time, and the room's lines never wait behind a file.
 */
package dev.framekit.demos.files;
