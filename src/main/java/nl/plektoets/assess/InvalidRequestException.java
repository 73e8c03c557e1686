package nl.plektoets.assess;

/**
 * A request the engine cannot assess, with the request field at fault ({@code site}, {@code form},
 * {@code persons}) so the HTTP layer can answer 422 naming it and the CLI can exit with code 2.
 */
public final class InvalidRequestException extends IllegalArgumentException {
    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
