package io.eurekaagent.lifecycle;

import io.eurekaagent.log.AgentLog;
import java.time.Duration;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Puts a {@link Drain} in front of the JVM's own SIGTERM handling, and then does what that does: the JVM's shutdown
 * (the app's shutdown hooks run) with exit code 143, 128 + SIGTERM's number. Where Java may not handle SIGTERM
 * ({@code -Xrs}) or another handler owns it (another agent's), it changes nothing and says so in one line.
 */
public final class SigtermHandler implements SignalHandler {
    private static final Signal TERM = new Signal("TERM");
    private final Drain drain;

    private SigtermHandler(Drain drain) {
        this.drain = drain;
    }

    /** @param deregistration the budget of the deregistration that starts the drain */
    public static void install(Duration drainTime, Registrar registrar, Duration deregistration) {
        Runnable leave = () -> registrar.deregister(deregistration);
        SignalHandler previous;
        try {
            previous = Signal.handle(TERM, new SigtermHandler(
                    new Drain(drainTime, registrar::isInEureka, leave, new Exit(), new Sleep())));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // -Xrs: the JVM leaves SIGTERM to the system, which ends the process without shutdown hooks.
            AgentLog.info("eureka.agent.shutdown-drain-seconds ignored: this JVM does not let Java handle SIGTERM ("
                    + e.getMessage() + "; started with -Xrs?)");
            return;
        }
        if (!isTheJvmsOwn(previous)) {
            Signal.handle(TERM, previous);
            AgentLog.info("eureka.agent.shutdown-drain-seconds ignored: another handler owns SIGTERM ("
                    + previous.getClass().getName() + "); the instance is deregistered at exit");
        }
    }

    /**
     * The JVM's handler (java.lang.Terminator's) comes back wrapped as sun.misc's SunMiscHandler; a handler installed
     * through sun.misc (by the app or another agent) comes back as itself, and is not ours to replace.
     */
    private static boolean isTheJvmsOwn(SignalHandler handler) {
        return handler.getClass().getName().equals("sun.misc.Signal$SunMiscHandler");
    }

    @Override
    public void handle(Signal signal) {
        drain.onSigterm();
    }

    /** What the JVM's own handler does: {@code Shutdown.exit(128 + 15)}. */
    private static final class Exit implements Runnable {
        @Override
        public void run() {
            Runtime.getRuntime().exit(128 + TERM.getNumber());
        }
    }

    private static final class Sleep implements Drain.Sleeper {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    }
}
