package io.eurekaagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every shape Eureka servers send (Spring Cloud's, Netflix's 1.x and 2.x, single objects or arrays), read the same way.
 */
class RegistryDocumentTest {
    static RegistryDocument parse(String json) throws IOException {
        return RegistryDocument.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 100);
    }

    @Test
    void aFullRegistryAsSpringCloudsServerSendsIt() throws Exception {
        RegistryDocument document =
                parse("{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"DOWN_1_UP_1_\","
                    + "\"application\":[{\"name\":\"ORDERS\",\"instance\":[{\"instanceId\":\"a:orders:8080\","
                    + "\"hostName\":\"a\","
                    + "\"app\":\"ORDERS\",\"ipAddr\":\"127.0.0.1\",\"status\":\"UP\",\"overriddenStatus\":\"UNKNOWN\","
                    + "\"port\":{\"$\":8080,\"@enabled\":\"true\"},\"securePort\":{\"$\":8443,\"@enabled\":\"true\"},"
                    + "\"leaseInfo\":{\"registrationTimestamp\":1700000000000},\"metadata\":{\"zone\":\"z1\"},"
                    + "\"vipAddress\":\"orders\",\"secureVipAddress\":\"orders-secure\",\"actionType\":\"ADDED\"},"
                    + "{\"instanceId\":\"b:orders:8080\",\"app\":\"ORDERS\",\"hostName\":\"b\","
                    + "\"ipAddr\":\"127.0.0.2\",\"status\":\"DOWN\",\"port\":{\"$\":8080,\"@enabled\":\"true\"}}]}]}}");

        assertEquals("DOWN_1_UP_1_", document.appsHashCode());
        RegisteredInstance a = document.instances().get(0);
        assertEquals(
                List.of(
                        "ORDERS",
                        "a:orders:8080",
                        "a",
                        "127.0.0.1",
                        "UP",
                        8080,
                        8443,
                        "orders",
                        "orders-secure",
                        "z1",
                        1700000000000L),
                List.of(
                        a.app(),
                        a.instanceId(),
                        a.hostName(),
                        a.ipAddr(),
                        a.status(),
                        a.port(),
                        a.portFor(true),
                        a.vipAddress(),
                        a.secureVipAddress(),
                        a.zone(),
                        a.registeredAt()));
        assertEquals("DOWN", document.instances().get(1).status());
    }

    @Test
    void singleObjectsStringNumbersAndTheLowerCaseOverrideAreAccepted() throws Exception {
        RegistryDocument document = parse("{\"applications\":{\"application\":{\"name\":\"PAY\",\"instance\":"
                + "{\"instanceId\":\"p1\",\"ipAddr\":\"127.0.0.9\",\"status\":\"UP\","
                + "\"overriddenstatus\":\"OUT_OF_SERVICE\","
                + "\"port\":{\"$\":\"9090\",\"@enabled\":true},\"leaseInfo\":{\"registrationTimestamp\":\"5\"}}}}}");

        RegisteredInstance pay = document.instances().get(0);
        assertEquals(
                List.of("PAY", 9090, "OUT_OF_SERVICE", 5L, ""),
                List.of(pay.app(), pay.port(), pay.status(), pay.registeredAt(), document.appsHashCode()));
    }

    @Test
    void anEmptyRegistryAndUnknownFieldsAreFine() throws Exception {
        String empty = "{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"\","
                + "\"application\":[],\"x\":{}}}";
        assertEquals(List.of(), parse(empty).instances());
    }

    @Test
    void instancesWithoutAnIdAreSkipped() throws Exception {
        assertEquals(
                1,
                parse("{\"applications\":{\"application\":[{\"name\":\"A\",\"instance\":[{\"ipAddr\":\"127.1.1.1\"},"
                                + "{\"instanceId\":\"ok\"}]}]}}")
                        .instances()
                        .size());
    }

    @Test
    void entriesNoCallerCanUseAreListedButNeverHandedOut() throws Exception {
        String[] entries = {
            "\"instanceId\":\"good\",\"hostName\":\"orders-1\",\"port\":{\"$\":8080,\"@enabled\":\"true\"}",
            "\"instanceId\":\"by-address\",\"hostName\":\"a/b?c\",\"ipAddr\":\"127.0.0.2\",\"port\":8080",
            "\"instanceId\":\"p99999\",\"hostName\":\"h\",\"port\":{\"$\":99999,\"@enabled\":\"true\"}",
            "\"instanceId\":\"p-5\",\"hostName\":\"h\",\"port\":{\"$\":-5,\"@enabled\":\"true\"}",
            "\"instanceId\":\"p0\",\"hostName\":\"h\",\"port\":{\"$\":0,\"@enabled\":\"true\"}",
            "\"instanceId\":\"no-host\",\"port\":8080",
            "\"instanceId\":\"metadata\",\"hostName\":\"169.254.169.254\",\"ipAddr\":\"169.254.169.254\",\"port\":80",
        };
        StringBuilder json =
                new StringBuilder("{\"applications\":{\"application\":{\"name\":\"ORDERS\",\"instance\":[");
        for (int i = 0; i < entries.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"app\":\"ORDERS\",\"status\":\"UP\",")
                    .append(entries[i])
                    .append('}');
        }
        RegistryDocument document = parse(json.append("]}}}").toString());
        Registry registry = Registry.of(document.instances());

        assertEquals(5, document.uncallable());
        assertEquals("UP_7_", registry.hashCodeOfStatuses());
        assertEquals(List.of("good orders-1", "by-address 127.0.0.2"), registry.named("orders").stream()
                .map(instance -> instance.instanceId() + " " + instance.hostName()).collect(Collectors.toList()));
    }

    @Test
    void moreInstancesThanTheBoundIsAnIoException() {
        String three = "{\"applications\":{\"application\":{\"name\":\"A\",\"instance\":["
                + "{\"instanceId\":\"1\",\"hostName\":\"h\"},{\"instanceId\":\"2\",\"hostName\":\"h\"},"
                + "{\"instanceId\":\"3\",\"hostName\":\"h\"}]}}}";
        IOException e = assertThrows(IOException.class,
                () -> RegistryDocument.parse(new ByteArrayInputStream(three.getBytes(StandardCharsets.UTF_8)), 2));
        assertEquals("the answer lists more than 2 instances", e.getMessage());
    }

    @Test
    void anXmlAnswerIsOneClearLine() {
        IOException e = assertThrows(
                IOException.class,
                () -> parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<applications><versions__delta>1</versions__delta></applications>"));

        assertEquals(
                "the answer is XML, not JSON (<?xml version=\"1.0\" encoding=\"UTF-8\"?> <applications><versions__...):"
                        + " a proxy may have dropped the request's Accept: application/json",
                e.getMessage());
    }

    @Test
    void somethingElseIsAnIoException() {
        assertThrows(IOException.class, () -> parse("<html>502 Bad Gateway</html>"));
        assertThrows(IOException.class, () -> parse("{\"application\":{}}"));
        assertThrows(IOException.class, () -> parse("{\"applications\":"));
    }
}
