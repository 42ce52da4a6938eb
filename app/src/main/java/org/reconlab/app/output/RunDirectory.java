package org.reconlab.app.output;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The output directory of a run. It holds a lock for as long as the run lasts (a second run into the same directory
 * refuses), saves each finished trial as its own file the moment it finishes, and reads those files back to resume.
 *
 * <pre>
 * DIR/manifest.json             resolved spec, seeds, versions, machine, times, trial statuses
 * DIR/trials.csv                one row per trial
 * DIR/series.csv                long format: trial, iteration, metric, value
 * DIR/trials/trial-NNNNNN.json  one finished trial, the unit of resume
 * </pre>
 */
public final class RunDirectory implements AutoCloseable {

    public static final String MANIFEST = "manifest.json";
    public static final String TRIALS_CSV = "trials.csv";
    public static final String SERIES_CSV = "series.csv";
    private static final String TRIALS_DIR = "trials";
    private static final String LOCK = ".lock";

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates (or reopens) {@code root} and locks it.
     *
     * @throws RunDirectoryBusyException if another run holds the lock
     * @throws IOException if the directory cannot be created or written
     */
    public static RunDirectory open(Path root) throws IOException {
        FileChannel channel;
        try {
            Files.createDirectories(root.resolve(TRIALS_DIR));
            channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot write the run directory " + root + ": " + e, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new RunDirectoryBusyException(root);
        }
        return new RunDirectory(root, channel, lock);
    }

    public Path root() {
        return root;
    }

    /** Whether a manifest of an earlier run is present. */
    public boolean hasManifest() {
        return Files.exists(root.resolve(MANIFEST));
    }

    /** The manifest of an earlier run into this directory. */
    public Map<String, Object> readManifest() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = JSON.readValue(root.resolve(MANIFEST).toFile(), Map.class);
        return manifest;
    }

    public void writeManifest(Map<String, Object> manifest) throws IOException {
        AtomicFiles.write(root.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
    }

    /** Saves one finished trial; after this returns, the trial survives a crash of the run. */
    public void saveTrial(TrialRecord record) {
        try {
            AtomicFiles.write(trialFile(record.index()), JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save trial " + record.index() + " to " + trialFile(record.index())
                    + ": " + e.getMessage(), e);
        }
    }

    /** The trials saved so far, by index. */
    public Map<Integer, TrialRecord> savedTrials() throws IOException {
        Map<Integer, TrialRecord> saved = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve(TRIALS_DIR), "trial-*.json")) {
            for (Path file : files) {
                TrialRecord record = JSON.readValue(file.toFile(), TrialRecord.class);
                saved.put(record.index(), record);
            }
        }
        return saved;
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    private Path trialFile(int index) {
        return root.resolve(TRIALS_DIR).resolve(String.format("trial-%06d.json", index));
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    /** Another run is writing into the same directory. */
    public static final class RunDirectoryBusyException extends IOException {
        private static final long serialVersionUID = 1L;

        RunDirectoryBusyException(Path root) {
            super("another reconlab run is writing into " + root + " (it holds " + root.resolve(LOCK)
                    + "); wait for it to finish or choose another --out");
        }
    }
}
