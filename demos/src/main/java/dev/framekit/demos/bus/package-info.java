/**
 * One chat room across several chat servers, on a NATS bus ({@code chat-server --bus nats://HOST:PORT}).
 *
 * <p>Start at {@link dev.framekit.demos.bus.NatsBus}: the {@link dev.framekit.demos.chat.room.RoomLink}
 * a {@link dev.framekit.demos.chat.room.ChatRoom} tells each event said on this server, and that hands
 * it the events said on the others. On the bus every message is a {@link dev.framekit.demos.bus.BusMessage}
 * (its origin server, that server's sequence number, and a room event, a heartbeat with who is on it, or a
 * goodbye) in the text form {@link dev.framekit.demos.bus.BusCodec} writes and checks.
 * {@link dev.framekit.demos.bus.Presence} keeps who is on the other servers, drops duplicates and
 * announces as left the members of a server not heard from for three heartbeats;
 * {@link dev.framekit.demos.bus.NameClaims} makes names unique room-wide through a JetStream
 * key-value bucket. {@link dev.framekit.demos.bus.BusOptions} is the command-line side. The design and
 * what each guarantee costs are in {@code docs/scaling.md}.
 */
package dev.framekit.demos.bus;
