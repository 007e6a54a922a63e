package dev.framekit.demos.files;

import dev.framekit.demos.chat.room.ChatCommand;
import dev.framekit.demos.chat.room.ChatRoom;
import dev.framekit.demos.chat.room.FileHook;
import dev.framekit.demos.chat.room.Member;
import dev.framekit.demos.chat.room.PeerCheck;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.server.FramedServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The server's side of files: the room's {@link FileHook} (offers, answers, members leaving,
 * under {@link Offers}' rules), and {@link #around} the chat handler, which hands a transfer's own
 * connection to a {@link Relay}. An accepted offer gives the sender and the receiver a one-time
 * key each, good for {@link #KEY_TTL}; a transfer pairs the two connections that bring them.
 */
final class FileDesk implements FileHook {
    /** How long an offer waits for {@code /accept}. */
    static final Duration OFFER_TTL = Duration.ofMinutes(2);
    /** How long a key is good for, and how long one end of a transfer waits for the other. */
    static final Duration KEY_TTL = Duration.ofSeconds(30);
    /** The longest file name offered, in characters. */
    static final int MAX_NAME = 255;
    /** What a member on nc or the web page is told. */
    static final String NEEDS_CLIENT = "-- files need framekit chat-client (/send NAME PATH, /accept, /decline there);"
            + " this connection carries lines only";

    /** A key handed out: which end of which transfer it opens, until when. */
    record Ticket(Transfer transfer, boolean sender, long expires) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Offers<Member> offers;
    private final Map<String, Ticket> tickets = new HashMap<>();
    private final ChatRoom room;
    private final Console log;
    private final Predicate<String> fits;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param maxFile the largest file offered (chat-server --max-file)
     * @param fits whether a line goes to a member in one frame: an offer whose lines would not is not made
     */
    public FileDesk(ChatRoom room, Console log, long maxFile, Predicate<String> fits) {
        this(room, log, new Offers<>(OFFER_TTL, maxFile), fits);
        Thread.ofVirtual().name("files-expiry").start(this::expireForEver);
    }

    FileDesk(ChatRoom room, Console log, Offers<Member> offers, Predicate<String> fits) {
        this.room = room;
        this.log = log;
        this.offers = offers;
        this.fits = fits;
    }

    /** The chat's handler, with a transfer's own connection ({@link PeerCheck.Handoff}) served by a {@link Relay}. */
    public FramedServer.Handler around(FramedServer.Handler chat) {
        return (connection, stats) -> {
            try {
                chat.serve(connection, stats);
            } catch (PeerCheck.Handoff handoff) {
                new Relay(this, log).serve(connection, stats);
            }
        };
    }

    @Override
    public void command(Member from, ChatCommand.File command, Reach reach) {
        BiConsumer<Member, String> tell = reach.tell();
        lock.lock();
        try {
            switch (command.command()) {
                case "/file-offer" -> offer(from, command.rest(), reach);
                case "/file-accept" -> accept(from, number(command.rest()), tell);
                case "/file-decline" -> decline(from, number(command.rest()), tell);
                case "/decline" -> decline(from, null, tell);
                default -> tell.accept(from, NEEDS_CLIENT); // /send, /accept: chat-client sends neither
            }
        } catch (Offers.Refused refused) {
            tell.accept(from, "-- " + refused.getMessage());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void left(Member member, BiConsumer<Member, String> tell) {
        lock.lock();
        try {
            for (Offers.Offer<Member> offer : offers.left(member)) {
                withdraw(offer, member.name() + " left", (to, line) -> {
                    if (to != member) {
                        tell.accept(to, line);
                    }
                });
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code /file-offer REF NAME SIZE FILENAME}. */
    private void offer(Member from, String rest, Reach reach) {
        String[] parts = rest.split(" ", 4);
        long ref = parts.length == 4 ? number(parts[0]) : -1;
        long size = parts.length == 4 ? number(parts[2]) : -1;
        if (ref < 0 || size < 0 || parts[3].isBlank() || parts[3].length() > MAX_NAME) {
            reach.tell().accept(from, "-- usage: /file-offer REF NAME SIZE FILENAME (chat-client sends it for /send)");
            return;
        }
        Member to = reach.named().apply(parts[1]);
        String refusal = to == null ? "no one here is called " + parts[1] + "; /who lists the names"
                : to == from ? "you cannot send a file to yourself"
                : FileHook.isPage(to) ? to.name() + " is on the web page, which takes no files; files need framekit"
                        + " chat-client at both ends" : null;
        try {
            if (refusal != null) {
                throw new Offers.Refused(refusal);
            }
            Offers.Offer<Member> offer = offers.offer(from, ref, to, parts[3].strip(), size, System.nanoTime());
            String toReceiver = new FileLines.Offered(offer.id(), from.name(), offer.fileName(), size).line();
            String toSender = new FileLines.Waiting(ref, to.name(), offer.fileName(), size, minutes(offers.ttl())).line();
            if (!fits.test(toReceiver) || !fits.test(toSender)) {
                offers.answer(to, offer.id());
                throw new Offers.Refused("its name is too long for this server's framing; rename it shorter");
            }
            reach.tell().accept(to, toReceiver);
            reach.tell().accept(from, toSender);
        } catch (Offers.Refused refused) {
            reach.tell().accept(from, new FileLines.NotOffered(ref, refused.getMessage()).line());
        }
    }

    /** {@code /file-accept ID}: a key for each end. */
    private void accept(Member to, long id, BiConsumer<Member, String> tell) throws Offers.Refused {
        Offers.Offer<Member> offer = offers.answer(to, id);
        Transfer transfer = new Transfer(offer.id(), offer.from().name(), to.name(), offer.size());
        String senderKey = key(transfer, true);
        String receiverKey = key(transfer, false);
        tell.accept(to, new FileLines.Fetch(offer.id(), receiverKey).line());
        tell.accept(offer.from(), new FileLines.Send(offer.ref(), to.name(), senderKey).line());
    }

    /** {@code /file-decline ID}, or {@code /decline} (id null: the latest offer). */
    private void decline(Member to, Long id, BiConsumer<Member, String> tell) throws Offers.Refused {
        Offers.Offer<Member> offer = offers.answer(to, id);
        tell.accept(offer.from(), new FileLines.Cancelled(offer.ref(), to.name(), to.name() + " declined it").line());
        tell.accept(to, "-- declined file " + offer.id() + " from " + offer.from().name() + ": " + offer.fileName());
    }

    private void withdraw(Offers.Offer<Member> offer, String reason, BiConsumer<Member, String> tell) {
        tell.accept(offer.to(), new FileLines.Withdrawn(offer.id(), offer.from().name(), reason).line());
        tell.accept(offer.from(), new FileLines.Cancelled(offer.ref(), offer.to().name(), reason).line());
    }

    /** Expires offers and keys every second; the members are told outside the lock. */
    private void expireForEver() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            List<Map.Entry<Member, String>> notices = new ArrayList<>();
            expire(System.nanoTime(), (member, line) -> notices.add(Map.entry(member, line)));
            notices.forEach(notice -> room.reply(notice.getKey(), notice.getValue()));
        }
    }

    /** Takes out the offers and keys past their time at {@code now}; each offer's two members are told. */
    void expire(long now, BiConsumer<Member, String> tell) {
        lock.lock();
        try {
            for (Offers.Offer<Member> offer : offers.expire(now)) {
                withdraw(offer, offer.to().name() + " did not accept it within " + minutes(offers.ttl()), tell);
            }
            tickets.values().removeIf(ticket -> now - ticket.expires() >= 0);
        } finally {
            lock.unlock();
        }
    }

    /** Takes a key, once: the transfer end it opens, or null if it is unknown, used or past its time. */
    Ticket claim(String key, boolean sender) {
        lock.lock();
        try {
            Ticket ticket = tickets.get(key);
            if (ticket == null || ticket.sender() != sender || System.nanoTime() - ticket.expires() >= 0) {
                return null;
            }
            tickets.remove(key);
            return ticket;
        } finally {
            lock.unlock();
        }
    }

    private String key(Transfer transfer, boolean sender) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        tickets.put(key, new Ticket(transfer, sender, System.nanoTime() + KEY_TTL.toNanos()));
        return key;
    }

    private static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    /** A non-negative number, or -1. */
    private static long number(String text) {
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    }
}
