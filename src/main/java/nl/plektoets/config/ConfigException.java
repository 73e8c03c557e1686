package nl.plektoets.config;

/** A configuration value or command-line argument that cannot be used; the message says the fix. CLI exit code 2. */
public class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
