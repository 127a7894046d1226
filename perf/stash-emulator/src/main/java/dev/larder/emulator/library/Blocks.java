package dev.larder.emulator.library;

/**
 * Splits parents 1..P and children 1..C into the same number of consecutive blocks, so that a child only ever
 * refers to parents of its own block. That makes a reverse relation (the children of a parent) a scan of one small
 * block instead of all children. Immutable.
 */
final class Blocks {

    private final int parents;
    private final int children;
    private final int blocks;

    Blocks(int parents, int children, int parentsPerBlock) {
        this.parents = parents;
        this.children = children;
        this.blocks = parents == 0 ? 0 : (parents + parentsPerBlock - 1) / parentsPerBlock;
    }

    /** First parent id of a block; {@code parentStart(blocks)} is one past the last. */
    int parentStart(int block) {
        return (int) ((long) block * parents / blocks) + 1;
    }

    int childStart(int block) {
        return (int) ((long) block * children / blocks) + 1;
    }

    /** The block of a child id in 1..C, or -1 when there are no parents. */
    int blockOfChild(int child) {
        return blocks == 0 ? -1 : blockOf(child, children);
    }

    int blockOfParent(int parent) {
        return blockOf(parent, parents);
    }

    private int blockOf(int id, int total) {
        // the largest b with floor(b * total / blocks) <= id - 1
        return (int) (((long) id * blocks - 1) / total);
    }
}
