package dev.larder.emulator.library;

import java.util.Arrays;

/**
 * Zipf-distributed popularity over ids 1..n: rank r has weight 1/(r+1)^exponent, and ranks are assigned to ids by
 * a seeded shuffle so that popular entities are spread over the id range. Immutable after construction.
 */
final class Zipf {

    private final double[] cumulative;
    private final int[] idOfRank;
    private final int[] rankOfId;

    Zipf(int n, double exponent, long seed) {
        cumulative = new double[n];
        double total = 0;
        for (int r = 0; r < n; r++) {
            total += 1.0 / Math.pow(r + 1, exponent);
            cumulative[r] = total;
        }
        idOfRank = new int[n];
        for (int r = 0; r < n; r++) {
            idOfRank[r] = r + 1;
        }
        Draw draw = new Draw(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = draw.below(i + 1);
            int swap = idOfRank[i];
            idOfRank[i] = idOfRank[j];
            idOfRank[j] = swap;
        }
        rankOfId = new int[n + 1];
        for (int r = 0; r < n; r++) {
            rankOfId[idOfRank[r]] = r;
        }
    }

    int size() {
        return idOfRank.length;
    }

    /** An id drawn from the whole distribution, or 0 when there are no ids. */
    int sample(double u) {
        return sampleTop(u, idOfRank.length);
    }

    /** An id drawn from the {@code top} most popular ids only. */
    int sampleTop(double u, int top) {
        if (top <= 0) {
            return 0;
        }
        double target = u * cumulative[top - 1];
        int at = Arrays.binarySearch(cumulative, 0, top, target);
        int rank = at >= 0 ? at : Math.min(-at - 1, top - 1);
        return idOfRank[rank];
    }

    /** The popularity rank of an id, 0 for the most popular. */
    int rank(int id) {
        return rankOfId[id];
    }
}
