package org.reconlab.app.cluster;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reconlab.app.spec.SpecError;

/**
 * A deterministic slice of an experiment's trials: shard {@code i} of {@code n} holds the trials whose plan index
 * is {@code i} modulo {@code n}. Round-robin rather than contiguous blocks: neighbouring trials differ only in the
 * fastest sweep axis and the repetition, so every shard gets a like mix of cheap and expensive sweep points.
 * A shard writes into {@code DIR/shards/i-of-n}, a run directory of its own (resumable like any other), and
 * {@code reconlab merge DIR} combines them.
 *
 * @param index which shard, {@code 0 <= index < count}
 * @param count how many shards the trials are split into
 */
public record Shard(int index, int count) {

    /** The whole experiment, as one shard. */
    public static final Shard ALL = new Shard(0, 1);

    /** Folder of {@code DIR} that holds the shard directories. */
    public static final String SHARDS = "shards";

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})/(\\d{1,9})");
    private static final Pattern FOLDER = Pattern.compile("(\\d{1,9})-of-(\\d{1,9})");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= i < n");
        }
    }

    /** Parses {@code i/n}, as given to {@code --shard}. */
    public static Shard parse(String text) {
        Matcher matcher = TEXT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new SpecError("--shard " + text + ": expected i/n with 0 <= i < n, such as --shard 0/4");
        }
        int index = Integer.parseInt(matcher.group(1));
        int count = Integer.parseInt(matcher.group(2));
        if (count < 1 || index >= count) {
            throw new SpecError("--shard " + text + ": expected i/n with 0 <= i < n, such as --shard 0/4");
        }
        return new Shard(index, count);
    }

    /** The shard a folder of {@code DIR/shards} holds, if its name is {@code i-of-n}. */
    public static java.util.Optional<Shard> ofFolder(String name) {
        Matcher matcher = FOLDER.matcher(name);
        if (!matcher.matches()) {
            return java.util.Optional.empty();
        }
        int index = Integer.parseInt(matcher.group(1));
        int count = Integer.parseInt(matcher.group(2));
        return count >= 1 && index < count ? java.util.Optional.of(new Shard(index, count)) : java.util.Optional.empty();
    }

    public boolean isAll() {
        return count == 1;
    }

    /** Whether trial {@code trialIndex} of the plan belongs to this shard. */
    public boolean contains(int trialIndex) {
        return trialIndex % count == index;
    }

    /** The directory this shard of a run into {@code out} writes: {@code out} itself for the whole run. */
    public Path directory(Path out) {
        return isAll() ? out : out.resolve(SHARDS).resolve(folderName());
    }

    public String folderName() {
        return index + "-of-" + count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
