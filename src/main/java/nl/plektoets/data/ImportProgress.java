package nl.plektoets.data;

/**
 * Receives progress of a long-running import, so a console or a log can show it. Implementations decide what
 * to show and when (the console one stays silent for imports under a second). Called from the importing thread.
 */
public interface ImportProgress {
    /** Shows nothing. */
    ImportProgress NONE = new ImportProgress() {};

    /**
     * A new phase begins, e.g. "reading north-bayreuth.osm.gz".
     *
     * @param total the amount of work in the phase's own unit (bytes, features), or {@code <= 0} when unknown
     */
    default void phase(String name, long total) {}

    /** Work done so far in the current phase, in the phase's unit. */
    default void progress(long done) {}

    /** The whole import has finished; {@code summary} says what was produced (e.g. "48,210 features"). */
    default void finished(String summary) {}
}
