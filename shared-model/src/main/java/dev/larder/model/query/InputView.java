package dev.larder.model.query;

/**
 * A typed Java view of one of the contract's input types, such as {@link IntCriterion}. Every view converts to its
 * {@link InputObject} and back ({@code X.from(input)}) without loss, and can be given wherever an input object of
 * its type is expected ({@link InputObject.Builder#put}).
 */
public interface InputView {

    /**
     * The validated input object this view stands for.
     *
     * @return an input object of the view's input type
     * @throws InvalidInputException when the view's values do not fit the contract
     */
    InputObject toInput();
}
