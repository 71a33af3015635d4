package io.qexec.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's single writer: changes are queued in order and committed by one thread, as many as are
 * waiting in one transaction (group commit). A caller that needs its change on disk before it goes on waits
 * for the commit; every commit is synchronous ({@code synchronous=FULL}), so a change whose wait returned
 * survives a crash of the process or of the machine, and so does every change queued before it.
 */
final class JournalWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final int MAX_BATCH = 4096;

    /** One change, run inside the writer's transaction. */
    @FunctionalInterface
    interface Change {
        void apply(Statements s) throws SQLException;
    }

    /** Prepared statements of the writer's connection, kept per SQL text. */
    static final class Statements {
        private final Connection connection;
        private final Map<String, PreparedStatement> cache = new HashMap<>();

        Statements(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement sql(String sql) throws SQLException {
            PreparedStatement p = cache.get(sql);
            if (p == null) {
                p = connection.prepareStatement(sql);
                cache.put(sql, p);
            }
            return p;
        }

        int update(String sql, Object... args) throws SQLException {
            PreparedStatement p = sql(sql);
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            return p.executeUpdate();
        }

        Connection connection() {
            return connection;
        }

        void close() {
            cache.values().forEach(p -> {
                try {
                    p.close();
                } catch (SQLException e) {
                    LOG.debug("closing a statement failed: {}", e.toString());
                }
            });
        }
    }

    private record Op(Change change, CompletableFuture<Void> done) {
    }

    private static final Op STOP = new Op(s -> {
    }, new CompletableFuture<>());

    private final Connection connection;
    private final Statements statements;
    private final String where;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    JournalWriter(Connection connection, String where) throws SQLException {
        this.connection = connection;
        this.where = where;
        this.statements = new Statements(connection);
        this.thread = Thread.ofPlatform().daemon().name("qexec-journal-writer").start(this::loop);
    }

    /** Queues a change; the future completes once it is committed (or fails with a {@link JournalException}). */
    CompletableFuture<Void> submit(Change change) {
        if (closed) {
            throw new JournalException("the run journal " + where + " is closed");
        }
        return submitOp(java.util.Objects.requireNonNull(change, "change"));
    }

    private CompletableFuture<Void> submitOp(Change change) {
        if (closed) {
            throw new JournalException("the run journal " + where + " is closed");
        }
        Op op = new Op(change, new CompletableFuture<>());
        queue.add(op);
        return op.done();
    }

    /** Queues a change and returns once it is committed. */
    void commit(Change change) {
        await(submit(change));
    }

    /** Returns once everything queued so far is committed. */
    void flush() {
        await(submitOp(null));
    }

    static void await(CompletableFuture<Void> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void loop() {
        List<Op> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                apply(batch);
            }
            if (stop) {
                List<Op> rest = new ArrayList<>();
                queue.drainTo(rest);
                if (!rest.isEmpty()) {
                    apply(rest);
                }
                STOP.done().complete(null);
                return;
            }
        }
    }

    private void apply(List<Op> batch) {
        if (batch.stream().allMatch(op -> op.change() == null)) {
            batch.forEach(op -> op.done().complete(null));
            return;
        }
        try (Statement tx = connection.createStatement()) {
            // An explicit transaction per batch: no write lock is held between batches, so other processes
            // can write to the same journal.
            tx.execute("BEGIN IMMEDIATE");
            try {
                for (Op op : batch) {
                    if (op.change() != null) {
                        op.change().apply(statements);
                    }
                }
                tx.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(tx);
                throw e;
            }
            batch.forEach(op -> op.done().complete(null));
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
                return;
            }
            for (Op op : batch) {
                apply(List.of(op));
            }
        }
    }

    private void fail(Op op, Exception e) {
        RuntimeException error = e instanceof SQLException sql ? JournalErrors.describe(where, sql)
                : e instanceof JournalException j ? j : new JournalException("cannot write the run journal " + where
                + ": " + e.getMessage(), e);
        LOG.warn("{}", error.getMessage());
        op.done().completeExceptionally(error);
    }

    private static void rollback(Statement tx) {
        try {
            tx.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        STOP.done().join();
        statements.close();
    }
}
