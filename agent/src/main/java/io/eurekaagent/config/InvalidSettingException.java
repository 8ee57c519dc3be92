package io.eurekaagent.config;

import io.eurekaagent.log.AgentLog;
import java.util.List;

/** One or more settings the agent cannot work with; each message names the key, the value and what is expected. */
public final class InvalidSettingException extends Exception {
    private final List<String> problems;
    private final boolean failFast;

    InvalidSettingException(List<String> problems) {
        this(problems, false);
    }

    InvalidSettingException(List<String> problems, boolean failFast) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.failFast = failFast;
    }

    /** {@code eureka.agent.fail-fast=true}: the JVM should not start without the agent. */
    public boolean failFast() {
        return failFast;
    }

    /** {@code key=value (source): expected ...}, with any password (a password key's value, or in a URL) masked. */
    static String describe(Setting setting, String expected) {
        String value = RelaxedNames.canonical(setting.key()).contains("password") ? "****" : setting.value();
        return AgentLog.mask(setting.key() + "=" + value + " (" + setting.source() + "): expected " + expected);
    }

    public List<String> problems() {
        return problems;
    }
}
