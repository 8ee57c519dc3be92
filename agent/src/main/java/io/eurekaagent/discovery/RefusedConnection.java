package io.eurekaagent.discovery;

import io.eurekaagent.threads.AgentThreads;
import io.eurekaagent.log.AgentLog;
import java.net.InetSocketAddress;
import java.util.function.Function;

/**
 * What the name hook calls when HttpURLConnection's connect is refused: {exception, host, port} -> where else, or null.
 */
final class RefusedConnection implements Function<Object[], Object> {
    private final ServiceUrlRewriter rewriter;

    RefusedConnection(ServiceUrlRewriter rewriter) {
        this.rewriter = rewriter;
    }

    @Override
    public Object apply(Object[] call) {
        // The agent's own calls fail over between Eureka servers by themselves.
        if (!(call[1] instanceof String) || !(call[2] instanceof Integer)
                || AgentThreads.isAgentThread()) {
            return null;
        }
        try {
            InetSocketAddress elsewhere = rewriter.elsewhere((String) call[1], (Integer) call[2]);
            if (elsewhere != null) {
                AgentLog.debug(call[1] + ":" + call[2] + " refused the connection; trying " + elsewhere.getHostString()
                        + ":" + elsewhere.getPort());
            }
            return elsewhere;
        } catch (Exception e) {
            return null;
        }
    }
}
