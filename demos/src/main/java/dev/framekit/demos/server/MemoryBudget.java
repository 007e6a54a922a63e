package dev.framekit.demos.server;

import dev.framekit.demos.options.ByteSizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The bytes one server process holds on behalf of its peers, under one limit
 * ({@code --max-memory}; by default {@value #DEFAULT_HEAP_PERCENT}% of the JVM's max heap, the rest
 * left for the JVM and for what is not counted). Each peer has an {@link Account}: a connection's
 * inbound buffer and partial frame, the write in progress, a chat member's queue. When taking
 * more would go over the limit, the peer that holds most is shed (its {@code shed} action closes
 * it, with the reason to log), and {@link #over()} tells the accept loop to refuse new
 * connections until it is back under. So no peer behaviour ends in {@link OutOfMemoryError}.
 *
 * <p>A shed peer lets go of its memory only when its own thread runs again and ends it; under a
 * burst, with many connections' threads ready to run on few cores, that can be a while after it
 * was shed. Until then what it held is still in the heap: {@link #releasing()}, counted by
 * {@link #over()}, and a connection about to read waits for it ({@link Account#awaitReleases()})
 * rather than pile more on top.
 *
 * <p>Every account is also charged a per-peer cost for what a peer holds that is not a buffer
 * (its socket, thread, reader and writer objects; {@value #PER_PEER_BYTES} bytes unless the server
 * says its peers cost more), so the limit also bounds how many peers fit. General: HTTP and WebSocket servers open accounts the same way. Thread-safe, and
 * nothing but {@link Account#awaitReleases()} blocks.
 *
 * <p>The real heap is watched too ({@link HeapWatch}): when a collection leaves it fuller than a
 * threshold, something the accounts miss is filling it, and the costliest peer is shed all the same.
 */
public final class MemoryBudget {
    /** The share of the max heap the budget takes unless told otherwise. */
    public static final int DEFAULT_HEAP_PERCENT = dev.framekit.demos.options.ServerOptions.DEFAULT_MEMORY_PERCENT;

    /**
     * What an idle peer costs besides its buffers: socket, virtual thread and its stack, reader,
     * writer; measured at 9.4 KiB for an idle delimiter connection with its two idle buffers
     * (jcmd GC.heap_info, 3,000 connections), so about 8.6 KiB without them, rounded up.
     */
    public static final int PER_PEER_BYTES = 9 * 1024;

    /** What an idle connection's buffers take: its read buffer and its write batch, 512 bytes each once idle. */
    public static final int IDLE_BUFFER_BYTES = 1024;

    /** Arrays this large are "humongous" in G1 at small heaps (half a 1 MiB region): they take whole regions. */
    private static final int HUMONGOUS = 512 * 1024;

    /** The longest a connection about to read waits for shed peers to let go of what they held. */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(1);

    /** How long after the heap watch last shed a peer the server counts as over its budget. */
    static final Duration HEAP_PRESSURE = Duration.ofSeconds(1);

    /** How often a waiting connection looks again whether the shed peers have let go. */
    private static final long RELEASE_POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final long limit;
    private final String limitSource;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong releasing = new AtomicLong();
    private final Set<Account> accounts = ConcurrentHashMap.newKeySet();
    private final AtomicLong shedCount = new AtomicLong();
    /** Held while peers are picked and shed: by one thread at a time. */
    private final Object shedding = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();
    /** When {@link #shedForHeap} last found the heap too full ({@link System#nanoTime()}); 0 if never. */
    private volatile long heapPressedAt;
    /** What each account is charged besides the bytes it holds. */
    private final int perPeerBytes;

    private MemoryBudget(long limit, String limitSource, int perPeerBytes) {
        this.limit = limit;
        this.limitSource = limitSource;
        this.perPeerBytes = perPeerBytes;
    }

    /** A budget of {@code requested} bytes, or with 0 the default share of the max heap. */
    public static MemoryBudget of(long requested) {
        return of(requested, PER_PEER_BYTES);
    }

    /** A budget as {@link #of(long)} for peers that cost {@code perPeerBytes} each besides their buffers. */
    public static MemoryBudget of(long requested, int perPeerBytes) {
        long heap = roundToMib(Runtime.getRuntime().maxMemory());
        MemoryBudget budget = requested > 0 ? new MemoryBudget(requested, "--max-memory", perPeerBytes)
                : new MemoryBudget(heap * DEFAULT_HEAP_PERCENT / 100,
                        DEFAULT_HEAP_PERCENT + "% of the " + ByteSizes.format(heap) + " max heap; set it with --max-memory",
                        perPeerBytes);
        HeapWatch.watch(budget);
        return budget;
    }

    private static long roundToMib(long bytes) {
        return (bytes + (1 << 19)) >> 20 << 20;
    }

    /**
     * What a buffer of {@code bytes} takes in the heap: G1 gives an array of half a region or more
     * whole 1 MiB regions of its own (heaps under 2 GiB), so a 1.06 MiB buffer takes 2 MiB.
     */
    public static long heapCost(long bytes) {
        return bytes < HUMONGOUS ? bytes : (bytes + (1 << 20) - 1) >> 20 << 20;
    }

    /**
     * What an array of {@code length} bytes takes in the heap: its 16-byte header, padding to 8
     * bytes, and for a large one the whole regions of {@link #heapCost}.
     */
    public static long arrayCost(long length) {
        return heapCost((16 + length + 7) & ~7L);
    }

    /** What an idle peer is counted at, its per-peer cost and idle buffers: the most peers is the limit over this. */
    public int idlePeerBytes() {
        return perPeerBytes + IDLE_BUFFER_BYTES;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }

    /** Bytes held now by the accounts the budget counts: every peer not shed. */
    public long used() {
        return used.get();
    }

    /**
     * Bytes that shed peers still hold: taken off {@link #used()} when they were shed (no other peer
     * is shed for them), given back when each peer's connection has ended and let them go.
     */
    public long releasing() {
        return releasing.get();
    }

    /**
     * Whether the server holds more than its limit, shed peers that have not yet let go included,
     * or the heap watch found the heap too full within the last second: new connections are
     * refused, and reads wait for shed peers to let go.
     */
    public boolean over() {
        return used.get() + releasing.get() > limit || heapPressed();
    }

    /** Whether the heap watch found the heap too full within the last {@link #HEAP_PRESSURE}. */
    private boolean heapPressed() {
        long at = heapPressedAt;
        return at != 0 && System.nanoTime() - at < HEAP_PRESSURE.toNanos();
    }

    /** How many peers have been shed so far. */
    public long shedCount() {
        return shedCount.get();
    }

    /** E.g. {@code memory budget 32m (50% of the 64m max heap; set it with --max-memory)}, for the start-up banner. */
    public String describe() {
        return "memory budget " + ByteSizes.format(limit) + " (" + limitSource + ")";
    }

    /** The limit in plain words: {@code 3.0 GiB}, {@code 32 MiB}. */
    public String plainLimit() {
        return limit >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GiB", limit / (double) (1L << 30))
                : limit >= 1L << 20 ? (limit >> 20) + " MiB" : limit + " bytes";
    }

    /** True the first time it is asked: servers sharing this budget (chat and its web port) say it once. */
    boolean firstAnnouncement() {
        return announced.compareAndSet(false, true);
    }

    /** Why a new connection is refused while over the limit. */
    public String fullReason() {
        if (heapPressed() && used.get() + releasing.get() <= limit) {
            return "the heap is nearly full (a collection left it over its " + HeapWatch.THRESHOLD_PERCENT
                    + "% threshold); new connections are refused until it is back under";
        }
        long shedBytes = releasing.get();
        return "over the memory budget (" + used.get() + " of " + limit + " bytes held for peers"
                + (shedBytes > 0 ? ", " + shedBytes + " more by shed peers not yet ended" : "") + ", --max-memory);"
                + " new connections are refused until it is back under";
    }

    /**
     * Opens an account for one peer, charged its per-peer cost at once.
     *
     * @param shed closes the peer, given the one-line reason; called at most once, from any thread,
     *     and must not block
     */
    public Account open(Consumer<String> shed) {
        Account account = new Account(shed);
        accounts.add(account);
        account.set(0);
        return account;
    }

    /** The bytes one peer holds; see {@link MemoryBudget}. */
    public final class Account implements AutoCloseable {
        private final Consumer<String> shed;
        private final AtomicLong held = new AtomicLong();
        private volatile boolean shedOrClosed;
        /** What this account held when it was shed, in {@link #releasing} until it is closed; guarded by this. */
        private long owed;

        private Account(Consumer<String> shed) {
            this.shed = shed;
        }

        /**
         * Sets what this peer holds to {@code bytes} (plus the per-peer charge). Over the limit,
         * sheds the peer that holds most until back under.
         *
         * @return false if this peer itself was shed (or is closed): stop taking on its behalf
         */
        public boolean set(long bytes) {
            if (shedOrClosed) {
                return false;
            }
            long now = bytes + perPeerBytes;
            long before = held.getAndSet(now);
            return settle(used.addAndGet(now - before), now > before);
        }

        /** Adds {@code delta} bytes (negative to give back); see {@link #set}. */
        public boolean add(long delta) {
            if (shedOrClosed) {
                return false;
            }
            held.addAndGet(delta);
            return settle(used.addAndGet(delta), delta > 0);
        }

        /**
         * After a change to this account: if it was shed or closed meanwhile (by another thread),
         * gives back what the change put into the total, which nobody else will; otherwise sheds
         * until under the limit if the change took more and passed it. The flag is set before an
         * account is zeroed, so one of the two sides always sees the other's bytes.
         */
        private boolean settle(long total, boolean grew) {
            if (shedOrClosed) {
                used.addAndGet(-held.getAndSet(0));
                return false;
            }
            if (grew && total > limit) {
                shedUntilUnder();
            }
            return !shedOrClosed;
        }

        /** The bytes this peer holds, not counting the per-peer charge. */
        public long held() {
            return Math.max(0, held.get() - perPeerBytes);
        }

        /**
         * Before this peer takes more (its connection's next read): while the server is over its
         * limit with peers already shed that have not yet let go of what they held, waits for them
         * to (their threads need a turn to run), at most {@link #RELEASE_WAIT}. Returns at once
         * when no shed peer is pending or the server is under its limit, and as soon as this peer
         * is shed itself. Call it holding no lock.
         */
        public void awaitReleases() {
            if (!mustWait()) {
                return;
            }
            long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
            do {
                LockSupport.parkNanos(RELEASE_POLL_NANOS);
            } while (mustWait() && System.nanoTime() - deadline < 0);
        }

        private boolean mustWait() {
            return !shedOrClosed && releasing.get() > 0 && over();
        }

        /** Gives back everything this peer holds; the peer has ended (and, if it was shed, let go of it). */
        @Override
        public void close() {
            long wasOwed;
            synchronized (this) {
                shedOrClosed = true;
                accounts.remove(this);
                wasOwed = owed;
                owed = 0;
            }
            used.addAndGet(-held.getAndSet(0));
            releasing.addAndGet(-wasOwed);
        }

        /**
         * Sheds this peer: what it held moves from {@link #used} to {@link #releasing} until it is
         * closed. {@code when} says why, for its one log line. Call holding {@link #shedding}.
         *
         * @return what closes it, to run once {@link #shedding} is let go; null if it had ended
         */
        private Runnable shedOnce(String when) {
            long bytes;
            synchronized (this) {
                if (!accounts.remove(this)) {
                    return null;
                }
                shedOrClosed = true;
                bytes = held.getAndSet(0);
                owed = bytes;
                releasing.addAndGet(bytes);
                used.addAndGet(-bytes);
            }
            shedCount.incrementAndGet();
            String reason = "holding " + Math.max(0, bytes - perPeerBytes) + " bytes, the most of any peer, when " + when
                    + "; closed it (--max-memory)";
            return () -> shed.accept(reason);
        }
    }

    /**
     * Sheds the peers that hold most, one at a time, until the budget is back under its limit. One
     * shedder at a time: a peer that went over while another was being shed sees the total after
     * that shed, and sheds nobody more for bytes already on their way out.
     */
    private void shedUntilUnder() {
        List<Runnable> closes = new ArrayList<>(1);
        synchronized (shedding) {
            while (used.get() > limit) {
                Account costliest = costliest();
                if (costliest == null) {
                    break;
                }
                Runnable close = costliest.shedOnce("the server was over its memory budget of " + limit + " bytes");
                if (close != null) {
                    closes.add(close);
                }
            }
        }
        closes.forEach(Runnable::run);
    }

    private Account costliest() {
        return accounts.stream().max(Comparator.comparingLong(a -> a.held.get())).orElse(null);
    }

    /**
     * The backstop ({@link HeapWatch}): a collection left the heap fuller than its threshold, so
     * something the accounts do not count is filling it. Sheds the peer that holds most, unless
     * peers shed before have not yet let go (what they release may be what the heap needs: the
     * next collection tells); for {@link #HEAP_PRESSURE} the server counts as {@link #over()}.
     *
     * @param heapState the pool and its figures, for the log line
     * @return whether a peer was shed
     */
    boolean shedForHeap(String heapState) {
        heapPressedAt = Math.max(1, System.nanoTime());
        if (releasing.get() > 0) {
            return false;
        }
        Runnable close;
        synchronized (shedding) {
            Account costliest = costliest();
            close = costliest == null ? null : costliest.shedOnce("a collection left the heap " + heapState
                    + " (the budget counted " + used.get() + " of " + limit + " bytes)");
        }
        if (close != null) {
            close.run();
        }
        return close != null;
    }
}
