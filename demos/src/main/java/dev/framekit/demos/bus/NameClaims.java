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
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Names unique across the room: a JetStream key-value bucket holds each name taken (its lower-case
 * form) with the origin of the server whose member has it. A server claims a name with the
 * bucket's atomic <em>create</em>, which succeeds for exactly one of two servers racing for the
 * same name (JetStream orders the two writes; the second finds the key there and is refused). A
 * name is released when its member leaves or takes another; names of a server that died are
 * released by the others' sweep. Claims, releases and sweeps run one at a time on one thread, in
 * the order asked, so a release queued under the room's lock is done before a later claim.
 */
final class NameClaims implements AutoCloseable {
    /** JetStream's error code for a create that found the key: another holds the name. */
    private static final int WRONG_LAST_SEQUENCE = 10071;

    private final KeyValue bucket;
    private final String origin;
    private final Consumer<String> log;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("bus-names").factory());

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
        String key = key(name);
        try {
            return queue.submit(() -> {
                try {
                    bucket.create(key, origin.getBytes(StandardCharsets.US_ASCII));
                    return null;
                } catch (JetStreamApiException e) {
                    if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE) {
                        throw e;
                    }
                    KeyValueEntry holder = bucket.get(key);
                    return holder != null && origin.equals(owner(holder)) ? null
                            : "the name " + name + " is taken on another server; /who lists the names in use";
                }
            }).get();
        } catch (ExecutionException e) {
            log.accept("bus: cannot claim the name " + name + ": " + e.getCause().getMessage());
            return "names cannot be claimed on the bus just now; try again in a moment";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the server is stopping";
        }
    }

    /** Releases {@code name} if this server holds it; does not wait. */
    void release(String name) {
        String key = key(name);
        queue.execute(() -> {
            try {
                KeyValueEntry entry = bucket.get(key);
                if (entry != null && origin.equals(owner(entry))) {
                    bucket.delete(key, entry.getRevision());
                }
            } catch (IOException | JetStreamApiException e) {
                log.accept("bus: cannot release the name " + name + ": " + e.getMessage());
            }
        });
    }

    /**
     * Releases, without waiting, the names held by a server that {@code alive} says is gone, and
     * this server's names that {@code held} (lower case) no longer has; only names claimed more than
     * {@code age} ago, so that a claim just made is left alone.
     */
    void sweep(Predicate<String> alive, Set<String> held, Duration age) {
        queue.execute(() -> {
            try {
                ZonedDateTime before = ZonedDateTime.now().minus(age);
                for (String key : bucket.keys()) {
                    KeyValueEntry entry = bucket.get(key);
                    if (entry == null || !entry.getCreated().isBefore(before)) {
                        continue;
                    }
                    String owner = owner(entry);
                    if (owner.equals(origin) ? !held.contains(key) : !alive.test(owner)) {
                        bucket.delete(key, entry.getRevision());
                    }
                }
            } catch (IOException | JetStreamApiException e) {
                log.accept("bus: the sweep of names held by servers gone failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
