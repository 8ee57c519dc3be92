package io.eurekaagent;

import io.eurekaagent.agent.EurekaAgent;
import io.eurekaagent.cli.CommandLine;
import java.lang.instrument.Instrumentation;

/**
 * What the manifest names, compiled for Java 8 (issue 10): legacy WARs still run on Java 8, where a premain class
 * for Java 11 would fail with UnsupportedClassVersionError. On a JVM older than 11 this says so in one line and the
 * application runs without the agent; on 11 and newer it hands over. It refers to the rest only in code that runs
 * on 11+, which the JVM resolves only then.
 */
public final class JavaVersionGate {
    private JavaVersionGate() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        if (supported()) {
            EurekaAgent.premain(arguments, instrumentation);
        }
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        if (supported()) {
            EurekaAgent.agentmain(arguments, instrumentation);
        }
    }

    public static void main(String[] arguments) {
        if (supported()) {
            CommandLine.main(arguments);
        } else {
            System.exit(1);
        }
    }

    private static boolean supported() {
        String refusal = refusal(System.getProperty("java.specification.version"));
        if (refusal != null) {
            System.err.println(refusal);
        }
        return refusal == null;
    }

    /** The line for a JVM too old, or null: {@code version} is {@code java.specification.version} (1.8, 11, 17 ...). */
    static String refusal(String version) {
        int feature;
        try {
            feature = version.startsWith("1.") ? 8 : Integer.parseInt(version);
        } catch (RuntimeException unknown) {
            return null;
        }
        return feature >= 11 ? null
                : "[eureka-agent] needs Java 11 or newer; this JVM is " + version + ": the application runs without it";
    }
}
