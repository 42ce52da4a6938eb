package org.reconlab.core.spi;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named parameter blocks of a model (for {@code U V^T}: blocks {@code U} and {@code V}), in a fixed order, so that a
 * generic optimizer can update any model block by block. The set of blocks is fixed; their entries are mutable, so
 * an optimizer may update them in place.
 */
public final class Blocks {

    private final Map<String, DoubleMatrix2D> blocks;

    private Blocks(Map<String, DoubleMatrix2D> blocks) {
        this.blocks = Collections.unmodifiableMap(blocks);
    }

    public static Blocks of(String name, DoubleMatrix2D block) {
        return builder().add(name, block).build();
    }

    public static Blocks of(String name1, DoubleMatrix2D block1, String name2, DoubleMatrix2D block2) {
        return builder().add(name1, block1).add(name2, block2).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public DoubleMatrix2D get(String name) {
        DoubleMatrix2D block = blocks.get(name);
        if (block == null) {
            throw new IllegalArgumentException("no block '" + name + "'; blocks: " + blocks.keySet());
        }
        return block;
    }

    public List<String> names() {
        return List.copyOf(blocks.keySet());
    }

    public List<DoubleMatrix2D> list() {
        return new ArrayList<>(blocks.values());
    }

    public int size() {
        return blocks.size();
    }

    /** A deep copy: same names, copied entries. */
    public Blocks copy() {
        Builder builder = builder();
        blocks.forEach((name, block) -> builder.add(name, block.copy()));
        return builder.build();
    }

    /** Same names and shapes, all entries zero. */
    public Blocks zerosLike() {
        Builder builder = builder();
        blocks.forEach((name, block) -> builder.add(name, block.like()));
        return builder.build();
    }

    /** Sum of squared entries over all blocks. */
    public double squaredNorm() {
        double sum = 0;
        for (DoubleMatrix2D block : blocks.values()) {
            sum += block.aggregate(cern.jet.math.Functions.plus, cern.jet.math.Functions.square);
        }
        return sum;
    }

    /** Whether every entry of every block is finite. */
    public boolean isFinite() {
        for (DoubleMatrix2D block : blocks.values()) {
            for (int i = 0; i < block.rows(); i++) {
                for (int j = 0; j < block.columns(); j++) {
                    if (!Double.isFinite(block.getQuick(i, j))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Blocks[");
        blocks.forEach((name, block) -> text.append(name).append(' ').append(block.rows()).append('x')
                .append(block.columns()).append(", "));
        if (!blocks.isEmpty()) {
            text.setLength(text.length() - 2);
        }
        return text.append(']').toString();
    }

    public static final class Builder {
        private final Map<String, DoubleMatrix2D> blocks = new LinkedHashMap<>();

        public Builder add(String name, DoubleMatrix2D block) {
            requireNonNull(name, "name is null");
            requireNonNull(block, "block is null");
            if (blocks.put(name, block) != null) {
                throw new IllegalArgumentException("block '" + name + "' added twice");
            }
            return this;
        }

        public Blocks build() {
            return new Blocks(new LinkedHashMap<>(blocks));
        }
    }
}
