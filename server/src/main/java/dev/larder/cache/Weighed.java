package dev.larder.cache;

/** A value kept in L1, which knows about how many bytes of heap it holds (its weight against the budget). */
public interface Weighed {

    /** @return an estimate of the heap bytes this value holds, 1 or more */
    int weightBytes();
}
