package dev.framekit.demos.files;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offers waiting for an answer, and their rules: an offer expires after {@link #ttl}; a member
 * has at most {@link #MAX_WAITING} offers of its own waiting and at most as many waiting for it
 * (so nobody can be flooded with offers, nor flood); a file over the size limit is not offered.
 * Time is passed in ({@code now}, in nanoseconds), so the rules are tested without waiting. Not
 * thread-safe: the {@link FileDesk} calls it under its lock.
 *
 * @param <P> who offers and receives (a chat member)
 */
final class Offers<P> {
    /** How many offers may wait at once from one member, and for one member. */
    static final int MAX_WAITING = 3;

    /** An offer: {@code id} is the server's number, {@code ref} the sender's own. */
    record Offer<P>(long id, P from, long ref, P to, String fileName, long size, long expires) {}

    /** An offer not made, and why. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    private final Map<Long, Offer<P>> waiting = new LinkedHashMap<>();
    private final Duration ttl;
    private final long maxSize;
    private long lastId;

    /** @param maxSize the largest file offered, in bytes */
    Offers(Duration ttl, long maxSize) {
        this.ttl = ttl;
        this.maxSize = maxSize;
    }

    /** How long an offer waits for an answer. */
    Duration ttl() {
        return ttl;
    }

    /** Makes an offer of {@code from} (its number {@code ref}) to {@code to}, or says why not. */
    Offer<P> offer(P from, long ref, P to, String fileName, long size, long now) throws Refused {
        if (size > maxSize) {
            throw new Refused("it is " + size + " bytes, over this server's limit of " + maxSize + " (chat-server --max-file)");
        } else if (count(from, true) >= MAX_WAITING) {
            throw new Refused("you have " + MAX_WAITING + " offers waiting already; wait for an answer");
        } else if (count(to, false) >= MAX_WAITING) {
            throw new Refused("the receiver has " + MAX_WAITING + " offers waiting already; try again later");
        }
        for (Offer<P> offer : waiting.values()) {
            if (offer.from().equals(from) && offer.ref() == ref) {
                throw new Refused("your number " + ref + " is in use");
            }
        }
        Offer<P> offer = new Offer<>(++lastId, from, ref, to, fileName, size, now + ttl.toNanos());
        waiting.put(offer.id(), offer);
        return offer;
    }

    /** Takes the answer of {@code to} to offer {@code id} (null: the latest for it) out of the waiting ones. */
    Offer<P> answer(P to, Long id) throws Refused {
        Offer<P> found = null;
        for (Offer<P> offer : waiting.values()) {
            if (offer.to().equals(to) && (id == null || offer.id() == id)) {
                found = offer; // the last one is the latest
            }
        }
        if (found == null) {
            throw new Refused(id == null ? "no file is offered to you" : "no file " + id + " is offered to you"
                    + " (it expired, or was withdrawn)");
        }
        waiting.remove(found.id());
        return found;
    }

    /** Takes out and returns the offers that have waited past their time. */
    List<Offer<P>> expire(long now) {
        List<Offer<P>> expired = new ArrayList<>();
        for (Iterator<Offer<P>> it = waiting.values().iterator(); it.hasNext();) {
            Offer<P> offer = it.next();
            if (now - offer.expires() >= 0) {
                expired.add(offer);
                it.remove();
            }
        }
        return expired;
    }

    /** Takes out and returns the offers from or to {@code party}, who has left. */
    List<Offer<P>> left(P party) {
        List<Offer<P>> gone = new ArrayList<>();
        for (Iterator<Offer<P>> it = waiting.values().iterator(); it.hasNext();) {
            Offer<P> offer = it.next();
            if (offer.from().equals(party) || offer.to().equals(party)) {
                gone.add(offer);
                it.remove();
            }
        }
        return gone;
    }

    private int count(P party, boolean from) {
        return (int) waiting.values().stream().filter(o -> (from ? o.from() : o.to()).equals(party)).count();
    }
}
