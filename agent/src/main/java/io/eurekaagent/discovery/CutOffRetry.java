package io.eurekaagent.discovery;

import io.eurekaagent.threads.AgentThreads;
import io.eurekaagent.log.AgentLog;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.function.Function;

/**
 * What the name hook calls as HttpURLConnection opens a socket, {client, host, port}: when the connect is the JDK's
 * own single retry of a request whose connection was cut off (a reset, or closed without an answer: the instance is
 * stopping, still accepting), and the address was handed out for a service, the retry goes to another UP instance
 * instead of the one that cut it off. The JDK retries only what it deems safe (not a POST, not a streamed body).
 */
final class CutOffRetry implements Function<Object[], Object> {
    private final ServiceUrlRewriter rewriter;
    /** {@code sun.net.www.http.HttpClient.failedOnce}: true while the JDK repeats a request once. */
    private final Field failedOnce;

    CutOffRetry(ServiceUrlRewriter rewriter, Field failedOnce) {
        this.rewriter = rewriter;
        this.failedOnce = failedOnce;
    }

    @Override
    public Object apply(Object[] call) {
        if (!(call[1] instanceof String)
                || !(call[2] instanceof Integer)
                || !failedOnce.getDeclaringClass().isInstance(call[0])
                || AgentThreads.isAgentThread()) {
            return null;
        }
        try {
            if (!failedOnce.getBoolean(call[0])) {
                return null;
            }
            InetSocketAddress elsewhere = rewriter.elsewhere((String) call[1], (Integer) call[2]);
            if (elsewhere != null) {
                AgentLog.debug(call[1] + ":" + call[2] + " cut the connection off; repeating at "
                        + elsewhere.getHostString() + ":" + elsewhere.getPort());
            }
            return elsewhere;
        } catch (Exception e) {
            return null;
        }
    }
}
