package cn.yuqing.analysis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;

/**
 * The workers that take items from the queue to their candidates. A worker takes the partition of
 * the most pressing waiting item under a lease, reads the next batch of its items on every core
 * while it places the batch before (reading needs no lock and no connection), and places each
 * batch in one transaction; an urgent item that comes meanwhile goes before the batch read ahead
 * (set aside, its items still queued), in a batch of urgent items only. It lets the partition go
 * after {@value #ROUNDS} batches, or at once when an urgent item waits in a partition nobody is
 * placing, so that one viral matter cannot hold up another county's warning.
 *
 * <p>Stopped before the database closes (a {@link SmartLifecycle} in the default phase): the batch
 * in hand is finished or rolled back, never cut half-way, and the queue holds the rest for the
 * next start.
 */
@Component
class PlacementWorkers implements SmartLifecycle {

    static final int ROUNDS = 10;
    private static final Logger log = LoggerFactory.getLogger(PlacementWorkers.class);

    private final AnalysisQueue queue;
    private final PlacementPartitions partitions;
    private final Placement placement;
    private final AnalysisEngine engine;
    private final Items items;
    private final Clock clock;
    private final int workers;
    private final int batch;
    private final boolean severalNodes;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private ForkJoinPool readers;

    PlacementWorkers(AnalysisQueue queue, PlacementPartitions partitions, Placement placement, AnalysisEngine engine,
            Items items, Clock clock, @Value("${yuqing.analysis.workers:2}") int workers, @Value("${yuqing.analysis.batch:1000}") int batch,
            @Value("${spring.modulith.events.externalization.enabled:false}") boolean severalNodes) {
        this.queue = queue;
        this.partitions = partitions;
        this.placement = placement;
        this.engine = engine;
        this.items = items;
        this.clock = clock;
        // 0 pauses analysis (a benchmark of intake alone): the items wait in the queue
        this.workers = Math.max(0, workers);
        this.batch = Math.max(1, batch);
        this.severalNodes = severalNodes;
    }

    @Override
    public void start() {
        if (!severalNodes) {
            partitions.releaseAll();
        }
        engine.prepare();
        int caughtUp = queue.catchUp();
        if (caughtUp > 0) {
            log.info("分析队列：补入{}条尚未分析的信息", caughtUp);
        }
        // a pool's threads see the JVM's class loader, not the application's (in the packaged jar the
        // lexicons and HanLP's dictionaries are only on the latter): each reader is given it
        ClassLoader application = PlacementWorkers.class.getClassLoader();
        readers = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setContextClassLoader(application);
            t.setName("analysis-reader-" + t.getPoolIndex());
            return t;
        }, null, false);
        queue.whenQueued(this::wake);
        running = true;
        for (int i = 0; i < workers; i++) {
            String worker = node + "/" + i;
            Thread t = new Thread(() -> work(worker), "placement-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        wake();
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        readers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void work(String worker) {
        long pause = 0;
        while (running) {
            try {
                String partition = queue.nextPartition(worker);
                if (partition == null) {
                    // what waits is another worker's: look again at most five times a second, however often intake wakes us
                    long looked = System.nanoTime();
                    idle(500);
                    long rest = 200 - (System.nanoTime() - looked) / 1_000_000;
                    if (rest > 0) {
                        Thread.sleep(rest);
                    }
                } else if (partitions.acquire(partition, worker)) {
                    try {
                        drain(partition, worker);
                    } finally {
                        partitions.release(partition, worker);
                    }
                }
                pause = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the database away for a moment: what was in hand is still queued
                pause = Math.min(30_000, Math.max(500, pause * 2));
                log.warn("分析暂停{}毫秒：{}", pause, e.toString());
                idle(pause);
            }
        }
    }

    private void drain(String partition, String worker) {
        AnalysisQueue.Next ids = queue.next(partition, batch, Set.of());
        Reading reading = read(ids.items(), partition);
        for (int round = 1; running && !ids.items().isEmpty(); round++) {
            List<Placement.Read> reads = reading.reads().join();
            AnalysisQueue.Next next = round < ROUNDS ? queue.next(partition, batch, Set.copyOf(ids.items())) : AnalysisQueue.Next.NONE;
            reading = read(next.items(), partition);
            placement.place(partition, reads);
            ids = next;
            if (!partitions.acquire(partition, worker) || queue.urgentWaitsElsewhere(partition, worker)) {
                reading.setAside();
                return;
            }
            if (!next.urgent() && !next.items().isEmpty() && queue.urgentWaits(partition)) {
                // an urgent item came while the batch was placed: it goes before the batch read ahead, whose items stay queued
                reading.setAside();
                ids = queue.next(partition, batch, Set.of());
                reading = read(ids.items(), partition);
            }
        }
        reading.setAside();
    }

    /** A batch being read; set aside, what is left of it is not read. */
    private record Reading(CompletableFuture<List<Placement.Read>> reads, AtomicBoolean aside) {
        void setAside() {
            aside.set(true);
        }
    }

    /**
     * Reads on every core, off any transaction, for the partition the items wait in (their band
     * keys are salted with it); an item that cannot be read is set aside to be tried again later.
     */
    private Reading read(List<Long> ids, String partition) {
        AtomicBoolean aside = new AtomicBoolean();
        if (ids.isEmpty()) {
            return new Reading(CompletableFuture.completedFuture(List.of()), aside);
        }
        return new Reading(CompletableFuture.supplyAsync(() -> {
            Map<Long, OpinionItem> byId = new HashMap<>();
            items.byIds(ids).forEach(i -> byId.put(i.id(), i));
            Instant readAt = clock.instant();
            return ids.parallelStream().map(id -> {
                if (aside.get()) {
                    return null;
                }
                OpinionItem item = byId.get(id);
                try {
                    return Placement.Read.of(item, engine.read(item.title(), item.body(), item.channelId(), item.unitId()),
                            partition, readAt);
                } catch (RuntimeException e) {
                    log.warn("信息{}分析失败，稍后重试：{}", id, e.toString());
                    queue.failed(id);
                    return null;
                }
            }).filter(java.util.Objects::nonNull).toList();
        }, readers), aside);
    }

    private void idle(long millis) {
        synchronized (signal) {
            try {
                signal.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
