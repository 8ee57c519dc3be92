package io.eurekaagent.config;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A Spring Boot 2+ jar's own configuration, read as Spring Boot reads it (issue 23): {@code application.properties},
 * {@code .yml} and {@code .yaml} in its classes, and those of the active profiles above them; documents of a file
 * that activate on a profile only with that profile; {@code ${NAME}} and {@code ${NAME:default}} resolved from system
 * properties, then environment variables, then the files themselves. Below every other source.
 */
public final class BootJarFiles {
    private static final String LOADER = "org.springframework.boot.loader.";
    private static final String[] EXTENSIONS = {".properties", ".yml", ".yaml"};
    private static final String PROFILES = "spring.profiles.active";
    /** Placeholders within placeholders' values: deeper is a loop ({@code a=${b}}, {@code b=${a}}). */
    private static final int MOST_NESTING = 8;

    private final JarFile jar;
    private final String classes;
    private final String jarName;
    private final List<String> warnings;
    /** Each file read once: the base files are read for the profiles they name, then for their settings. */
    private final Map<String, List<Map<String, String>>> read = new HashMap<>();

    private BootJarFiles(JarFile jar, String classes, String jarName, List<String> warnings) {
        this.jar = jar;
        this.classes = classes;
        this.jarName = jarName;
        this.warnings = warnings;
    }

    /**
     * The app's Spring Boot jar, or null: the main jar, or the first class-path entry when Boot's launcher is the main
     * class (layered container images).
     */
    public static String jarOf(String command, String classPath) {
        String main = JavaCommand.mainOf(command);
        String jar = main.endsWith(".jar") ? main
                : main.startsWith(LOADER) && classPath != null ? classPath.split(File.pathSeparator)[0] : null;
        return jar != null && jar.endsWith(".jar") ? jar : null;
    }

    /** Whether a jar's manifest is that of a Spring Boot 2+ jar (Boot 1's layout and keys differ). */
    public static boolean isBoot(Attributes manifest) {
        String version = manifest.getValue("Spring-Boot-Version");
        return version != null && !version.startsWith("1.") && !version.startsWith("0.");
    }

    public static String valueOr(Attributes attributes, String name, String fallback) {
        String value = attributes.getValue(name);
        return value == null ? fallback : value;
    }

    /** The settings with the app's Boot jar's files below them; unchanged when the app is no Boot jar. */
    static LayeredSettings addTo(LayeredSettings settings, Properties system, Map<String, String> env,
            List<String> warnings) {
        String path = jarOf(system.getProperty("sun.java.command"), system.getProperty("java.class.path"));
        try {
            if (path == null || !Files.isRegularFile(Path.of(path))) {
                return settings;
            }
            try (JarFile jar = new JarFile(path)) {
                Manifest manifest = jar.getManifest();
                Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
                if (!isBoot(attributes)) {
                    return settings;
                }
                String classes = valueOr(attributes, "Spring-Boot-Classes", "BOOT-INF/classes/");
                String name = Path.of(path).getFileName().toString();
                return new BootJarFiles(jar, classes, name, warnings).addTo(settings, system, env);
            }
        } catch (IOException | RuntimeException e) {
            warnings.add("the Spring Boot jar " + path + " could not be read for its own settings: " + e);
            return settings;
        }
    }

    private LayeredSettings addTo(LayeredSettings settings, Properties system, Map<String, String> env)
            throws IOException {
        Setting given = settings.get(PROFILES);
        String active = given != null ? given.value()
                : firstOf(unconditionalDocuments("application"), PROFILES, "default");
        try {
            active = resolve(active, Map.of(), system, env, 0);
        } catch (IllegalArgumentException unresolved) {
            active = "default";
        }
        Set<String> profiles = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String profile : active.split(",")) {
            if (!profile.isBlank() && profiles.add(profile.trim())) {
                names.add(0, profile.trim());
            }
        }
        // Highest first: the last profile's files, ..., the first's, then application.*; in each, .properties first.
        List<Map<String, String>> files = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String profile : names) {
            addFiles(files, sources, "application-" + profile, profiles);
        }
        addFiles(files, sources, "application", profiles);
        Map<String, String> all = new LinkedHashMap<>();
        for (Map<String, String> file : files) {
            for (Map.Entry<String, String> entry : file.entrySet()) {
                all.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
        for (int i = 0; i < files.size(); i++) {
            settings = settings.withLowest(ConfigSource.properties(sources.get(i),
                    resolved(files.get(i), sources.get(i), all, system, env)));
        }
        return settings;
    }

    /** Each file of this name that the jar has, its applicable documents merged (later ones win). */
    private void addFiles(List<Map<String, String>> files, List<String> sources, String name, Set<String> profiles)
            throws IOException {
        for (String extension : EXTENSIONS) {
            List<Map<String, String>> documents = documents(name + extension);
            if (documents != null) {
                Map<String, String> merged = new LinkedHashMap<>();
                for (Map<String, String> document : documents) {
                    if (applies(document, profiles)) {
                        merged.putAll(document);
                    }
                }
                files.add(merged);
                sources.add(name + extension + " in " + jarName);
            }
        }
    }

    /** The documents of a file name's files that apply whatever the profiles, highest first: what may name them. */
    private List<Map<String, String>> unconditionalDocuments(String name) throws IOException {
        List<Map<String, String>> unconditional = new ArrayList<>();
        for (String extension : EXTENSIONS) {
            List<Map<String, String>> documents = documents(name + extension);
            for (int i = documents == null ? -1 : documents.size() - 1; i >= 0; i--) {
                if (profilesOf(documents.get(i)) == null) {
                    unconditional.add(documents.get(i));
                }
            }
        }
        return unconditional;
    }

    /** The value of the first document (highest first) that sets the key; {@code fallback} when none does. */
    private static String firstOf(List<Map<String, String>> documents, String key, String fallback) {
        for (Map<String, String> document : documents) {
            if (document.containsKey(key)) {
                return document.get(key);
            }
        }
        return fallback;
    }

    /** A file's documents, or null when the jar has no such file; a malformed one is a line and no documents. */
    private List<Map<String, String>> documents(String file) throws IOException {
        if (!read.containsKey(file)) {
            read.put(file, parse(file));
        }
        return read.get(file);
    }

    private List<Map<String, String>> parse(String file) throws IOException {
        JarEntry entry = jar.getJarEntry(classes + file);
        if (entry == null) {
            return null;
        }
        String text;
        try (InputStream in = jar.getInputStream(entry)) {
            text = new String(in.readNBytes((int) ConfigFile.MAX_BYTES), StandardCharsets.UTF_8);
        }
        try {
            return file.endsWith(".properties") ? propertiesDocuments(text) : YamlDocuments.parse(text);
        } catch (IllegalArgumentException e) {
            warnings.add(file + " in " + jarName + " ignored: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Spring Boot 2.4+ splits a properties file into documents at {@code #---} and {@code !---} lines. Split by hand:
     * a regular expression's first use costs premain milliseconds.
     */
    private static List<Map<String, String>> propertiesDocuments(String text) throws IOException {
        List<Map<String, String>> documents = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if ((line.startsWith("#---") || line.startsWith("!---")) && line.substring(4).isBlank()) {
                documents.add(properties(part.toString()));
                part.setLength(0);
            } else {
                part.append(line).append('\n');
            }
        }
        documents.add(properties(part.toString()));
        return documents;
    }

    private static Map<String, String> properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, String> document = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            document.put(key, properties.getProperty(key));
        }
        return document;
    }

    /** The profiles a document activates on ({@code spring.config.activate.on-profile}, Boot 2's spring.profiles). */
    private static String profilesOf(Map<String, String> document) {
        String onProfile = document.get("spring.config.activate.on-profile");
        return onProfile != null ? onProfile : document.get("spring.profiles");
    }

    private static boolean applies(Map<String, String> document, Set<String> active) {
        String profiles = profilesOf(document);
        if (profiles == null) {
            return true;
        }
        for (String listed : profiles.split(",")) {
            String profile = listed.trim();
            if (profile.startsWith("!") ? !active.contains(profile.substring(1)) : active.contains(profile)) {
                return true;
            }
        }
        return false;
    }

    /** The file's values with their placeholders resolved; a value that cannot be is left out, with a line. */
    private Map<String, String> resolved(Map<String, String> file, String source, Map<String, String> all,
            Properties system, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : file.entrySet()) {
            try {
                values.put(entry.getKey(), resolve(entry.getValue(), all, system, env, 0));
            } catch (IllegalArgumentException unresolved) {
                if (Catalog.isDeclared(entry.getKey())) {
                    warnings.add(entry.getKey() + "=" + entry.getValue() + " (" + source + ") left out: "
                            + unresolved.getMessage());
                }
            }
        }
        return values;
    }

    private static String resolve(String value, Map<String, String> all, Properties system, Map<String, String> env,
            int depth) {
        int start = value.indexOf("${");
        if (start < 0) {
            return value;
        }
        int end = closing(value, start + 2);
        if (end < 0 || depth >= MOST_NESTING) {
            throw new IllegalArgumentException(end < 0 ? "a ${ without its }" : "placeholders refer to each other");
        }
        String inner = value.substring(start + 2, end);
        int colon = inner.indexOf(':');
        String name = colon < 0 ? inner : inner.substring(0, colon);
        String found = lookUp(name, all, system, env);
        if (found == null && colon < 0) {
            throw new IllegalArgumentException(name + " is not set (no system property, environment variable or"
                    + " setting of the jar's), and the placeholder has no default (${" + name + ":default})");
        }
        String replacement = resolve(found != null ? found : inner.substring(colon + 1), all, system, env,
                depth + 1);
        return value.substring(0, start) + replacement
                + resolve(value.substring(end + 1), all, system, env, depth);
    }

    /** The index of the {@code }} that closes a placeholder opened before {@code from}, nested ones skipped. */
    private static int closing(String value, int from) {
        int open = 1;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("${", i)) {
                open++;
                i++;
            } else if (value.charAt(i) == '}' && --open == 0) {
                return i;
            }
        }
        return -1;
    }

    /** As Spring's environment finds a name: system property, environment variable (also in its upper-case form). */
    private static String lookUp(String name, Map<String, String> all, Properties system, Map<String, String> env) {
        String value = system.getProperty(name);
        if (value == null) {
            value = env.get(name);
        }
        if (value == null) {
            value = env.get(name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT));
        }
        return value != null ? value : all.get(name);
    }
}
