package io.eurekaagent.client;

/** No configured server gave an answer (connection errors, timeouts, 5xx); the message says what each did. */
public final class EurekaUnavailableException extends Exception {
    public EurekaUnavailableException(String message) {
        super(message);
    }
}
