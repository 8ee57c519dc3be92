package io.eurekaagent.config;

import io.eurekaagent.log.AgentLog;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * One Eureka server, e.g. {@code http://user:secret@eureka:8761/eureka/}. Credentials are kept apart from the URI
 * the requests use, so no exception or log line can carry them; {@link #toString()} masks the password.
 */
public final class ServiceUrl {
    private final URI base;
    private final String authorization;
    private final String display;

    private ServiceUrl(URI base, String authorization, String display) {
        this.base = base;
        this.authorization = authorization;
        this.display = display;
    }

    /** Parses one URL; the exception message says what is wrong with it. */
    public static ServiceUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("port " + uri.getPort() + " is not from 1 to 65535");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("no query or fragment allowed");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        URI base = URI.create(scheme + "://" + hostPort(uri) + path);
        String userInfo = uri.getRawUserInfo();
        String authorization = userInfo == null ? null : basicAuth(userInfo);
        String display =
                scheme + "://" + (userInfo == null ? "" : user(userInfo) + ":****@") + hostPort(uri) + path + "/";
        return new ServiceUrl(base, authorization, display);
    }

    private static String hostPort(URI uri) {
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                ? "[" + uri.getHost() + "]"
                : uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    private static String user(String rawUserInfo) {
        int colon = rawUserInfo.indexOf(':');
        return colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
    }

    private static String basicAuth(String rawUserInfo) {
        int colon = rawUserInfo.indexOf(':');
        String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        AgentLog.addCredentials(user, password, colon < 0 ? "" : rawUserInfo.substring(colon + 1));
        return "Basic " + token;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The base URL without credentials and without a trailing slash. */
    public URI uri() {
        return base;
    }

    /** {@code base + path}, where path starts with {@code /apps}. */
    public URI resolve(String path) {
        return URI.create(base + path);
    }

    public boolean isHttps() {
        return base.getScheme().equals("https");
    }

    /** The {@code Authorization} header value, or null when the URL carries no credentials. */
    public String authorization() {
        return authorization;
    }

    @Override
    public String toString() {
        return display;
    }
}
