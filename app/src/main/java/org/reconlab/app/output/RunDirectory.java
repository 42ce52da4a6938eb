package org.reconlab.app.output;

import com.fasterxml.jackson.core.JacksonException;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>Every file found here may be damaged (a kill, a full disk, a hand edit): what cannot be used is named, renamed
 * {@code *.corrupt} and redone, never trusted and never a reason to stop.
 */
public final class RunDirectory implements AutoCloseable {

    public static final String MANIFEST = "manifest.json";
    public static final String TRIALS_CSV = "trials.csv";
    public static final String SERIES_CSV = "series.csv";
    private static final String TRIALS_DIR = "trials";
    private static final String LOCK = ".lock";
    private static final String SHARDS_DIR = "shards";
    private static final Pattern TRIAL_NAME = Pattern.compile("trial-(\\d{6,9})\\.json");

    /** Appended to the name of a file resume could not use. */
    public static final String CORRUPT_SUFFIX = ".corrupt";

    private static final Logger log = LoggerFactory.getLogger(RunDirectory.class);

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
        RunDirectory directory = new RunDirectory(root, channel, lock);
        directory.removeTemporaryFiles();
        return directory;
    }

    /**
     * Removes the temporary files a killed run left behind ({@link AtomicFiles} names them {@code .NAME.*.tmp}). The
     * lock is held, so no writer of this directory is alive; shards are other run directories with locks of their own.
     */
    private void removeTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                boolean inShard = root.relativize(file).startsWith(SHARDS_DIR);
                if (!inShard && name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(file)) {
                    log.debug("removing {}, left by a run that did not finish", file);
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    public Path root() {
        return root;
    }

    /** Whether a manifest of an earlier run is present. */
    public boolean hasManifest() {
        return Files.exists(root.resolve(MANIFEST));
    }

    /**
     * The manifest of an earlier run into this directory.
     *
     * @throws CorruptFileException naming the file if it is not a JSON object
     */
    public Map<String, Object> readManifest() throws IOException {
        Path file = root.resolve(MANIFEST);
        Object manifest;
        try {
            manifest = JSON.readValue(file.toFile(), Object.class);
        } catch (JacksonException e) {
            throw new CorruptFileException(file, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(manifest instanceof Map<?, ?> map) || !(map.get("fingerprint") instanceof String)) {
            throw new CorruptFileException(file, "not a reconlab manifest (no fingerprint)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
    }

    /**
     * Renames {@code file} to {@code file.corrupt} (replacing an earlier one), so that a damaged file stays for
     * inspection without blocking the run; returns the new name.
     */
    public Path setAside(Path file) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + CORRUPT_SUFFIX);
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
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

    /**
     * The trials saved so far, by index.
     *
     * @throws CorruptFileException naming the first file that is damaged or whose content is not the trial its name says
     */
    public Map<Integer, TrialRecord> savedTrials() throws IOException {
        Map<Integer, TrialRecord> saved = new TreeMap<>();
        for (Path file : trialFiles()) {
            TrialRecord record = readTrial(file);
            saved.put(record.index(), record);
        }
        return saved;
    }

    /** A trial file that resume did not keep: the file, why, and its new name. */
    public record SetAside(Path file, String reason, Path movedTo) {
        public String describe() {
            return file + ": " + reason + "; set aside as " + movedTo.getFileName() + ", the trial runs again";
        }
    }

    /** The trials resume keeps, and the files it set aside. */
    public record Resumable(Map<Integer, TrialRecord> trials, List<SetAside> setAside) {
    }

    /**
     * The saved trials that parse and that {@code check} accepts, by index. Every other trial file (damaged, empty,
     * half-written, of another index, seed, sweep point or spec) is renamed {@code *.corrupt} and reported.
     *
     * @param check the reason a well-formed record does not belong to this run, or empty if it does
     */
    public Resumable resumableTrials(Function<TrialRecord, Optional<String>> check) throws IOException {
        Map<Integer, TrialRecord> kept = new TreeMap<>();
        List<SetAside> setAside = new ArrayList<>();
        for (Path file : trialFiles()) {
            String reason;
            try {
                TrialRecord record = readTrial(file);
                reason = check.apply(record).orElse(null);
                if (reason == null) {
                    kept.put(record.index(), record);
                    continue;
                }
            } catch (CorruptFileException e) {
                reason = e.reason();
            }
            setAside.add(new SetAside(file, reason, setAside(file)));
        }
        return new Resumable(kept, setAside);
    }

    private List<Path> trialFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve(TRIALS_DIR), "trial-*.json")) {
            files.forEach(found::add);
        }
        found.sort(null);
        return found;
    }

    /** Reads a trial file, checking that it is whole and is the trial its name says. */
    private static TrialRecord readTrial(Path file) throws IOException {
        Matcher name = TRIAL_NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new CorruptFileException(file, "not a trial file name (trial-NNNNNN.json)");
        }
        if (!Files.isRegularFile(file)) {
            throw new CorruptFileException(file, "not a regular file");
        }
        TrialRecord record;
        try {
            record = JSON.readValue(file.toFile(), TrialRecord.class);
        } catch (JacksonException e) {
            throw new CorruptFileException(file, Files.size(file) == 0 ? "empty" : "not a whole trial record ("
                    + e.getOriginalMessage() + ")");
        }
        Optional<String> damage = record == null ? Optional.of("empty") : record.damage();
        if (damage.isPresent()) {
            throw new CorruptFileException(file, damage.get());
        }
        if (record.index() != Integer.parseInt(name.group(1))) {
            throw new CorruptFileException(file, "its content is trial " + record.index() + ", not trial "
                    + Integer.parseInt(name.group(1)));
        }
        return record;
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

    /** A file of a run directory that is damaged or is not what its name says; the message names it. */
    public static final class CorruptFileException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        CorruptFileException(Path file, String reason) {
            super(file + ": " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
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
