package io.eurekaagent.log;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which agent this is: the version and source revision the build wrote into {@code agent-version.properties}, so
 * that an operator can tell from one line (or {@code --version}) which build runs, as OpenTelemetry's agent shows.
 */
public final class AgentVersion {
    private static final String UNKNOWN = "unknown";
    private static final String TEXT = read();

    private AgentVersion() {
    }

    /** {@code eureka-agent 0.2.0 (revision 0123456789ab)}; "unknown" for what a build outside git could not know. */
    public static String text() {
        return TEXT;
    }

    private static String read() {
        Properties built = new Properties();
        try (InputStream in = AgentVersion.class.getResourceAsStream("agent-version.properties")) {
            if (in != null) {
                built.load(in);
            }
        } catch (IOException e) {
            // said as "unknown" below
        }
        String revision = known(built.getProperty("revision"));
        return "eureka-agent " + known(built.getProperty("version")) + " (revision " + revision
                + ("true".equals(built.getProperty("dirty")) ? ", with uncommitted changes" : "") + ")";
    }

    /** An unfiltered placeholder (no git directory) reads as unknown. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
    }
}
