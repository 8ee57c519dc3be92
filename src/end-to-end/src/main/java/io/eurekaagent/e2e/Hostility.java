package io.eurekaagent.e2e;

import io.eurekaagent.e2e.HostileEureka.Answer;
import io.eurekaagent.e2e.HostileEureka.Call;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What a hostile Eureka server does to one kind of call, and the line the agent prints about it. */
public enum Hostility {
    GZIP_BOMB(Call.FETCH, "registry fetch failed: unreadable answer", "unzips to more than 64 MB"),
    TINY_INSTANCES(Call.FETCH, "registry fetch failed: unreadable answer", "lists more than 4096 instances"),
    DEEP_NESTING(Call.FETCH, "registry fetch failed: unreadable answer", "nesting depth"),
    ENDLESS_REGISTRY(
            Call.FETCH, "registry fetch failed", "is larger than 4 MB, the most a registry may take at this heap size"),
    STALLED_REGISTRY(Call.FETCH, "registry fetch failed", "no answer within"),
    DRIPPING_REGISTRY(Call.FETCH, "registry fetch failed", "no answer within"),
    ENDLESS_HEARTBEAT_ANSWER(Call.HEARTBEAT, "DEBUG renewed", ""),
    ECHOED_AUTHORIZATION(Call.HEARTBEAT, "heartbeat failed: HTTP 401",
            "you sent Authorization: Basic ****\",\"decoded\":\"****\",\"encoded\":\"****\""),
    HTML_200_TO_A_REGISTRATION(
            Call.REGISTRATION, "registration failed", "HTTP 200 where a Eureka server answers 204 (is it one?)"),
    HTTP_400_TO_A_HEARTBEAT(
            Call.HEARTBEAT, "heartbeat failed: HTTP 400", "a 11-character body that is not JSON, not shown; registering"
                    + " again");

    public final Call call;
    /** The start of the agent's line about it, and what that line says. */
    public final String line;
    public final String detail;

    Hostility(Call call, String line, String detail) {
        this.call = call;
        this.line = line;
        this.detail = detail;
    }

    public Answer answer() throws IOException {
        switch (this) {
            case GZIP_BOMB:
                return HostileEureka.gzipped(("{" + " ".repeat(80 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII));
            case TINY_INSTANCES:
                StringBuilder tiny =
                        new StringBuilder("{\"applications\":{\"application\":[{\"name\":\"A\",\"instance\":[");
                for (int i = 0; i < 200_000; i++) {
                    tiny.append(i == 0 ? "" : ",")
                            .append("{\"instanceId\":\"")
                            .append(i)
                            .append("\",\"hostName\":\"h\"}");
                }
                return HostileEureka.gzipped(tiny.append("]}]}}").toString().getBytes(StandardCharsets.US_ASCII));
            case DEEP_NESTING:
                return HostileEureka.gzipped(("{\"applications\":{\"application\":" + "[".repeat(1_000_000))
                        .getBytes(StandardCharsets.US_ASCII));
            case ENDLESS_REGISTRY:
            case ENDLESS_HEARTBEAT_ANSWER:
                return HostileEureka.endless();
            case STALLED_REGISTRY:
                return HostileEureka.stalled();
            case DRIPPING_REGISTRY:
                return HostileEureka.dripping();
            case ECHOED_AUTHORIZATION:
                return HostileEureka.echoingAuthorization(401);
            case HTML_200_TO_A_REGISTRATION:
                return HostileEureka.status(200, "text/html", "<html><body>Sign in to the network</body></html>"
                        .getBytes(StandardCharsets.UTF_8));
            default:
                return HostileEureka.status(400, "text/plain", "bad request".getBytes(StandardCharsets.UTF_8));
        }
    }
}
