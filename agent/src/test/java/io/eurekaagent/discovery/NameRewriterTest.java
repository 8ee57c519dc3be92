package io.eurekaagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.bootstrap.NameHook;
import io.eurekaagent.jdk.HookContract;
import io.eurekaagent.testing.TestClasses;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hook in front of the JDK's HTTP entry points: argument replaced, a Throwable thrown or failed, agent bugs
 * harmless.
 */
class NameRewriterTest {
    private static final String TEMPLATE_HOOK = HookContract.NAME_TEMPLATE;

    /** Stands in for sun.net.www.protocol.http.Handler: remembers the URL it was asked to open. */
    public static class FakeHandler {
        public static URL opened;

        public URLConnection openConnection(URL url) {
            opened = url;
            return null;
        }
    }

    /** Stands in for HttpClientImpl: answers with the request it was given. */
    public static class FakeClient {
        public CompletableFuture<Object> sendAsync(HttpRequest request, HttpResponse.BodyHandler<?> handler,
                HttpResponse.PushPromiseHandler<?> pushHandler, Executor executor) {
            return CompletableFuture.completedFuture(request);
        }
    }

    /** Stands in for sun.net.NetworkClient: refuses every port but 8081. */
    public static class FakeNetworkClient {
        public static String connected;

        protected Socket doConnect(String host, int port) throws IOException {
            if (port != 8081) {
                throw new ConnectException("Connection refused");
            }
            connected = host + ":" + port;
            return null;
        }
    }

    @AfterEach
    void detach() {
        NameHook.resolver = null;
        NameHook.sent = null;
        NameHook.refusedHandler = null;
        NameHook.connectingHandler = null;
    }

    private static Class<?> instrumented(Class<?> fake, NameRewriter.Target target) throws Exception {
        return TestClasses.load(fake, NameRewriter.instrument(TestClasses.bytesOf(fake), target, TEMPLATE_HOOK));
    }

    @Test
    void aConnectGoesWhereTheConnectingHookSaysBeforeItIsMade() throws Exception {
        Class<?> client = instrumented(FakeNetworkClient.class, NameRewriter.Target.NETWORK_CLIENT);
        Method connect = client.getDeclaredMethod("doConnect", String.class, int.class);
        connect.setAccessible(true);
        Object instance = client.getConstructor().newInstance();
        NameHook.connectingHandler = call -> call[0] == instance && call[1].equals("cut-off")
                ? InetSocketAddress.createUnresolved("next", 8081) : null;

        connect.invoke(instance, "cut-off", 8081);
        assertEquals("next:8081", client.getField("connected").get(null));
        connect.invoke(instance, "kept", 8081);
        assertEquals("kept:8081", client.getField("connected").get(null));
    }

    @Test
    void aRefusedConnectGoesWhereTheHookSaysOnceOrFailsAsBefore() throws Exception {
        Class<?> client = instrumented(FakeNetworkClient.class, NameRewriter.Target.NETWORK_CLIENT);
        Method connect = client.getDeclaredMethod("doConnect", String.class, int.class);
        connect.setAccessible(true);
        Object instance = client.getConstructor().newInstance();
        NameHook.refusedHandler =
                call -> call[2].equals(8080) ? InetSocketAddress.createUnresolved("other", 8081) : null;

        connect.invoke(instance, "first", 8080);
        assertEquals("other:8081", client.getField("connected").get(null));

        InvocationTargetException e =
                assertThrows(InvocationTargetException.class, () -> connect.invoke(instance, "first", 9090));
        assertTrue(e.getCause() instanceof ConnectException, e.getCause().toString());
    }

    @Test
    void theFutureOfSendAsyncGoesThroughTheHook() throws Exception {
        Class<?> client = instrumented(FakeClient.class, NameRewriter.Target.HTTP_CLIENT);
        CompletableFuture<Object> replaced = CompletableFuture.completedFuture("retried");
        NameHook.sent = call -> replaced;

        Object sent = client.getMethod(
                        "sendAsync",
                        HttpRequest.class,
                        HttpResponse.BodyHandler.class,
                        HttpResponse.PushPromiseHandler.class,
                        Executor.class)
                .invoke(
                        client.getConstructor().newInstance(),
                        HttpRequest.newBuilder(URI.create("http://x/")).build(),
                        null,
                        null,
                        null);

        assertSame(replaced, sent);
    }

    @Test
    void theUrlHandlerOpensWhatTheHookReturnsOrThrowsItsThrowable() throws Exception {
        Class<?> handler = instrumented(FakeHandler.class, NameRewriter.Target.URL_HANDLER);
        Method open = handler.getMethod("openConnection", URL.class);
        URL instance = new URL("http://127.0.0.1:8080/x");
        NameHook.resolver = url -> instance;

        open.invoke(handler.getConstructor().newInstance(), new URL("http://orders/x"));
        assertSame(instance, handler.getField("opened").get(null));

        NameHook.resolver = url -> new UnknownHostException("orders: no UP instance");
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> open.invoke(handler.getConstructor().newInstance(), new URL("http://orders/x")));
        assertEquals("orders: no UP instance", e.getCause().getMessage());
    }

    @Test
    void httpClientSendsWhatTheHookReturnsOrFailsTheFuture() throws Exception {
        Class<?> client = instrumented(FakeClient.class, NameRewriter.Target.HTTP_CLIENT);
        Method send = client.getMethod("sendAsync", HttpRequest.class, HttpResponse.BodyHandler.class,
                HttpResponse.PushPromiseHandler.class, Executor.class);
        HttpRequest rewritten = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/x")).build();
        NameHook.resolver = request -> rewritten;

        CompletableFuture<?> sent = (CompletableFuture<?>) send.invoke(client.getConstructor().newInstance(),
                HttpRequest.newBuilder(URI.create("http://orders/x")).build(), null, null, null);
        assertSame(rewritten, sent.get());

        NameHook.resolver = request -> new UnknownHostException("orders: no UP instance");
        CompletableFuture<?> failed = (CompletableFuture<?>) send.invoke(client.getConstructor().newInstance(),
                HttpRequest.newBuilder(URI.create("http://orders/x")).build(), null, null, null);
        ExecutionException e = assertThrows(ExecutionException.class, failed::get);
        assertTrue(e.getCause() instanceof UnknownHostException, e.toString());
    }

    @Test
    void aResolverThatThrowsLeavesTheRequestAsItWas() throws Exception {
        Class<?> handler = instrumented(FakeHandler.class, NameRewriter.Target.URL_HANDLER);
        NameHook.resolver = url -> {
            throw new IllegalStateException("agent bug");
        };
        URL original = new URL("http://orders/x");

        handler.getMethod("openConnection", URL.class).invoke(handler.getConstructor().newInstance(), original);

        assertSame(original, handler.getField("opened").get(null));
    }

    @ParameterizedTest
    @CsvSource({
        "java.base, sun/net/www/protocol/http/Handler, openConnection, (Ljava/net/URL;, 2",
        "java.base, sun/net/www/protocol/https/Handler, openConnection, (Ljava/net/URL;, 2",
        "java.net.http, jdk/internal/net/http/HttpClientImpl, sendAsync,"
            + " (Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;"
            + "Ljava/net/http/HttpResponse$PushPromiseHandler;Ljava/util/concurrent/Executor;),"
            + " 1",
        "java.base, sun/net/NetworkClient, doConnect, (Ljava/lang/String;I), 1",
    })
    void theJdkEntryPointsOfThisJvmGetTheHook(
            String module, String jdkClass, String method, String descriptor, int expected) throws Exception {
        byte[] original = TestClasses.jdkClass(module, jdkClass);
        byte[] instrumented =
                NameRewriter.instrument(original, NameRewriter.Target.of(jdkClass), HookContract.NAME_HOOK);

        String hookMethod = jdkClass.equals(NameRewriter.NETWORK_CLIENT) ? "refused" : "rewrite";
        int hooked = TestClasses.callsIn(instrumented, method, descriptor, HookContract.NAME_HOOK, hookMethod);
        assertTrue(hooked >= 1 && hooked <= expected, jdkClass + " hooked " + hooked + " times");
    }
}
