package io.eurekaagent.cli;

import io.eurekaagent.client.EurekaClient;
import io.eurekaagent.client.EurekaUnavailableException;
import io.eurekaagent.client.Transport;
import io.eurekaagent.config.AgentArguments;
import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.AgentMode;
import io.eurekaagent.config.InvalidSettingException;
import io.eurekaagent.config.Reference;
import io.eurekaagent.discovery.RegisteredInstance;
import io.eurekaagent.discovery.Registry;
import io.eurekaagent.discovery.RegistryCache;
import io.eurekaagent.discovery.RegistryLimits;
import io.eurekaagent.log.AgentVersion;
import io.eurekaagent.threads.AgentThreads;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code java -jar eureka-agent.jar COMMAND [key=value ...]}: the registry as a table, a preflight of the settings
 * and every server, and Eureka's status override, with the agent's own settings (-D, environment, arguments).
 */
public final class CommandLine {
    static final int OK = 0;
    static final int SERVER_PROBLEM = 1;
    static final int USAGE = 2;

    private static final String HELP = String.join(
                    "\n",
                    "usage: java [-Dkey=value ...] -jar eureka-agent.jar COMMAND [key=value ...]",
                    "",
                    "commands:",
                    "  apps             every registered instance: app, instance id, status, address, port, age",
                    "  instances NAME   the instances of one app (app name or VIP address, any case)",
                    "  check            check the settings and the connection to every configured Eureka server",
                    "  status APP       each instance of an app: status, override, host, address, port",
                    "  out-of-service APP [INSTANCE-ID] [--all]",
                    "                   take instances out of service (Eureka's status override): the given one,",
                    "                   else the app's instances on this host, or on every host with --all",
                    "  in-service APP [INSTANCE-ID] [--all]",
                    "                   remove the override: the instances are UP again",
                    "  attach PID       load the agent into a running JVM of this user (settings as key=value,",
                    "                   and those of this command's environment and -D properties)",
                    "  inspect PID      the state of the agent in a running JVM of this user: registered since,",
                    "                   last heartbeat, failures and their cause (exit 0 registered, 1 not, 2 no",
                    "                   agent there)",
                    "  version          the agent's version and the source revision it was built from",
                    "  help             this text",
                    "",
                    "Settings are the agent's: -D system properties, environment variables",
                    "(EUREKA_CLIENT_SERVICEURL_DEFAULTZONE=...) or key=value arguments after the command.",
                    "All of them are listed below and in docs/configuration.md.",
                    "",
                    "examples:",
                    "  java -jar eureka-agent.jar apps"
                            + " eureka.client.service-url.defaultZone=http://eureka:8761/eureka/",
                    "  java -Deureka.client.service-url.defaultZone=http://eureka:8761/eureka/ -jar eureka-agent.jar"
                            + " instances orders",
                    "  EUREKA_CLIENT_SERVICEURL_DEFAULTZONE=https://user:pw@eureka:8761/eureka/ java -jar"
                            + " eureka-agent.jar check",
                    "",
                    "exit codes: 0 done, 1 a server could not be read (or the app has no instance), 2 bad usage or"
                            + " settings",
                    "",
                    "settings, each with its default in parentheses:")
            + Reference.text();

    private final PrintStream out;

    CommandLine(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new MaskedOutput(System.out)).run(args, System.getProperties(), System.getenv()));
    }

    int run(String[] args, Properties properties, Map<String, String> env) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            // Line by line: the output escapes control characters, a line break among them.
            for (String line : HELP.split("\n", -1)) {
                out.println(line);
            }
            return args.length == 0 ? USAGE : OK;
        }
        if (args.length == 1 && (args[0].equals("version") || args[0].equals("--version") || args[0].equals("-v"))) {
            out.println(AgentVersion.text());
            return OK;
        }
        Arguments arguments = Arguments.parse(args);
        String usage = arguments.usageProblem();
        if (usage != null) {
            out.println(usage);
            return USAGE;
        }
        if (arguments.command().equals("inspect")) {
            return new Inspect(out).of(arguments.name());
        }
        String settings = arguments.settings().isEmpty() ? null : String.join(",", arguments.settings());
        if (arguments.command().equals("attach")) {
            String forwarded;
            try {
                forwarded = AgentArguments.forAttach(settings, properties, env);
            } catch (InvalidSettingException e) {
                report(e);
                return USAGE;
            }
            // Checked here, alone: the running JVM adds its own properties and environment.
            return load(forwarded, new Properties(), Map.of()) == null ? USAGE : attach(arguments.name(), forwarded);
        }
        AgentConfig config = load(settings, properties, env);
        if (config == null) {
            return USAGE;
        }
        if (config.mode() == AgentMode.OFF) {
            out.println("eureka.client.enabled=false: no Eureka settings to use");
            return USAGE;
        }
        Transport transport = Transport.of(config, AgentThreads.httpExecutor());
        EurekaClient client = EurekaClient.of(config.servers().serviceUrls(), config.servers(), transport);
        String name = arguments.name();
        switch (arguments.command()) {
            case "check":
                return new Preflight(out, config, transport).run();
            case "status":
                return new StatusCommands(out, client).status(name);
            case "out-of-service":
            case "in-service":
                Set<String> here = arguments.all() ? null : ThisHost.namesAndAddresses(config.instance());
                return new StatusCommands(out, client).override(name, arguments.instanceId(), here,
                        arguments.command().equals("out-of-service"));
            default:
                return list(client, name);
        }
    }

    /** The settings, or null after one line per bad one. */
    private AgentConfig load(String settings, Properties properties, Map<String, String> env) {
        try {
            return AgentConfig.load(settings, properties, env);
        } catch (InvalidSettingException e) {
            report(e);
            return null;
        }
    }

    private void report(InvalidSettingException e) {
        for (String problem : e.problems()) {
            out.println("invalid setting " + problem);
        }
    }

    private int attach(String pid, String settings) {
        try {
            Path jar = Paths.get(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Attach(out).into(pid, settings, jar);
        } catch (NoClassDefFoundError e) {
            out.println("this java has no attach API (module jdk.attach): run attach with a JDK's java, not a JRE's");
            return SERVER_PROBLEM;
        } catch (URISyntaxException | SecurityException e) {
            out.println("cannot tell where this jar is (" + e + "): load it with -javaagent instead");
            return SERVER_PROBLEM;
        }
    }

    /** {@code apps} (name null) or {@code instances NAME}. */
    private int list(EurekaClient client, String name) {
        Registry registry;
        try {
            registry = RegistryCache.fetchWhole(client, RegistryLimits.ofThisJvm());
        } catch (EurekaUnavailableException | IOException e) {
            out.println("cannot read the registry: " + e.getMessage());
            return SERVER_PROBLEM;
        }
        Collection<RegisteredInstance> shown = name == null ? registry.all() : registry.named(name);
        if (shown.isEmpty()) {
            out.println(name == null ? "the registry is empty" : "no instance of " + name + " is registered");
            return name == null ? OK : SERVER_PROBLEM;
        }
        new InstanceTable(out, System.currentTimeMillis()).print(sorted(shown));
        return OK;
    }


    private static List<RegisteredInstance> sorted(Collection<RegisteredInstance> instances) {
        List<RegisteredInstance> sorted = new ArrayList<>(instances);
        sorted.sort(Comparator.comparing(RegisteredInstance::app).thenComparing(RegisteredInstance::instanceId));
        return sorted;
    }
}
