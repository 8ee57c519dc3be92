package io.eurekaagent.log;

/**
 * Failures in a row of one kind of call: failures 1, 2, 4, 8 ... are logged, so a long Eureka outage does not flood
 * the app's output, and the first success after them says how many there were.
 */
public final class FailureStreak {
    private final String recoveredMessage;
    private volatile int failures;
    private volatile String lastCause;

    /** @param recoveredMessage e.g. {@code Eureka answers again}, followed by {@code after N failed attempts} */
    public FailureStreak(String recoveredMessage) {
        this.recoveredMessage = recoveredMessage;
    }

    /** @param what the call that failed; @param why the reason, and what happens next */
    public void failed(String what, String why) {
        failures++;
        lastCause = what + " failed: " + why;
        if (Integer.bitCount(failures) == 1) {
            AgentLog.warn(what + " failed" + (failures > 1 ? " " + failures + " times in a row" : "") + ": " + why);
        }
    }

    /** Failures since the last success (for the agent's MBean). */
    public int count() {
        return failures;
    }

    /** The last failure and its cause, kept after a success; null before any. */
    public String lastCause() {
        return lastCause;
    }

    public void succeeded() {
        if (failures > 0) {
            AgentLog.info(recoveredMessage + " after " + failures + " failed attempts");
            failures = 0;
        }
    }
}
