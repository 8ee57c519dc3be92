package io.eurekaagent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.eurekaagent.agent.EurekaAgent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code attach PID [key=value ...]}: loads this jar as the agent into a running JVM of the same user, with the
 * settings as agent arguments, through the JDK's attach API (module jdk.attach: a JDK's java, not a JRE's).
 */
final class Attach {
    private final PrintStream out;

    Attach(PrintStream out) {
        this.out = out;
    }

    int into(String pid, String agentArguments, Path agentJar) {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            out.println("cannot attach to " + pid + ": " + e.getMessage()
                    + " (it must be a running JVM of this user, in this container, started without"
                    + " -XX:+DisableAttachMechanism)");
            return CommandLine.SERVER_PROBLEM;
        }
        try {
            if (vm.getSystemProperties().getProperty(EurekaAgent.LOADED_PROPERTY) != null) {
                out.println("the agent is already loaded into " + pid + ": nothing changed");
                return CommandLine.OK;
            }
            vm.loadAgent(agentJar.toString(), agentArguments);
            out.println("the agent is loaded into " + pid + "; it registers the app once it finds its port,"
                    + " and its lines go to that process's standard error");
            return CommandLine.OK;
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            out.println("cannot load the agent into " + pid + ": " + e);
            return CommandLine.SERVER_PROBLEM;
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the target went away: nothing to detach from
            }
        }
    }
}
