package dev.larder.model.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The period a date distribution counts by. */
public enum DateInterval {
    /** Calendar years: {@code 2019}. */
    YEAR,
    /** Calendar months: {@code 2019-03}. */
    MONTH;

    /** @return the name requests give ({@code year}, {@code month}) */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a name as requests give it
     * @return the interval, empty for an unknown name
     */
    public static Optional<DateInterval> fromApiName(String name) {
        return Arrays.stream(values()).filter(i -> i.apiName().equals(name)).findFirst();
    }
}
