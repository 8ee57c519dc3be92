package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An HTTP server bound after it was made: its interest in accepting comes before its port. */
class LateBindTest {
    /**
     * {@code HttpServer.create()} registers its interest in accepting before it is bound: seen only at the bind, it
     * is registered with no caller, within a second, whether it is alone or bound with a TLS-looking port beside it.
     */
    @ParameterizedTest(name = "with a TLS-looking port beside it: {0}")
    @ValueSource(booleans = {false, true})
    void anHttpServerBoundAfterItWasCreatedIsRegisteredWithNoCallerWithinASecond(boolean tlsBeside)
            throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        List<String> wrong = TwentyStarts.of(eureka, "late-bind-" + tlsBeside, 2, true, (name, plain) -> {
            List<String> ports = new ArrayList<>(List.of(Integer.toString(plain)));
            if (tlsBeside) {
                ports.add(Integer.toString(TwentyStarts.tlsLookingFreePort()));
            }
            List<String> command =
                    new ArrayList<>(List.of("-cp", TwentyStarts.classes(), "io.eurekaagent.e2e.apps.LateBindApp"));
            command.addAll(ports);
            return ServingPortTest.app(eureka, name).main(command.toArray(new String[0])).start(name);
        });
        assertEquals(List.of(), wrong, "20 of 20 starts registered");
    }

}
