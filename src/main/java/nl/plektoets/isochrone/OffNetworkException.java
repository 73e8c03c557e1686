package nl.plektoets.isochrone;

/** The point lies too far from any road or path the mode may use; the web layer answers 422. */
public final class OffNetworkException extends RuntimeException {
    private final double distanceM;

    public OffNetworkException(String message, double distanceM) {
        super(message);
        this.distanceM = distanceM;
    }

    /** Metres to the nearest usable edge, NaN when there is none at all. */
    public double distanceM() {
        return distanceM;
    }
}
