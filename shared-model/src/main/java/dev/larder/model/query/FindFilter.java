package dev.larder.model.query;

/**
 * Stash's {@code FindFilterType}: the search text, page and sort of a query. Every part may be null, meaning
 * Stash's default: no search, page 1, 25 per page, the type's default sort, ascending.
 *
 * @param q         the search text; may be null
 * @param page      the page, from 1; may be null
 * @param perPage   results per page ({@code per_page}), -1 for all of them; may be null
 * @param sort      the sort key, as Stash names it ({@code "title"}, {@code "random_12345"}); may be null
 * @param direction the sort direction; may be null
 */
public record FindFilter(String q, Integer page, Integer perPage, String sort, SortDirection direction)
        implements InputView {

    private static final RecordMapping<FindFilter> MAPPING = RecordMapping.of(FindFilter.class, "FindFilterType");

    /**
     * @param page    the page, from 1
     * @param perPage results per page, -1 for all
     * @return that page, unsorted and without a search
     */
    public static FindFilter page(int page, int perPage) {
        return new FindFilter(null, page, perPage, null, null);
    }

    /**
     * @param sort      the sort key
     * @param direction the direction
     * @return this filter sorted so
     */
    public FindFilter sorted(String sort, SortDirection direction) {
        return new FindFilter(q, page, perPage, sort, direction);
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code FindFilterType}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static FindFilter from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
