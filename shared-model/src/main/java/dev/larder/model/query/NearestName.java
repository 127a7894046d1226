package dev.larder.model.query;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The "did you mean" of error messages: the candidate closest to a misspelt name. Stateless. */
final class NearestName {

    private NearestName() {
    }

    /**
     * Finds the candidate with the smallest edit distance to a name, ignoring case, when it is close enough to be a
     * likely misspelling: at most a third of the longer name's length apart (at least one edit).
     *
     * @param name       the name given
     * @param candidates the valid names; on a tie the first wins
     * @return the suggestion, empty when nothing is close
     */
    static Optional<String> to(String name, Collection<String> candidates) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && distance <= Math.max(1, Math.max(name.length(), candidate.length()) / 3)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, one row at a time. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
