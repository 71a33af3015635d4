package io.qexec.journal;

import io.qexec.dispatch.Dispatch;
import io.qexec.provider.ProviderJob;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.MergedResult;
import io.qexec.store.JobStore;
import io.qexec.store.RunRecord;
import io.qexec.store.StoredRun;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link JobStore}: a journal in an embedded SQLite database (WAL mode, synchronous commits), by
 * default {@code ~/.qexec/runs.db}. What it records, and when it is on disk:
 *
 * <ul>
 *   <li>{@link #runStarted}: the run (dispatch as JSON, merge policy by name and data, options) and one row
 *       per job (its intent), in one transaction, before the call returns, so before any submission;</li>
 *   <li>{@link #jobSubmitting}: that a remote job is being sent, before it is sent;</li>
 *   <li>{@link #jobAccepted}, {@link #jobState}, {@link #jobResult}: for remote jobs, on disk before the call
 *       returns; for jobs of re-runnable providers (the local simulators, re-run on resume at no cost) only the
 *       final transition and the result are kept, queued and committed in batches by the writer thread, always in
 *       order and always before any later change that waits;</li>
 *   <li>{@link #merged}: on disk before the call returns, with everything recorded before it.</li>
 * </ul>
 *
 * <p>Runs get short readable ids ({@link #newRunId()}). Nothing is deleted except by {@link #prune(Instant)}.
 * A run is driven by one process at a time: {@link #runStarted} and {@link #acquire} take a lease that a
 * second live process cannot take ({@link RunBusyException}). Thread-safe; close it when done.
 */
public final class SqliteJobStore implements JobStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteJobStore.class);
    /** The environment variable naming the journal file. */
    public static final String JOURNAL_ENV = "QEXEC_JOURNAL";

    private final Path file;
    private final String where;
    private final Set<String> rerunnable;
    private final Connection reader;
    private final JournalWriter writer;
    private final long pid = ProcessHandle.current().pid();
    private final String host = hostName();
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
    private final Set<String> leases = ConcurrentHashMap.newKeySet();
    private final Set<String> reservedIds = ConcurrentHashMap.newKeySet();

    /** What the store keeps in memory about a run this process writes to. */
    private static final class LiveRun {
        final Map<String, String> providerOf = new ConcurrentHashMap<>();
        final Set<String> finalJobs = ConcurrentHashMap.newKeySet();
        final AtomicInteger remaining;
        final boolean merges;

        LiveRun(int jobs, boolean merges) {
            this.remaining = new AtomicInteger(jobs);
            this.merges = merges;
        }
    }

    private SqliteJobStore(Path file, Set<String> rerunnable, long maxPageCount) {
        this.file = file.toAbsolutePath().normalize();
        this.where = this.file.toString();
        this.rerunnable = Set.copyOf(rerunnable);
        Path dir = this.file.getParent();
        if (Files.isDirectory(this.file)) {
            throw new JournalException("the run journal " + where + " is a directory, not a file");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new JournalException("cannot create the directory of the run journal " + dir + ": "
                    + (e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way" : e.toString()), e);
        }
        if (!Files.exists(this.file) && !Files.isWritable(dir)) {
            throw new JournalException("cannot create the run journal " + where + ": the directory " + dir
                    + " is not writable (choose another with --journal or " + JOURNAL_ENV + ")");
        }
        Connection[] connections = openConnections(maxPageCount);
        try {
            this.writer = new JournalWriter(connections[0], where);
        } catch (SQLException e) {
            closeQuietly(connections[0]);
            closeQuietly(connections[1]);
            throw JournalErrors.describe(where, e);
        }
        this.reader = connections[1];
    }

    /** The writing and the reading connection, the schema migrated; waits while another process holds the file. */
    private Connection[] openConnections(long maxPageCount) {
        long deadline = System.nanoTime() + OPEN_PATIENCE.toNanos();
        while (true) {
            Connection w = null;
            Connection r = null;
            try {
                w = connect(maxPageCount);
                Schema.migrate(w, where);
                r = connect(0);
                return new Connection[] {w, r};
            } catch (SQLException e) {
                closeQuietly(w);
                closeQuietly(r);
                if (!isBusy(e) || System.nanoTime() > deadline) {
                    throw JournalErrors.describe(where, e);
                }
            } catch (RuntimeException e) {
                closeQuietly(w);
                closeQuietly(r);
                throw e;
            }
            // another process is creating the file or switching it to WAL: SQLite reports that as busy at once,
            // without waiting for the busy timeout, so wait here
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JournalException("interrupted while opening the run journal " + where, e);
            }
        }
    }

    /** How long opening waits for another process that holds the journal while creating or converting it. */
    private static final java.time.Duration OPEN_PATIENCE = java.time.Duration.ofSeconds(15);

    private static boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == 5 || code == 6; // SQLITE_BUSY, SQLITE_LOCKED (and their extended codes)
    }

    /** Opens (creating if needed) the journal at {@code file}; jobs of the {@code local} provider are re-runnable. */
    public static SqliteJobStore open(Path file) {
        return new SqliteJobStore(file, Set.of("local"), 0);
    }

    /**
     * Opens the journal at {@code file}.
     *
     * @param rerunnableProviders providers whose jobs cost nothing to run again (embedded simulators): their
     *     progress is committed in batches without making the job wait, and resume re-runs their unfinished jobs
     */
    public static SqliteJobStore open(Path file, Set<String> rerunnableProviders) {
        return new SqliteJobStore(file, rerunnableProviders, 0);
    }

    /** Test hook: a journal that can grow to at most this many pages, to see a full disk. */
    static SqliteJobStore openLimited(Path file, long maxPageCount) {
        return new SqliteJobStore(file, Set.of("local"), maxPageCount);
    }

    /** The default journal file: {@code $QEXEC_JOURNAL} if set, else {@code ~/.qexec/runs.db}. */
    public static Path defaultPath() {
        String env = System.getenv(JOURNAL_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".qexec", "runs.db");
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    /** Whether jobs of this provider are re-run rather than re-attached on resume. */
    public boolean isRerunnable(String provider) {
        return rerunnable.contains(provider);
    }

    private Connection connect(long maxPageCount) throws SQLException {
        Properties p = new Properties();
        p.setProperty("synchronous", "FULL");
        p.setProperty("foreign_keys", "true");
        p.setProperty("busy_timeout", "10000");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + where, p);
        try (Statement s = c.createStatement()) {
            // Reads the header: a corrupt or foreign file fails here, before anything is written.
            // One read transaction, so the owner check sees one snapshot even while another process is
            // creating the journal (it reads the header fields and the table count separately).
            s.execute("BEGIN");
            try {
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
                Schema.checkOwner(c, where);
            } finally {
                s.execute("COMMIT");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                    LOG.warn("the run journal {} cannot use WAL mode; it runs in {} mode", where, rs.getString(1));
                }
            }
            if (maxPageCount > 0) {
                s.execute("PRAGMA max_page_count = " + maxPageCount);
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    // ---- JobStore -------------------------------------------------------------------------------------

    @Override
    public String newRunId() {
        for (int attempt = 0; attempt < 100; attempt++) {
            String id = RunIds.next();
            if (!exists(id) && reservedIds.add(id)) {
                return id;
            }
        }
        throw new JournalException("no free run id found in " + where);
    }

    @Override
    public void runStarted(RunRecord run) {
        List<Dispatch.Entry> entries = run.dispatch().entries();
        LiveRun info = new LiveRun(entries.size(), !run.mergePolicy().isEmpty());
        entries.forEach(e -> info.providerOf.put(e.job().id(), e.provider()));
        String dispatch = DispatchCodec.write(run.dispatch());
        String mergeData = JournalCodec.write(run.mergeData());
        String options = JournalCodec.write(run.options());
        String name = defaultName(run.dispatch());
        Instant started = run.startedAt() == null ? Instant.now() : run.startedAt();
        writer.commit(s -> {
            s.update("INSERT INTO runs(id, name, created_at, dispatch, merge_policy, merge_data, options, job_count) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", run.runId(), name, started.toEpochMilli(), dispatch,
                    run.mergePolicy(), mergeData, options, entries.size());
            PreparedStatement p = s.sql("INSERT INTO jobs(run_id, job_id, position, provider, backend, state) "
                    + "VALUES (?, ?, ?, ?, ?, 'PENDING')");
            for (int i = 0; i < entries.size(); i++) {
                Dispatch.Entry e = entries.get(i);
                p.setString(1, run.runId());
                p.setString(2, e.job().id());
                p.setInt(3, i);
                p.setString(4, e.provider());
                p.setString(5, e.backend());
                p.addBatch();
            }
            p.executeBatch();
            writeLease(s, run.runId());
        });
        live.put(run.runId(), info);
        leases.add(run.runId());
        reservedIds.remove(run.runId());
        if (entries.isEmpty() && !info.merges) {
            release(run.runId());
        }
    }

    @Override
    public void jobIntent(String runId, Dispatch.Entry entry) {
        LiveRun info = liveRun(runId);
        if (info.providerOf.containsKey(entry.job().id())) {
            return;
        }
        writer.commit(s -> s.update("INSERT INTO jobs(run_id, job_id, position, provider, backend, state) "
                + "VALUES (?, ?, (SELECT count(*) FROM jobs WHERE run_id = ?), ?, ?, 'PENDING')", runId,
                entry.job().id(), runId, entry.provider(), entry.backend()));
        info.providerOf.put(entry.job().id(), entry.provider());
        info.remaining.incrementAndGet();
    }

    @Override
    public void jobSubmitting(String runId, String jobId) {
        String at = Instant.now().toString();
        writer.commit(s -> requireJob(s.update("UPDATE jobs SET submitting_at = ? WHERE run_id = ? AND job_id = ?",
                at, runId, jobId), runId, jobId));
    }

    @Override
    public void jobAccepted(String runId, String jobId, ProviderJob handle) {
        if (isRerunnable(providerOf(runId, jobId))) {
            // A local handle means nothing to another process: the job is re-run, and its result keeps the id.
            return;
        }
        String json = JournalCodec.handle(handle);
        write(runId, jobId, s -> requireJob(s.update("UPDATE jobs SET handle = ? WHERE run_id = ? AND job_id = ?", json,
                runId, jobId), runId, jobId));
    }

    @Override
    public void jobState(String runId, String jobId, JobState state, Instant at, JobError error) {
        String errorJson = error == null ? null : JournalCodec.write(JournalCodec.error(error));
        String when = (at == null ? Instant.now() : at).toString();
        if (isRerunnable(providerOf(runId, jobId))) {
            if (!state.isTerminal()) {
                // A local job's SUBMITTED/RUNNING last microseconds and are re-run anyway: only its end is kept.
                return;
            }
            // One statement: the job's own state follows with its result (jobResult), the only state resume reads.
            writer.submit(s -> s.update("INSERT INTO transitions(run_id, job_id, state, at, error) VALUES (?, ?, ?, ?, ?)",
                    runId, jobId, state.name(), when, errorJson));
            return;
        }
        write(runId, jobId, s -> {
            requireJob(s.update("UPDATE jobs SET state = ? WHERE run_id = ? AND job_id = ?", state.name(), runId, jobId),
                    runId, jobId);
            s.update("INSERT INTO transitions(run_id, job_id, state, at, error) VALUES (?, ?, ?, ?, ?)", runId, jobId,
                    state.name(), when, errorJson);
        });
    }

    @Override
    public void jobResult(String runId, JobResult result) {
        String json = JournalCodec.result(result);
        String jobId = result.jobId();
        write(runId, jobId, s -> requireJob(s.update("UPDATE jobs SET result = ?, state = ? WHERE run_id = ? AND job_id = ?",
                json, result.state().name(), runId, jobId), runId, jobId));
        LiveRun info = live.get(runId);
        if (info != null && result.isDone() && info.finalJobs.add(jobId) && info.remaining.decrementAndGet() == 0
                && !info.merges) {
            release(runId);
        }
    }

    @Override
    public void merged(String runId, MergedResult merged) {
        String json = JournalCodec.merged(merged);
        writer.commit(s -> s.update("UPDATE runs SET merged = ? WHERE id = ?", json, runId));
        release(runId);
    }

    @Override
    public List<RunRecord> runs() {
        writer.flush();
        List<RunRecord> out = new ArrayList<>();
        read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, created_at, dispatch, merge_policy, merge_data, options FROM runs ORDER BY created_at, rowid")) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
            return null;
        });
        return Collections.unmodifiableList(out);
    }

    @Override
    public Optional<StoredRun> run(String runId) {
        writer.flush();
        return read(c -> {
            RunRecord record;
            MergedResult merged;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, created_at, dispatch, merge_policy, merge_data, options, merged FROM runs WHERE id = ?")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    record = record(rs);
                    merged = JournalCodec.merged(rs.getString(7));
                }
            }
            Map<String, List<StoredRun.Transition>> transitions = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT job_id, state, at, error FROM transitions WHERE run_id = ? ORDER BY seq")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String error = rs.getString(4);
                        transitions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StoredRun.Transition(
                                JobState.valueOf(rs.getString(2)), Instant.parse(rs.getString(3)),
                                error == null ? null : JournalCodec.error(JournalCodec.readMap(error))));
                    }
                }
            }
            Map<String, StoredRun.StoredJob> jobs = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT job_id, provider, backend, handle, result FROM jobs WHERE run_id = ? ORDER BY position")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        jobs.put(id, new StoredRun.StoredJob(rs.getString(2), rs.getString(3),
                                JournalCodec.handle(rs.getString(4)), List.copyOf(transitions.getOrDefault(id, List.of())),
                                JournalCodec.result(rs.getString(5))));
                    }
                }
            }
            return Optional.of(new StoredRun(record, Collections.unmodifiableMap(jobs), merged));
        });
    }

    // ---- run management -------------------------------------------------------------------------------

    /** Every run, oldest first, with its status and progress. */
    public List<RunSummary> summaries() {
        writer.flush();
        List<String[]> rows = new ArrayList<>();
        List<RunSummary> out = new ArrayList<>();
        read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT r.id, r.name, r.created_at, r.job_count, r.merge_policy, r.merged IS NOT NULL,
                      (SELECT count(*) FROM jobs j WHERE j.run_id = r.id AND j.state IN ('COMPLETED','FAILED','CANCELLED'))
                    FROM runs r ORDER BY r.created_at, r.rowid""")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    int total = rs.getInt(4);
                    int done = rs.getInt(7);
                    boolean finished = done == total && (rs.getString(5).isEmpty() || rs.getBoolean(6));
                    out.add(new RunSummary(id, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            finished ? RunStatus.FINISHED : RunStatus.INTERRUPTED, done, total));
                }
            }
            return null;
        });
        rows.clear();
        List<RunSummary> withLeases = new ArrayList<>(out.size());
        for (RunSummary r : out) {
            boolean driven = r.status() != RunStatus.FINISHED && lease(r.id()).filter(this::isAlive).isPresent();
            withLeases.add(driven ? new RunSummary(r.id(), r.name(), r.created(), RunStatus.RUNNING, r.done(), r.total()) : r);
        }
        return Collections.unmodifiableList(withLeases);
    }

    /** One run's summary. */
    public Optional<RunSummary> summary(String runId) {
        return summaries().stream().filter(s -> s.id().equals(runId)).findFirst();
    }

    /** Gives a run a readable name (shown by {@code qexec runs}). */
    public void label(String runId, String name) {
        writer.commit(s -> {
            if (s.update("UPDATE runs SET name = ? WHERE id = ?", name, runId) == 0) {
                throw new JournalException("no run " + runId + " in " + where);
            }
        });
    }

    /** Whether a run with this id is recorded. */
    public boolean exists(String runId) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The jobs of a run that were being handed to their provider (submission recorded as under way). */
    public Set<String> submittingJobs(String runId) {
        writer.flush();
        return read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT job_id FROM jobs WHERE run_id = ? AND submitting_at IS NOT NULL ORDER BY position")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return Collections.unmodifiableSet(out);
        });
    }

    /** The lease on a run, if any process took one. */
    public Optional<RunLease> lease(String runId) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT pid, host, since FROM leases WHERE run_id = ?")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new RunLease(runId, rs.getLong(1), rs.getString(2),
                            Instant.parse(rs.getString(3)))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Takes the run for this process (to resume or cancel it).
     *
     * @throws RunBusyException if another live process holds it
     * @throws JournalException if there is no such run
     */
    public void acquire(String runId) {
        writer.commit(s -> {
            try (PreparedStatement p = s.connection().prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new JournalException("no run " + runId + " in " + where + " (see 'qexec runs')");
                    }
                }
            }
            try (PreparedStatement p = s.connection().prepareStatement("SELECT pid, host, since FROM leases WHERE run_id = ?")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        RunLease owner = new RunLease(runId, rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)));
                        if (!(owner.pid() == pid && owner.host().equals(host)) && isAlive(owner)) {
                            throw new RunBusyException(runId, owner);
                        }
                    }
                }
            }
            writeLease(s, runId);
        });
        leases.add(runId);
        live.put(runId, load(runId));
    }

    private LiveRun load(String runId) {
        return read(c -> {
            boolean merges;
            try (PreparedStatement p = c.prepareStatement("SELECT merge_policy != '' AND merged IS NULL FROM runs WHERE id = ?")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    merges = rs.next() && rs.getBoolean(1);
                }
            }
            LiveRun r = new LiveRun(0, merges);
            try (PreparedStatement p = c.prepareStatement("SELECT job_id, provider, state FROM jobs WHERE run_id = ?")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        r.providerOf.put(rs.getString(1), rs.getString(2));
                        if (JobState.valueOf(rs.getString(3)).isTerminal()) {
                            r.finalJobs.add(rs.getString(1));
                        } else {
                            r.remaining.incrementAndGet();
                        }
                    }
                }
            }
            return r;
        });
    }

    /** Gives the run back (no-op if this process does not hold it). */
    public void release(String runId) {
        if (!leases.remove(runId)) {
            return;
        }
        long me = pid;
        try {
            writer.commit(s -> s.update("DELETE FROM leases WHERE run_id = ? AND pid = ? AND host = ?", runId, me, host));
        } catch (JournalException e) {
            LOG.warn("cannot release run {}: {}", runId, e.getMessage());
        }
        live.remove(runId);
    }

    /**
     * Deletes the runs recorded before {@code cutoff}, except runs a live process drives.
     *
     * @return the ids deleted
     */
    public List<String> prune(Instant cutoff) {
        writer.flush();
        List<String> candidates = read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM runs WHERE created_at < ? ORDER BY created_at")) {
                p.setLong(1, cutoff.toEpochMilli());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
        List<String> deleted = new ArrayList<>();
        for (String id : candidates) {
            if (lease(id).filter(this::isAlive).isPresent()) {
                continue;
            }
            writer.commit(s -> s.update("DELETE FROM runs WHERE id = ?", id));
            deleted.add(id);
        }
        return Collections.unmodifiableList(deleted);
    }

    /** Whether the process holding a lease is alive (a lease from another host counts as alive). */
    boolean isAlive(RunLease lease) {
        if (!lease.host().equals(host)) {
            return true;
        }
        if (lease.pid() == pid) {
            return true;
        }
        return ProcessHandle.of(lease.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Releases this process's leases and closes the file. Queued changes are committed first. */
    @Override
    public void close() {
        for (String runId : new HashSet<>(leases)) {
            release(runId);
        }
        writer.close();
        closeQuietly(reader);
    }

    // ---- internals ------------------------------------------------------------------------------------

    private void write(String runId, String jobId, JournalWriter.Change change) {
        CompletableFuture<Void> done = writer.submit(change);
        if (!isRerunnable(providerOf(runId, jobId))) {
            JournalWriter.await(done);
        }
    }

    private String providerOf(String runId, String jobId) {
        LiveRun info = live.get(runId);
        String p = info == null ? null : info.providerOf.get(jobId);
        if (p != null) {
            return p;
        }
        writer.flush();
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider FROM jobs WHERE run_id = ? AND job_id = ?")) {
                ps.setString(1, runId);
                ps.setString(2, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new JournalException("no job " + jobId + " in run " + runId + " of " + where);
                    }
                    return rs.getString(1);
                }
            }
        });
    }

    private LiveRun liveRun(String runId) {
        LiveRun info = live.get(runId);
        if (info != null) {
            return info;
        }
        if (!exists(runId)) {
            throw new JournalException("no run " + runId + " in " + where);
        }
        return load(runId);
    }

    private void writeLease(JournalWriter.Statements s, String runId) throws SQLException {
        s.update("INSERT INTO leases(run_id, pid, host, since) VALUES (?, ?, ?, ?) ON CONFLICT(run_id) DO UPDATE SET "
                + "pid = excluded.pid, host = excluded.host, since = excluded.since", runId, pid, host, Instant.now().toString());
    }

    private static void requireJob(int updated, String runId, String jobId) {
        if (updated == 0) {
            throw new JournalException("no job " + jobId + " in run " + runId);
        }
    }

    private static RunRecord record(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), DispatchCodec.read(rs.getString(3)),
                rs.getString(4), JournalCodec.readMap(rs.getString(5)), JournalCodec.readMap(rs.getString(6)));
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Query<T> q) {
        synchronized (reader) {
            try {
                return q.run(reader);
            } catch (SQLException e) {
                throw JournalErrors.describe(where, e);
            }
        }
    }

    private static String defaultName(Dispatch dispatch) {
        Set<String> names = new LinkedHashSet<>();
        for (Dispatch.Entry e : dispatch) {
            String n = e.job().circuit().name();
            names.add(n == null || n.isBlank() ? "circuit" + e.job().circuitIndex() : n);
        }
        String joined = String.join(",", names);
        return joined.length() <= 40 ? joined : joined.substring(0, 37) + "...";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing the journal connection failed: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "SqliteJobStore[" + where + "]";
    }
}
