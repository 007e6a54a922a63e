package dev.framekit.demos.bus;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Names unique across the room: a JetStream key-value bucket holds each name taken (its lower-case
 * form) with the origin of the server whose member has it. A server claims a name with the
 * bucket's atomic <em>create</em>, which succeeds for exactly one of two servers racing for the
 * same name (JetStream orders the two writes; the second finds the key there and is refused). A
 * name is released when its member leaves or takes another; names of a server that died are
 * released by the others' sweep. Claims, releases and sweeps run one at a time on one thread, in
 * the order asked, so a release queued under the room's lock is done before a later claim.
 *
 * <p>The sweep reads no clock but this server's own: a name is released only once it has been
 * found unheld (its server gone, or this server's with no member by it) by sweeps at least the
 * given age apart, as the same revision. A server cut off from the bus long enough for the others
 * to free its names claims them again when it sweeps; a name another server took meanwhile stays
 * that server's (the claim already made wins), and {@link #sweep} hands it over as lost.
 */
final class NameClaims implements AutoCloseable {
    /** JetStream's error code for a create that found the key: another holds the name. */
    private static final int WRONG_LAST_SEQUENCE = 10071;

    /** A name found unheld: the revision it had, and when (this server's clock) it was first found so. */
    private record Suspect(long revision, long sinceNanos) {}

    private final KeyValue bucket;
    private final String origin;
    private final Consumer<String> log;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("bus-names").factory());
    /** The names (lower case) this server claimed and has not released. On the queue's thread only. */
    private final Set<String> mine = new HashSet<>();
    /** Names found unheld by the last sweep. On the queue's thread only. */
    private Map<String, Suspect> suspects = Map.of();
    private volatile boolean suspecting;

    private NameClaims(KeyValue bucket, String origin, Consumer<String> log) {
        this.bucket = bucket;
        this.origin = origin;
        this.log = log;
    }

    /**
     * Opens (or makes, file-backed) the bucket {@code name} on {@code connection}.
     *
     * @throws IOException saying in one line that JetStream is off, or what else went wrong
     */
    static NameClaims open(Connection connection, String name, String origin, Consumer<String> log) throws IOException {
        try {
            KeyValueManagement management = connection.keyValueManagement();
            if (!management.getBucketNames().contains(name)) {
                management.create(KeyValueConfiguration.builder().name(name).storageType(StorageType.File).maxHistoryPerKey(1).build());
            }
            return new NameClaims(connection.keyValue(name), origin, log);
        } catch (JetStreamApiException | IOException e) {
            throw new IOException("cannot open the key-value bucket " + name + " that keeps the names (is JetStream on, nats-server -js?): "
                    + e.getMessage(), e);
        }
    }

    /** Null if {@code name} is now this server's (or was already), else why not. Waits for the bus. */
    String claim(String name) {
        try {
            return queue.submit(() -> take(key(name)) ? null
                    : "the name " + name + " is taken on another server; /who lists the names in use").get();
        } catch (ExecutionException e) {
            log.accept("bus: cannot claim the name " + name + ": " + e.getCause().getMessage());
            return "names cannot be claimed on the bus just now; try again in a moment";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the server is stopping";
        }
    }

    /** Whether {@code key} is this server's now: created, or found there as this server's. On the queue's thread. */
    private boolean take(String key) throws IOException, JetStreamApiException {
        try {
            bucket.create(key, origin.getBytes(StandardCharsets.US_ASCII));
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE) {
                throw e;
            }
            KeyValueEntry holder = bucket.get(key);
            if (holder == null || !origin.equals(owner(holder))) {
                return false;
            }
        }
        mine.add(key);
        return true;
    }

    /** Releases {@code name} if this server holds it (not a guest's: those are never claimed); does not wait. */
    void release(String name) {
        String key = key(name);
        queue.execute(() -> {
            if (!mine.remove(key)) {
                return;
            }
            try {
                KeyValueEntry entry = bucket.get(key);
                if (entry != null && origin.equals(owner(entry))) {
                    bucket.delete(key, entry.getRevision());
                }
            } catch (IOException | JetStreamApiException | IllegalStateException e) { // the last: the connection closed
                log.accept("bus: cannot release the name " + name + ": " + e.getMessage());
            }
        });
    }

    /** Whether the last sweep found names unheld that a later one may release: sweep again soon. */
    boolean suspecting() {
        return suspecting;
    }

    /**
     * Without waiting: claims again each name this server claimed that {@code held} (the names of
     * its members, lower case, read when the sweep runs) still has and the bucket no longer does,
     * hands each such name another server holds now to {@code lost}, and releases the names of
     * servers {@code alive} says are gone and this server's names no member has, once found so
     * {@code age} apart. Then runs {@code then}, whatever happened.
     */
    void sweep(Predicate<String> alive, Supplier<Set<String>> held, Duration age, Consumer<String> lost, Runnable then) {
        queue.execute(() -> {
            try {
                Set<String> ours = held.get();
                Set<String> missing = new HashSet<>(mine);
                missing.retainAll(ours);
                Map<String, Suspect> found = new HashMap<>();
                long now = System.nanoTime();
                for (String key : bucket.keys()) {
                    KeyValueEntry entry = bucket.get(key);
                    if (entry == null) {
                        continue;
                    }
                    missing.remove(key);
                    String owner = owner(entry);
                    if (!owner.equals(origin) && mine.contains(key) && ours.contains(key)) {
                        mine.remove(key); // taken elsewhere while this server was cut off
                        lost.accept(key);
                    } else if (owner.equals(origin) ? !ours.contains(key) : !alive.test(owner)) {
                        Suspect before = suspects.get(key);
                        Suspect suspect = before != null && before.revision() == entry.getRevision() ? before
                                : new Suspect(entry.getRevision(), now);
                        if (now - suspect.sinceNanos() >= age.toNanos()) {
                            bucket.delete(key, entry.getRevision());
                            mine.remove(key);
                        } else {
                            found.put(key, suspect);
                        }
                    }
                }
                for (String key : missing) {
                    if (!take(key)) {
                        mine.remove(key);
                        lost.accept(key);
                    }
                }
                suspects = found;
                suspecting = !found.isEmpty();
            } catch (IOException | JetStreamApiException | IllegalStateException e) {
                log.accept("bus: the sweep of the names failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                then.run();
            }
        });
    }

    private static String owner(KeyValueEntry entry) {
        byte[] value = entry.getValue();
        return value == null ? "" : new String(value, StandardCharsets.US_ASCII);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Stops after what is queued, waiting a moment for it. */
    @Override
    public void close() {
        queue.shutdown();
        try {
            queue.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
