package io.eurekaagent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A command line split into the command, its names, the {@code --all} flag and the {@code key=value} settings. */
final class Arguments {
    private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private final String command;
    private final List<String> names = new ArrayList<>();
    private final List<String> settings = new ArrayList<>();
    private boolean all;
    private String unknownFlag;

    private Arguments(String command) {
        this.command = command;
    }

    static Arguments parse(String[] args) {
        Arguments parsed = new Arguments(args[0]);
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--all")) {
                parsed.all = true;
            } else if (args[i].startsWith("--") && parsed.unknownFlag == null) {
                parsed.unknownFlag = args[i];
            } else if (args[i].contains("=")) {
                parsed.settings.add(args[i]);
            } else {
                parsed.names.add(args[i]);
            }
        }
        return parsed;
    }

    String command() {
        return command;
    }

    /** The app (or VIP address, for {@code instances}); null for {@code apps} and {@code check}. */
    String name() {
        return names.isEmpty() ? null : names.get(0);
    }

    String instanceId() {
        return names.size() > 1 ? names.get(1) : null;
    }

    boolean all() {
        return all;
    }

    List<String> settings() {
        return settings;
    }

    /** What is wrong with the command line, in one line with an example; null when nothing is. */
    String usageProblem() {
        int[] names = arity();
        if (names == null) {
            return "unknown command '" + command + "': expected apps, instances NAME, check, status APP,"
                    + " out-of-service APP, in-service APP, attach PID, inspect PID, version or help";
        }
        if (unknownFlag != null || all && !command.endsWith("-service")) {
            return "unknown option '" + (unknownFlag != null ? unknownFlag : "--all") + "' for " + command;
        }
        if (command.equals("attach")) {
            return this.names.size() == 1 && this.names.get(0).matches("[0-9]{1,10}") ? null
                    : "attach takes the process id of a running JVM, then key=value settings: java -jar"
                            + " eureka-agent.jar attach 4242 eureka.instance.appname=orders";
        }
        if (command.equals("inspect")) {
            return this.names.size() == 1 && this.names.get(0).matches("[0-9]{1,10}") && settings.isEmpty() ? null
                    : "inspect takes the process id of a running JVM: java -jar eureka-agent.jar inspect 4242";
        }
        if (this.names.size() < names[0] || this.names.size() > names[1]) {
            return command + " takes " + (names[1] == 0 ? "no name" : names[0] == names[1] ? "an app name"
                    : "an app name and optionally an instance id") + ", then key=value settings: "
                    + "java -jar eureka-agent.jar " + command + (names[1] == 0 ? "" : " orders")
                    + (names[1] == 2 ? " [web-1:orders:8080]" : "");
        }
        if (this.names.size() > 0 && !APP_NAME.matcher(name()).matches()) {
            return "'" + name() + "' is not an app name (letters, digits, '.', '_' or '-')";
        }
        return all && instanceId() != null ? "give an instance id or --all, not both" : null;
    }

    /** How many names the command takes, at least and at most; null for an unknown command. */
    private int[] arity() {
        switch (command) {
            case "apps":
            case "check":
                return new int[] {0, 0};
            case "instances":
            case "status":
            case "attach":
            case "inspect":
                return new int[] {1, 1};
            case "out-of-service":
            case "in-service":
                return new int[] {1, 2};
            default:
                return null;
        }
    }
}
