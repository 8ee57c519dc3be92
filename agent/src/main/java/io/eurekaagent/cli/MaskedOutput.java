package io.eurekaagent.cli;

import io.eurekaagent.log.AgentLog;
import java.io.PrintStream;

/**
 * The command line's output under the agent's rules for its own lines (issue 21): masked ({@link AgentLog#mask}), so
 * a failure message or a server's answer that holds a configured password, in any of its forms, shows none of it;
 * and one line per {@code println}, control characters escaped ({@link AgentLog#oneLine}), so an exception message
 * holding a line break cannot split one.
 */
final class MaskedOutput extends PrintStream {
    MaskedOutput(PrintStream out) {
        super(out, true);
    }

    /** Also what every println of a subclass writes through. */
    @Override
    public void print(String text) {
        super.print(AgentLog.oneLine(AgentLog.mask(text)));
    }
}
