package io.eurekaagent.cli;

import io.eurekaagent.log.AgentLog;
import java.io.PrintStream;

/**
 * The command line's output under the agent's one masking rule ({@link AgentLog#mask}): a failure message or a
 * server's answer that holds a configured password, in any of its forms, shows none of it (issue 21).
 */
final class MaskedOutput extends PrintStream {
    MaskedOutput(PrintStream out) {
        super(out, true);
    }

    /** Also what every println of a subclass writes through. */
    @Override
    public void print(String text) {
        super.print(AgentLog.mask(text));
    }
}
